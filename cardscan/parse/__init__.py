"""The parser: OCR words and lines -> a Contact (one module per field family).

parse_card composes the field parsers in the order their evidence flows: contact data first
(emails, websites, phones, address: easy to recognise), then the free lines left over are
weighed as name, title and company, using the domains found in the first step.
"""

from __future__ import annotations

from ..contact import Contact
from ..model import OcrResult
from . import patterns
from .card import read_fields
from .company import domain_labels
from .lines import segments
from .name import close_letter_spacing
from .qr import parse_qr
from .runon import split_run_on
from .signature import signature_lines

__all__ = ["parse_card", "parse_qr", "parse_text"]


def parse_card(ocr: OcrResult, region: str = "US") -> Contact:
    """Return the contact read from a card's OCR result."""
    return read_fields(segments(ocr), region.upper())


def parse_text(text: str, region: str = "US") -> Contact:
    """Return the contact in plain text (OCR output, an email signature)."""
    # letter-spaced capitals keep their word breaks only as double spaces in the raw text
    lines = [close_letter_spacing(line) for line in signature_lines(text.splitlines())]
    # a signature pasted as one line holds every field: cut it into the lines a card prints
    labels = domain_labels(
        [w for w in text.split() if "@" in w], [m.group(1) for m in patterns.URL.finditer(text)]
    )
    lines = [part for line in lines for part in split_run_on(line, region.upper(), labels)]
    return parse_card(OcrResult.from_text("\n".join(lines)), region)
