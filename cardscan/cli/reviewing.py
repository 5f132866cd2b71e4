"""`cardscan review`: check cards in a local web page, each card's image beside its fields."""

from __future__ import annotations

import signal
import threading
import webbrowser
from typing import Annotated

import typer

from ..web import ReviewConfig, ReviewServer, create_app, is_loopback
from ..web.cards import selection
from .app import app
from .exporting import SinceOption, _check_ids, _flatten, _ids
from .options import DbOption, RegionOption, open_store, region_of


@app.command()
def review(
    ids: Annotated[
        list[int] | None,
        typer.Option("--ids", parser=_ids, metavar="1,2,5", help="Review these contact ids."),
    ] = None,
    tag: Annotated[str | None, typer.Option("--tag", help="Only contacts with this tag.")] = None,
    since: SinceOption = None,
    everything: Annotated[
        bool,
        typer.Option(
            "--all", help="Every contact (of --tag / --since), not only those with doubts."
        ),
    ] = False,
    no_browser: Annotated[
        bool, typer.Option("--no-browser", help="Print the page's address but open no browser.")
    ] = False,
    host: Annotated[
        str, typer.Option("--host", help="Address to serve on; only this machine by default.")
    ] = "127.0.0.1",
    port: Annotated[
        int,
        typer.Option(
            "--port",
            min=0,
            max=65535,
            metavar="PORT",
            show_default=False,
            help="Port (default: a free one).",
        ),
    ] = 0,
    allow_remote: Annotated[
        bool,
        typer.Option(
            "--allow-remote",
            help="Allow a --host other machines can reach (anyone holding the link can edit).",
        ),
    ] = False,
    region: RegionOption = None,
    db: DbOption = None,
) -> None:
    """Check cards in a local web page: each card's image beside its fields, doubtful first.

    Serves until "Done" is pressed on the page or Ctrl-C.
    """
    if not is_loopback(host):
        if not allow_remote:
            raise typer.BadParameter(
                f"{host} is not this machine only; add --allow-remote to serve it there",
                param_hint="--host",
            )
        typer.echo(
            f"cardscan: warning: serving on {host}: anyone who can reach it and holds the link "
            "can read and change your contacts, over plain HTTP",
            err=True,
        )
    wanted = _flatten(ids)
    # read-only: a mistyped --db is refused, not created empty (the page writes through it later)
    with open_store(db, reading=True) as store:
        chosen = selection(store, wanted, tag, since, everything)
        if wanted is not None:
            _check_ids(wanted, set(chosen), str(store.path))
        path = store.path
    if not chosen:
        hint = "" if everything or wanted else " (--all to review every contact)"
        typer.echo(f"cardscan: no contacts to review{hint}", err=True)
        return
    config = ReviewConfig(db=path, ids=chosen, region=region_of(region))
    try:
        server = ReviewServer(create_app(config), host, port)
    except OSError as e:
        raise typer.BadParameter(f"cannot serve on {host}:{port} ({e.strerror})") from None
    config.on_done = server.stop
    url = server.url(config.keys.token)
    noun = "card" if len(chosen) == 1 else "cards"
    typer.echo(
        f"cardscan: reviewing {len(chosen)} {noun}; Ctrl-C or Done on the page stops", err=True
    )
    typer.echo(url)
    if not no_browser:
        threading.Thread(target=_open, args=(url,), daemon=True).start()
    _serve(server)
    typer.echo("cardscan: review finished", err=True)


def _open(url: str) -> None:
    """Open the page in the default browser (slow to return on some systems, so in a thread)."""
    if not webbrowser.open(url):
        typer.echo("cardscan: no browser could be opened; open the address above", err=True)


def _serve(server: ReviewServer) -> None:
    """Serve until Done, Ctrl-C or SIGTERM."""
    # SIGTERM (a closed terminal, a test stopping it) ends the review as Ctrl-C does
    previous = signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
