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
                [
                    ("T:", 63, 962, 29, 28),
                    ("+44", 105, 971, 59, 25),
                    ("121", 175, 973, 36, 17),
                    ("496", 222, 964, 54, 33),
                    ("0369", 287, 964, 70, 33),
                ]
            ),
            ["T: +44 121 496 0369"],
            id="old-style-figures-rise-and-fall-but-are-one-phone-number",
        ),
        pytest.param(
            reading(
                [
                    ("8063", 961, 723, 41, 53),
                    ("2507", 965, 666, 41, 53),
                    ("20", 968, 634, 40, 28),
                    ("+91", 970, 590, 41, 40),
                ]
            ),
            ["20 +91", "8063 2507"],
            id="rotated-photo-digits-stacked-one-above-the-other-are-no-one-number",
        ),
        pytest.param(
            reading(
                [
                    ("Emily", 68, 196, 166, 60),
                    ("A.", 250, 198, 51, 45),
                    ("Cost", 323, 198, 121, 45),
                ],
                [("a", 448, 208, 31, 35)],
            ),
            ["Emily A. Costa"],
            id="photo-a-letter-split-off-a-word-onto-a-line-of-its-own-touching-it-is-glued-back",
        ),
        pytest.param(
            reading(
                [
                    ("Professor", 60, 200, 200, 40),
                    ("of", 262, 200, 40, 40),
                    ("Economics", 320, 200, 220, 40),
                ]
            ),
            ["Professor of Economics"],
            id="photo-a-short-word-the-ocr-read-on-the-line-close-to-the-last-stays-a-word",
        ),
        pytest.param(
            reading(
                [
                    ("Ortega", 60, 200, 150, 40),
                    ("y", 230, 210, 20, 30),
                    ("Gasset", 270, 200, 150, 40),
                ]
            ),
            ["Ortega y Gasset"],
            id="a-one-letter-particle-a-word-space-away-stays-a-word",
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


Ink = tuple[int, int, int] | None
#: inks as ocr/ink.py measures them (CIE Lab): near black, dark blue, orange, red
BLACK, BLUE, ORANGE, RED, GREY = (12, 0, 0), (25, 15, -50), (65, 40, 70), (45, 65, 45), (50, 0, 2)


def inked(*words: tuple[str, int, int, int, int, Ink]) -> OcrResult:
    """Return an OCR result of one line (as Tesseract grouped it) of words with ink colours."""
    line = OcrLine(tuple(OcrWord(t, Box(x, y, w, h), 0.95, ink) for t, x, y, w, h, ink in words))
    return OcrResult((line,), 1200, 700)


@pytest.mark.parametrize(
    ("ocr", "expected"),
    [
        pytest.param(
            inked(("MARIA", 90, 100, 120, 30, BLUE), ("OKONJO", 222, 100, 150, 30, BLUE),
                  ("Northwind", 410, 100, 190, 30, ORANGE), ("Labs", 612, 100, 80, 30, ORANGE)),
            ["MARIA OKONJO", "Northwind Labs"],
            id="name-and-company-in-two-colours-a-wide-space-apart",
        ),
        pytest.param(
            inked(("MARIA", 90, 100, 150, 40, BLUE), ("OKONJO", 252, 100, 190, 40, BLUE),
                  ("Northwind", 460, 110, 120, 24, ORANGE), ("Labs", 588, 110, 52, 24, ORANGE)),
            ["MARIA OKONJO", "Northwind Labs"],
            id="a-big-blue-name-and-a-small-orange-company-over-half-a-wide-space",
        ),
        pytest.param(
            inked(("Heithem", 90, 100, 150, 30, BLACK), ("Zrelli", 252, 100, 110, 30, RED)),
            ["Heithem Zrelli"],
            id="a-black-given-name-and-a-red-family-name-a-word-space-apart-are-one-name",
        ),
        pytest.param(
            inked(("Bergmann", 79, 288, 196, 40, BLACK), ("Capital", 280, 276, 142, 56, BLACK),
                  ("SARL", 443, 288, 89, 31, BLACK), ("@", 553, 276, 33, 33, ORANGE),
                  ("https://bergmann.example", 609, 278, 503, 37, BLACK)),
            ["Bergmann Capital SARL", "https://bergmann.example"],
            id="icons-layout-a-globe-icon-in-an-accent-colour-between-company-and-website",
        ),
        pytest.param(
            inked(("Quill", 90, 100, 90, 30, BLACK), ("&", 192, 100, 20, 30, BLACK),
                  ("Chandra", 224, 100, 140, 30, BLACK)),
            ["Quill & Chandra"],
            id="an-ampersand-in-the-ink-of-its-words-is-text",
        ),
        pytest.param(
            inked(("jane", 90, 100, 80, 30, BLUE), ("@", 180, 100, 24, 30, BLUE),
                  ("acme.example", 214, 100, 200, 30, BLUE)),
            ["jane @ acme.example"],
            id="an-at-sign-set-apart-in-the-ink-of-the-address-is-text",
        ),
        pytest.param(
            inked(("Heithem", 90, 100, 150, 30, BLACK), ("Zrelli", 252, 98, 110, 36, RED)),
            ["Heithem Zrelli"],
            id="a-two-coloured-name-in-a-slightly-larger-family-name-is-one-name",
        ),
        pytest.param(
            inked(("Tel", 90, 100, 60, 38, BLACK), ("+88", 160, 100, 70, 38, BLACK),
                  ("31", 239, 110, 40, 24, GREY), ("710470", 289, 110, 120, 24, GREY)),
            ["Tel +88 31 710470"],
            id="boxes-of-two-heights-and-inks-a-word-space-apart-in-a-poor-photo-are-one-line",
        ),
        pytest.param(
            inked(("Northwind", 90, 100, 190, 30, BLACK), ("Labs", 310, 100, 80, 30, BLACK)),
            ["Northwind Labs"],
            id="one-colour-a-wide-space-apart-is-one-line-as-without-colour",
        ),
        pytest.param(
            inked(("BEACON", 90, 100, 150, 30, BLUE), ("SOLUTIONS", 252, 100, 210, 30, BLUE),
                  ("PLC", 500, 100, 70, 30, GREY)),
            ["BEACON SOLUTIONS PLC"],
            id="hard-photo-a-legal-form-in-a-paler-ink-a-wide-space-on-ends-the-company-name",
        ),
        pytest.param(
            inked(("Maria", 90, 100, 110, 30, None), ("Okonjo", 225, 100, 130, 30, None),
                  ("Northwind", 385, 100, 190, 30, None)),
            ["Maria Okonjo Northwind"],
            id="words-without-ink-are-regrouped-as-before",
        ),
        pytest.param(
            inked(("Port.", 90, 100, 90, 30, ORANGE), ("07.58.99.58.02", 215, 100, 250, 30, BLACK)),
            ["Port. 07.58.99.58.02"],
            id="a-label-in-an-accent-colour-stays-with-its-value",
        ),
        pytest.param(
            inked(("Office", 90, 100, 110, 30, ORANGE), ("040", 230, 100, 60, 30, BLACK),
                  ("2263", 302, 100, 80, 30, BLACK)),
            ["Office 040 2263"],
            id="a-word-label-in-an-accent-colour-stays-with-its-number",
        ),
        pytest.param(
            inked(("&", 90, 100, 25, 30, ORANGE), ("1-650-555-0168", 140, 100, 250, 30, BLACK)),
            ["& 1-650-555-0168"],
            id="an-icon-read-as-a-glyph-in-an-accent-colour-stays-with-its-value",
        ),
        pytest.param(
            inked(("555", 90, 100, 60, 30, BLACK), ("6244", 162, 100, 80, 30, BLACK),
                  ("E-mail", 269, 100, 110, 30, ORANGE), ("a@b.example", 391, 100, 200, 30, BLACK)),
            ["555 6244", "E-mail a@b.example"],
            id="a-phone-then-a-coloured-label-a-wide-space-on-starts-the-next-field",
        ),
    ],
)  # fmt: skip
def test_a_change_of_ink_with_a_wide_space_splits_a_row(
    ocr: OcrResult, expected: list[str]
) -> None:
    assert [s.text for s in segments(ocr)] == expected


def test_plain_text_has_no_ink_and_keeps_its_lines() -> None:
    ocr = OcrResult.from_text("Maria Okonjo    Northwind Labs")
    assert [s.text for s in segments(ocr)] == ["Maria Okonjo Northwind Labs"]
