"""vCard writing: escaping, folding, injection, and what vobject reads back."""

from __future__ import annotations

import base64
from datetime import date

import pytest
import vobject

from cardscan.contact import Address, Contact, Note, Phone, StoredContact
from cardscan.export.contentline import FOLD_AT, fold, unescape_text
from cardscan.export.vcard import write_vcard


def stored(contact: Contact, **meeting: object) -> StoredContact:
    return StoredContact(
        contact,
        created_at="2026-11-20T09:00:00+00:00",
        updated_at="2026-11-26T10:00:00+00:00",
        **meeting,  # type: ignore[arg-type]
    )


JANE = stored(
    Contact(
        id=7,
        name="Dr. Jane Q. Doe",
        given_name="Jane",
        family_name="Doe",
        title="Head of Data, Platform; EMEA",
        company="Example Widgets Ltd",
        emails=("jane.doe@example-widgets.test", "jd@example.test"),
        phones=(Phone("+442079460123", "work", "12"), Phone("+447700900456", "mobile")),
        websites=("https://example-widgets.test/team?a=1,2;b",),
        socials=("linkedin.com/in/janeqdoe",),
        address=Address("1 High St\nLondon EC1A 1BB", "1 High St", "London", None, "EC1A 1BB"),
    ),
    met="PyCon UK",
    met_on=date(2026, 11, 20),
    tags=("conference", "ml, vision"),
    notes=(Note("asked about OCR\nwants a demo", "2026-11-20T12:00:00+00:00"),),
)


@pytest.mark.parametrize("version", [3, 4])
def test_vobject_reads_back_every_field(version: int) -> None:
    card = vobject.readOne(write_vcard(JANE, version))
    assert card.version.value == f"{version}.0"
    assert card.fn.value == "Dr. Jane Q. Doe"
    assert (card.n.value.family, card.n.value.given) == ("Doe", "Jane")
    assert card.title.value == "Head of Data, Platform; EMEA"
    assert card.org.value == ["Example Widgets Ltd"]
    assert [e.value for e in card.email_list] == list(JANE.contact.emails)
    assert card.categories.value == ["conference", "ml, vision"]
    assert card.note.value == (
        "Met: PyCon UK\nMet on: 2026-11-20\n* asked about OCR\n  wants a demo"
    )
    assert card.adr.value.street == "1 High St"
    assert card.adr.value.city == "London"
    assert card.adr.value.code == "EC1A 1BB"
    assert card.uid.value.startswith("urn:uuid:")


@pytest.mark.parametrize(
    ("version", "line"),
    [
        pytest.param(3, "TEL;TYPE=WORK,VOICE:+442079460123 x12", id="3.0-ext-as-x"),
        pytest.param(3, "TEL;TYPE=CELL:+447700900456", id="3.0-cell"),
        pytest.param(4, 'TEL;VALUE=uri;TYPE="work,voice":tel:+442079460123;ext=12', id="4.0-ext"),
        pytest.param(4, "TEL;VALUE=uri;TYPE=cell:tel:+447700900456", id="4.0-cell"),
        pytest.param(3, "URL:https://example-widgets.test/team?a=1,2;b", id="3.0-url-unescaped"),
        pytest.param(4, "URL:https://example-widgets.test/team?a=1,2;b", id="4.0-url-unescaped"),
        pytest.param(3, "X-SOCIALPROFILE;TYPE=LINKEDIN:linkedin.com/in/janeqdoe", id="social"),
        pytest.param(3, "LABEL;TYPE=WORK:1 High St\\nLondon EC1A 1BB", id="3.0-label"),
        pytest.param(3, "REV:2026-11-26T10:00:00Z", id="3.0-rev"),
        pytest.param(4, "REV:20261126T100000Z", id="4.0-rev"),
        pytest.param(3, "CATEGORIES:conference,ml\\, vision", id="categories-escaped"),
    ],
)
def test_property_lines(version: int, line: str) -> None:
    assert line + "\r\n" in write_vcard(JANE, version)


def test_uid_is_stable_and_differs_per_contact() -> None:
    other = stored(Contact(id=8, name="Ann Lee"))
    assert _uid(write_vcard(JANE)) == _uid(write_vcard(JANE, 4))
    assert _uid(write_vcard(JANE)) != _uid(write_vcard(other))


def _uid(card: str) -> str:
    return next(line for line in card.split("\r\n") if line.startswith("UID:"))


