"""Many images at once: finding them, and scanning them in parallel worker processes."""

from __future__ import annotations

import glob
import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from . import imageio, memory, pipeline, reading
from .contact import Contact
from .errors import BadInputError, CardscanError, ExitCode, NoCardTextError
from .model import OcrResult
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


@dataclass(frozen=True)
class FileOutcome:
    """What became of one input file: its cards, or the one-line reason it failed."""

    path: str
    sha256: str | None = None
    cards: tuple[ScannedCard, ...] = ()
    error: str | None = None
    exit_code: ExitCode = ExitCode.OK


@dataclass
class Inputs:
    """The files named on the command line, expanded, and the names that matched nothing."""

    files: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    #: folders named that hold no file of a supported image type
    empty_folders: list[str] = field(default_factory=list)


def expand_inputs(args: Iterable[str]) -> Inputs:
    """Expand folders (recursively, by image type) and globs into a sorted list of files."""
    inputs = Inputs()
    for arg in args:
        if arg == STDIN or os.path.isfile(arg):
            inputs.files.append(arg)
        elif os.path.isdir(arg):
            found = sorted(_images_under(Path(arg)))
            inputs.files.extend(found)
            if not found:
                inputs.empty_folders.append(arg)
        elif glob.has_magic(arg) and (matches := sorted(glob.glob(arg, recursive=True))):
            inputs.files.extend(m for m in matches if os.path.isfile(m))
        else:
            inputs.missing.append(arg)
    return inputs


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
        with open(path, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError:
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

    pages names the pages of a PDF to read ("1-3,5", "all"); the first by default.
    """
    trace = tracer(path) if tracer is not None else None
    sha256 = None
    try:
        if stdin is not None:
            images = imageio.iter_pages_bytes(stdin, "<stdin>", pages)
        else:
            images = imageio.iter_pages(path, pages)
        cards = []
        for results in pipeline.scan_pages(images, settings, trace=trace):
            for result in results:
                sha256 = result.sha256
                jpeg = imageio.encode_jpeg(result.card.pixels)
                cards.append(ScannedCard(result.contact, result.ocr.text, jpeg, result.ocr))
    except (BadInputError, NoCardTextError) as e:
        return FileOutcome(path, error=str(e), exit_code=e.exit_code)  # they name the file
    except CardscanError as e:
        return FileOutcome(path, error=f"{path}: {e}", exit_code=e.exit_code)
    except Exception as e:  # a bug on one odd file must not stop a batch of forty
        return FileOutcome(path, error=f"{path}: internal error: {e!r}", exit_code=ExitCode.FAILURE)
    return FileOutcome(path, sha256=sha256, cards=tuple(cards))


def scan_many(
    paths: list[str],
    settings: ScanSettings,
    jobs: int | None = None,
    stdin: bytes | None = None,
    pages: str | None = None,
    tracer: Tracer | None = None,
) -> Iterator[FileOutcome]:
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
    with ProcessPoolExecutor(
        max_workers=min(jobs, len(paths)), initializer=memory.return_freed_memory_promptly
    ) as pool:
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


def default_jobs() -> int:
    """Return the number of worker processes to use by default: one per usable core."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
