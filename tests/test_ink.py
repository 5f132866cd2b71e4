"""The colour a word is printed in, measured on rendered cards (ocr/ink.py)."""

from __future__ import annotations

import math

import cv2
import numpy as np
import pytest

from cardscan.model import Box, OcrLine, OcrResult, OcrWord, Pixels
from cardscan.ocr.ink import ink_colour, with_ink

BGR = tuple[int, int, int]
WHITE, CREAM, YELLOW, NAVY_BAND = (255, 255, 255), (225, 240, 250), (40, 220, 250), (90, 40, 20)
BLACK, DARK_BLUE, ORANGE, RED = (20, 20, 20), (120, 40, 20), (0, 130, 240), (30, 30, 200)


def lab(bgr: BGR) -> tuple[float, ...]:
    pixel = np.array([[bgr]], np.float32) / 255.0
    return tuple(float(v) for v in cv2.cvtColor(pixel, cv2.COLOR_BGR2Lab)[0, 0])


def card(paper: BGR, text: str, ink: BGR, scale: float = 1.4, thickness: int = 2) -> Pixels:
    """Return a 120 x 520 card of one word at (20, 80)."""
    pixels = np.full((120, 520, 3), paper, np.uint8)
    cv2.putText(pixels, text, (20, 80), cv2.FONT_HERSHEY_DUPLEX, scale, ink, thickness, cv2.LINE_AA)
    return pixels


def text_box(pixels: Pixels, paper: BGR) -> Box:
    """Return the tight box of what differs from the paper, as an engine would give it."""
    ys, xs = np.nonzero(np.any(np.abs(pixels.astype(int) - paper) > 40, axis=2))
    return Box(
        int(xs.min()), int(ys.min()), int(xs.max() - xs.min() + 1), int(ys.max() - ys.min() + 1)
    )


@pytest.mark.parametrize(
    ("paper", "ink", "thickness"),
    [
        pytest.param(WHITE, BLACK, 2, id="black-on-white"),
        pytest.param(WHITE, DARK_BLUE, 2, id="a-dark-blue-name-on-white"),
        pytest.param(CREAM, ORANGE, 2, id="an-orange-company-on-cream"),
        pytest.param(WHITE, RED, 2, id="a-red-family-name"),
        pytest.param(NAVY_BAND, WHITE, 2, id="white-text-on-a-dark-band"),
        pytest.param(YELLOW, BLACK, 7, id="a-bold-word-filling-most-of-its-box-on-a-yellow-card"),
    ],
)
def test_the_ink_of_a_word_is_the_colour_it_is_printed_in(paper: BGR, ink: BGR, thickness: int):
    pixels = card(paper, "Okonjo", ink, thickness=thickness)
    measured = ink_colour(pixels, text_box(pixels, paper))
    assert measured is not None
    assert math.dist(measured, lab(ink)) < 8, (measured, lab(ink))


def test_blank_paper_has_no_ink():
    pixels = np.full((120, 520, 3), CREAM, np.uint8)
    assert ink_colour(pixels, Box(20, 40, 200, 50)) is None


def test_a_box_reaching_past_the_edge_is_measured_on_what_is_inside():
    pixels = card(WHITE, "Okonjo", DARK_BLUE)
    box = text_box(pixels, WHITE)
    wider = Box(box.left - 40, box.top, box.width + 600, box.height)
    measured = ink_colour(pixels, wider)
    assert measured is not None and math.dist(measured, lab(DARK_BLUE)) < 8


def test_each_word_of_a_reading_gets_its_own_ink():
    pixels = np.full((120, 520, 3), WHITE, np.uint8)
    cv2.putText(pixels, "MARIA", (20, 80), cv2.FONT_HERSHEY_DUPLEX, 1.4, DARK_BLUE, 2, cv2.LINE_AA)
    cv2.putText(pixels, "Labs", (300, 80), cv2.FONT_HERSHEY_DUPLEX, 1.4, ORANGE, 2, cv2.LINE_AA)
    left, right = pixels.copy(), pixels.copy()
    left[:, 280:], right[:, :280] = 255, 255
    words = (
        OcrWord("MARIA", text_box(left, WHITE), 0.9),
        OcrWord("Labs", text_box(right, WHITE), 0.9),
    )
    annotated = with_ink(pixels, OcrResult((OcrLine(words),), 520, 120))
    maria, labs = annotated.lines[0].words
    assert maria.ink is not None and math.dist(maria.ink, lab(DARK_BLUE)) < 8
    assert labs.ink is not None and math.dist(labs.ink, lab(ORANGE)) < 8
    assert (maria.text, maria.box, labs.text, labs.box) == (
        "MARIA",
        words[0].box,
        "Labs",
        words[1].box,
    )


def test_a_reading_of_other_pixels_is_left_without_ink():
    reading = OcrResult((OcrLine((OcrWord("Labs", Box(10, 10, 80, 30), 0.9),)),), 1040, 240)
    assert with_ink(card(WHITE, "Labs", ORANGE), reading) is reading


def test_ink_covering_most_of_the_box_and_its_margin_is_still_the_ink():
    # a heavy word set tight: strokes with hairline counters cover more than the paper shows
    pixels = np.full((200, 500, 3), YELLOW, np.uint8)
    pixels[50:150, 50:450] = BLACK
    pixels[50:150, 60:450:20] = YELLOW
    measured = ink_colour(pixels, Box(50, 50, 400, 100))
    assert measured is not None and math.dist(measured, lab(BLACK)) < 8
