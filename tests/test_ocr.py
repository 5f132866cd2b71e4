"""OCR against the real Tesseract on small generated cards (never mocked)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from cardscan import debug, imageio, ocr, preprocess
from cardscan.model import CardImage
from cardscan.settings import ScanSettings

IMAGES = Path(__file__).parent / "images"
SETTINGS = ScanSettings(timeout=30)


def rendered_card(ink: int = 30, paper: int = 245) -> np.ndarray:
    """Return a flat 1000x570 card with a name, a title, an email and a phone."""
    card = np.full((570, 1000, 3), paper, np.uint8)
    lines = [("Jane Doe", 2.0), ("Product Manager", 1.3), ("jane.doe@example.com", 1.3)]
    lines.append(("+1 415 555 0123", 1.3))
    for i, (text, scale) in enumerate(lines):
        cv2.putText(
            card,
            text,
            (60, 110 + 110 * i),
            cv2.FONT_HERSHEY_DUPLEX,
            scale,
            (ink,) * 3,
            2,
            cv2.LINE_AA,
        )
    return card


def words(result) -> set[str]:
    return {w.text.strip(".,;:").lower() for line in result.lines for w in line.words}


def test_probe_finds_tesseract_with_english():
    info = ocr.probe()
    assert info.version.startswith(("4", "5"))
    assert "eng" in info.languages


@pytest.mark.parametrize(
    ("ink", "paper"),
    [pytest.param(30, 245, id="dark-on-light"), pytest.param(235, 40, id="light-on-dark")],
)
def test_reads_the_words_of_a_card(ink, paper):
    result = ocr.read_card(CardImage(pixels=rendered_card(ink, paper)), SETTINGS)
    assert {"jane", "doe", "product", "manager", "jane.doe@example.com"} <= words(result)
    assert "0123" in result.text
    assert result.confidence > 0.7


def test_photo_is_found_flattened_and_read():
    image = imageio.load_image(IMAGES / "tilted_card.jpg")
    [card] = preprocess.find_cards(image)
    result = ocr.read_card(card, SETTINGS)
    assert card.method == "quad"
    assert "jane.doe@example.com" in words(result)
    assert "415" in result.text and "0123" in result.text


def test_ocr_boxes_are_drawn_into_debug_dir(tmp_path: Path):
    card = CardImage(pixels=rendered_card())
    result = ocr.read_card(card, SETTINGS)
    path = debug.write_ocr_boxes(tmp_path, "card-4-card1", card.pixels, result)
    assert path is not None and path.name == "card-4-card1-ocr.jpg"
    drawn = cv2.imread(str(path))
    assert drawn.shape == card.pixels.shape
    assert debug.write_ocr_boxes(None, "x", card.pixels, result) is None
