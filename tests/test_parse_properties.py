"""Properties of the parser on generated input: it never raises, and what it returns is sound."""

from __future__ import annotations

import phonenumbers
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cardscan.model import OcrResult
from cardscan.parse import parse_card, parse_qr, parse_text

_CARD_ALPHABET = st.characters(
    codec="utf-8", categories=("L", "N", "P", "S", "Zs"), include_characters="\n@.:+()-/"
)
_FAST = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@_FAST
@given(st.text(alphabet=_CARD_ALPHABET, max_size=400), st.sampled_from(["US", "GB", "DE", "IN"]))
def test_parse_text_never_raises(text: str, region: str) -> None:
    contact = parse_text(text, region=region)
    assert all(0.0 <= v <= 1.0 for v in contact.confidence.values())


_LINES = st.lists(
    st.one_of(
        st.text(alphabet=_CARD_ALPHABET, max_size=40),
        st.from_regex(r"(Tel|M|Fax|T:|Mob\.)? ?\+?[0-9lO() .-]{6,18}", fullmatch=True),
        st.from_regex(r"[a-z]{1,8}[ .(]?(at|@)[ )]?[a-z]{2,8}\.(com|de|co\.uk)", fullmatch=True),
    ),
    max_size=12,
)


@_FAST
@given(_LINES, st.sampled_from(["US", "GB", "DE", "FR", "IN", "AU"]))
def test_every_phone_parses_back_to_itself(lines: list[str], region: str) -> None:
    contact = parse_text("\n".join(lines), region=region)
    for phone in contact.phones:
        number = phonenumbers.parse(phone.number, None)
        assert phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164) == (
            phone.number
        )
        assert phonenumbers.is_possible_number(number)


@_FAST
@given(_LINES)
def test_emails_are_valid_and_websites_are_not_emails(lines: list[str]) -> None:
    contact = parse_text("\n".join(lines))
    assert all(e.count("@") == 1 for e in contact.emails)
    assert not any("@" in w for w in contact.websites)


_NAME = st.from_regex(r"[A-Z][a-z]{2,9}", fullmatch=True)
_DIGITS = st.from_regex(r"555 01[0-9]{2}", fullmatch=True)


@_FAST
@given(_NAME, _NAME, _DIGITS, st.sampled_from(["2.1", "3.0", "4.0"]))
def test_vcard_round_trips_its_fields(given_: str, family: str, digits: str, version: str) -> None:
    local = f"{given_}.{family}".lower()
    payload = "\r\n".join(
        [
            "BEGIN:VCARD",
            f"VERSION:{version}",
            f"N:{family};{given_};;;",
            f"FN:{given_} {family}",
            f"TEL;TYPE=CELL:+1 415 {digits}",
            f"EMAIL:{local}@example.com",
            "END:VCARD",
        ]
    )
    contact = parse_qr(payload)
    assert contact is not None
    assert contact.name == f"{given_} {family}"
    assert (contact.given_name, contact.family_name) == (given_, family)
    assert contact.emails == (f"{local}@example.com",)
    assert [(p.number, p.kind) for p in contact.phones] == [
        ("+1415" + digits.replace(" ", ""), "mobile")
    ]


@_FAST
@given(_NAME, _NAME, _DIGITS)
def test_mecard_round_trips_its_fields(given_: str, family: str, digits: str) -> None:
    contact = parse_qr(f"MECARD:N:{family},{given_};TEL:+1 212 {digits};EMAIL:a@b.io;;")
    assert contact is not None
    assert contact.name == f"{given_} {family}"
    assert [p.number for p in contact.phones] == ["+1212" + digits.replace(" ", "")]


@_FAST
@given(st.text(max_size=300))
def test_parse_qr_never_raises(payload: str) -> None:
    parse_qr(payload)
    parse_qr("BEGIN:VCARD\n" + payload)
    parse_qr("MECARD:" + payload)


def test_parse_card_of_from_text_equals_parse_text() -> None:
    text = "Runa Falk\nrf@falkdesign.se\n+46 8 123 456 78"
    assert parse_card(OcrResult.from_text(text), "SE") == parse_text(text, "SE")
