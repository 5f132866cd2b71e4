"""What every OCR engine offers (the Engine protocol), and how a card is read with one.

An engine reads pixels into an OcrResult: words with boxes, grouped in lines, confidences 0..1.
What is common to every engine lives here: the card's time budget (Deadline), the reader that
gives an engine the card in the form it reads best (CardReader), and the read-and-retry policy
(read_card). Engine modules (tesseract.py, rapidocr.py) know their own library and nothing of
cards.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Protocol

import cv2
import numpy as np

from ..errors import OcrError, OcrTimeoutError
from ..model import CardImage, Layout, OcrResult, Pixels
from ..preprocess.lighting import normalise
from .ink import with_ink


@dataclass(frozen=True)
class EngineInfo:
    """What probe() found: the engine's version, where it lives, and the models it has."""

    name: str
    version: str
    location: str
    models: tuple[str, ...]


class Engine(Protocol):
    """An OCR engine: one module per engine implements this."""

    #: "tesseract", "rapidocr"
    name: str
    #: True: give it the grey card with the light evened out; False: the card in colour
    prefers_normalised: bool

    def probe(self) -> EngineInfo:
        """Return what the engine is; raise MissingDependencyError (with how to install)."""
        ...

    def models(self, lang: str, accents: bool) -> tuple[str, ...]:
        """Return the models a card is read with, primary first; raise MissingDependencyError
        when the engine cannot read lang."""
        ...

    def read(
        self,
        pixels: Pixels,
        layout: Layout = Layout.SPARSE,
        model: str | None = None,
        timeout: float = 60.0,
    ) -> OcrResult:
        """Return the words read on pixels; raise OcrTimeoutError after timeout seconds and
        OcrError when the engine fails."""
        ...


@dataclass
class Deadline:
    """The time one card may take, over all its readings: each reading gets what is left."""

    seconds: float
    start: float = field(default_factory=time.monotonic)

    def remaining(self) -> float:
        """Return the seconds left; raise OcrTimeoutError when none are."""
        left = self.seconds - (time.monotonic() - self.start)
        if left <= 0:
            raise self.expired()
        return left

    def expired(self) -> OcrTimeoutError:
        """Return the error of a card out of time."""
        return OcrTimeoutError(f"reading the card took longer than {self.seconds:g}s")


@dataclass(frozen=True)
class CardReader:
    """One engine and model reading a card within the card's deadline.

    prepare gives the engine the card in the form it reads best; read reads what prepare gave.
    Preprocessing gets one of these to decide which way up a card goes, without knowing engines.
    """

    engine: Engine
    model: str | None
    deadline: Deadline

    def prepare(self, pixels: Pixels) -> Pixels:
        """Return the card as this engine reads it: normalised grey, or as it is."""
        return normalise(pixels) if self.engine.prefers_normalised else pixels

    def read(self, pixels: Pixels, layout: Layout = Layout.SPARSE) -> OcrResult:
        """Return what the engine reads on prepared pixels in the time the card has left."""
        try:
            return self.engine.read(pixels, layout, self.model, self.deadline.remaining())
        except OcrTimeoutError as e:
            raise self.deadline.expired() from e  # the card's budget, not what was left of it

    def with_model(self, model: str | None) -> CardReader:
        """Return a reader of the same card with another model of the engine."""
        return CardReader(self.engine, model, self.deadline)


#: a first reading at least this confident (mean word confidence) is not tried again
GOOD_ENOUGH = 0.80
#: ... and one less confident than this is texture or blur, not worth the time of a retry
WORTH_RETRYING = 0.45


def read_card(card: CardImage, reader: CardReader, retry: bool = True) -> OcrResult:
    """Return the words read on an upright card image.

    The card is read as sparse text first (cards are scattered lines, not paragraphs), unless
    turning it upright already read it so with the same engine and model (card.reading); a
    weak reading is retried as one block of text and the more confident of the two kept,
    unless retry is False. Each word carries the colour it is printed in (ocr/ink.py),
    measured on the card's own pixels, whichever form of them the engine read.
    """
    first = card.reading
    same_engine = first is not None and first.engine == reader.engine.name
    prepared = card.prepared if same_engine else None
    if first is None or (first.engine, first.lang) != _identity(reader):
        prepared = reader.prepare(card.pixels) if prepared is None else prepared
        first = reader.read(prepared, Layout.SPARSE)
    if not retry or not WORTH_RETRYING <= first.confidence < GOOD_ENOUGH:
        # good already, or noise that a second reading would not turn into text
        return with_ink(card.pixels, first)
    prepared = reader.prepare(card.pixels) if prepared is None else prepared
    second = reader.read(prepared, Layout.BLOCK)
    return with_ink(card.pixels, max((first, second), key=reading_weight))


def _identity(reader: CardReader) -> tuple[str, str]:
    return reader.engine.name, reader.model or ""  # what OcrResult.engine and .lang say


def reading_weight(result: OcrResult) -> float:
    """Return the confident characters of a reading: what a retry must beat."""
    return result.confident_characters


def self_test(engine: Engine, timeout: float) -> float:
    """Read a rendered test line; return the seconds it took, or raise OcrError (hang, crash)."""
    line = np.full((90, 560), 255, np.uint8)
    cv2.putText(line, "cardscan 2026", (20, 62), cv2.FONT_HERSHEY_DUPLEX, 1.6, 0, 2, cv2.LINE_AA)
    pixels = line if engine.prefers_normalised else cv2.cvtColor(line, cv2.COLOR_GRAY2BGR)
    start = time.perf_counter()
    result = engine.read(np.asarray(pixels), Layout.LINE, None, timeout)
    if "cardscan" not in result.text.lower():
        raise OcrError(f"{engine.name} runs but misread a test line as {result.text!r}")
    return time.perf_counter() - start
