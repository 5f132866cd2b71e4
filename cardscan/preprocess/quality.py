"""How well a photographed card can be read: blur, glare over its text, text size in pixels.

Measured on the flattened card, before any reading, so that a bad photo is caught while the
person is still there to take another. Blur is the width of the letters' edges against the
height of the lines (scale-free: enlarging a card widens both); text size is the lines' height
in the photo's own pixels (enlarging a small card adds no detail); glare is the share of the
text lines lying under paper lit far above the card's usual brightness.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from ..model import Pixels, Quality
from .textregion import line_boxes

__all__ = ["ADVICE", "Quality", "advice", "measure", "problems", "text_lines"]

#: edge width over line height above which letters are too soft to read reliably
BLURRED = 0.16
#: line height (photo pixels) under which letters have too few pixels to read reliably
TOO_SMALL = 10.0
#: share of the text lines washed out by glare above which words are lost in it
GLARED = 0.05
#: paper at least this bright (0..255) and this much above the card's usual is lit by glare,
#: and ink there keeping less than WASHED_OUT of its usual contrast is washed out by it
GLARE_LEVEL, GLARE_EXCESS, WASHED_OUT = 245.0, 25.0, 0.7

#: fewer text lines than this are not enough to judge a card by
MIN_LINES = 3

#: what the person is told, per problem
ADVICE = {
    "blurred": "blurred: retake the photo, holding the phone still and letting it focus",
    "small": "text too small: retake the photo closer, the card filling most of the frame",
    "glare": "glare over the text: retake the photo without direct light on the card",
}


def measure(card: Pixels, photo_scale: float = 1.0) -> Quality:
    """Return the quality of a flattened card (BGR or grey); photo_scale is how many of the
    card's pixels one pixel of the photo became when it was cut out (2.0: enlarged twice)."""
    grey: Pixels = card if card.ndim == 2 else np.asarray(cv2.cvtColor(card, cv2.COLOR_BGR2GRAY))
    boxes = text_lines(grey)
    if len(boxes) < MIN_LINES:
        return Quality()  # too little text to judge by: nothing is said
    height = float(np.median([h for _, _, _, h in boxes]))
    lines = np.zeros(grey.shape, bool)
    for x, y, w, h in boxes:
        lines[y : y + h, x : x + w] = True
    blur = _edge_width(grey, lines) / height
    text_height = height / max(photo_scale, 1e-6)
    glare = _glare_share(grey, lines, height)
    return Quality(blur, text_height, glare, problems(blur, text_height, glare))


def advice(quality: Quality) -> tuple[str, ...]:
    """Return what to tell the person about each of the photo's problems."""
    return tuple(ADVICE[problem] for problem in quality.problems)


def problems(blur: float, text_height: float, glare: float) -> tuple[str, ...]:
    """Return the problems ("blurred", "small", "glare") that make a card unreliable to read."""
    found = []
    if blur > BLURRED:
        found.append("blurred")
    if 0 < text_height < TOO_SMALL:
        found.append("small")
    if glare > GLARED:
        found.append("glare")
    return tuple(found)


def text_lines(grey: Pixels) -> list[tuple[int, int, int, int]]:
    """Return (left, top, width, height) of the text lines: letters smeared sideways."""
    # Dark and light text alike: ink is what differs from the local paper, either way.
    background = cv2.medianBlur(grey, _odd(min(grey.shape[:2]) // 12))
    contrast = cv2.absdiff(grey, background)
    _, ink = cv2.threshold(contrast, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return line_boxes(np.asarray(ink), tallest=5)


def _edge_width(grey: Pixels, lines: npt.NDArray[np.bool_]) -> float:
    """Return how many pixels the letters' edges take to rise from ink to paper."""
    # A blurred step of contrast C rises with a steepest slope of about C / width.
    smooth = cv2.GaussianBlur(grey, (3, 3), 0).astype(np.float32)
    gx = cv2.Sobel(smooth, cv2.CV_32F, 1, 0, ksize=3) / 8
    gy = cv2.Sobel(smooth, cv2.CV_32F, 0, 1, ksize=3) / 8
    slope = np.hypot(gx, gy)[lines]
    values = smooth[lines]
    contrast = float(np.percentile(values, 95) - np.percentile(values, 5))
    steepest = float(np.percentile(slope, 99))
    return contrast / max(steepest, 1e-6)


def _glare_share(grey: Pixels, lines: npt.NDArray[np.bool_], height: float) -> float:
    """Return the share of the text lines' area washed out by glare.

    Glare is paper lit near white, far above the card's usual paper, where the ink keeps only
    part of its usual contrast: uneven light scales ink and paper alike and keeps the ratio,
    glare adds light to both. A bright, clipped card whose ink stays dark reads well.
    """
    size = _odd(min(grey.shape[:2]) // 15)
    paper = cv2.dilate(grey, cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size)))
    paper = paper.astype(np.float32)
    bright = (paper >= GLARE_LEVEL) & (paper >= np.percentile(paper, 25) + GLARE_EXCESS)
    window = np.ones((_odd(round(1.5 * height)),) * 2, np.uint8)
    near = cv2.dilate(grey, window).astype(np.float32)
    contrast = (near - cv2.erode(grey, window).astype(np.float32)) / np.maximum(near, 1.0)
    elsewhere = lines & ~bright
    usual = float(np.median(contrast[elsewhere if elsewhere.any() else lines]))
    washed = bright & (contrast < WASHED_OUT * usual)
    return float(np.count_nonzero(washed & lines)) / max(int(np.count_nonzero(lines)), 1)


def _odd(size: int) -> int:
    return max(3, size) | 1
