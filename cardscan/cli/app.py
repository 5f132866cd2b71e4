"""The typer app, and the one place that turns cardscan's errors into exit codes."""

from __future__ import annotations

from typing import Any

import typer
from typer.core import TyperGroup

from ..errors import CardscanError


def fail(message: str) -> None:
    """Print one line to stderr (the only way commands report problems)."""
    typer.echo(f"cardscan: {message}", err=True)


class _ReportingGroup(TyperGroup):
    """Turns a CardscanError from any command into one stderr line and its exit code."""

    def invoke(self, ctx: Any) -> Any:  # typer's vendored click.Context
        try:
            return super().invoke(ctx)
        except CardscanError as e:
            fail(str(e))
            raise typer.Exit(int(e.exit_code)) from None


app = typer.Typer(
    cls=_ReportingGroup,
    help="Turn photos of business cards into contacts you can trust, and follow up on them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)
