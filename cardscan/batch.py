"""Many images at once: finding them, and scanning them in parallel worker processes."""

from __future__ import annotations

import glob
import hashlib
import os
import stat
from collections.abc import Callable, Generator, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from . import imageio, inputfiles, memory, pipeline, preprocess, reading, workers
from .contact import Contact
from .errors import BadInputError, CardscanError, ExitCode, NoCardTextError
from .model import LoadedImage, OcrResult
from .settings import ScanSettings
from .trace import Trace

STDIN = "-"
#: given a file's path, the trace its stages show what they saw to (`scan --debug-dir`)
Tracer = Callable[[str], Trace]


@dataclass(frozen=True)
class ScannedCard:
    """One card read from a file, in a form cheap to pass between processes."""

    contact: Contact
    ocr_text: str
    card_jpeg: bytes | None
    #: the words read on card_jpeg with their boxes (kept so `cardscan review` can outline them)
    ocr: OcrResult | None = None
    #: of the file (or stdin) the card was read from
    sha256: str | None = None
    #: what to do about a photo too poor to read reliably ("blurred: retake the photo, ...")
    retake: tuple[str, ...] = ()


@dataclass(frozen=True)
class FileOutcome:
    """What became of one input file: its cards, or the one-line reason it failed."""

    path: str
    sha256: str | None = None
    cards: tuple[ScannedCard, ...] = ()
    #: card-shaped regions that held no contact data (a card's back, a blank card)
    skipped: int = 0
    error: str | None = None
    exit_code: ExitCode = ExitCode.OK
    #: (message, code) of the pages that failed, in a PDF or TIFF whose other pages were read
    problems: tuple[tuple[str, ExitCode], ...] = ()


@dataclass
class Inputs:
    """The files named on the command line, expanded, and what was not read, with why."""

    files: list[str] = field(default_factory=list)
    #: (argument, problem) for arguments that name no file we read: missing, a FIFO, a device
    refused: list[tuple[str, str]] = field(default_factory=list)
    #: (path, problem) for files in folders or globs that are not regular files, passed over
    passed_over: list[tuple[str, str]] = field(default_factory=list)
    #: folders named that hold no file of a supported image type (none we can read)
    empty_folders: list[str] = field(default_factory=list)


def expand_inputs(args: Iterable[str]) -> Inputs:
    """Expand folders (recursively, by image type) and globs into a sorted list of files.

    Only regular files (and links to them) are taken: a FIFO named like a photo would block
    the batch, a device would stream without end.
    """
    inputs = Inputs()
    for arg in args:
        if arg == STDIN:
            inputs.files.append(arg)
        elif not os.path.lexists(arg) and glob.has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            if not matches:
                inputs.refused.append((arg, "no such file"))
            for match in matches:
                if not os.path.isdir(match):
                    _take(match, inputs)
        elif os.path.isdir(arg):
            taken = len(inputs.files)
            for path in sorted(_images_under(Path(arg))):
                _take(path, inputs)
            if len(inputs.files) == taken:
                inputs.empty_folders.append(arg)
        elif (problem := _not_regular(arg)) is not None:
            inputs.refused.append((arg, problem))
        else:
            inputs.files.append(arg)
    return inputs


def _take(path: str, inputs: Inputs) -> None:
    problem = _not_regular(path)
    if problem is None:
        inputs.files.append(path)
    else:
        inputs.passed_over.append((path, problem))


def _not_regular(path: str) -> str | None:
    """Return why path is not a regular file we can read (following links), or None."""
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return "no such file"
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "is a directory"
    return f"not a regular file ({inputfiles.kind_of(mode) or 'unknown type'})"


def _images_under(folder: Path) -> Iterator[str]:
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in files:
            if imageio.is_supported_image(name) and not name.startswith("."):
                yield os.path.join(root, name)


def file_sha256(path: str) -> str | None:
    """Return the sha256 of a file's bytes, or None when unreadable (scanning will say why)."""
    if path == STDIN:
        return None
    digest = hashlib.sha256()
    try:
        with inputfiles.open_regular(path) as f:
            if os.fstat(f.fileno()).st_size > imageio.MAX_FILE_BYTES:
                return None  # refused when read; hashing gigabytes first would only delay that
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except (BadInputError, OSError):
        return None
    return digest.hexdigest()


