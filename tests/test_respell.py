"""Accent restoration: which re-read words may respell a field, and how (table-driven)."""

from __future__ import annotations

import pytest

from cardscan.model import Box, OcrLine, OcrResult, OcrWord
from cardscan.respell import accented_spellings, respell


def reading(*words: tuple[str, float]) -> OcrResult:
    line = OcrLine(tuple(OcrWord(t, Box(0, 0, 10, 10), c) for t, c in words))
    return OcrResult((line,), 100, 20)


SPELLINGS = accented_spellings(
    reading(
        ("Élodie", 0.93),
        ("Brückner", 0.91),
        ("Générale", 0.88),
        ("Łukasz", 0.90),
        ("Weiß", 0.95),
        ("Conceição", 0.90),
        ("Côté", 0.90),
        ("Søren", 0.90),
        ("Graça", 0.93),
        ("Smïth", 0.30),  # too unsure to add an accent
        ("Marchetti", 0.96),  # no accent: nothing to offer
    )
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("Elodie Marchetti", "Élodie Marchetti", id="first-name"),
        pytest.param("ELODIE MARCHETTI", "ÉLODIE MARCHETTI", id="keeps-upper-case"),
        pytest.param("Johanna Bruckner", "Johanna Brückner", id="umlaut"),
        pytest.param("Directrice Generale", "Directrice Générale", id="title-word"),
        pytest.param("Lukasz Nowak", "Łukasz Nowak", id="stroke-letter"),
        pytest.param("Bruckner, PhD", "Brückner, PhD", id="keeps-punctuation"),
        pytest.param("(Elodie)", "(Élodie)", id="inside-brackets"),
        pytest.param("Konstantin Weiss", "Konstantin Weiss", id="different-length-left-alone"),
        pytest.param("John Smith", "John Smith", id="low-confidence-ignored"),
        pytest.param("Elodia Marchetti", "Elodia Marchetti", id="other-letters-left-alone"),
        pytest.param("Élodie", "Élodie", id="already-accented"),
        pytest.param("Conceigao", "Conceição", id="cedilla-misread-as-g"),
        pytest.param("Coté", "Côté", id="one-of-two-accents-lost"),
        pytest.param("Seren", "Søren", id="slashed-o-misread"),
        pytest.param("Soren Sorensen", "Søren Sorensen", id="only-the-same-length-word"),
        pytest.param("Cote", "Côté", id="all-accents-lost"),
        pytest.param("Gracga Taylor", "Graça Taylor", id="cedilla-read-as-two-letters"),
        pytest.param("Gracgga", "Gracgga", id="at-most-one-extra-letter"),
        pytest.param("Bxxckner", "Bxxckner", id="plain-letters-must-agree"),
        pytest.param("", "", id="empty"),
    ],
)
def test_respell(value: str, expected: str) -> None:
    assert respell(value, SPELLINGS) == expected


def test_only_confident_accented_words_are_offered() -> None:
    assert set(SPELLINGS) == {
        "Élodie",
        "Brückner",
        "Générale",
        "Łukasz",
        "Weiß",
        "Conceição",
        "Côté",
        "Søren",
        "Graça",
    }
