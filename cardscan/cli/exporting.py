"""`cardscan export` and `cardscan import`: contacts to and from vCard, CSV and JSON files."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from ..contact import MeetingRecord
from ..dates import parse_date
from ..errors import NoMatchError, NotFoundError
from ..export import ExportFormat, import_contacts, read_contacts_file, read_input, render
from .app import app, say
from .options import DbOption, RegionOption, open_store, region_of
from .outputs import ForceOption, write_output
from .values import past_date

_VCARDS = (ExportFormat.vcard, ExportFormat.vcard4)


def _since(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


SinceOption = Annotated[
    date | None,
    typer.Option(
        "--since",
        parser=_since,
        metavar="DATE",
        help="Only contacts met on or after DATE: YYYY-MM-DD, yesterday, 2 weeks ago.",
    ),
]


def _ids(text: str) -> list[int]:
    try:
        return [int(part) for part in text.replace(" ", "").split(",") if part]
    except ValueError:
        raise typer.BadParameter(f"not a list of ids: {text!r} (use e.g. 1,2,5)") from None


@app.command()
def export(
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="vcard (3.0), vcard4, csv (cardscan's fields), google, outlook, "
            "or json (one object per line).",
        ),
    ] = ExportFormat.vcard,
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-s",
            help="Only contacts matching this text, as `cardscan list --search` finds them.",
        ),
    ] = None,
    tag: Annotated[
        str | None, typer.Option("--tag", help="Only contacts with this tag (any case).")
    ] = None,
    since: SinceOption = None,
    ids: Annotated[
        list[int] | None,
        typer.Option("--ids", parser=_ids, metavar="1,2,5", help="Only these contact ids."),
    ] = None,
    output: Annotated[
        str,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to FILE ('-' = stdout); an existing FILE needs --force.",
        ),
    ] = "-",
    photo: Annotated[
        bool, typer.Option("--photo", help="Embed the flattened card image (vCard only).")
    ] = False,
    force: ForceOption = False,
    db: DbOption = None,
) -> None:
    """Write stored contacts to a file other tools import: vCard by default, to stdout."""
    if photo and fmt not in _VCARDS:
        raise typer.BadParameter("--photo goes with --format vcard or vcard4", param_hint="--photo")
    wanted = _flatten(ids)
    with open_store(db, reading=True) as store:
        contacts = store.list(search=search, tag=tag, since=since, ids=wanted)
        if wanted is not None:
            _check_ids(wanted, {s.id for s in contacts}, str(store.path))
        photos = {s.id: img for s in contacts if (img := store.card_image(s.id))} if photo else {}
    if not contacts and (search or tag or since):
        raise NoMatchError(_no_match(search, tag, since))
    data, warnings = render(fmt, contacts, photos)
    for warning in warnings:
        say(warning)
    _write(output, data, force)
    where = "" if output == "-" else f" to {output}"
    noun = "contact" if len(contacts) == 1 else "contacts"
    say(f"exported {len(contacts)} {noun}{where}")


def _no_match(search: str | None, tag: str | None, since: date | None) -> str:
    filters = [f"--search {search!r}"] if search else []
    filters += [f"--tag {tag!r}"] if tag else []
    filters += [f"--since {since}"] if since else []
    return f"no contacts match {' '.join(filters)}: nothing exported"


def _flatten(ids: list[list[int]] | list[int] | None) -> list[int] | None:
    """Return the ids of every --ids given (each is a comma list), or None when none was."""
    if not ids:
        return None
    flat: list[int] = []
    for item in ids:
        flat.extend(item if isinstance(item, list) else [item])
    return flat


def _check_ids(wanted: list[int], found: set[int], store_path: str) -> None:
    missing = [i for i in wanted if i not in found]
    if missing:
        listed = ", ".join(str(i) for i in missing)
        raise NotFoundError(f"no contact with id {listed} in {store_path} (or filtered out)")


def _write(output: str, data: bytes, force: bool) -> None:
    if output == "-":
        typer.echo(data, nl=False)
    else:
        write_output(Path(output), data, force)


@app.command("import")
def import_(
    file: Annotated[
        str,
        typer.Argument(
            metavar="FILE",
            help="A .vcf (vCard 2.1/3.0/4.0), a Google, Outlook or cardscan .csv, "
            "or cardscan JSON lines; '-' reads stdin.",
        ),
    ],
    met: Annotated[
        str | None,
        typer.Option("--met", help="Add this meeting to every contact read (where you met)."),
    ] = None,
    on: Annotated[
        date | None,
        typer.Option(
            "--on",
            parser=past_date,
            metavar="DATE",
            help="The day of that meeting: YYYY-MM-DD, yesterday, 3 days ago.",
            show_default=False,
        ),
    ] = None,
    region: RegionOption = None,
    db: DbOption = None,
) -> None:
    """Read contacts from a file; one with a stored email or phone updates that contact.

    Contacts come without a meeting (not due for a follow-up) unless the file has one or
    --met/--on is given. A cardscan JSON export is restored exactly: meetings, notes,
    tags and follow-up state.
    """
    meeting = MeetingRecord(met, on) if met is not None or on is not None else None
    data = read_input(file)
    incoming, warnings, kind = read_contacts_file(file, data, region_of(region))
    for warning in warnings:
        say(f"{file}: {warning}")
    with open_store(db) as store:
        summary = import_contacts(store, incoming, meeting)
    say(
        f"imported {summary.imported} from {kind}: {summary.added} added, {summary.updated} updated"
    )
