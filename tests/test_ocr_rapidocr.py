"""The RapidOCR engine, run for real on the repository's images (the `rapidocr` extra)."""

from __future__ import annotations

import socket
import sys
from pathlib import Path

import numpy as np
import pytest

from cardscan import imageio
from cardscan.errors import MissingDependencyError, OcrError
from cardscan.model import Box, OcrLine, OcrResult, OcrWord
from cardscan.ocr.rapidocr import (
    MODEL,
    RapidOcrEngine,
    quad_box,
    words_by_position,
    words_from_pieces,
)
from cardscan.parse import parse_card

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def engine() -> RapidOcrEngine:
    """One engine for the module: loading its models is the slow part."""
    return RapidOcrEngine()


@pytest.mark.parametrize(
    ("image", "email", "phone"),
    [
        pytest.param(
            "samples/photo/quickstart.jpg",
            "m.okafor@tidewater-instruments.example",
            "555-0134",
            id="sample-photo",
        ),
        pytest.param(
            "samples/flat/elbstrom.png", "k.weiss@elbstrom.example", "5123 4567", id="flat"
        ),
        pytest.param("tests/images/tilted_card.jpg", "jane.doe@example.com", "0123", id="tilted"),
    ],
)
def test_reads_the_email_and_phone_of_a_card_with_word_boxes(engine, image, email, phone):
    pixels = imageio.load_image(ROOT / image).pixels
    result = engine.read(pixels)
    assert isinstance(result, OcrResult)
    assert (result.engine, result.lang) == ("rapidocr", MODEL)
    assert (result.image_width, result.image_height) == (pixels.shape[1], pixels.shape[0])
    words = [w for line in result.lines for w in line.words]
    assert email in {w.text for w in words}
    assert phone in result.text
    for word in words:
        assert isinstance(word, OcrWord) and word.text and " " not in word.text
        assert word.box.left >= 0 and word.box.right <= result.image_width
        assert word.box.top >= 0 and word.box.bottom <= result.image_height
        assert word.box.width > 0 and word.box.height > 0
        assert 0.0 <= word.confidence <= 1.0
    tops = [line.box.top for line in result.lines]
    assert tops == sorted(tops)  # reading order
    assert email in parse_card(result).emails


def test_words_of_a_line_are_boxed_left_to_right(engine):
    result = engine.read(imageio.load_image(ROOT / "samples/photo/quickstart.jpg").pixels)
    (line,) = [ln for ln in result.lines if ln.text == "Senior Product Designer"]
    lefts = [w.box.left for w in line.words]
    assert lefts == sorted(lefts)
    for a, b in zip(line.words, line.words[1:], strict=False):
        assert a.box.right <= b.box.left + 2  # a word's box ends about where the next begins


@pytest.mark.parametrize(
    "pixels",
    [
        pytest.param(np.full((400, 600, 3), 255, np.uint8), id="white-colour"),
        pytest.param(np.full((400, 600), 90, np.uint8), id="grey-single-channel"),
    ],
)
def test_a_blank_image_gives_no_lines(engine, pixels):
    result = engine.read(pixels)
    assert result.lines == ()
    assert (result.image_width, result.image_height) == (600, 400)


def test_a_read_past_its_timeout_raises(engine):
    pixels = imageio.load_image(ROOT / "samples/photo/quickstart.jpg").pixels
    with pytest.raises(OcrError, match=r"longer than 0\.001s"):
        engine.read(pixels, timeout=0.001)
    assert engine.read(pixels).lines  # the engine reads again after a stopped read


def test_an_unknown_model_is_an_ocr_error(engine):
    with pytest.raises(OcrError, match="no model 'eng'"):
        engine.read(np.full((100, 100, 3), 255, np.uint8), model="eng")


def test_probe_names_the_bundled_model(engine):
    info = engine.probe()
    assert info.name == "rapidocr"
    assert info.models == engine.models("deu", accents=True) == (MODEL,)
    assert "onnxruntime" in info.version
    assert sorted(p.suffix for p in Path(info.location).glob("*.onnx")) == [".onnx"] * 3


