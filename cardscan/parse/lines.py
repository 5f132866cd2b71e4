"""Regroup OCR words into printed lines ("segments"): one row, one column, one font size.

Tesseract's sparse-text mode splits a printed line wherever the gap is wide, and joins words of
two columns that happen to share a baseline; regrouping from the word boxes gives the parser the
lines a person sees.
"""

from __future__ import annotations

import itertools
import statistics
from dataclasses import dataclass

from ..model import OcrResult, OcrWord

#: A gap wider than this many line heights starts a new column segment.
COLUMN_GAP = 2.2
#: Glyphs of bullets, bars and icons as Tesseract reads them; "&" and "-" are text.
SEPARATOR_GLYPHS = frozenset("•·*«»|¦™©®_{}[]()~=—–<>°¢§¶†‡^`\"'")


@dataclass(frozen=True)
class Segment:
    """One printed line (or one column of a row) with the signals the field parsers use."""

    index: int  # reading order
    words: tuple[OcrWord, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def height(self) -> float:
        heights = sorted(w.box.height for w in self.words)
        return float(heights[len(heights) // 2])

    @property
    def top(self) -> int:
        return min(w.box.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.box.bottom for w in self.words)

    @property
    def left(self) -> int:
        return min(w.box.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.box.right for w in self.words)

    @property
    def confidence(self) -> float:
        total = sum(len(w.text) for w in self.words)
        if not total:
            return 0.0
        return sum(w.confidence * len(w.text) for w in self.words) / total


def segments(ocr: OcrResult) -> list[Segment]:
    """Return the printed lines of an OCR result in reading order (top to bottom, left to right)."""
    words = [w for line in ocr.lines for w in line.words if w.text.strip()]
    if ocr.engine == "text":
        # plain text has no geometry worth regrouping: its lines are the lines
        rows = [list(line.words) for line in ocr.lines]
    else:
        rows = _rows(words, _slope(ocr))
    out: list[list[OcrWord]] = []
    for row in rows:
        out.extend(_join_spaced_letters(part) for part in _split_columns(row))
    out.sort(key=lambda ws: (min(w.box.top for w in ws), min(w.box.left for w in ws)))
    return [Segment(i, tuple(ws)) for i, ws in enumerate(out) if ws]


def _slope(ocr: OcrResult) -> float:
    """Return the text's median slope (dy/dx): a photo taken a little askew tilts every line.

    Measured between neighbouring words of Tesseract's lines, so a line it joined across two
    columns does not count more than any other pair of words.
    """
    slopes = []
    for line in ocr.lines:
        for a, b in itertools.pairwise(line.words):
            dx = (b.box.left + b.box.width / 2) - (a.box.left + a.box.width / 2)
            near = b.box.left - a.box.right < 1.5 * line.height
            if near and dx > line.height and 0.7 < a.box.height / max(b.box.height, 1) < 1.4:
                dy = (b.box.top + b.box.height / 2) - (a.box.top + a.box.height / 2)
                slopes.append(dy / dx)
    if len(slopes) < 5:
        return 0.0
    slope = statistics.median(slopes)
    return slope if abs(slope) < 0.3 else 0.0


def _centre(word: OcrWord, slope: float) -> float:
    """Return the word's vertical centre, corrected for the tilt of the text."""
    return word.box.top + word.box.height / 2 - slope * (word.box.left + word.box.width / 2)


def _rows(words: list[OcrWord], slope: float) -> list[list[OcrWord]]:
    """Group words whose (tilt-corrected) vertical centres fall inside one another's extent."""
    rows: list[list[OcrWord]] = []
    for word in sorted(words, key=lambda w: _centre(w, slope)):
        centre = _centre(word, slope)
        best, best_offset = None, 0.0
        for row in rows:
            ref = statistics.median(_centre(w, slope) for w in row)
            size = statistics.median(w.box.height for w in row)
            offset = abs(centre - ref)
            similar = 0.5 < word.box.height / max(size, 1) < 2.0
            fits = similar and offset < 0.5 * min(size, word.box.height)
            if fits and (best is None or offset < best_offset):
                best, best_offset = row, offset
        if best is None:
            rows.append([word])
        else:
            best.append(word)
    return rows


def _split_columns(row: list[OcrWord]) -> list[list[OcrWord]]:
    """Split one row at gaps far wider than a word space."""
    row = sorted(row, key=lambda w: w.box.left)
    size = statistics.median(w.box.height for w in row)
    parts: list[list[OcrWord]] = [[]]
    for word in row:
        if _is_separator(word.text):
            parts.append([])  # "•", "|", an icon read as "™": the items either side are apart
            continue
        prev = parts[-1][-1] if parts[-1] else None
        gap = word.box.left - prev.box.right if prev is not None else 0
        # "jane @acme.com" set wide by the OCR is still one address
        at_joint = prev is not None and (word.text.startswith("@") or prev.text.endswith("@"))
        if gap > (3 * COLUMN_GAP if at_joint else COLUMN_GAP) * size:
            parts.append([])
        parts[-1].append(word)
    return [p for p in parts if p]


def _join_spaced_letters(words: list[OcrWord]) -> list[OcrWord]:
    """Join "J A N E   D O E" read letter by letter into words, breaking at the wider gaps."""
    if len(words) < 4 or sum(len(w.text) == 1 for w in words) < 0.7 * len(words):
        return words
    gaps = [b.box.left - a.box.right for a, b in itertools.pairwise(words)]
    limit = 1.6 * max(statistics.median(gaps), 1)
    joined: list[list[OcrWord]] = [[words[0]]]
    for gap, word in zip(gaps, words[1:], strict=False):
        if gap > limit:
            joined.append([])
        joined[-1].append(word)
    return [_merged(group) for group in joined]


def _merged(group: list[OcrWord]) -> OcrWord:
    box = group[0].box
    for w in group[1:]:
        box = box.union(w.box)
    conf = min(w.confidence for w in group)
    return OcrWord("".join(w.text for w in group), box, conf)


def _is_separator(text: str) -> bool:
    """Return True for a word of separator or icon glyphs only ("•", "|", "™", "_", "{]")."""
    return all(c in SEPARATOR_GLYPHS for c in text)
