"""What each stage saw, for `scan --debug-dir`: the Trace callback and the pictures it gets.

The stages stay pure: they hand a picture and the name of their step ("1-outline",
"2-card1-flat", "3-card1-normalised", "4-card1-ocr": a listing reads in pipeline order) to a
trace callback, when one is given; the CLI's callback writes them as files.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import cv2
import numpy as np

from .model import OcrResult, Pixels

#: a stage's picture and the name of its step ("2-card1-flat")
Trace = Callable[[str, Pixels], None]

_OUTLINE = (0, 200, 0)
_BOX = (0, 0, 255)


def draw_outlines(
    pixels: Pixels, quads: Sequence[Sequence[tuple[float, float]]], max_side: int = 1600
) -> Pixels:
    """Return a copy of the photo (at most max_side) with each card outline drawn and numbered."""
    scale = min(1.0, max_side / max(pixels.shape[:2]))
    size = (max(1, round(pixels.shape[1] * scale)), max(1, round(pixels.shape[0] * scale)))
    canvas = np.ascontiguousarray(cv2.resize(pixels, size, interpolation=cv2.INTER_AREA))
    if canvas.ndim == 2:
        canvas = cv2.cvtColor(canvas, cv2.COLOR_GRAY2BGR)
    for number, quad in enumerate(quads, start=1):
        points = (np.array(quad, np.float32) * scale).astype(np.int32)
        cv2.polylines(canvas, [points], True, _OUTLINE, 3)
        corner = (int(points[0][0]) + 8, int(points[0][1]) + 30)
        cv2.putText(canvas, str(number), corner, cv2.FONT_HERSHEY_SIMPLEX, 1.0, _OUTLINE, 2)
    return np.asarray(canvas)


def draw_ocr_boxes(pixels: Pixels, result: OcrResult) -> Pixels:
    """Return a copy of the image OCR read with each word's box drawn, redder when less sure."""
    canvas = pixels if pixels.ndim == 3 else cv2.cvtColor(pixels, cv2.COLOR_GRAY2BGR)
    canvas = np.ascontiguousarray(canvas).copy()
    for line in result.lines:
        for word in line.words:
            box = word.box
            colour = _BOX if word.confidence < 0.6 else _OUTLINE
            cv2.rectangle(canvas, (box.left, box.top), (box.right, box.bottom), colour, 2)
    return np.asarray(canvas)
