"""Rank the outlines that may be a card by the text they hold, read with a given read function.

Geometry proposes (outlines.py), reading decides: a logo box or a QR code reads as a word or
nothing, the card as lines of confident text with an address or a number in them. Outlines
are read in the order geometry ranks them, and a later, larger one must hold clearly more
confident text to win: it also holds whatever lies around the card.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

from ..model import OcrResult

T = TypeVar("T")

#: a later outline wins only with this many times the text score of the best before it
MARGIN = 1.25
#: a text score under this is no text at all: a mark or two read as letters
NO_TEXT = 12.0
#: a word more confident than this counts
CONFIDENT = 0.5
#: what makes a word contact data: an address, a domain, a run of digits of a phone number
_CONTACT = re.compile(r"@|www\.|\.(com|net|org|io)\b|\d{3,}", re.IGNORECASE)


@dataclass(frozen=True)
class Ranked(Generic[T]):
    """The outline chosen, what it read, and its text score."""

    choice: T
    reading: OcrResult
    score: float


def text_score(reading: OcrResult) -> float:
    """Return the confident characters of a reading, those of contact data counted twice."""
    score = 0.0
    for line in reading.lines:
        for word in line.words:
            if word.confidence <= CONFIDENT or not any(c.isalnum() for c in word.text):
                continue
            weight = 2.0 if _CONTACT.search(word.text) else 1.0
            score += weight * word.confidence * len(word.text)
    return score


def rank_by_text(
    options: Sequence[T], read: Callable[[T], OcrResult], last_resort: T | None = None
) -> Ranked[T]:
    """Return the option whose reading holds the most text, the earlier ones favoured.

    read is called once per option, in order; then on last_resort (the whole photo), if one is
    given and no option held any text. options must not be empty.
    """
    if not options:
        raise ValueError("no outline to rank")
    best: Ranked[T] | None = None
    for option in options:
        reading = read(option)
        score = text_score(reading)
        if best is None or score > MARGIN * best.score:
            best = Ranked(option, reading, score)
    assert best is not None
    if last_resort is not None and best.score < NO_TEXT:
        reading = read(last_resort)
        score = text_score(reading)
        if score > best.score:
            best = Ranked(last_resort, reading, score)
    return best
