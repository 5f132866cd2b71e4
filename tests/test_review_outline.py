"""Finding the words a field was read from, to outline them on the card image."""

from __future__ import annotations

import pytest

from cardscan.model import OcrResult
from cardscan.web.outline import field_boxes

CARD = OcrResult.from_text(
    "Konstantin Weif\n"
    "Project Lead\n"
    "Elbstrom Energie AG\n"
    "Telefon 040 5123 4567\n"
    "Mobile (415) 555-0178\n"
    "E: k.weiss@elbstrom.example\n"
    "www.elbstrom.example\n"
    "Am Sandtorkai 12,\n"
    "20457 Hamburg"
)


def words_at(boxes: list, reading: OcrResult = CARD) -> list[str]:
    """Return the text of the words whose boxes these are, in reading order."""
    by_box = {w.box: w.text for line in reading.lines for w in line.words}
    return [by_box[b] for b in boxes]


@pytest.mark.parametrize(
    ("field", "value", "words"),
    [
        ("name", "Konstantin Weiß", ["Konstantin", "Weif"]),  # a misread letter still fits
        ("title", "Project Lead", ["Project", "Lead"]),
        ("company", "Elbstrom Energie AG", ["Elbstrom", "Energie", "AG"]),  # not the web line
        ("emails", "k.weiss@elbstrom.example", ["k.weiss@elbstrom.example"]),  # not the label
        ("emails", "k.weiss@elbstrorn.example", ["k.weiss@elbstrom.example"]),  # corrected later
        ("websites", "www.elbstrom.example", ["www.elbstrom.example"]),
        ("phones", "+14155550178", ["(415)", "555-0178"]),  # printed without +1
        ("phones", "+49 40 51234567", ["040", "5123", "4567"]),
        (
            "address",
            "Am Sandtorkai 12, 20457 Hamburg",
            ["Am", "Sandtorkai", "12,", "20457", "Hamburg"],
        ),
    ],
    ids=[
        "name-misread",
        "title",
        "company",
        "email",
        "email-corrected",
        "website",
        "phone-national",
        "phone-german",
        "address-two-lines",
    ],
)
def test_a_fields_words_are_found(field: str, value: str, words: list[str]) -> None:
    assert words_at(field_boxes(CARD, field, value)) == words


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("emails", "someone@else.example"),
        ("phones", "+14155550199"),
        ("name", "Maria Lopez"),
        ("title", ""),
        ("phones", "not a number"),
    ],
    ids=["other-email", "other-phone", "other-name", "empty", "garbage-phone"],
)
def test_a_value_not_on_the_card_has_no_outline(field: str, value: str) -> None:
    assert field_boxes(CARD, field, value) == []
