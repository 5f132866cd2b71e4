"""The typer app, and the one place that turns cardscan's errors into exit codes."""

from __future__ import annotations

import re
from typing import Any

import typer
from typer import core as typer_core
from typer.core import TyperGroup

from .. import __version__
from ..control_chars import escape_controls
from ..errors import CardscanError, ExitCode
from . import terminal


def fail(message: str) -> None:
    """Print one line to stderr (the only way commands report problems)."""
    say(message)


def say(message: str) -> None:
    """Print a one-line status message to stderr (above a progress bar while one is drawn);
    control characters (in file names) escaped."""
    terminal.say(escape_controls(message))


class _ReportingGroup(TyperGroup):
    """Turns a CardscanError from any command into one stderr line and its exit code."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click.Context
        try:
            return super().invoke(ctx)
        except CardscanError as e:
            fail(str(e))
            raise typer.Exit(int(e.exit_code)) from None
        except KeyboardInterrupt:  # Ctrl-C, or SIGTERM (see main); batches say more first
            fail("interrupted")
            raise typer.Exit(int(ExitCode.INTERRUPTED)) from None


#: Help shows a value's kind as a word, not a Python type: typer 0.29 writes "<list[str]>".
_TYPE_WORDS = {"str": "TEXT", "int": "INTEGER", "float": "NUMBER", "file": "FILE", "path": "PATH"}
_python_display_type = typer_core._TyperParameter.display_type


def _display_type(self: Any, ctx: Any) -> str | None:
    if getattr(self, "is_flag", False):
        return None  # a flag takes no value
    shown = str(_python_display_type(self, ctx)).strip("<>")
    inner = re.fullmatch(r"list\[(.*)\]", shown)
    shown = inner[1] if inner else shown
    return _TYPE_WORDS.get(shown, shown.upper() if shown.isidentifier() else shown)


typer_core._TyperParameter.display_type = _display_type  # type: ignore[method-assign,assignment]


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"cardscan {__version__}")
        raise typer.Exit()


app = typer.Typer(
    cls=_ReportingGroup,
    help="Turn photos of business cards into contacts you can trust, and follow up on them.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


@app.callback()
def _main(
    version: bool = typer.Option(
        False,
        "--version",
        callback=_show_version,
        is_eager=True,
        help="Print the version and exit.",
    ),
) -> None:
    """Turn photos of business cards into contacts you can trust, and follow up on them."""
