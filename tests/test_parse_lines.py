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


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        pytest.param(
            reading(
                [("Nguyen", 90, 100, 200, 40), ("Marco", 310, 100, 170, 40),
                 ("617-555-0192", 520, 108, 230, 26)],
                [("jane@acme.example", 520, 160, 300, 26)],
                [("www.acme.example", 522, 210, 280, 26)],
                [("Boston,", 518, 260, 120, 26), ("MA", 650, 260, 50, 26)],
            ),
            ["Nguyen Marco", "617-555-0192", "jane@acme.example", "www.acme.example",
             "Boston, MA"],
            id="two-column-card-read-across-split-at-the-column-edge",
        ),
        pytest.param(
            reading(
                [("Dana", 90, 100, 90, 30), ("Whitfield", 195, 100, 170, 30),
                 ("E-mail:", 410, 100, 120, 30), ("dana@northwind.example", 545, 100, 380, 30)],
            ),
            ["Dana Whitfield", "E-mail: dana@northwind.example"],
            id="name-then-a-labelled-field-after-a-gap",
        ),
        pytest.param(
            reading(
                [("Head", 90, 100, 80, 30), ("of", 182, 100, 30, 30), ("Sales", 224, 100, 90, 30)],
                [("Acme", 224, 150, 90, 30)],
                [("Labs", 224, 200, 90, 30)],
                [("Inc", 224, 250, 90, 30)],
            ),
            ["Head of Sales", "Acme", "Labs", "Inc"],
            id="a-word-space-is-no-column-gap-even-at-an-edge",
        ),
        pytest.param(
            reading([("Jane", 90, 100, 90, 30), ("Doe", 230, 100, 70, 30)]),
            ["Jane Doe"],
            id="a-wide-gap-alone-without-an-edge-or-label-keeps-the-line",
        ),
    ],
)  # fmt: skip
def test_rows_holding_two_fields_are_split(ocr: OcrResult, expected: list[str]) -> None:
    assert [s.text for s in segments(ocr)] == expected
