"""Flatten a card: four-point perspective warp from full-resolution pixels at a size for OCR."""

from __future__ import annotations

import math

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
#: a card is warped at this many times its final size at least, then shrunk (see _warp)
WARP_MARGIN = 2.0


def warp_quad(pixels: Pixels, quad: Quad) -> Pixels:
    """Return the quad's content as a rectangle of its measured aspect, long side ~CARD_SIDE."""
    width, height = _sides(quad)
    return _warp(pixels, quad, _ocr_scale(width, height))


def too_small_to_cut(quad: Quad) -> bool:
    """Return whether the quad's content would be enlarged to be read (shorter than CARD_SIDE)."""
    return max(_sides(quad)) < CARD_SIDE


def card_scale(quad: Quad) -> float:
    """Return how many pixels of the flattened card one pixel of the photo becomes."""
    return _ocr_scale(*_sides(quad))


def resize_for_ocr(pixels: Pixels) -> Pixels:
    """Return pixels scaled so the long side is ~CARD_SIDE (enlarged at most MAX_UPSCALE times)."""
    height, width = pixels.shape[:2]
    return _resize(pixels, _ocr_scale(width, height))


def _sides(quad: Quad) -> tuple[float, float]:
    tl, tr, br, bl = quad
    width = (np.linalg.norm(tr - tl) + np.linalg.norm(br - bl)) / 2
    height = (np.linalg.norm(bl - tl) + np.linalg.norm(br - tr)) / 2
    return float(width), float(height)


def _ocr_scale(width: float, height: float) -> float:
    scale = min(CARD_SIDE / max(width, height, 1.0), MAX_UPSCALE)
    return 1.0 if abs(scale - 1.0) < 0.05 else scale


def _warp(pixels: Pixels, quad: Quad, scale: float) -> Pixels:
    """Return the quad flattened to a rectangle, scale times its measured size.

    The warp runs at the photo's resolution, then an area filter shrinks it: shrinking inside
    warpPerspective would alias thin strokes, and warping at the final size softens them. A
    card more than 2 * WARP_MARGIN times its final size (in a 50 MP photo) is first shrunk to
    WARP_MARGIN times it, in the box around it: a full-size warp would cost a photo's memory.
    """
    height, width = pixels.shape[:2]
    left, top = (max(0, math.floor(v)) for v in quad.min(axis=0))
    right = min(width, math.ceil(float(quad[:, 0].max())) + 1)
    bottom = min(height, math.ceil(float(quad[:, 1].max())) + 1)
    region = pixels[top:bottom, left:right]
    corners = quad.astype(np.float32) - np.array([left, top], np.float32)
    if scale * 2 * WARP_MARGIN < 1.0:
        region = _resize(region, WARP_MARGIN * scale)
        shrunk = [region.shape[1] / (right - left), region.shape[0] / (bottom - top)]
        corners = corners * np.array(shrunk, np.float32)
        scale = 1.0 / WARP_MARGIN
    sides = _sides(corners)
    out_w, out_h = (max(1, round(side)) for side in sides)
    target = np.array([[0, 0], [out_w - 1, 0], [out_w - 1, out_h - 1], [0, out_h - 1]], np.float32)
    matrix = cv2.getPerspectiveTransform(corners, target)
    flat = cv2.warpPerspective(
        region, matrix, (out_w, out_h), flags=cv2.INTER_LINEAR, borderMode=cv2.BORDER_REPLICATE
    )
    if abs(scale - 1.0) < 0.05:
        return np.asarray(flat)
    size = (max(1, round(sides[0] * scale)), max(1, round(sides[1] * scale)))
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    return np.asarray(cv2.resize(flat, size, interpolation=interpolation))


def _resize(pixels: Pixels, scale: float) -> Pixels:
    height, width = pixels.shape[:2]
    if abs(scale - 1.0) < 0.05:
        return pixels
    interpolation = cv2.INTER_AREA if scale < 1 else cv2.INTER_CUBIC
    size = (max(1, round(width * scale)), max(1, round(height * scale)))
    return np.asarray(cv2.resize(pixels, size, interpolation=interpolation))
