"""The stages composed: file -> pixels -> card images -> OCR -> contacts; no logic of its own."""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from . import debug, imageio, ocr, parse, preprocess, respell
from .errors import NoCardTextError
from .model import CONTACT_FIELDS, CardImage, Contact, LoadedImage, OcrResult, merge_contacts
from .settings import ScanSettings


@dataclass(frozen=True)
class ScanResult:
    """One card read from one image: the contact and what it was read from."""

    contact: Contact
    card: CardImage
    ocr: OcrResult
    sha256: str


def scan_file(path: str | Path, settings: ScanSettings) -> list[ScanResult]:
    """Return one result per card found in the image file at path."""
    return scan_image(imageio.load_image(path), settings)


def scan_image(image: LoadedImage, settings: ScanSettings) -> list[ScanResult]:
    """Return one result per card found in an already loaded image."""
    results = []
    stem = Path(image.source).stem or "image"
    for number, card in enumerate(preprocess.find_cards(image, settings), start=1):
        text = ocr.read_card(card, settings)
        debug.write_ocr_boxes(settings.debug_dir, f"{stem}-4-card{number}", card.pixels, text)
        contact = parse.parse_card(text, region=settings.region)
        contact = respell.restore_accents(contact, text, card, settings)
        if card.qr_payload:
            contact = _with_qr(contact, card.qr_payload, settings.region)
        if _is_empty(contact):
            continue  # text, but nothing of a card: a logo, a pattern, a blank back
        results.append(ScanResult(replace(contact, source=image.source), card, text, image.sha256))
    if not results:
        raise NoCardTextError(image.source)
    return results


def _with_qr(contact: Contact, payload: str, region: str) -> Contact:
    """Return the contact with the QR code's fields first: they are the exact spelling."""
    from_qr = parse.parse_qr(payload, region=region)
    if from_qr is None:
        return contact
    fields = tuple(f for f in CONTACT_FIELDS if getattr(from_qr, f))
    return replace(merge_contacts(from_qr, contact), qr_fields=fields)


def _is_empty(contact: Contact) -> bool:
    return not (contact.name or contact.emails or contact.phones or contact.company)
