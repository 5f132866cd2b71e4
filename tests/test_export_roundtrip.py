"""Property tests: any contact written as vCard 3, vCard 4 or cardscan CSV reads back the same."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cardscan.contact import Address, Contact, Meeting, Note, Phone, StoredContact
from cardscan.export import ExportFormat, render
from cardscan.export.context import Incoming, normalise_breaks
from cardscan.export.csv_read import read_contacts_csv
from cardscan.export.names import display_name
from cardscan.export.vcard import with_scheme
from cardscan.export.vcard_read import read_vcards

# valid numbers of several countries (fictional-use ranges where the country has one)
NUMBERS = ("+14155550100", "+442079460123", "+447700900456", "+4930901820", "+33142685300",
           "+81312345678", "+61291234567", "+919876543210", "+5511912345678")  # fmt: skip

# Unicode text without controls or surrogates, salted with what a vCard or CSV must escape
awkward = st.sampled_from([",", ";", "\n", "\r", "\\", ":", '"', "'", "=", "^", " ", "é", "😀"])
text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc")) | awkward, min_size=1, max_size=25
)
one_line = text.map(lambda t: t.replace("\r", "").replace("\n", " ")).filter(str.strip)
maybe = st.none() | text
emails = st.from_regex(r"[a-z0-9._%+-]{1,10}@[a-z0-9-]{1,10}\.test", fullmatch=True)
URL = r"(https?://)?[a-z0-9-]{1,12}\.test(/[A-Za-z0-9._~!$&'()*+,;=:@/-]{0,15})?"
urls = st.from_regex(URL, fullmatch=True)
phones = st.builds(
    Phone,
    st.sampled_from(NUMBERS),
    st.sampled_from(("mobile", "work", "fax", "other")),
    st.none() | st.from_regex(r"[1-9][0-9]{0,4}", fullmatch=True),
)
addresses = st.builds(Address, text, maybe, maybe, maybe, maybe, maybe, maybe)
contacts = st.builds(
    Contact,
    name=maybe,
    given_name=maybe,
    family_name=maybe,
    title=maybe,
    company=maybe,
    department=maybe,
    emails=st.lists(emails, max_size=3, unique=True).map(tuple),
    phones=st.lists(phones, max_size=3, unique_by=lambda p: p.number).map(tuple),
    websites=st.lists(urls, max_size=2, unique=True).map(tuple),
    socials=st.lists(urls, max_size=2, unique=True).map(tuple),
    address=st.none() | addresses,
    id=st.integers(1, 10_000),
)
stored_contacts = st.builds(
    StoredContact,
    contact=contacts,
    met=maybe,
    met_on=st.none() | st.dates(date(1990, 1, 1), date(2100, 1, 1)),
    tags=st.lists(one_line, max_size=3, unique=True).map(tuple),
    notes=st.lists(st.builds(Note, text, st.just("2026-11-26T10:00:00+00:00")), max_size=3).map(
        tuple
    ),
    created_at=st.just("2026-11-20T09:00:00+00:00"),
    updated_at=st.just("2026-11-26T10:00:00+00:00"),
)


def expected(stored: StoredContact, vcard: bool) -> dict[str, object]:
    """Return the fields a round trip must keep.

    vCard text comes back with LF line ends, an address whose street is its whole text
    comes back as the same text with its parts unknown (both are written the same way), and
    a website without a scheme comes back with https:// (vCard's URL must have one).
    """
    norm = normalise_breaks if vcard else (lambda t: t)
    c = stored.contact
    address = c.address
    if (
        vcard
        and address
        and address.street == address.text
        and not any(
            (address.city, address.region, address.postcode, address.country, address.extended)
        )
    ):
        address = Address(address.text)  # the same address: whole text, parts unknown
    fields = {
        "name": c.name, "given_name": c.given_name, "family_name": c.family_name,
        "title": c.title, "company": c.company, "department": c.department,
        "emails": c.emails, "phones": c.phones,
        "websites": tuple(with_scheme(w) for w in c.websites) if vcard else c.websites,
        "socials": c.socials, "address": address, "met": stored.met,
        "met_on": stored.met_on, "tags": stored.tags,
        "notes": tuple(normalise_breaks(n.text) for n in stored.notes),
    }  # fmt: skip
    return {k: _map_text(v, norm) for k, v in fields.items()}


def _map_text(value: object, norm) -> object:  # type: ignore[no-untyped-def]
    if isinstance(value, str):
        return norm(value)
    if isinstance(value, Address):
        parts = [None if v is None else norm(v) for v in vars(value).values()]
        return Address(norm(value.text), *parts[1:])
    return value


def actual(item: Incoming) -> dict[str, object]:
    c, m = item.contact, item.meeting
    fields: dict[str, object] = {
        "name": c.name, "given_name": c.given_name, "family_name": c.family_name,
        "title": c.title, "company": c.company, "department": c.department,
        "emails": c.emails, "phones": c.phones,
        "websites": c.websites, "socials": c.socials, "address": c.address, "met": m.met,
        "met_on": m.met_on, "tags": m.tags, "notes": m.notes,
    }  # fmt: skip
    return fields


def _nameless_is_clear(stored: StoredContact) -> bool:
    """A name equal to the stand-in FN of a nameless contact cannot be told from none."""
    c = stored.contact
    return c.name is None or c.name != display_name(replace(c, name=None))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stored_contacts, st.sampled_from([ExportFormat.vcard, ExportFormat.vcard4]))
def test_vcard_round_trip(stored: StoredContact, fmt: ExportFormat) -> None:
    assume(_nameless_is_clear(stored))
    data, _ = render(fmt, [stored])
    [back], warnings = read_vcards(data.decode("utf-8"), "US")
    assert warnings == []
    assert actual(back) == expected(stored, vcard=True)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(stored_contacts)
def test_cardscan_csv_round_trip(stored: StoredContact) -> None:
    data, _ = render(ExportFormat.csv, [stored])
    [back], warnings, flavour = read_contacts_csv(data.decode("utf-8"), "US")
    assert (flavour, warnings) == ("cardscan", [])
    assert actual(back) == expected(stored, vcard=False)


@settings(max_examples=100, deadline=None)
@given(st.lists(stored_contacts, min_size=2, max_size=4))
def test_many_contacts_make_one_file_of_as_many_cards(many: list[StoredContact]) -> None:
    data, _ = render(ExportFormat.vcard, many)
    back, _ = read_vcards(data.decode("utf-8"), "US")
    assert [b.contact.emails for b in back] == [s.contact.emails for s in many]


words = st.text(
    alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Zs", "Zl", "Zp")) | awkward,
    min_size=1,
    max_size=12,
).filter(lambda w: w == w.strip() and "\n" not in w and "\r" not in w)
trimmed = text.map(str.strip).filter(bool)


@st.composite
def address_book_contacts(draw: st.DrawFn) -> StoredContact:
    """Contacts whose name is spelled by its parts, as Google's and Outlook's columns keep it."""
    given, family = draw(words), draw(words)
    contact = Contact(
        id=1,
        name=f"{given} {family}",
        given_name=given,
        family_name=family,
        title=draw(st.none() | trimmed),
        company=draw(st.none() | trimmed),
        department=draw(st.none() | trimmed),
        emails=tuple(draw(st.lists(emails, max_size=2, unique=True))),
        phones=(Phone(draw(st.sampled_from(NUMBERS)), "work", draw(st.none() | st.just("42"))),),
    )
    tags = draw(
        st.lists(
            words.filter(lambda t: not t.startswith("* ") and ";" not in t), max_size=3, unique=True
        )
    )
    notes = draw(st.lists(st.builds(Note, text, st.just("")), max_size=2))
    return StoredContact(contact, met=draw(st.none() | text), tags=tuple(tags), notes=tuple(notes))


@settings(max_examples=100, deadline=None)
@given(address_book_contacts(), st.sampled_from([ExportFormat.google, ExportFormat.outlook]))
def test_google_and_outlook_round_trip(stored: StoredContact, fmt: ExportFormat) -> None:
    data, warnings = render(fmt, [stored])
    [back], problems, flavour = read_contacts_csv(data.decode("utf-8"), "US")
    assert (warnings, problems, flavour) == ([], [], fmt.value)
    want = expected(stored, vcard=False)
    want["met"] = stored.met and normalise_breaks(stored.met)  # kept in the Notes text
    assert actual(back) == want


UNIT = Address(
    "1200 Harbor View Drive, Suite 310, Oakland, CA 94607",
    "1200 Harbor View Drive",
    "Oakland",
    "CA",
    "94607",
    None,
    "Suite 310",
)


@pytest.mark.parametrize("fmt", list(ExportFormat))
def test_the_unit_of_an_address_round_trips_in_every_format(fmt: ExportFormat) -> None:
    contact = Contact(id=1, name="Marisol Okafor", emails=("m@tidewater.example",), address=UNIT)
    data, _ = render(fmt, [StoredContact(contact)])
    text = data.decode("utf-8")
    if fmt in (ExportFormat.vcard, ExportFormat.vcard4):
        assert ";Suite 310;1200 Harbor View Drive;Oakland;CA;94607;" in text
        [back], _ = read_vcards(text, "US")
    elif fmt is ExportFormat.json:
        back = Incoming(Contact.from_json(json.loads(text)), Meeting())
    else:
        [back], _, _ = read_contacts_csv(text, "US")
    assert back.contact.address is not None
    assert back.contact.address.extended == "Suite 310"
    assert back.contact.address.street == "1200 Harbor View Drive"


def test_vcard_urls_carry_a_scheme() -> None:
    contact = Contact(id=1, name="A B", websites=("www.acme.example", "http://old.example/x"))
    text = render(ExportFormat.vcard, [StoredContact(contact)])[0].decode("utf-8")
    assert "URL:https://www.acme.example\r\n" in text
    assert "URL:http://old.example/x\r\n" in text
