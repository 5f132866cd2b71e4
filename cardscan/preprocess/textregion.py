"""Fallback when no card outline is found: the box around the clusters of text."""

from __future__ import annotations

import cv2
import numpy as np

from ..model import Pixels

#: a text cluster smaller than this share of the frame is noise, not a card
MIN_REGION = 0.02
#: clusters smaller than this share of the frame are specks, not text
MIN_BLOCK = 0.002


def find_text_region(small: Pixels) -> tuple[int, int, int, int] | None:
    """Return (left, top, right, bottom) around the text clusters in a small BGR image."""
    grey = cv2.cvtColor(small, cv2.COLOR_BGR2GRAY) if small.ndim == 3 else small
    # Letters are small, high-contrast details: a morphological gradient finds them on any
    # background, light or dark; a wide closing then merges letters into words and lines.
    gradient = cv2.morphologyEx(grey, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    _, marks = cv2.threshold(gradient, 0, 255, cv2.THRESH_BINARY + cv2.THRESH_OTSU)
    # The gap is about a line spacing, so the lines of one card merge into one block.
    gap = max(5, min(grey.shape[:2]) // 10)
    merged = cv2.morphologyEx(marks, cv2.MORPH_CLOSE, np.ones((gap, gap), np.uint8))
    count, _, stats, _ = cv2.connectedComponentsWithStats(merged)
    frame = grey.shape[0] * grey.shape[1]
    # Every sizeable cluster: a card's name and its contact block can sit far apart.
    blocks = [b for b in stats[1:count] if b[cv2.CC_STAT_AREA] >= MIN_BLOCK * frame]
    if not blocks:
        return None
    left = min(int(b[0]) for b in blocks)
    top = min(int(b[1]) for b in blocks)
    width = max(int(b[0] + b[2]) for b in blocks) - left
    height = max(int(b[1] + b[3]) for b in blocks) - top
    if width * height < MIN_REGION * frame:
        return None
    if width * height > 0.9 * frame:
        return None  # text everywhere: the frame itself is as good
    pad = gap
    return (
        max(0, left - pad),
        max(0, top - pad),
        min(grey.shape[1], left + width + pad),
        min(grey.shape[0], top + height + pad),
    )
