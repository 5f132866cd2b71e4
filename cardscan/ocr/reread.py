"""A second look at single words: each cut out of the card and read alone, the surer reading kept.

Read within a whole card, a word in a light or unusual face now and then comes out unsure and
with a stray or lost mark ("Åsa" at 0.37, "ROỌSSI" at 0.40). Read alone, a little smaller,
the same model reads most of them surely ("Åsa" at 0.75, "ROSSI" at 0.76). A word read alone
replaces the card's reading of it only where it is one word, read more surely, and another
reading of the card confirms it: grain on a blurred photo reads surely as a letter too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import cv2
import numpy as np

from ..errors import OcrError
from ..model import WORD_PUNCTUATION, Box, Layout, OcrLine, OcrResult, OcrWord, Pixels
from .engine import CardReader

#: the word is shrunk this much before it is read alone (the card is read at full size)
SCALE = 0.8
#: the margin cut around the word, in heights of its box
MARGIN = 0.5
#: plain border added around the cut (pixels), as a page margin
BORDER = 10
#: the most words of one reading read again: each costs one engine run
MOST_WORDS = 4


def reread_words(
    reader: CardReader,
    pixels: Pixels,
    result: OcrResult,
    chosen: Callable[[OcrWord], bool],
    confirmed: Callable[[OcrWord], bool],
    prepared: Pixels | None = None,
) -> OcrResult:
    """Return result with each chosen word (at most MOST_WORDS) read again alone on the card's
    pixels (as the reader's engine prepares them: prepared, when the card was already), where
    that reading is surer and confirmed (given the word as read alone, in the card word's box)
    by what else the card holds.

    A failed or late run keeps the words as read: the card's reading stands.
    """
    wanted = [
        (i, j) for i, line in enumerate(result.lines) for j, w in enumerate(line.words) if chosen(w)
    ][:MOST_WORDS]
    if not wanted:
        return result
    prepared = reader.prepare(pixels) if prepared is None else prepared
    better: dict[tuple[int, int], OcrWord] = {}
    for i, j in wanted:
        word = result.lines[i].words[j]
        try:
            alone = _read_alone(reader, prepared, word.box)
        except OcrError:
            break
        if alone is not None and alone.confidence > word.confidence:
            candidate = _respelled(word, alone)
            if confirmed(candidate):
                better[i, j] = candidate
    if not better:
        return result
    lines = tuple(
        OcrLine(tuple(better.get((i, j), w) for j, w in enumerate(line.words)))
        for i, line in enumerate(result.lines)
    )
    return replace(result, lines=lines)


def _read_alone(reader: CardReader, prepared: Pixels, box: Box) -> OcrWord | None:
    """Return the one word read on the cut around box, or None if it held none or several."""
    margin = round(box.height * MARGIN)
    cut = prepared[
        max(0, box.top - margin) : box.bottom + margin,
        max(0, box.left - margin) : box.right + margin,
    ]
    if cut.size == 0:
        return None
    small = cv2.resize(cut, None, fx=SCALE, fy=SCALE, interpolation=cv2.INTER_AREA)
    framed = cv2.copyMakeBorder(small, BORDER, BORDER, BORDER, BORDER, cv2.BORDER_REPLICATE)
    read = reader.read(np.ascontiguousarray(framed, dtype=np.uint8), Layout.LINE)
    # a neighbour's edge inside the margin reads as a mark ("=", "-"): only words count
    words = [w for line in read.lines for w in line.words if len(_core(w.text)) >= 2]
    return words[0] if len(words) == 1 and _core(words[0].text).isalpha() else None


def _respelled(word: OcrWord, alone: OcrWord) -> OcrWord:
    """Return word spelled and trusted as read alone, keeping its box, ink and punctuation."""
    head = word.text[: len(word.text) - len(word.text.lstrip(WORD_PUNCTUATION))]
    tail = word.text[len(word.text.rstrip(WORD_PUNCTUATION)) :]
    return replace(word, text=head + _core(alone.text) + tail, confidence=alone.confidence)


def _core(text: str) -> str:
    return text.strip(WORD_PUNCTUATION)
