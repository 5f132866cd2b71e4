"""The stages composed: file -> pixels -> card images -> OCR -> contacts; no logic of its own."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import imageio, parse, preprocess, reading
from .contact import CONTACT_FIELDS, Contact, merge_contacts
from .errors import BadInputError, NoCardTextError
from .model import CardImage, LoadedImage, OcrResult, Pixels, Quality
from .preprocess import FlatCard
from .settings import ScanSettings
from .trace import Trace, draw_ocr_boxes


@dataclass(frozen=True)
class ScanResult:
    """One card read from one image: the contact and what it was read from."""

    contact: Contact
    card: CardImage
    ocr: OcrResult
    sha256: str


@dataclass(frozen=True)
class PageScan:
    """The cards read on one page, and how many card-shaped regions held no contact data (a
    card's back, a blank card, a coaster) and were skipped."""

    results: list[ScanResult]
    skipped: int = 0


#: a name read with less confidence than this, and nothing else, is not a card
DOUBTFUL_ALONE = 0.4
#: the most confidence a field read from a photo too poor to read reliably keeps
DOUBTED = 0.5


@dataclass
class StageClock:
    """Seconds spent in each stage, summed over the cards of an image (scripts/benchmark.py)."""

    seconds: dict[str, float] = field(default_factory=dict)

    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - start


def scan_file(
    path: str | Path,
    settings: ScanSettings,
    clock: StageClock | None = None,
    trace: Trace | None = None,
) -> list[ScanResult]:
    """Return one result per card found in the image file at path."""
    clock = clock or StageClock()
    return next(scan_pages(_loaded(path, clock), settings, clock, trace)).results


def scan_image(
    image: LoadedImage,
    settings: ScanSettings,
    clock: StageClock | None = None,
    trace: Trace | None = None,
) -> list[ScanResult]:
    """Return one result per card found in an already loaded image."""
    return next(scan_pages(iter((image,)), settings, clock, trace)).results


def scan_pages(
    pages: Iterable[LoadedImage],
    settings: ScanSettings,
    clock: StageClock | None = None,
    trace: Trace | None = None,
) -> Iterator[PageScan]:
    """Yield what each page (a photo, or a PDF's pages) holds: one result per card.

    A page's full-size pixels (36 MB for a 12 MP photo) are let go once its cards are cut out,
    before any engine runs (to turn them upright), when nothing but pages holds them: the
    worker's memory and its engine's then do not peak together. trace, when given, is shown
    what each stage saw (`scan --debug-dir`).
    """
    clock = clock or StageClock()
    plan = reading.plan_for(settings.engine)
    for page in pages:
        source, sha256 = page.source, page.sha256
        with clock.stage("preprocess"):
            if plan.second_engine is None:
                flat, frame = preprocess.cut_out(page, trace), None
            else:
                flat, frame = preprocess.cut_out_with_frame(page, trace)
        del page
        yield _read_cards(flat, frame, source, sha256, settings, plan, clock, trace)


def _loaded(path: str | Path, clock: StageClock) -> Iterator[LoadedImage]:
    """Yield the image at path, keeping no reference to it here (see scan_pages), and the
    file open while it is read (a big JPEG comes reduced: imageio.iter_pages)."""
    with closing(imageio.iter_pages(path, reduced_first=True)) as pages:
        with clock.stage("load"):
            page = next(pages)
            if isinstance(page, BadInputError):
                raise page
            loaded = [page]
            del page
        yield loaded.pop()


def _read_cards(
    flat: list[FlatCard],
    frame: Pixels | None,
    source: str,
    sha256: str,
    settings: ScanSettings,
    plan: reading.ReadingPlan,
    clock: StageClock,
    trace: Trace | None,
) -> PageScan:
    """Return a result per card that holds something of a card; raise NoCardTextError if none.

    Each card has the whole --timeout for all its readings, the orientation reading included.
    frame is the whole photo for a second engine (auto): it re-reads a weak card there when
    the photo holds one card, and the whole photo when no card held anything.
    """
    results = []
    region = settings.parse.phone_region
    alone = frame if len(flat) == 1 else None  # several cards: the photo mixes their fields
    for number, found in enumerate(flat, start=1):
        reader = plan.reader(settings.engine.timeout)
        with clock.stage("preprocess"):
            card = preprocess.choose_upright(found, number, reader, trace)
        # the photo turned as its card was: a second engine boxes text lying on its side
        # along the photo, and its words would sort in the wrong order
        turned = preprocess.rotate(alone, card.rotation) if alone is not None else None
        with clock.stage("read"):
            contact, text = reading.read_contact(card, reader, plan, region, turned)
        if trace is not None:
            trace(f"4-card{number}-ocr", draw_ocr_boxes(card.pixels, text))
        if card.qr_payload:
            contact = _with_qr(contact, card.qr_payload, region)
        contact = _with_quality(contact, card.quality)
        if _is_empty(contact):
            continue  # text, but nothing of a card: a logo, a pattern, a blank back
        results.append(ScanResult(replace(contact, source=source), card, text, sha256))
    skipped = len(flat) - len(results)  # card-shaped regions that held nothing of a card
    if not results and frame is not None:
        with clock.stage("read"):
            found_in_frame = reading.read_frame(frame, plan, settings.engine.timeout, region)
        if found_in_frame is not None and not _is_empty(found_in_frame[0]):
            contact, text = found_in_frame
            card = CardImage(pixels=frame, method="frame")
            results.append(ScanResult(replace(contact, source=source), card, text, sha256))
    if not results:
        raise NoCardTextError(source)
    return PageScan(results, skipped=skipped)


def _with_qr(contact: Contact, payload: str, region: str) -> Contact:
    """Return the contact with the QR code's fields first: they are the exact spelling."""
    from_qr = parse.parse_qr(payload, region=region)
    if from_qr is None:
        return contact
    fields = tuple(f for f in CONTACT_FIELDS if getattr(from_qr, f))
    return replace(merge_contacts(from_qr, contact), qr_fields=fields)


def _with_quality(contact: Contact, quality: Quality) -> Contact:
    """Return the contact with the photo's problems said, and its fields doubted: a card too
    blurred, too small or too glared to read reliably may hold errors no confidence shows."""
    if not quality.problems:
        return contact
    advice = preprocess.advice(quality)
    doubted = {name: min(value, DOUBTED) for name, value in contact.confidence.items()}
    return replace(contact, confidence=doubted, warnings=advice + contact.warnings)


def _is_empty(contact: Contact) -> bool:
    """Return whether a reading holds nothing of a card: no way to reach anyone, no company,
    and at most a name the reader itself doubts (grain or a pattern read as "S Si")."""
    if contact.emails or contact.phones or contact.websites or contact.company:
        return False
    return not contact.name or contact.confidence.get("name", 1.0) < DOUBTFUL_ALONE
