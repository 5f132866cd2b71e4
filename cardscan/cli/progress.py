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
from ..control_chars import escape_controls
from ..errors import ExitCode, StoreError
from . import terminal
from .app import fail, say


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
    # Lines printed meanwhile go through terminal.write, above the bar; rich's own redirection
    # is off because click writes past it, onto the bar's line.
    bar = Progress(
        *columns,
        console=Console(stderr=True),
        transient=True,
        redirect_stdout=False,
        redirect_stderr=False,
    )
    with bar, terminal.live(bar):
        task = bar.add_task("cards", total=total)
        yield lambda: bar.advance(task)


@contextmanager
def stoppable(report: BatchReport) -> Iterator[None]:
    """Run a batch: Ctrl-C, SIGTERM or a store error stop it, and finish() says so."""
    try:
        yield
    except KeyboardInterrupt:
        report.stop("interrupted", ExitCode.INTERRUPTED)
    except StoreError as e:
        report.stop(str(e), e.exit_code)


@dataclass
class BatchReport:
    """Counts what happened to each file and says so at the end."""

    storing: bool = False
    added: int = 0
    updated: int = 0
    skipped: int = 0
    scanned: int = 0
    failed: list[tuple[str, ExitCode]] = field(default_factory=list)
    #: files not yet dealt with; those left when the batch stops were not read
    left: int = 0
    #: why the batch stopped before its end: "interrupted", or the store error's line
    stopped: str | None = None
    stop_code: ExitCode = ExitCode.OK

    @classmethod
    def for_inputs(cls, inputs: Inputs, storing: bool = False) -> BatchReport:
        """Start a report with the arguments that named no file already counted as failed.

        Files passed over in folders (FIFOs, devices) get a line each but are not failures.
        """
        report = cls(storing=storing)
        for path, problem in inputs.passed_over:
            say(f"{path}: skipped, {problem}")
        for arg, problem in inputs.refused:
            report.fail(f"{arg}: {problem}", ExitCode.BAD_INPUT)
        for folder in inputs.empty_folders:
            report.fail(f"no card images in {folder}", ExitCode.BAD_INPUT)
        return report

    def fail(self, message: str, code: ExitCode) -> None:
        """Report a failed file now, and remember it for the summary and the exit code."""
        fail(message)
        self.failed.append((message, code))

    def stop(self, reason: str, code: ExitCode) -> None:
        """Report why the batch stops before its end; finish() then exits with code."""
        fail(reason)
        self.stopped, self.stop_code = reason, code

    def record_failure(self, outcome: FileOutcome) -> bool:
        """Report the failed pages, and the outcome if it failed; return whether it did."""
        for message, code in outcome.problems:
            self.fail(message, code)
        if outcome.error is None:
            return False
        self.fail(outcome.error, outcome.exit_code)
        return True

    def finish(self, summary: bool) -> None:
        """Print the summary (for batches, or a batch stopped early) and exit with its code.

        The code is the stop's (130 when interrupted, 6 for the store), else the first
        failure's, else 0.
        """
        if summary or self.stopped:
            self._print_summary()
        if self.stopped:
            raise typer.Exit(int(self.stop_code))
        if self.failed:
            raise typer.Exit(int(self.failed[0][1]))

    def _print_summary(self) -> None:
        if self.storing:
            counts = [("added", self.added), ("updated", self.updated), ("skipped", self.skipped)]
        else:
            counts = [("read", self.scanned)]
        counts.append(("failed", len(self.failed)))
        if self.stopped and self.left:
            counts.append(("not stored" if self.storing else "not read", self.left))
        say(", ".join(f"{n} {label}" for label, n in counts))
        for message, _ in self.failed:
            typer.echo(f"  failed: {escape_controls(message)}", err=True)
