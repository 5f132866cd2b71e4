"""The Tesseract engine against the real Tesseract on small generated cards (never mocked)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest

from cardscan import imageio, ocr, preprocess
from cardscan.errors import MissingDependencyError
from cardscan.model import CardImage
from cardscan.ocr.reread import reread_words
from cardscan.ocr.tesseract import TesseractEngine
from cardscan.parse.accents import MIN_CONFIDENCE, spelled_alike_in, worth_a_second_look
from cardscan.trace import draw_ocr_boxes

IMAGES = Path(__file__).parent / "images"
ENGINE = TesseractEngine()


def reader(model: str = "eng", timeout: float = 30.0) -> ocr.CardReader:
    return ocr.CardReader(ENGINE, model, ocr.Deadline(timeout))


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
    info = ENGINE.probe()
    assert info.name == "tesseract"
    assert info.version.startswith(("4", "5"))
    assert "eng" in info.models


def test_engine_is_found_by_name():
    assert isinstance(ocr.engine_named("tesseract"), TesseractEngine)
    with pytest.raises(MissingDependencyError, match="no OCR engine called 'easyocr'"):
        ocr.engine_named("easyocr")


def test_models_are_english_then_the_lean_latin_script_model():
    assert ENGINE.models("eng", accents=True)[0] == "eng"
    assert ENGINE.models("eng", accents=False) == ("eng",)
    # another language's model has its own accented letters: one reading
    assert ENGINE.models("Latin", accents=True) == ("Latin",)


def test_a_missing_language_names_its_package():
    with pytest.raises(MissingDependencyError, match="tesseract-ocr-xyz"):
        ENGINE.models("xyz", accents=True)


@pytest.mark.parametrize(
    ("ink", "paper"),
    [pytest.param(30, 245, id="dark-on-light"), pytest.param(235, 40, id="light-on-dark")],
)
def test_reads_the_words_of_a_card(ink, paper):
    result = ocr.read_card(CardImage(pixels=rendered_card(ink, paper)), reader())
    assert {"jane", "doe", "product", "manager", "jane.doe@example.com"} <= words(result)
    assert "0123" in result.text
    assert result.confidence > 0.7
    assert (result.engine, result.lang) == ("tesseract", "eng")


def test_photo_is_found_flattened_and_read():
    image = imageio.load_image(IMAGES / "tilted_card.jpg")
    [card] = preprocess.find_cards(image, reader())
    result = ocr.read_card(card, reader())
    assert card.method == "quad"
    assert "jane.doe@example.com" in words(result)
    assert "415" in result.text and "0123" in result.text


def test_ocr_boxes_are_drawn_on_the_card():
    card = CardImage(pixels=rendered_card())
    result = ocr.read_card(card, reader())
    drawn = draw_ocr_boxes(card.pixels, result)
    assert drawn.shape == card.pixels.shape
    assert not np.array_equal(drawn, card.pixels)  # boxes were drawn on a copy
    assert np.array_equal(card.pixels, rendered_card())


def test_self_test_reads_its_line():
    assert 0 < ocr.self_test(ENGINE, timeout=30) < 30


# --- a second look at single words (ocr/reread.py) -----------------------------------------


@pytest.mark.parametrize(
    ("image", "read_in_card", "read_alone"),
    [
        pytest.param(
            "accent_light_ake.png", "ÅÀke", "Åke", id="ring-over-a-capital-in-a-light-face"
        ),
        pytest.param(
            "accent_light_umit.png", "Úmit", "Ümit", id="umlaut-over-a-capital-in-a-light-face"
        ),
        pytest.param("accent_serif_ake.png", "ÂÅke", "Åke", id="ring-over-a-serif-capital"),
    ],
)
def test_an_accent_read_unsurely_in_the_card_is_read_surely_alone(
    image: str, read_in_card: str, read_alone: str
) -> None:
    # A display-size given name with an accented capital: the Latin-script model reads a
    # stray accent into it within the card, and the word right when read alone.
    latin = reader(ENGINE.models("eng", accents=True)[1])
    pixels = imageio.load_image(IMAGES / image).pixels
    card = latin.read(latin.prepare(pixels))
    first = card.lines[0].words[0]
    assert (first.text, first.confidence < MIN_CONFIDENCE) == (read_in_card, True)
    english = reader().read(reader().prepare(pixels))  # "Ake": the accent lost, letters alike
    again = reread_words(latin, pixels, card, worth_a_second_look, spelled_alike_in(english))
    word = again.lines[0].words[0]
    assert word.text == read_alone
    assert word.confidence >= MIN_CONFIDENCE  # now sure enough to give the name its accent
    assert word.box == first.box
    assert again.lines[0].words[1:] == card.lines[0].words[1:]  # the words read surely stand
