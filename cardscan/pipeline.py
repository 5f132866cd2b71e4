"""The stages composed: file -> pixels -> card images -> OCR -> contacts; no logic of its own."""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import accents, debug, imageio, ocr, parse, preprocess
from .contact import CONTACT_FIELDS, Contact, merge_contacts
from .errors import NoCardTextError
from .model import CardImage, LoadedImage, OcrResult
from .settings import ScanSettings


@dataclass(frozen=True)
class ScanResult:
    """One card read from one image: the contact and what it was read from."""

    contact: Contact
    card: CardImage
    ocr: OcrResult
    sha256: str


#: a name read with less confidence than this, and nothing else, is not a card
DOUBTFUL_ALONE = 0.4


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
    path: str | Path, settings: ScanSettings, clock: StageClock | None = None
) -> list[ScanResult]:
    """Return one result per card found in the image file at path."""
    clock = clock or StageClock()
    return next(scan_pages(_loaded(path, clock), settings, clock))


def scan_image(
    image: LoadedImage, settings: ScanSettings, clock: StageClock | None = None
) -> list[ScanResult]:
    """Return one result per card found in an already loaded image."""
    return next(scan_pages(iter((image,)), settings, clock))


def scan_pages(
    pages: Iterable[LoadedImage], settings: ScanSettings, clock: StageClock | None = None
) -> Iterator[list[ScanResult]]:
    """Yield the results of each page (a photo, or a PDF's pages): one result per card.

    A page's full-size pixels (36 MB for a 12 MP photo) are let go once its cards are cut out,
    before Tesseract runs (to turn them upright), when nothing but pages holds them: the
    worker's memory and its Tesseract's then do not peak together.
    """
    clock = clock or StageClock()
    for page in pages:
        source, sha256 = page.source, page.sha256
        with clock.stage("preprocess"):
            flat = preprocess.cut_out(page, settings)
        del page
        with clock.stage("preprocess"):
            cards = preprocess.turn_upright(flat, settings)
        yield _read_cards(cards, source, sha256, settings, clock)


def _loaded(path: str | Path, clock: StageClock) -> Iterator[LoadedImage]:
    """Yield the image at path, keeping no reference to it here (see scan_pages)."""
    with clock.stage("load"):
        loaded = [imageio.load_image(path)]
    yield loaded.pop()


def _read_cards(
    cards: list[CardImage], source: str, sha256: str, settings: ScanSettings, clock: StageClock
) -> list[ScanResult]:
    """Return a result per card that holds something of a card; raise NoCardTextError if none."""
    results = []
    stem = Path(source).stem or "image"
    for number, card in enumerate(cards, start=1):
        with clock.stage("ocr"):
            text = ocr.read_card(card, settings)
        debug.write_ocr_boxes(settings.debug_dir, f"{stem}-4-card{number}", card.pixels, text)
        with clock.stage("parse"):
            contact = parse.parse_card(text, region=settings.region)
        with clock.stage("second reading"):
            contact = accents.with_second_reading(contact, card, settings)
        with clock.stage("parse"):
            if card.qr_payload:
                contact = _with_qr(contact, card.qr_payload, settings.region)
        if _is_empty(contact):
            continue  # text, but nothing of a card: a logo, a pattern, a blank back
        results.append(ScanResult(replace(contact, source=source), card, text, sha256))
    if not results:
        raise NoCardTextError(source)
    return results


def _with_qr(contact: Contact, payload: str, region: str) -> Contact:
    """Return the contact with the QR code's fields first: they are the exact spelling."""
    from_qr = parse.parse_qr(payload, region=region)
    if from_qr is None:
        return contact
    fields = tuple(f for f in CONTACT_FIELDS if getattr(from_qr, f))
    return replace(merge_contacts(from_qr, contact), qr_fields=fields)


def _is_empty(contact: Contact) -> bool:
    """Return whether a reading holds nothing of a card: no way to reach anyone, no company,
    and at most a name the reader itself doubts (grain or a pattern read as "S Si")."""
    if contact.emails or contact.phones or contact.websites or contact.company:
        return False
    return not contact.name or contact.confidence.get("name", 1.0) < DOUBTFUL_ALONE