def scan_one(
    path: str,
    settings: ScanSettings,
    stdin: bytes | None = None,
    pages: str | None = None,
    tracer: Tracer | None = None,
) -> FileOutcome:
    """Scan one file (or stdin's bytes); never raise: an error becomes the outcome's reason.

    pages names the pages of a PDF or TIFF to read ("1-3,5", "all"); the first by default.
    Each page is its own card: a page that fails is one of the outcome's problems, and the
    cards of the other pages are kept.
    """
    trace = tracer(path) if tracer is not None else None
    cards: list[ScannedCard] = []
    problems: list[tuple[str, ExitCode]] = []
    try:
        if stdin is not None:
            images = imageio.iter_pages_bytes(
                stdin, inputfiles.STDIN_NAME, pages, reduced_first=True
            )
        else:
            images = imageio.iter_pages(path, pages, reduced_first=True)
        skipped = _read_pages(path, images, settings, trace, cards, problems)
    except (BadInputError, NoCardTextError) as e:
        return FileOutcome(path, error=str(e), exit_code=e.exit_code)  # they name the file
    except CardscanError as e:
        return FileOutcome(path, error=f"{path}: {e}", exit_code=e.exit_code)
    except Exception as e:  # a bug on one odd file must not stop a batch of forty
        return FileOutcome(path, error=f"{path}: internal error: {e!r}", exit_code=ExitCode.FAILURE)
    if not cards and problems:
        (error, code), *rest = problems
        return FileOutcome(path, error=error, exit_code=code, problems=tuple(rest))
    sha256 = cards[0].sha256 if cards else None
    return FileOutcome(
        path, sha256=sha256, cards=tuple(cards), skipped=skipped, problems=tuple(problems)
    )


def readable_pages(
    pages: Iterator[imageio.Page], problems: list[tuple[str, ExitCode]], taken: list[int]
) -> Iterator[LoadedImage]:
    """Yield the pages that could be loaded; add the others to problems, and count in taken[0]
    every page taken from pages."""
    for page in pages:
        taken[0] += 1
        if isinstance(page, BadInputError):
            problems.append((str(page), page.exit_code))
            continue
        # Passed on from a list, not a local: a suspended generator keeps its locals, and
        # the page's pixels must go once its cards are cut out (pipeline.scan_pages).
        held = [page]
        del page
        yield held.pop()


def _read_pages(
    path: str,
    pages: Iterator[imageio.Page],
    settings: ScanSettings,
    trace: Trace | None,
    cards: list[ScannedCard],
    problems: list[tuple[str, ExitCode]],
) -> int:
    """Read the cards of every page into cards; a page that fails goes to problems. Return how
    many card-shaped regions held no contact data."""
    taken, skipped = [0], 0
    remaining = readable_pages(pages, problems, taken)
    while True:  # scan_pages stops at a page that fails: go on with the pages after it
        before = taken[0]
        try:
            for page in pipeline.scan_pages(remaining, settings, trace=trace):
                skipped += page.skipped
                for result in page.results:
                    jpeg = imageio.encode_jpeg(result.card.pixels)
                    retake = preprocess.advice(result.card.quality)
                    card = ScannedCard(
                        result.contact, result.ocr.text, jpeg, result.ocr, result.sha256, retake
                    )
                    cards.append(card)
            return skipped
        except CardscanError as e:
            named = isinstance(e, BadInputError | NoCardTextError)  # they name the page
            problems.append((str(e) if named else f"{path}: {e}", e.exit_code))
            if taken[0] == before:
                return skipped


def scan_many(
    paths: list[str],
    settings: ScanSettings,
    jobs: int | None = None,
    stdin: bytes | None = None,
    pages: str | None = None,
    tracer: Tracer | None = None,
) -> Generator[FileOutcome, None, None]:
    """Yield an outcome per path as each finishes, using up to `jobs` worker processes.

    The path "-" stands for the bytes given as stdin, read in this process.
    """
    memory.return_freed_memory_promptly()  # for the files read in this process
    if stdin is not None and STDIN in paths:
        yield scan_one(STDIN, settings, stdin=stdin, pages=pages, tracer=tracer)
    paths = [p for p in paths if p != STDIN]
    jobs = jobs or default_jobs()
    if jobs <= 1 or len(paths) <= 1:
        for path in paths:
            yield scan_one(path, settings, pages=pages, tracer=tracer)
        return
    reading.plan_for(settings.engine)  # makes any model copy here, not in every worker at once
    with workers.scratch_folder() as scratch:
        yield from _in_workers(paths, settings, min(jobs, len(paths)), pages, tracer, scratch)


def _in_workers(
    paths: list[str],
    settings: ScanSettings,
    jobs: int,
    pages: str | None,
    tracer: Tracer | None,
    scratch: str,
) -> Generator[FileOutcome, None, None]:
    """Yield an outcome per path as each finishes, read by jobs worker processes whose
    temporary files go in the folder scratch."""
    pool = ProcessPoolExecutor(
        max_workers=jobs, initializer=workers.start_worker, initargs=(os.getpid(), scratch)
    )
    try:
        futures: dict[Future[FileOutcome], str] = {
            pool.submit(scan_one, path, settings, None, pages, tracer): path for path in paths
        }
        for future in as_completed(futures):
            try:
                yield future.result()
            except BrokenProcessPool:
                yield FileOutcome(
                    futures[future],
                    error=f"{futures[future]}: worker process died",
                    exit_code=ExitCode.FAILURE,
                )
    except BaseException:
        # Interrupted, or the caller stopped (a store error): do not wait for the cards being
        # read, which would take up to a minute each.
        workers.stop_workers(pool)
        raise
    pool.shutdown()


def default_jobs() -> int:
    """Return the number of worker processes to use by default: one per usable core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
