"""Accents the English model drops, restored by re-reading the name, title and company lines.

Tesseract's English model reads "Élodie" as "Elodie" and "Müller" as "Muller": it has no
accented letters to choose from. Reading the whole card with the Latin-script model would fix
that, but the model is twenty times larger and slower, and it is no better at the e-mail
addresses and phone numbers the English model reads well. So the card is read in English, and
only the few lines that hold the person's name, title and company are read again with the
Latin-script model, stacked into one small strip so that it costs one extra Tesseract run.

A word from the second reading replaces one from the first only when the two are the same
letters once accents are removed: the second reading can add accents, never change spelling.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from . import ocr
from .errors import OcrError
from .model import Box, CardImage, Contact, OcrLine, OcrResult, Pixels
from .parse.folding import ascii_fold
from .preprocess.lighting import normalise
from .settings import ScanSettings

#: the Tesseract model that knows the accented letters of every Latin-script language
ACCENTS_LANG = "Latin"
#: a re-read word below this confidence is not trusted to add an accent
MIN_CONFIDENCE = 0.60
#: at most this many lines are re-read (a name, a two-line title, a company, and spares)
MAX_LINES = 6
_GAP = 24  # white pixels between stacked lines
_PUNCTUATION = ".,;:()\"'’"


def restore_accents(
    contact: Contact, text: OcrResult, card: CardImage, settings: ScanSettings
) -> Contact:
    """Return the contact with the accents the first reading dropped put back."""
    if settings.lang != "eng" or not ocr.has_language(ACCENTS_LANG):
        return contact  # a reading in another model already had its accented letters
    lines = _lines_of(contact, text)
    if not lines:
        return contact
    grey = normalise(card.pixels)
    strip = _stack([_crop(grey, line.box) for line in lines])
    try:
        reread = ocr.read_pixels(strip, replace(settings, lang=ACCENTS_LANG), psm=11)
    except OcrError:
        return contact  # the first reading stands; a failed second one takes nothing from it
    spellings = accented_spellings(reread)
    if not spellings:
        return contact

    def fix(value: str | None) -> str | None:
        return respell(value, spellings) if value else value

    return replace(
        contact,
        name=fix(contact.name),
        given_name=fix(contact.given_name),
        family_name=fix(contact.family_name),
        title=fix(contact.title),
        company=fix(contact.company),
    )


def accented_spellings(reading: OcrResult) -> list[str]:
    """Return the words of a reading that have an accented letter and were read confidently."""
    return [
        core
        for line in reading.lines
        for word in line.words
        if word.confidence >= MIN_CONFIDENCE
        and not (core := word.text.strip(_PUNCTUATION)).isascii()
        and core.isalpha()
    ]


def respell(value: str, spellings: list[str]) -> str:
    """Return value with each word that has an accented spelling among spellings replaced by it.

    A word is respelled when it has the same length as the accented one and the same letters
    wherever the accented one has a plain letter: "Conceigao" (the English model's best guess
    at a cedilla) becomes "Conceição", "Matgorzata" becomes "Małgorzata". The word keeps the
    case it had ("ELODIE" becomes "ÉLODIE").
    """
    out = []
    for token in value.split(" "):
        head = len(token) - len(token.lstrip(_PUNCTUATION))
        tail = len(token.rstrip(_PUNCTUATION))
        core = token[head:tail]
        accented = next((s for s in spellings if _same_but_accents(core, s)), None)
        if accented is not None:
            core = _in_case_of(core, accented)
        out.append(token[:head] + core + token[tail:])
    return " ".join(out)


def _in_case_of(word: str, accented: str) -> str:
    """Return accented in the case word was in: all capitals, capitalised, or as printed."""
    if word.isupper():
        return accented.upper()
    if word[:1].isupper() and word[1:].islower():
        return accented[:1].upper() + accented[1:].lower()
    return accented


def _same_but_accents(word: str, accented: str) -> bool:
    """Return whether word is accented with its accents lost or misread.

    Each accented letter may have been read as one plain letter ("Seren" for "Søren") or, once
    in the word, as two ("Gracga" for "Graça"); every plain letter must agree.
    """
    if len(word) < 2 or word.casefold() == accented.casefold():
        return False
    if sum(a.isascii() for a in accented) < len(accented) / 2:
        return False
    if len(word) == len(accented):
        return all(_agrees(a, w) for a, w in zip(accented, word, strict=True))
    if len(word) == len(accented) + 1:
        return any(
            _same_but_accents(word[:i] + word[i + 1 :], accented)
            for i, a in enumerate(accented)
            if not a.isascii()
        )
    return False


def _agrees(accented: str, read: str) -> bool:
    return accented.casefold() == read.casefold() or not accented.isascii()


def _lines_of(contact: Contact, text: OcrResult) -> list[OcrLine]:
    """Return the OCR lines that hold a word of the contact's name, title or company."""
    wanted = {
        ascii_fold(w.strip(_PUNCTUATION))
        for f in ("name", "title", "company")
        for w in (getattr(contact, f) or "").split()
        if len(w.strip(_PUNCTUATION)) > 1
    }
    found = [
        line
        for line in text.lines
        if any(ascii_fold(w.text.strip(_PUNCTUATION)) in wanted for w in line.words)
    ]
    return found[:MAX_LINES]


def _crop(pixels: Pixels, box: Box) -> Pixels:
    """Return the line's box from the card, with room above for accents and around for edges."""
    pad = max(4, box.height // 2)
    height, width = pixels.shape[:2]
    top, bottom = max(0, box.top - pad), min(height, box.bottom + pad // 2)
    left, right = max(0, box.left - pad), min(width, box.right + pad)
    return pixels[top:bottom, left:right]


def _stack(crops: list[Pixels]) -> Pixels:
    """Return the crops one under another on white, left-aligned, with gaps between them."""
    width = max(c.shape[1] for c in crops) + 2 * _GAP
    height = sum(c.shape[0] for c in crops) + _GAP * (len(crops) + 1)
    strip = np.full((height, width), 255, dtype=np.uint8)
    y = _GAP
    for crop in crops:
        strip[y : y + crop.shape[0], _GAP : _GAP + crop.shape[1]] = crop
        y += crop.shape[0] + _GAP
    return strip
