"""Golden files: every export format for the same fictional contacts, byte for byte.

When output differs, the actual file is written next to the golden one (NAME.actual) for a
diff; after checking it, move it over the golden file.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from cardscan.contact import Address, Contact, Note, Phone, StoredContact
from cardscan.export import ExportFormat, render

GOLDEN = Path(__file__).parent / "golden" / "export"
PHOTO = b"\xff\xd8\xff\xe0 not a real JPEG, just bytes to embed \xff\xd9"


def _stored(contact: Contact, **meeting: object) -> StoredContact:
    return StoredContact(
        contact,
        created_at="2026-11-20T09:00:00+00:00",
        updated_at="2026-11-26T10:00:00+00:00",
        **meeting,  # type: ignore[arg-type]
    )


CONTACTS = [
    _stored(
        Contact(
            id=1,
            name="Dr. Jane Q. Doe",
            given_name="Jane",
            family_name="Doe",
            title="Head of Data, Platform; EMEA",
            company="Example Widgets Ltd",
            emails=("jane.doe@example-widgets.test",),
            phones=(Phone("+442079460123", "work", "12"), Phone("+447700900456", "mobile")),
            websites=("www.example-widgets.test",),
            socials=("linkedin.com/in/janeqdoe",),
            address=Address(
                "1 High St, London EC1A 1BB", "1 High St", "London", None, "EC1A 1BB", "GB"
            ),
            source="cards/jane.jpg",
        ),
        met="PyCon UK",
        met_on=date(2026, 11, 20),
        tags=("conference", "ml"),
        notes=(
            Note(
                "asked about OCR; wants a demo\nfollow up in December", "2026-11-20T12:00:00+00:00"
            ),
        ),
    ),
    _stored(
        Contact(
            id=2,
            company='=HYPERLINK("http://evil.test","click")',
            emails=("info@northwind.test",),
            phones=(Phone("+14155550100", "other"), Phone("+14155550199", "fax")),
            address=Address("500 Market Street, Suite 12, San Francisco, CA 94105"),
        ),
        met_on=date(2026, 11, 25),
        tags=("-sales",),
    ),
    _stored(
        Contact(
            id=3,
            name="Zoë Łukasiewicz-Ørsted",
            given_name="Zoë",
            family_name="Łukasiewicz-Ørsted",
            title="Directrice générale adjointe de la recherche et du développement",
            company="Société Générale des Cartes de Visite Électroniques SA",
            emails=("zoe@cartes.test", "z.lukasiewicz@example.test"),
            phones=(Phone("+33142685300", "work"),),
        ),
        met="Salon de l'innovation, Paris",
        met_on=date(2026, 10, 2),
    ),
]

CASES = [
    pytest.param(ExportFormat.vcard, "contacts.vcf", id="vcard3"),
    pytest.param(ExportFormat.vcard4, "contacts.v4.vcf", id="vcard4"),
    pytest.param(ExportFormat.csv, "contacts.csv", id="cardscan-csv"),
    pytest.param(ExportFormat.google, "contacts.google.csv", id="google"),
    pytest.param(ExportFormat.outlook, "contacts.outlook.csv", id="outlook"),
    pytest.param(ExportFormat.json, "contacts.jsonl", id="json"),
]


def assert_golden(name: str, actual: bytes) -> None:
    """Compare with the golden file; on a difference write NAME.actual beside it and fail."""
    golden = GOLDEN / name
    beside = golden.with_name(name + ".actual")
    if golden.exists() and golden.read_bytes() == actual:
        beside.unlink(missing_ok=True)
        return
    beside.write_bytes(actual)
    pytest.fail(f"{name} differs from its golden file; see {beside}")


@pytest.mark.parametrize(("fmt", "name"), CASES)
def test_export_matches_golden(fmt: ExportFormat, name: str) -> None:
    data, _ = render(fmt, CONTACTS)
    assert_golden(name, data)


def test_vcard_with_photo_matches_golden() -> None:
    data, _ = render(ExportFormat.vcard, CONTACTS[:1], {1: PHOTO})
    assert_golden("photo.vcf", data)
