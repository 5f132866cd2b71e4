"""A name is a person's name: each case names the class of cards it stands for.

Lines are given with their print height, as on a card: the business name or slogan is
printed larger than the person's name, which must still win.
"""

from __future__ import annotations

import pytest

from cardscan.model import Box, OcrLine, OcrResult, OcrWord
from cardscan.parse import parse_card, parse_text
from cardscan.parse.people import ORGANISATION, PERSON, person_evidence

P = pytest.param


def card(*lines: tuple[str, int]) -> OcrResult:
    """Return an OCR result of lines (text, letter height in pixels), one under the other."""
    out, top = [], 20
    for text, height in lines:
        words, left = [], 40
        for word in text.split():
            width = int(0.6 * height * len(word))
            words.append(OcrWord(word, Box(left, top, width, height), 0.95))
            left += width + height // 2
        out.append(OcrLine(tuple(words)))
        top += 2 * height
    return OcrResult(tuple(out), 1050, max(top, 600))


@pytest.mark.parametrize(
    ("lines", "name"),
    [
        P([("BLUE HARBOR Travel", 60), ("Rosa Delgado", 30), ("Travel Consultant", 22),
           ("T (415) 555-0134", 20)], "Rosa Delgado", id="large-business-name-above-person"),
        P([("Hand Made Pizza", 60), ("Marco Bellini", 28), ("Owner", 22),
           ("T (415) 555-0134", 20)], "Marco Bellini", id="food-business-above-person"),
        P([("Quality You Can Trust", 44), ("David Chen", 30), ("Sales Manager", 22),
           ("dchen@acme.com", 20)], "David Chen", id="slogan-above-person"),
        P([("Rosa's Bakery", 50), ("Rosa Delgado", 30), ("Owner", 22),
           ("hello@rosasbakery.com", 20)], "Rosa Delgado",
          id="business-named-after-the-person-above-her"),
        P([("Kestrel Harbor", 50), ("Jon Amsel", 30), ("www.kestrelharbor.com", 20)],
          "Jon Amsel", id="line-repeating-the-web-domain-is-the-company"),
        P([("Harbor Lights", 50), ("Søren dos Santos", 30), ("Gerente", 22),
           ("T (415) 555-0134", 20)], "Søren dos Santos", id="accented-name-below-a-business"),
        P([("Maria T. Okonjo, LL.M.", 34), ("Associate", 22), ("Okonjo & Partners LLP", 26)],
          "Maria T. Okonjo", id="credential-after-a-comma-dropped"),
        P([("Maria T. Okonjo LL.M.", 34), ("Associate", 22), ("Okonjo & Partners LLP", 26)],
          "Maria T. Okonjo", id="dotted-credential-without-a-comma-dropped"),
        P([("Jane Whitaker, Ph.D.", 34), ("Research Scientist", 22)], "Jane Whitaker",
          id="phd-with-dots"),
        P([("MOHAMED RAMZI BEN YOUSSEF", 28), ("Managing Director", 36),
           ("(+216) 28 316 318", 25), ("4 Bvd. de la Liberte", 26), ("mrby@steeringit.example", 30),
           ("Ariana Tunisie", 25)], "Mohamed Ramzi Ben Youssef",
          id="email-local-part-is-the-names-initials"),
        P([("Chief Technical Officer", 36), ("Harbor Digital", 40),
           ("cto@harbordigital.example", 30), ("Lena Vogt", 30)], "Lena Vogt",
          id="title-whose-initials-are-the-address-is-no-name"),
        P([("Chief Technical Officer", 48), ("District Digital Agency", 58),
           ("+216 22 029 967", 47), ("mouhamed.m@districtdigital.example", 55)], None,
          id="name-in-a-logo-font-unread-business-spelling-the-domain-is-no-name"),
    ],
)  # fmt: skip
def test_the_name_line_is_a_persons(lines: list[tuple[str, int]], name: str | None) -> None:
    assert parse_card(card(*lines), region="US").name == name


def test_the_business_named_after_the_person_is_the_company() -> None:
    contact = parse_text("Rosa's Bakery\nRosa Delgado\nOwner\nhello@rosasbakery.com")
    assert (contact.name, contact.company) == ("Rosa Delgado", "Rosa's Bakery")


@pytest.mark.parametrize(
    ("line", "evidence"),
    [
        P("Rosa Delgado", PERSON, id="person"),
        P("Søren dos Santos", PERSON, id="accented-person-folded-first"),
        P("BLUE HARBOR Travel", ORGANISATION, id="business"),
        P("Rosa's Bakery", ORGANISATION, id="possessive-business"),
    ],
)
def test_person_evidence(line: str, evidence: float) -> None:
    assert person_evidence(line) == evidence