@pytest.mark.parametrize(
    ("contact", "fn"),
    [
        pytest.param(Contact(id=1, company="Acme; Ltd"), "Acme\\; Ltd", id="company"),
        pytest.param(Contact(id=1, emails=("a@b.test",)), "a@b.test", id="email"),
        pytest.param(Contact(id=1, phones=(Phone("+14155550100"),)), "+1 415-555-0100", id="phone"),
    ],
)
def test_nameless_contact_gets_fn_and_empty_n(contact: Contact, fn: str) -> None:
    card = write_vcard(stored(contact))
    assert f"\r\nFN:{fn}\r\n" in card
    assert "\r\nN:;;;;\r\n" in card


@pytest.mark.parametrize("version", [3, 4])
@pytest.mark.parametrize(
    "title",
    [
        pytest.param("CEO\r\nEMAIL:evil@x.test", id="crlf"),
        pytest.param("CEO\nEMAIL:evil@x.test", id="lf"),
        pytest.param("CEO\rEMAIL:evil@x.test", id="cr"),
        pytest.param("CEO\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:evil", id="forged-card"),
    ],
)
def test_property_injection_stays_one_title(version: int, title: str) -> None:
    card = write_vcard(
        stored(Contact(id=1, name="Ann", title=title, emails=("a@b.test",))), version
    )
    [parsed] = list(vobject.readComponents(card))
    assert [e.value for e in parsed.email_list] == ["a@b.test"]
    assert [t.value for t in parsed.title_list] == [title.replace("\r\n", "\n").replace("\r", "\n")]


def test_url_with_line_break_cannot_forge_a_property() -> None:
    contact = Contact(id=1, name="Ann", websites=("x.test/\r\nEMAIL:evil@x.test",))
    card = write_vcard(stored(contact))
    assert "URL:https://x.test/%0D%0AEMAIL:evil@x.test\r\n" in card
    assert "email" not in vobject.readOne(card).contents


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("é" * 80, id="2-octet"),
        pytest.param("a" + "é" * 80, id="2-octet-shifted"),
        pytest.param("€" * 60, id="3-octet"),
        pytest.param("ab" + "€" * 60, id="3-octet-shifted"),
        pytest.param("😀" * 50, id="4-octet"),
        pytest.param("abc" + "😀" * 50, id="4-octet-shifted"),
        pytest.param("x" * 200, id="ascii"),
        pytest.param("x" * 70 + "é", id="boundary"),
    ],
)
def test_folds_at_75_octets_without_splitting_a_character(value: str) -> None:
    folded = fold(f"NOTE:{value}")
    physical = folded.encode("utf-8").split(b"\r\n")[:-1]
    assert all(len(line) <= FOLD_AT for line in physical)
    assert all(line.decode("utf-8") for line in physical)  # each line is whole characters
    assert max(len(line) for line in physical) >= FOLD_AT - 3  # lines are filled, not short
    assert folded.replace("\r\n ", "").removesuffix("\r\n") == f"NOTE:{value}"


def test_long_multibyte_name_is_folded_where_vobject_would_not() -> None:
    card = write_vcard(stored(Contact(id=1, name="É" * 60)))
    assert all(len(line.encode()) <= FOLD_AT for line in card.split("\r\n"))
    assert vobject.readOne(card).fn.value == "É" * 60


@pytest.mark.parametrize(
    ("version", "expected"),
    [
        pytest.param(3, "PHOTO;ENCODING=b;TYPE=JPEG:", id="3.0"),
        pytest.param(4, "PHOTO:data:image/jpeg;base64,", id="4.0"),
    ],
)
def test_photo_is_embedded(version: int, expected: str) -> None:
    jpeg = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 2
    card = write_vcard(JANE, version, photo=jpeg)
    unfolded = card.replace("\r\n ", "")
    line = next(x for x in unfolded.split("\r\n") if x.startswith("PHOTO"))
    assert line.startswith(expected)
    assert base64.b64decode(line.removeprefix(expected)) == jpeg


@pytest.mark.parametrize(
    ("raw", "text"),
    [
        pytest.param("a\\,b\\;c", "a,b;c", id="comma-semicolon"),
        pytest.param("a\\nb\\Nc", "a\nb\nc", id="newlines"),
        pytest.param("a\\\\nb", "a\\nb", id="escaped-backslash"),
    ],
)
def test_unescape(raw: str, text: str) -> None:
    assert unescape_text(raw) == text
