"""Accents one reading of a card saw, put on the words another reading spelled without them.

Tesseract's English model has no accented letters ("Élodie" reads "Elodie", "Conceição"
"Conceigao"); the Latin-script model has them but reads without a word list. The words the
Latin-script reading saw with an accent, confidently, respell the same words of a field taken
from elsewhere (parse/readings.py). Its unsure accents are judged here too: which words are
worth reading again alone (ocr/reread.py) and what confirms that reading, and which dots below
letters are grain.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import replace

from ..model import WORD_PUNCTUATION as PUNCTUATION
from ..model import Box, OcrLine, OcrResult, OcrWord
from .folding import ascii_fold

#: a word of the Latin-script reading below this confidence is not trusted to add an accent
MIN_CONFIDENCE = 0.60
#: ... and one below this, to keep one: without its word list the model now and then puts an
#: accent on a letter in grain ("Projeċt" at 0.33), while true accents read at 0.57 and above
DOUBTFUL = 0.40
#: a dot below a letter ("Ọ", "ẹ") is the mark grain and noise read most often: it is kept
#: only where read at least this surely (a Vietnamese or Yoruba name read cleanly)
GRAIN_SURE = 0.85
_DOT_BELOW = "\u0323"


def accented_spellings(reading: OcrResult) -> list[str]:
    """Return the words of a reading that have an accented letter and were read confidently,
    each also without a plain letter read beside its own accented form ("Dvorřák" is also
    "Dvořák"): the accent read as a letter and a mark. Which of the two a field takes is up
    to the other reading, whose word has the letters of one of them (respell)."""
    words = [
        core
        for line in reading.lines
        for word in line.words
        if word.confidence >= MIN_CONFIDENCE
        and not (core := word.text.strip(PUNCTUATION)).isascii()
        and core.isalpha()
    ]
    return words + [w for w in map(_without_plain_twin, words) if w is not None]


def _without_plain_twin(word: str) -> str | None:
    """Return word without a plain letter next to an accented one on the same letter, or None."""
    for i, char in enumerate(word):
        if char.isascii():
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(word) and word[j].isascii() and ascii_fold(char) == word[j].lower():
                return word[:j] + word[j + 1 :]
    return None


def without_grain_marks(reading: OcrResult) -> OcrResult:
    """Return the reading with each dot below a letter taken off where the word was read less
    surely than GRAIN_SURE: "HỌ" at 0.66 is "HO" (the English reading's) with grain under it."""
    lines = []
    for line in reading.lines:
        words = tuple(
            replace(w, text=_undotted(w.text))
            if w.confidence < GRAIN_SURE and _DOT_BELOW in unicodedata.normalize("NFD", w.text)
            else w
            for w in line.words
        )
        lines.append(OcrLine(words))
    return replace(reading, lines=tuple(lines))


def _undotted(text: str) -> str:
    return unicodedata.normalize("NFC", unicodedata.normalize("NFD", text).replace(_DOT_BELOW, ""))


def worth_a_second_look(word: OcrWord) -> bool:
    """Return whether a word of the Latin-script reading has an accented letter read too
    unsurely to trust: read again alone (ocr/reread.py), it may be read surely, with or
    without the accent."""
    core = word.text.strip(PUNCTUATION)
    unsure = word.confidence < MIN_CONFIDENCE
    return unsure and len(core) >= 2 and core.isalpha() and not core.isascii()


def spelled_alike_in(reading: OcrResult) -> Callable[[OcrWord], bool]:
    """Return whether a word is one of reading's (another reading of the same card) at the same
    place, but for accents: "Åsa" where the English reading read "Asa", not "Renċe" (grain on a
    blurred photo) where it read "Renée"."""

    def alike(word: OcrWord) -> bool:
        spelled = ascii_fold(word.text.strip(PUNCTUATION))
        middle = (word.box.left + word.box.right) / 2, (word.box.top + word.box.bottom) / 2
        return any(
            ascii_fold(other.text.strip(PUNCTUATION)) == spelled and _holds(other.box, middle)
            for line in reading.lines
            for other in line.words
        )

    return alike


def _holds(box: Box, point: tuple[float, float]) -> bool:
    x, y = point
    return box.left <= x <= box.right and box.top <= y <= box.bottom


def doubted_spellings(reading: OcrResult) -> set[str]:
    """Return the words of a reading that have an accented letter but were read unsurely."""
    return {
        core
        for line in reading.lines
        for word in line.words
        if word.confidence < DOUBTFUL and not (core := word.text.strip(PUNCTUATION)).isascii()
    }


def respell(value: str, spellings: list[str]) -> str:
    """Return value with each word that has an accented spelling among spellings replaced by it.

    A word is respelled when it has the same length as the accented one and the same letters
    wherever the accented one has a plain letter: "Conceigao" (the English model's best guess
    at a cedilla) becomes "Conceição", "Matgorzata" becomes "Małgorzata". The word keeps the
    case it had ("ELODIE" becomes "ÉLODIE").
    """
    out = []
    for token in value.split(" "):
        head = len(token) - len(token.lstrip(PUNCTUATION))
        tail = len(token.rstrip(PUNCTUATION))
        core = token[head:tail]
        accented = next((s for s in spellings if same_but_accents(core, s)), None)
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


def same_but_accents(word: str, accented: str) -> bool:
    """Return whether word is accented with its accents lost or misread.

    Each accented letter may have been read as one plain letter ("Seren" for "Søren") or, once
    in the word, as its base letter followed by a stray one ("Gracga" for "Graça", but not
    "Group" for "Groß"); every plain letter must agree.
    """
    if len(word) < 2 or word.casefold() == accented.casefold():
        return False
    if sum(a.isascii() for a in accented) < len(accented) / 2:
        return False
    if len(word) == len(accented):
        return all(_agrees(a, w) for a, w in zip(accented, word, strict=True))
    if len(word) == len(accented) + 1:
        return any(
            word[i].casefold() == ascii_fold(a)[:1]
            and same_but_accents(word[:i] + word[i + 1 :], accented)
            for i, a in enumerate(accented)
            if not a.isascii()
        )
    return False


def _agrees(accented: str, read: str) -> bool:
    return accented.casefold() == read.casefold() or not accented.isascii()
