"""Writing to a terminal: colour, tables fitted to its width, and lines above a progress bar.

Off a terminal (a pipe, a file, the tests' runner) everything is plain text as before: rows stay
tab-separated and nothing is coloured. Colour follows rich, which honours NO_COLOR.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TextIO

import typer
from rich.console import Console, RenderableType
from rich.progress import Progress
from rich.table import Table
from rich.text import Text

from ..control_chars import escape_controls

#: The progress display drawn at the moment, if any: lines for its terminal go above it.
_live: Progress | None = None


def _stream(err: bool) -> TextIO:
    return sys.stderr if err else sys.stdout


def _is_terminal(err: bool) -> bool:
    stream = _stream(err)
    return hasattr(stream, "isatty") and stream.isatty()


def write(renderable: RenderableType, err: bool = False) -> None:
    """Print text (or a rich table) and a line end; above the progress bar while one is drawn."""
    if not _is_terminal(err):
        typer.echo(renderable if isinstance(renderable, str) else str(renderable), err=err)
        return
    console = _live.console if _live is not None else Console(file=_stream(err))
    console.print(renderable, markup=False, highlight=False, soft_wrap=True, crop=False)


def say(message: str) -> None:
    """Print a "cardscan: ..." message on stderr."""
    write(f"cardscan: {message}", err=True)


def block(text: str) -> None:
    """Print a contact block on stdout; on a terminal the doubt markers "?" and "!" in colour."""
    if not _is_terminal(err=False):
        typer.echo(text)
        return
    styled = Text()
    for i, line in enumerate(text.split("\n")):
        if i:
            styled.append("\n")
        if line.startswith("?"):
            styled.append("?", style="bold yellow")
            styled.append(line[1:])
        else:
            styled.append(line, style="yellow" if line.lstrip().startswith("! ") else "")
    write(styled)


def rows(headers: Sequence[str], values: Sequence[Sequence[str]], right: int = 1) -> None:
    """Print rows on stdout: tab-separated off a terminal, else a table fitted to its width.

    The first `right` columns (ids, counts) are right-aligned; no cell wraps: a long one is
    cut with "…" so each row stays one line.
    """
    # stored values: a name from a shared vCard must not move the cursor or retitle the window
    values = [[escape_controls(cell) for cell in row] for row in values]
    if not _is_terminal(err=False):
        for row in values:
            typer.echo("\t".join(row))
        return
    table = Table(box=None, pad_edge=False, header_style="bold", show_edge=False, expand=True)
    for i, header in enumerate(headers):
        longest = max(len(header), *(len(row[i]) for row in values))
        fixed = i < right or longest <= _FIXED
        table.add_column(
            header,
            justify="right" if i < right else "left",
            no_wrap=True,
            overflow="ellipsis",
            # short columns (ids, dates) keep their width; the others share what is left,
            # each by its longest value, so a column of short values does not take a lot
            width=longest if fixed else None,
            ratio=None if fixed else longest,
        )
    for row in values:
        table.add_row(*row)
    write(table)


#: a column whose values are all this short keeps their width (ids, dates, statuses)
_FIXED = 12


@contextmanager
def live(display: Progress) -> Iterator[None]:
    """Route every line written meanwhile above display (a started progress bar)."""
    global _live
    _live = display
    try:
        yield
    finally:
        _live = None


@contextmanager
def paused() -> Iterator[None]:
    """Take the progress bar off the terminal meanwhile (to ask the user something)."""
    if _live is None:
        yield
        return
    display = _live
    display.stop()
    try:
        yield
    finally:
        display.start()