def test_reads_with_the_network_refused(monkeypatch):
    """A new engine loads and reads with every connection refused: nothing is downloaded."""

    def refuse(*args, **kwargs):
        raise OSError("network refused by the test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    result = RapidOcrEngine().read(imageio.load_image(ROOT / "tests/images/tilted_card.jpg").pixels)
    assert "jane.doe@example.com" in result.text


def test_probe_without_the_extra_says_how_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "rapidocr", None)  # what `import rapidocr` meets when absent
    with pytest.raises(MissingDependencyError, match=r"pip install 'cardscan\[rapidocr\]'"):
        RapidOcrEngine().probe()


# --- the words of a line, from RapidOCR's pieces or from letter positions -------------------

QUAD = np.array([[0, 0], [100, 0], [100, 20], [0, 20]], float)


def piece(text: str, left: int, right: int) -> tuple[str, float, list[list[int]]]:
    return (text, 0.99, [[left, 0], [right, 0], [right, 20], [left, 20]])


@pytest.mark.parametrize(
    ("text", "pieces", "expected"),
    [
        pytest.param(
            "Tel 555",
            [piece("Tel", 0, 30), piece("555", 40, 70)],
            [("Tel", Box(0, 0, 30, 20)), ("555", Box(40, 0, 30, 20))],
            id="a-piece-per-word",
        ),
        pytest.param(
            "电话:+886 2",
            [piece("电", 0, 10), piece("话", 10, 20), piece(":+886", 20, 60), piece("2", 70, 80)],
            [("电话:+886", Box(0, 0, 60, 20)), ("2", Box(70, 0, 10, 20))],
            id="pieces-joined-into-words",
        ),
        pytest.param("Tel 555", [piece("Tel", 0, 30), piece("556", 40, 70)], None, id="other-text"),
        pytest.param(
            "Tel 555",
            [piece("Te", 0, 20), piece("l5", 20, 40), piece("55", 40, 60)],
            None,
            id="across-a-space",
        ),
    ],
)
def test_words_from_pieces(text, pieces, expected):
    words = words_from_pieces(text, pieces, 0.8, width=200, height=50)
    if expected is None:
        assert words is None
    else:
        assert [(w.text, w.box) for w in words] == expected
        assert {w.confidence for w in words} == {0.8}  # the line's score


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("abcd", [("abcd", Box(0, 0, 100, 20))], id="one-word"),
        pytest.param("ab cd", [("ab", Box(0, 0, 40, 20)), ("cd", Box(60, 0, 40, 20))], id="two"),
        pytest.param("  ab", [("ab", Box(50, 0, 50, 20))], id="leading-spaces"),
    ],
)
def test_words_by_position(text, expected):
    words = words_by_position(text, QUAD, 0.5, width=200, height=50)
    assert [(w.text, w.box) for w in words] == expected


@pytest.mark.parametrize(
    ("points", "expected"),
    [
        pytest.param(
            [[10.4, 5.6], [50.2, 4.1], [50.9, 30.0], [9.8, 31.2]], Box(9, 4, 42, 28), id="in"
        ),
        pytest.param([[-5, -3], [80, -3], [80, 60], [-5, 60]], Box(0, 0, 64, 48), id="clipped"),
        pytest.param([[70, 50], [90, 50], [90, 60], [70, 60]], Box(63, 47, 1, 1), id="outside"),
    ],
)
def test_quad_box_stays_inside_the_image(points, expected):
    assert quad_box(np.array(points, float), width=64, height=48) == expected


def test_a_line_of_boxed_words_checks_itself():
    line = OcrLine(tuple(words_by_position("Jane Doe", QUAD, 0.9, width=200, height=50)))
    assert line.text == "Jane Doe" and line.confidence == pytest.approx(0.9)
    with pytest.raises(ValueError, match="confidence out of range"):
        OcrWord("x", Box(0, 0, 1, 1), 1.5)
