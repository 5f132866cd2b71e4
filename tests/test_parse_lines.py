"""Regrouping OCR words into printed lines, from word boxes (table-driven)."""

from __future__ import annotations

import pytest

from cardscan.model import Box, OcrLine, OcrResult, OcrWord
from cardscan.parse.lines import segments

Word = tuple[str, int, int, int, int]  # text, left, top, width, height


def reading(*lines: list[Word]) -> OcrResult:
    """Return an OCR result whose lines (as Tesseract grouped them) hold these word boxes."""
    return OcrResult(
        tuple(
            OcrLine(tuple(OcrWord(t, Box(x, y, w, h), 0.95) for t, x, y, w, h in line))
            for line in lines
        ),
        1200,
        700,
    )


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        pytest.param(
            reading([("Santiago", 60, 200, 250, 60), ("Bérubé", 330, 188, 200, 48)]),
            ["Santiago Bérubé"],
            id="accent-and-descender-shift-boxes-but-one-line",
        ),
        pytest.param(
            reading([("CONCEIÇÃO", 60, 190, 420, 62), ("REDDY", 500, 200, 230, 40)]),
            ["CONCEIÇÃO REDDY"],
            id="accent-over-a-capital-and-a-cedilla-make-a-box-taller-not-a-bigger-font",
        ),
        pytest.param(
            reading(
                [("Sophia", 60, 200, 200, 49), ("Petrov", 280, 200, 200, 49)],
                [("spetrov@cobalt.example", 560, 203, 400, 44)],
            ),
            ["Sophia Petrov", "spetrov@cobalt.example"],
            id="name-beside-its-email-are-two-fields",
        ),
        pytest.param(
            reading(
                [
                    ("rod", 60, 78, 145, 145),
                    ("Onyx", 270, 89, 220, 85),
                    ("Cloud", 520, 84, 240, 74),
                    ("Ltd.", 790, 84, 150, 74),
                ]
            ),
            ["rod", "Onyx Cloud Ltd."],
            id="logo-read-as-letters-beside-the-company",
        ),
        pytest.param(
            reading(
                [
                    ("Attorney", 67, 155, 160, 44),
                    ("at", 239, 165, 31, 21),
                    ("Law", 281, 155, 75, 31),
                ]
            ),
            ["Attorney at Law"],
            id="short-word-without-ascenders-same-font",
        ),
        pytest.param(
            reading(
                [("Jane", 60, 100, 90, 30), ("Doe", 160, 100, 70, 30)],
                [("Tel", 60, 200, 60, 30)],
                [("555", 140, 200, 70, 30)],
            ),
            ["Jane Doe", "Tel 555"],
            id="a-line-split-by-tesseract-joined-again",
        ),
        pytest.param(
            reading(
                [
                    ("Mob", 60, 100, 70, 30),
                    ("0151", 140, 100, 80, 30),
                    ("Web", 700, 100, 70, 30),
                    ("acme.example", 780, 100, 200, 30),
                ]
            ),
            ["Mob 0151", "Web acme.example"],
            id="two-columns-on-one-baseline",
        ),
    ],
)
def test_segments(ocr: OcrResult, expected: list[str]) -> None:
    assert [s.text for s in segments(ocr)] == expected


def test_plain_text_lines_are_kept_whatever_their_letters() -> None:
    ocr = OcrResult.from_text("felix [at] harrowmill [dot] com\nJane • Doe")
    assert [s.text for s in segments(ocr)] == ["felix [at] harrowmill [dot] com", "Jane", "Doe"]
