"""Turn a flattened card upright: 90 vs 0 from the direction of text lines, 0 vs 180 by OCR.

Tesseract's own orientation detection (OSD, --psm 0) needs dense text and fails on sparse
cards; instead the direction of text lines comes from the shape of smeared text blobs. Which
way up is decided by reading: the card itself, the way up its lines suggest (a confident
reading settles it, and is kept as the card's first reading), else a small copy of its longest
lines read both ways up, the more confident way winning.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

import cv2
import numpy as np

from ..model import Layout, OcrResult, Pixels
from .lighting import normalise
from .textregion import line_boxes

#: long side of the copy text lines are found on: large enough to read body text
PROBE_SIDE = 1000
#: text lines this many times more along one axis than the other settle the axis without OCR
CLEAR_AXIS = 3.0
#: a card read at the turn its text lines suggest, this confidently and with this many
#: confident characters, is upright: no card of the dev, hard or real photos read upside down
#: as well, and an upright card read less well needs its sample read both ways up
SETTLED, SETTLED_CHARS = 0.55, 40


def rotate(pixels: Pixels, degrees: int) -> Pixels:
    """Return pixels turned clockwise by 0, 90, 180 or 270 degrees."""
    codes = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    if degrees % 360 == 0:
        return pixels
    return np.asarray(cv2.rotate(pixels, codes[degrees % 360]))


class Reader(Protocol):
    """What orientation needs of an OCR engine (ocr.CardReader is one): the card in the form
    the engine reads best, and a reading of it."""

    def prepare(self, pixels: Pixels) -> Pixels: ...

    def read(self, pixels: Pixels, layout: Layout = Layout.SPARSE) -> OcrResult: ...


@dataclass(frozen=True)
class Upright:
    """The clockwise turn that makes a card upright, and the card read at that turn, if the
    reading was made on the way (it is then the card's first reading: ocr.read_card), with
    the card normalised for it (what any other reading of the card reads)."""

    turn: int
    reading: OcrResult | None = None
    prepared: Pixels | None = None


def upright(pixels: Pixels, reader: Reader) -> Upright:
    """Return the turn (0, 90, 180, 270) that makes the card's text upright.

    When text lines settle the axis, the card is read at that turn as ocr.read_card would
    read it; a confident reading settles the turn too, and is kept. Otherwise a sample of the
    card is read both ways up (and along both axes when the lines did not settle it).
    """
    grey = _small_grey(pixels, PROBE_SIDE)
    axes = _likely_axes(grey)
    if len(axes) == 1:
        card = reader.prepare(rotate(pixels, axes[0]))
        first = reader.read(card, Layout.SPARSE)
        if first.confidence >= SETTLED and first.confident_characters >= SETTLED_CHARS:
            return Upright(axes[0], first, card)
        turn = _probed_turn(grey, axes, reader)
        return Upright(turn, first, card) if turn == axes[0] else Upright(turn)
    return Upright(_probed_turn(grey, axes, reader))


def _likely_axes(grey: Pixels) -> list[int]:
    """Return the turns (0, 90) to try, likelier first; one when the text lines are clear."""
    along, across = line_scores(grey)
    if across > CLEAR_AXIS * along:
        return [90]
    if along > CLEAR_AXIS * across:
        return [0]
    # short lines or few of them: let reading decide the axis too
    return [0, 90] if along >= across else [90, 0]


def _probed_turn(grey: Pixels, axes: list[int], reader: Reader) -> int:
    """Return the turn whose sample of text lines reads best, trying each axis both ways up."""
    scores: dict[int, float] = {}
    for turn in axes:
        sample = text_line_sample(rotate(grey, turn))
        if sample is None:
            continue
        # One Tesseract run reads the sample both ways up, stacked: half the cost of two runs.
        scores[turn], scores[turn + 180] = _read_scores(
            np.vstack([sample, rotate(sample, 180)]), reader
        )
    if not scores:
        return axes[0]
    return max(scores, key=lambda turn: scores[turn])


def text_runs_vertically(grey: Pixels) -> bool:
    """Return whether the text lines of a normalised grey card run top to bottom."""
    along, across = line_scores(grey)
    return across > along


def line_scores(grey: Pixels) -> tuple[float, float]:
    """Return how much ink forms text lines along the rows, and along the columns."""
    ink = _ink(grey)
    return _line_score(ink), _line_score(np.ascontiguousarray(ink.T))


def text_line_sample(grey: Pixels, count: int = 4) -> Pixels | None:
    """Return the card's longest text lines cut out and stacked: a small image quick to read."""
    lines = sorted(line_boxes(_ink(grey)), key=lambda b: b[2], reverse=True)[:count]
    if not lines:
        return None
    lines.sort(key=lambda b: b[1])  # keep their order on the card: flipping stays a flip
    pad = 8
    crops = [
        grey[max(0, y - pad) : y + h + pad, max(0, x - pad) : x + w + pad] for x, y, w, h in lines
    ]
    width = max(c.shape[1] for c in crops)
    rows = [
        cv2.copyMakeBorder(c, 0, 0, 0, width - c.shape[1], cv2.BORDER_CONSTANT, value=255)
        for c in crops
    ]
    return np.ascontiguousarray(np.vstack(rows))


def _small_grey(pixels: Pixels, side: int) -> Pixels:
    height, width = pixels.shape[:2]
    scale = min(1.0, side / max(height, width))
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return normalise(np.asarray(cv2.resize(pixels, size, interpolation=cv2.INTER_AREA)))


def _ink(grey: Pixels) -> Pixels:
    _, ink = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY_INV + cv2.THRESH_OTSU)
    return np.asarray(ink)


def _line_score(ink: Pixels) -> float:
    """Return how much of the ink lies in wide, flat blobs: text lines along the rows."""
    return float(sum(w * h for _, _, w, h in line_boxes(ink)))


def _read_scores(stacked: Pixels, reader: Reader) -> tuple[float, float]:
    """Return the confident characters read in the top and in the bottom half of an image."""
    # The sample is normalised grey already; an engine that reads colour reads grey as well.
    result = reader.read(stacked, Layout.BLOCK)
    middle = stacked.shape[0] / 2
    halves = [0.0, 0.0]
    for line in result.lines:
        for w in line.words:
            if len(w.text) >= 2 and w.confidence > 0.5 and any(c.isalnum() for c in w.text):
                halves[w.box.top + w.box.height / 2 > middle] += w.confidence * len(w.text)
    return halves[0], halves[1]
