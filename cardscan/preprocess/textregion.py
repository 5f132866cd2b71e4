"""Where text lies on a card or photo: the box around its clusters (the fallback when no card
outline is found) and the boxes of its lines."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from ..model import Pixels
from .quads import Quad, order_corners

#: a text cluster smaller than this share of the frame is noise, not a card
MIN_REGION = 0.02
#: clusters smaller than this share of the frame are specks, not text
MIN_BLOCK = 0.002
#: text tilted less than this (degrees) is cropped straight, not warped
STRAIGHT = 1.5


def find_text_region(small: Pixels, whole: bool = False, pad: int | None = None) -> Quad | None:
    """Return the corners of a rectangle around the text clusters in a small BGR image, pad
    pixels beyond them (by default, the gap that joins a card's lines into one block).

    None when there are only specks, and, unless whole, when text covers nearly the whole
    frame (the frame itself is then as good): with whole, that rectangle is the frame turned
    level with its text lines.
    """
    grey: Pixels = np.asarray(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)) if small.ndim == 3 else small
    marks = _marks(grey)
    # A wide closing merges letters into words and lines. The gap is about a line spacing, so
    # the lines of one card merge into one block.
    gap = max(5, min(grey.shape[:2]) // 10)
    merged = cv2.morphologyEx(marks, cv2.MORPH_CLOSE, np.ones((gap, gap), np.uint8))
    count, labels, stats, _ = cv2.connectedComponentsWithStats(merged)
    frame = grey.shape[0] * grey.shape[1]
    # Every sizeable cluster: a card's name and its contact block can sit far apart.
    keep = [i for i in range(1, count) if stats[i, cv2.CC_STAT_AREA] >= MIN_BLOCK * frame]
    if not keep:
        return None
    ys, xs = np.nonzero(np.isin(labels, keep))
    points = np.column_stack([xs, ys]).astype(np.float32)
    angle = _skew(np.asarray(marks, np.uint8))
    # Rotate the points level, box them, and turn the box back: a rectangle along the lines.
    turn = cv2.getRotationMatrix2D((0.0, 0.0), -angle, 1.0)
    level = points @ turn[:, :2].T
    margin = gap if pad is None else pad
    (left, top), (right, bottom) = level.min(axis=0) - margin, level.max(axis=0) + margin
    if (right - left) * (bottom - top) < MIN_REGION * frame:
        return None  # specks
    if not whole and (right - left) * (bottom - top) > 0.9 * frame:
        return None  # text everywhere: the frame itself is as good
    box = np.array([[left, top], [right, top], [right, bottom], [left, bottom]], np.float32)
    corners = box @ cv2.invertAffineTransform(turn)[:, :2].T
    limits = np.array([grey.shape[1] - 1, grey.shape[0] - 1], np.float32)
    return order_corners(np.clip(corners, 0, limits).astype(np.float32))


def text_marks(small: Pixels) -> npt.NDArray[np.bool_]:
    """Return where a small BGR image has small, high-contrast details: letters, mostly."""
    grey: Pixels = np.asarray(cv2.cvtColor(small, cv2.COLOR_BGR2GRAY)) if small.ndim == 3 else small
    return np.asarray(_marks(grey) > 0)


def _marks(grey: Pixels) -> Pixels:
    # A morphological gradient finds letters on any background, light or dark.
    gradient = cv2.morphologyEx(grey, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    _, marks = cv2.threshold(gradient, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    return np.asarray(marks)


def _skew(marks: Pixels) -> float:
    """Return the median tilt (degrees, counter-clockwise) of the text lines; 0 when slight."""
    gap = max(5, marks.shape[1] // 40)
    lines = cv2.morphologyEx(marks, cv2.MORPH_CLOSE, np.ones((1, gap), np.uint8))
    contours, _ = cv2.findContours(lines, cv2.RETR_EXTERNAL, cv2.CHAIN_APPROX_SIMPLE)
    angles = []
    for contour in contours:
        (_, _), (width, height), angle = cv2.minAreaRect(contour)
        if min(width, height) < 3 or max(width, height) < 4 * min(width, height):
            continue  # not a line of text
        angles.append((angle + 45) % 90 - 45)  # the line's tilt, whichever side is long
    if not angles:
        return 0.0
    skew = -float(np.median(angles))
    return skew if abs(skew) >= STRAIGHT else 0.0


def line_boxes(ink: Pixels, tallest: int = 4) -> list[tuple[int, int, int, int]]:
    """Return (left, top, width, height) of the blobs the letters of ink (a 0/255 mask) make
    once smeared sideways: text lines, at most 1/tallest of the image high, three times as
    wide as high."""
    gap = max(3, ink.shape[1] // 60)
    smeared = cv2.morphologyEx(ink, cv2.MORPH_CLOSE, np.ones((1, gap), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(smeared)
    return [
        (int(x), int(y), int(w), int(h))
        for x, y, w, h, _ in stats[1:count]
        if 6 <= h <= ink.shape[0] // tallest and w >= 3 * h
    ]
