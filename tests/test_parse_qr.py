"""QR payloads (vCard 2.1/3.0/4.0, MECARD, URLs) and merging a QR contact with the OCR one."""

from __future__ import annotations

from typing import Any

import pytest

from cardscan.contact import Address, Contact, Phone
from cardscan.contact import merge_contacts as merge
from cardscan.parse import parse_qr

VCARD_30 = """BEGIN:VCARD
VERSION:3.0
N:Ravel;Odette;;;
FN:Odette Ravel
ORG:Ravel Acoustique SARL;R&D
TITLE:Ingénieure son
TEL;TYPE=WORK,VOICE:+33 4 99 00 31 31
TEL;TYPE=CELL:+33 6 12 34 56 78
TEL;TYPE=FAX:+33 4 99 00 31 32
EMAIL;TYPE=INTERNET:odette@ravel-acoustique.fr
URL:https://www.ravel-acoustique.fr
URL:https://linkedin.com/in/odetteravel
ADR;TYPE=WORK:;;12 rue des Orgues;Lyon;;69002;France
END:VCARD"""

VCARD_21_QP = """BEGIN:VCARD
VERSION:2.1
N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:M=C3=BCller;J=C3=B6rg
FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:J=C3=B6rg M=C3=BCller
TEL;CELL:0171 2345678
TEL;WORK;VOICE:030 1234567
END:VCARD"""

VCARD_40 = """BEGIN:VCARD
VERSION:4.0
FN:Tamsin Achterberg
N:Achterberg;Tamsin;;;
TEL;VALUE=uri;TYPE="voice,cell":tel:+1-415-555-0144
EMAIL;TYPE=work:tamsin@achterberg.studio
item1.URL:https://achterberg.studio
ADR;TYPE=work:;Suite 5;1 Ferry Building;San Francisco;CA;94111;USA
END:VCARD"""

VCARD_FOLDED = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bartholomew Quince\r\nNOTE:a very long note that\r\n"
    "  continues\r\nTITLE:Head of \r\n Operations\r\nEMAIL:bq@quince.io\r\nEND:VCARD\r\n"
)


@pytest.mark.parametrize(
    ("payload", "region", "expected"),
    [
        pytest.param(
            VCARD_30,
            "FR",
            {
                "name": "Odette Ravel",
                "given_name": "Odette",
                "family_name": "Ravel",
                "company": "Ravel Acoustique SARL",
                "title": "Ingénieure son",
                "emails": ("odette@ravel-acoustique.fr",),
                "phones": (
                    Phone("+33499003131", "work"),
                    Phone("+33612345678", "mobile"),
                    Phone("+33499003132", "fax"),
                ),
                "websites": ("https://www.ravel-acoustique.fr",),
                "socials": ("https://linkedin.com/in/odetteravel",),
            },
            id="vcard-3.0",
        ),
        pytest.param(
            VCARD_21_QP,
            "DE",
            {
                "name": "Jörg Müller",
                "family_name": "Müller",
                "phones": (Phone("+491712345678", "mobile"), Phone("+49301234567", "work")),
            },
            id="vcard-2.1-quoted-printable",
        ),
        pytest.param(
            VCARD_40,
            "US",
            {
                "name": "Tamsin Achterberg",
                "phones": (Phone("+14155550144", "mobile"),),
                "websites": ("https://achterberg.studio",),
                "address": Address(
                    "Suite 5, 1 Ferry Building, San Francisco CA 94111, USA",
                    "1 Ferry Building",
                    "San Francisco",
                    "CA",
                    "94111",
                    "USA",
                ),
            },
            id="vcard-4.0-uri-tel-and-group",
        ),
        pytest.param(
            VCARD_FOLDED,
            "US",
            {"name": "Bartholomew Quince", "title": "Head of Operations"},
            id="vcard-folded-lines",
        ),
        pytest.param(
            "MECARD:N:Okonkwo,Chidi;TEL:+2348012345678;EMAIL:chidi@okonkwo.ng;"
            "URL:https://okonkwo.ng;ADR:12 Marina\\, Lagos;;",
            "NG",
            {
                "name": "Chidi Okonkwo",
                "emails": ("chidi@okonkwo.ng",),
                "phones": (Phone("+2348012345678", "work"),),
                "websites": ("https://okonkwo.ng",),
                "address": Address("12 Marina, Lagos"),
            },
            id="mecard",
        ),
        pytest.param(
            "https://www.lumenforge.com",
            "US",
            {"websites": ("https://www.lumenforge.com",), "name": None},
            id="url",
        ),
        pytest.param(
            "https://linkedin.com/in/someone-fictional",
            "US",
            {"socials": ("https://linkedin.com/in/someone-fictional",), "websites": ()},
            id="url-social",
        ),
        pytest.param(
            "BEGIN:VCARD\nEMAIL:not-an-email\nTEL:12\nEND:VCARD",
            "US",
            {"emails": (), "phones": ()},
            id="vcard-bad-values-dropped",
        ),
    ],
)
def test_parse_qr(payload: str, region: str, expected: dict[str, Any]) -> None:
    contact = parse_qr(payload, region=region)
    assert contact is not None
    for key, want in expected.items():
        assert getattr(contact, key) == want, key


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param("", id="empty"),
        pytest.param("hello world", id="plain-text"),
        pytest.param("WIFI:S:cafe;T:WPA;P:secret;;", id="wifi"),
    ],
)
def test_parse_qr_returns_none_for_non_contacts(payload: str) -> None:
    assert parse_qr(payload) is None


def test_qr_fields_are_fully_confident() -> None:
    contact = parse_qr(VCARD_30, "FR")
    assert contact is not None
    assert contact.confidence["name"] == 1.0 and contact.warnings == ()


QR = Contact(
    name="Odette Ravel",
    emails=("odette@ravel-acoustique.fr",),
    phones=(Phone("+33499003131", "work"),),
    confidence={"name": 1.0, "emails": 1.0, "phones": 1.0},
)
OCR = Contact(
    name="0dette Ravel",
    title="Ingénieure son",
    emails=("ODETTE@ravel-acoustique.fr", "info@ravel-acoustique.fr"),
    phones=(Phone("+33499003131", "work"), Phone("+33612345678", "mobile")),
    websites=("www.ravel-acoustique.fr",),
    confidence={"name": 0.5, "title": 0.9, "emails": 0.9, "phones": 0.9, "websites": 0.8},
    warnings=("name: low confidence (0.50)",),
)


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        pytest.param("name", "Odette Ravel", id="primary-wins"),
        pytest.param("title", "Ingénieure son", id="gap-filled"),
        pytest.param(
            "emails",
            ("odette@ravel-acoustique.fr", "info@ravel-acoustique.fr"),
            id="emails-united-case-insensitively",
        ),
        pytest.param(
            "phones",
            (Phone("+33499003131", "work"), Phone("+33612345678", "mobile")),
            id="phones-united-by-number",
        ),
        pytest.param("websites", ("www.ravel-acoustique.fr",), id="websites-added"),
    ],
)
def test_merge(field: str, expected: object) -> None:
    assert getattr(merge(QR, OCR), field) == expected


def test_merge_keeps_confidence_of_the_value_it_kept() -> None:
    merged = merge(QR, OCR)
    assert merged.confidence["name"] == 1.0
    assert merged.confidence["title"] == 0.9
