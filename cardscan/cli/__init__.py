"""The command-line interface: thin commands over the cardscan library."""

from __future__ import annotations

import signal

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
    # SIGTERM stops cardscan as Ctrl-C does: a batch ends with its summary, workers stopped.
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    app(prog_name="cardscan")


__all__ = ["app", "main"]
