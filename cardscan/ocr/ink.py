"""The colour each word is printed in, measured on the card's own pixels after an engine read it.

Engines read grey or their own copy of the card and know nothing of colour; the parser uses
ink colour as one piece of evidence that two words on a row are two fields (parse/lines.py).
Colours are CIE Lab (L 0..100, a and b about -128..127), rounded to integers: a distance
between two Lab colours is close to how different they look, so the parser can compare them
without converting anything, and whole units are far finer than the differences that matter.
"""

from __future__ import annotations

import dataclasses
import math

import cv2
import numpy as np
import numpy.typing as npt

from ..model import Box, OcrLine, OcrResult, Pixels

#: a box whose two pixel classes differ by fewer grey levels than this holds no readable ink
MIN_CONTRAST = 24
#: the margin around a word's box (in box heights) whose outer edge shows the background
MARGIN = 0.25
#: fewer ink pixels than this give no colour worth comparing (a dot, a speck)
MIN_INK = 6
#: a word's box is sampled on a grid of about this many pixels
SAMPLE = 1500

Lab = tuple[int, int, int]
#: how much blue, green and red make up brightness (ITU-R BT.601, as OpenCV's grey)
_GREY_WEIGHTS = np.array([0.114, 0.587, 0.299], np.float32)


def with_ink(pixels: Pixels, result: OcrResult) -> OcrResult:
    """Return result with each word's ink colour measured on pixels (BGR, the card's, in the
    coordinates of the result's boxes); result as it is when the sizes do not match."""
    if (pixels.shape[1], pixels.shape[0]) != (result.image_width, result.image_height):
        return result
    words = [w for line in result.lines for w in line.words]
    inks = iter(_to_lab([_ink_bgr(pixels, w.box) for w in words]))
    lines = tuple(
        OcrLine(tuple(dataclasses.replace(w, ink=next(inks)) for w in line.words))
        for line in result.lines
    )
    return dataclasses.replace(result, lines=lines)


def ink_colour(pixels: Pixels, box: Box) -> Lab | None:
    """Return the Lab colour of the letters in box (pixels BGR), or None when the box holds
    no clear ink."""
    return _to_lab([_ink_bgr(pixels, box)])[0]


def _ink_bgr(pixels: Pixels, box: Box) -> npt.NDArray[np.float32] | None:
    """Return the BGR colour of the letters in box, or None when the box holds no clear ink.

    The pixels of the box and a margin around it fall in two classes by brightness (Otsu's
    threshold). The background is the class most of the margin's outer edge is in, so light
    text on a dark band is found as well as dark text on paper, and a bold word that fills
    most of its box is not taken for paper. Of the letters' pixels only the half farthest
    from the threshold counts: the rest are edges blended with the background. The colour is
    their per-channel median.
    """
    pad = max(2, round(MARGIN * box.height))
    top, left = max(box.top - pad, 0), max(box.left - pad, 0)
    crop = pixels[top : box.bottom + pad, left : box.right + pad]
    # Every few pixels of a large word tell its colour as well as all of them, far faster.
    step = max(1, math.isqrt(crop.shape[0] * crop.shape[1] // SAMPLE))
    crop = crop[::step, ::step]
    if crop.shape[0] < 3 or crop.shape[1] < 3:
        return None
    if crop.ndim == 2:
        crop = np.repeat(crop[:, :, np.newaxis], 3, axis=2)
    grey = (crop.astype(np.float32) @ _GREY_WEIGHTS).astype(np.uint8)
    threshold, _ = cv2.threshold(grey, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)
    dark = grey <= threshold
    edge = np.concatenate([dark[0], dark[-1], dark[1:-1, 0], dark[1:-1, -1]])
    letters = ~dark if 2 * int(edge.sum()) > edge.size else dark
    if not MIN_INK <= int(letters.sum()) <= letters.size - MIN_INK:
        return None
    ink, paper = grey[letters].astype(np.float32), grey[~letters].astype(np.float32)
    if abs(float(np.median(ink)) - float(np.median(paper))) < MIN_CONTRAST:
        return None
    contrast = np.abs(ink - threshold)
    core = crop[letters][contrast >= np.median(contrast)]
    return np.asarray(np.median(core, axis=0), np.float32)


def _to_lab(colours: list[npt.NDArray[np.float32] | None]) -> list[Lab | None]:
    """Return BGR colours (0..255) as rounded CIE Lab, converted together in one call."""
    known = [c for c in colours if c is not None]
    if not known:
        return [None] * len(colours)
    lab = cv2.cvtColor(np.stack(known).reshape(-1, 1, 3) / 255.0, cv2.COLOR_BGR2Lab)
    converted = iter(lab.reshape(-1, 3).round().astype(int).tolist())
    return [None if c is None else _lab(next(converted)) for c in colours]


def _lab(values: list[int]) -> Lab:
    return values[0], values[1], values[2]
