"""The command-line interface: thin commands over the cardscan library."""

from __future__ import annotations

from . import (  # noqa: F401  (registers commands)
    adding,
    contacts,
    exporting,
    followups,
    reviewing,
    scanning,
)
from .app import app


def main() -> None:
    """Entry point of the `cardscan` console script."""
    app(prog_name="cardscan")


__all__ = ["app", "main"]
