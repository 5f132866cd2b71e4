"""Intermediate images for `scan --debug-dir`: what each stage saw, written as named files.

Files are named `<stem>-<step>-<what>.jpg` (e.g. `card-1-outline.jpg`, `card-2-card1-flat.jpg`),
so a folder listing reads in pipeline order.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import cv2
import numpy as np

from .model import OcrResult, Pixels

_OUTLINE = (0, 200, 0)
_BOX = (0, 0, 255)


def write_image(debug_dir: Path | None, stem: str, step: str, pixels: Pixels) -> Path | None:
    """Write pixels as debug_dir/<stem>-<step>.jpg (nothing when debug_dir is None)."""
    if debug_dir is None:
        return None
    debug_dir.mkdir(parents=True, exist_ok=True)
    path = debug_dir / f"{stem}-{step}.jpg"
    cv2.imwrite(str(path), pixels, [cv2.IMWRITE_JPEG_QUALITY, 90])
    return path


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


def write_ocr_boxes(
    debug_dir: Path | None, stem: str, pixels: Pixels, result: OcrResult
) -> Path | None:
    """Write the OCR input with word boxes as debug_dir/<stem>-ocr.jpg (None: nothing written)."""
    if debug_dir is None:
        return None
    return write_image(debug_dir, stem, "ocr", draw_ocr_boxes(pixels, result))
