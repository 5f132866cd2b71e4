"""Progress and the end-of-batch summary, both on stderr so stdout stays data."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from ..batch import FileOutcome, Inputs
from ..errors import ExitCode
from .app import fail


@contextmanager
def progress(total: int) -> Iterator[Callable[[], None]]:
    """Yield a function to call per finished file; draws a bar only on a terminal, for batches."""
    if total < 2 or not sys.stderr.isatty():
        yield lambda: None
        return
    columns = (
        TextColumn("reading cards"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("cards", total=total)
        yield lambda: bar.advance(task)


@dataclass
class BatchReport:
    """Counts what happened to each file and says so at the end."""

    storing: bool = False
    added: int = 0
    updated: int = 0
    skipped: int = 0
    scanned: int = 0
    failed: list[tuple[str, ExitCode]] = field(default_factory=list)

    @classmethod
    def for_inputs(cls, inputs: Inputs, storing: bool = False) -> BatchReport:
        """Start a report with the arguments that named no file already counted as failed."""
        report = cls(storing=storing)
        for arg in inputs.missing:
            report.fail(f"{arg}: no such file", ExitCode.BAD_INPUT)
        for folder in inputs.empty_folders:
            report.fail(f"no card images in {folder}", ExitCode.BAD_INPUT)
        return report

    def fail(self, message: str, code: ExitCode) -> None:
        """Report a failed file now, and remember it for the summary and the exit code."""
        fail(message)
        self.failed.append((message, code))

    def record_failure(self, outcome: FileOutcome) -> bool:
        """Report the outcome if it failed; return whether it did."""
        if outcome.error is None:
            return False
        self.fail(outcome.error, outcome.exit_code)
        return True

    def finish(self, summary: bool) -> None:
        """Print the summary (for batches) and exit with the first failure's code, if any."""
        if summary:
            if self.storing:
                counts = [
                    ("added", self.added),
                    ("updated", self.updated),
                    ("skipped", self.skipped),
                ]
            else:
                counts = [("read", self.scanned)]
            parts = [f"{n} {label}" for label, n in counts] + [f"{len(self.failed)} failed"]
            typer.echo("cardscan: " + ", ".join(parts), err=True)
            for message, _ in self.failed:
                typer.echo(f"  failed: {message}", err=True)
        if self.failed:
            raise typer.Exit(int(self.failed[0][1]))
