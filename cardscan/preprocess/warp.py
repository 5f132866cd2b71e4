"""Flatten a card: four-point perspective warp from full-resolution pixels at a size for OCR."""

from __future__ import annotations

import cv2
import numpy as np

from ..model import Pixels
from .quads import Quad

#: long side of a flattened card: body text then has an x-height of ~18-25 px, where Tesseract
#: reads well; 1400 read no better on the dev photos and took ~15% longer (a 12 MP frame is
#: never OCRed whole)
CARD_SIDE = 1200
#: most a small card is enlarged: more only magnifies blur
MAX_UPSCALE = 2.0


def warp_quad(pixels: Pixels, quad: Quad) -> Pixels:
    """Return the quad's content as a rectangle of its measured aspect, long side ~CARD_SIDE."""
    return resize_for_ocr(_warp(pixels, quad))


def _warp(pixels: Pixels, quad: Quad) -> Pixels:
    tl, tr, br, bl = quad
    width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    # Warp at the photo's own resolution, then resize: warpPerspective has no area filter, so
    # shrinking inside it would alias thin strokes.
    out_w, out_h = max(1, round(width)), max(1, round(height))
    target = np.array([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(quad.astype(np.float32), target)
    flat = cv2.warpPerspective(
        pixels, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    return np.asarray(flat)


def crop_region(pixels: Pixels, quad: Quad) -> Pixels:
    """Return a region of the photo straightened, scaled as the whole frame would be for OCR."""
    # Scaled like the frame, not like a card: a text block is not a whole card, and enlarging
    # it to a card's size would only make its letters too big.
    height, width = pixels.shape[:2]
    scale = min(CARD_SIDE / max(width, height, 1), MAX_UPSCALE)
    return _resize(_warp(pixels, quad), scale)


def resize_for_ocr(pixels: Pixels) -> Pixels:
    """Return pixels scaled so the long side is ~CARD_SIDE (enlarged at most MAX_UPSCALE times)."""
    height, width = pixels.shape[:2]
    return _resize(pixels, min(CARD_SIDE / max(width, height, 1), MAX_UPSCALE))


def _resize(pixels: Pixels, scale: float) -> Pixels:
    height, width = pixels.shape[:2]
    if abs(scale - 1.0) < 0.05:
        return pixels
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return np.asarray(cv2.resize(pixels, size, interpolation=interpolation))
