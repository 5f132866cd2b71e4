"""Table-driven tests of the field parser on plain text (cards, signatures, OCR noise)."""

from __future__ import annotations

from typing import Any

import pytest
from parse_cases import CASES

from cardscan.contact import Contact
from cardscan.parse import parse_text


def _actual(contact: Contact, key: str) -> Any:
    if key == "phones":
        return tuple((p.number, p.kind) for p in contact.phones)
    if key == "address":
        return contact.address.text if contact.address else None
    return getattr(contact, key)


@pytest.mark.parametrize(("text", "region", "expected"), CASES)
def test_parse_text_fields(text: str, region: str, expected: dict[str, Any]) -> None:
    contact = parse_text(text, region=region)
    for key, want in expected.items():
        if key == "address_parts":
            assert contact.address is not None
            for part, value in want.items():
                assert getattr(contact.address, part) == value, part
        elif key == "phones":
            assert sorted(_actual(contact, key)) == sorted(want), key
        else:
            assert _actual(contact, key) == want, key


def test_there_are_enough_cases() -> None:
    assert len(CASES) >= 150


@pytest.mark.parametrize(
    ("line", "extension"),
    [
        pytest.param("Direct 617-555-0181 ext. 204", "204", id="ext-dot"),
        pytest.param("Tel 1-617-555-0181 x31", "31", id="x"),
        pytest.param("T 617-555-0181", None, id="none"),
    ],
)
def test_phone_extension_is_kept(line: str, extension: str | None) -> None:
    (phone,) = parse_text(f"Imogen Carver\n{line}", region="US").phones
    assert (phone.number, phone.extension) == ("+16175550181", extension)
