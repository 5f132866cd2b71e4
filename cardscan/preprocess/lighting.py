"""Even out light on a flattened card: gradients, shadows, glare, and light-on-dark regions.

The result stays grey, not binary: Tesseract thresholds on its own, and a hard threshold here
would erase thin or light fonts that a clean grey image keeps.
"""

from __future__ import annotations

import cv2
import numpy as np

from ..model import Pixels

#: regions whose local background is darker than this (0..255) carry light text: inverted
DARK_BACKGROUND = 100


def normalise(pixels: Pixels) -> Pixels:
    """Return a grey image with dark text on an even white background."""
    grey = _to_grey(pixels)
    grey = _invert_dark_regions(grey)
    background = _background(grey)
    flat = cv2.divide(grey, background, scale=255)
    return _stretch(np.asarray(flat))


def _to_grey(pixels: Pixels) -> Pixels:
    if pixels.ndim == 2:
        return pixels
    return np.asarray(cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY))


def _kernel_size(grey: Pixels, fraction: float) -> int:
    """Return an odd kernel size that is `fraction` of the image's short side."""
    size = max(3, int(min(grey.shape[:2]) * fraction))
    return size | 1


def _invert_dark_regions(grey: Pixels) -> Pixels:
    """Return grey with each region whose background is dark inverted (decided per region)."""
    # A median over a window several text lines tall follows the background, not the letters.
    small, _ = _shrink(grey)
    local = cv2.medianBlur(small, _kernel_size(small, 0.12))
    dark_small = (local < DARK_BACKGROUND).astype(np.uint8) * 255
    if not dark_small.any():
        return grey
    size = (grey.shape[1], grey.shape[0])
    dark = cv2.resize(dark_small, size, interpolation=cv2.INTER_LINEAR)
    return np.where(dark > 127, 255 - grey, grey).astype(np.uint8)


def _background(grey: Pixels) -> Pixels:
    """Return the paper's brightness at every pixel: dark strokes closed over, then smoothed."""
    small, _ = _shrink(grey)
    size = _kernel_size(small, 0.06)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    closed = cv2.GaussianBlur(closed, (0, 0), size / 2)
    full = cv2.resize(closed, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    return np.maximum(np.asarray(full), 1).astype(np.uint8)


def _shrink(grey: Pixels) -> tuple[Pixels, float]:
    # Background estimates are smooth: a quarter-size image gives the same answer 16x faster.
    factor = 4.0
    size = (max(1, round(grey.shape[1] / factor)), max(1, round(grey.shape[0] / factor)))
    return np.asarray(cv2.resize(grey, size, interpolation=cv2.INTER_AREA)), factor


def _stretch(grey: Pixels) -> Pixels:
    """Return grey with its darkest 1% mapped to black, keeping white white."""
    low = float(np.percentile(grey, 1))
    if low >= 250:
        return grey
    scaled = (grey.astype(np.float32) - low) * (255.0 / (255.0 - low))
    return np.clip(scaled, 0, 255).astype(np.uint8)
