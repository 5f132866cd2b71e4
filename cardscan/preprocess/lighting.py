"""Even out light on a flattened card: gradients, shadows, glare, and light-on-dark regions.

The result stays grey, not binary: Tesseract thresholds on its own, and a hard threshold here
would erase thin or light fonts that a clean grey image keeps.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from ..model import Pixels

#: regions without clear ink whose background is darker than this (0..255) are inverted
DARK_BACKGROUND = 100
#: contrast (grey levels) between letters and paper that counts as ink when deciding polarity
INK_CONTRAST = 12
#: paper this many grey levels brighter than the card's usual paper is under glare, and the
#: ink there is darkened up to GLARE_GAIN times
GLARE_EXCESS, GLARE_GAIN = 20.0, 3.0
#: noise level (grey levels) above which a card is smoothed before OCR; clean photos are ~1.5
NOISY = 2.5


def normalise(pixels: Pixels) -> Pixels:
    """Return a grey image with dark text on an even white background."""
    grey = _denoise(_to_grey(pixels))
    grey = _invert_dark_regions(grey)
    background = _background(grey)
    flat = cv2.divide(grey, background, scale=255)
    return _stretch(_deepen_under_glare(np.asarray(flat), background))


def _to_grey(pixels: Pixels) -> Pixels:
    if pixels.ndim == 2:
        return pixels
    return np.asarray(cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY))


def noise_level(grey: Pixels) -> float:
    """Return the sensor noise of a grey image: robust spread of what a 3x3 median removes."""
    residue = grey.astype(np.int16) - cv2.medianBlur(grey, 3).astype(np.int16)
    return 1.4826 * _median_of_small_ints(np.abs(residue - _median_of_small_ints(residue)))


def _median_of_small_ints(values: npt.NDArray[np.int16]) -> int:
    """Return the (lower) median of integers in -510..510, counted rather than sorted.

    np.median partially sorts a copy: 40 ms on a card, twice per reading; counting takes 2.
    """
    counts = np.bincount((values.ravel() + 510).astype(np.intp), minlength=1021)
    middle = (values.size - 1) // 2
    return int(np.searchsorted(np.cumsum(counts), middle, side="right")) - 510


def _denoise(grey: Pixels) -> Pixels:
    # Dividing by the background and stretching amplifies noise; on a noisy card (low light,
    # high gain) Tesseract then reads grain as letters, slowly. A light blur keeps strokes.
    if noise_level(grey) < NOISY:
        return grey
    return np.asarray(cv2.GaussianBlur(grey, (0, 0), 1.0))


def _kernel_size(grey: Pixels, fraction: float) -> int:
    """Return an odd kernel size that is `fraction` of the image's short side."""
    size = max(3, int(min(grey.shape[:2]) * fraction))
    return size | 1


def _invert_dark_regions(grey: Pixels) -> Pixels:
    """Return grey with each region whose letters are lighter than their background inverted."""
    light = _light_text(grey)
    if not light.any():
        return grey
    size = (grey.shape[1], grey.shape[0])
    mask = cv2.resize(light.astype(np.uint8) * 255, size, interpolation=cv2.INTER_LINEAR)
    return np.where(mask > 127, 255 - grey, grey).astype(np.uint8)


def _light_text(grey: Pixels) -> npt.NDArray[np.bool_]:
    """Return, on a quarter-size grid, where the ink is lighter than the paper around it."""
    # Decided by the ink, not by the paper's darkness: white text under glare on a dark card
    # sits on a bright patch, and dark text on a mid-grey band sits on a dark one.
    small, _ = _shrink(grey)
    window = _kernel_size(small, 0.12)
    # A median over a window several text lines tall follows the background, not the letters.
    local = cv2.medianBlur(small, window).astype(np.float32)
    kernel = np.ones((3, 3), np.uint8)
    above = np.maximum(cv2.dilate(small, kernel).astype(np.float32) - local, 0)
    below = np.maximum(local - cv2.erode(small, kernel).astype(np.float32), 0)
    above = cv2.blur(above * above, (2 * window, 2 * window))
    below = cv2.blur(below * below, (2 * window, 2 * window))
    inked = np.maximum(above, below) > INK_CONTRAST**2
    by_ink = inked & (above > 1.5 * below)
    # Where there is no ink to go by, a dark background still means light text.
    return np.asarray(by_ink | (~inked & (local < DARK_BACKGROUND)))


def _background(grey: Pixels) -> Pixels:
    """Return the paper's brightness at every pixel: dark strokes closed over, then smoothed."""
    small, _ = _shrink(grey)
    size = _kernel_size(small, 0.06)
    kernel = cv2.getStructuringElement(cv2.MORPH_ELLIPSE, (size, size))
    closed = cv2.morphologyEx(small, cv2.MORPH_CLOSE, kernel)
    closed = cv2.GaussianBlur(closed, (0, 0), size / 2)
    full = cv2.resize(closed, (grey.shape[1], grey.shape[0]), interpolation=cv2.INTER_LINEAR)
    return np.maximum(np.asarray(full), 1).astype(np.uint8)


def _deepen_under_glare(flat: Pixels, background: Pixels) -> Pixels:
    """Return flat with the ink darkened where glare lit the paper far above its usual level.

    Glare adds light to ink and paper alike, so after dividing by the background the letters
    under it are pale grey. Only there is the darkness below white scaled up (by how much
    brighter the paper is than usual, at most GLARE_GAIN times): elsewhere faint marks are
    grain, and deepening them would turn it into specks.
    """
    usual = float(np.median(background))
    excess = background.astype(np.float32) - usual
    if float(excess.max()) < GLARE_EXCESS:
        return flat
    gain = np.clip(1.0 + (excess - GLARE_EXCESS) / GLARE_EXCESS, 1.0, GLARE_GAIN)
    dark = 255.0 - flat.astype(np.float32)
    deepened = np.where(dark > INK_CONTRAST, INK_CONTRAST + (dark - INK_CONTRAST) * gain, dark)
    return np.clip(255.0 - deepened, 0, 255).astype(np.uint8)


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
