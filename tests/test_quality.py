"""The photo-quality estimate on synthetic cards: sharp, blurred, glared, tiny text."""

from __future__ import annotations

import cv2
import numpy as np
import pytest

from cardscan.preprocess import quality

LINES = ("JANE DOE", "Chief Engineer", "jane@example.com", "+1 415 555 0100", "www.example.com")


def card(scale: float = 1.0) -> np.ndarray:
    """Return a flattened white card (1200 px wide) with five lines of black text."""
    pixels = np.full((700, 1200, 3), 245, np.uint8)
    for i, text in enumerate(LINES):
        position = (60, 110 + 120 * i)
        cv2.putText(pixels, text, position, cv2.FONT_HERSHEY_SIMPLEX, 1.6 * scale, (25,) * 3, 3)
    return pixels


def blurred(pixels: np.ndarray, sigma: float) -> np.ndarray:
    return np.asarray(cv2.GaussianBlur(pixels, (0, 0), sigma))


def glared(pixels: np.ndarray) -> np.ndarray:
    """Return the card with a bright, washed-out patch over most of its text."""
    out = pixels.astype(np.float32)
    patch = np.zeros(pixels.shape[:2], np.float32)
    cv2.ellipse(patch, (500, 350), (450, 300), 0, 0, 360, 1.0, -1)
    patch = cv2.GaussianBlur(patch, (0, 0), 30)[:, :, None]
    # Glare adds light to ink and paper alike, and a darker paper shows it: the card's usual
    # paper is mid-grey here, the glare pushes it to white.
    out = out * 0.7 + patch * 255 * 0.45
    return np.clip(out, 0, 255).astype(np.uint8)


@pytest.mark.parametrize(
    ("pixels", "photo_scale", "problems"),
    [
        pytest.param(card(), 1.0, (), id="sharp"),
        pytest.param(blurred(card(), 1.0), 1.0, (), id="slightly-soft"),
        pytest.param(blurred(card(), 8.0), 1.0, ("blurred",), id="defocused"),
        pytest.param(card(), 6.0, ("small",), id="enlarged-from-a-tiny-card"),
        pytest.param(glared(card()), 1.0, ("glare",), id="glare-over-text"),
    ],
)
def test_problems(pixels, photo_scale, problems):
    assert quality.measure(pixels, photo_scale).problems == problems


def test_blur_grows_with_defocus():
    blurs = [quality.measure(blurred(card(), sigma)).blur for sigma in (0.5, 2.0, 4.0, 8.0)]
    assert blurs == sorted(blurs)


def test_blur_does_not_depend_on_how_big_the_card_was_drawn():
    big = quality.measure(blurred(card(), 2.0)).blur
    half = cv2.resize(blurred(card(), 2.0), (600, 350), interpolation=cv2.INTER_AREA)
    assert quality.measure(half).blur == pytest.approx(big, rel=0.35)


def test_text_height_is_in_the_photo_pixels():
    at_one = quality.measure(card(), 1.0).text_height
    assert quality.measure(card(), 2.0).text_height == pytest.approx(at_one / 2)


def test_a_card_without_text_lines_says_nothing():
    blank = np.full((600, 1000, 3), 240, np.uint8)
    assert quality.measure(blank) == quality.Quality()


def test_light_text_on_a_dark_card_is_measured_too():
    dark = 255 - card()
    assert quality.measure(dark).text_height == pytest.approx(quality.measure(card()).text_height)
