"""CSV flavours: formula injection, phone cells, Excel framing, header detection, foreign files."""

from __future__ import annotations

import csv
import io

import pytest

from cardscan.contact import Contact, Phone, StoredContact
from cardscan.export import ExportFormat, render
from cardscan.export.csv_cells import neutralise, phone_cell, restore
from cardscan.export.csv_layouts import OUTLOOK_HEADER
from cardscan.export.csv_read import CsvError, read_contacts_csv

CSV_FORMATS = [ExportFormat.csv, ExportFormat.google, ExportFormat.outlook]


def _stored(contact: Contact, tags: tuple[str, ...] = ()) -> StoredContact:
    return StoredContact(contact, tags=tags, created_at="2026-11-20T09:00:00+00:00")


def _rows(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    "value",
    [
        pytest.param("=1+1", id="equals"),
        pytest.param('=HYPERLINK("http://evil.test","x")', id="hyperlink"),
        pytest.param("+SUM(A1:A9)", id="plus"),
        pytest.param("-2+3", id="minus"),
        pytest.param("@SUM(A1)", id="at"),
        pytest.param("\t=1", id="tab"),
        pytest.param("\r=1", id="cr"),
        pytest.param("=cmd|' /C calc'!A0", id="dde"),
        pytest.param("'already quoted", id="quote"),
    ],
)
@pytest.mark.parametrize("fmt", CSV_FORMATS)
def test_formula_cells_are_neutralised_and_read_back(value: str, fmt: ExportFormat) -> None:
    contact = Contact(id=1, name="Ann Lee", given_name="Ann", family_name="Lee", company=value)
    data, _ = render(fmt, [_stored(contact)])
    company = {"csv": "company", "google": "Organization Name", "outlook": "Company"}[fmt.value]
    [row] = _rows(data)
    assert row[company] == "'" + value
    [back], _, _ = read_contacts_csv(data.decode("utf-8"), "US")
    # Google and Outlook cells are read with surrounding whitespace trimmed
    assert back.contact.company == (value if fmt is ExportFormat.csv else value.strip())


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        pytest.param("+1 415-555-0100", "+1 415-555-0100", id="international"),
        pytest.param("+44 20 7946 0123 ext. 12", "+44 20 7946 0123 ext. 12", id="extension"),
        pytest.param('+HYPERLINK("x")', '\'+HYPERLINK("x")', id="not-a-number"),
        pytest.param("+1 415 (555)", "'+1 415 (555)", id="parentheses"),
        pytest.param("+1-2+3", "'+1-2+3", id="arithmetic"),
    ],
)
def test_phone_cells_pass_only_when_plain_numbers(cell: str, written: str) -> None:
    assert phone_cell(cell) == written


def test_a_phone_that_is_not_a_number_is_neutralised_in_the_file() -> None:
    evil = Phone('+HYPERLINK("http://evil.test")', "work")
    data, _ = render(ExportFormat.google, [_stored(Contact(id=1, phones=(evil,)))])
    assert _rows(data)[0]["Phone 1 - Value"].startswith("'+HYPERLINK")


@pytest.mark.parametrize("value", ["plain", "O'Brien", "a=b", "x-y", "e@mail"])
def test_other_cells_are_left_alone(value: str) -> None:
    assert neutralise(value) == value
    assert restore(neutralise(value)) == value


@pytest.mark.parametrize("fmt", CSV_FORMATS)
def test_excel_framing_bom_and_crlf(fmt: ExportFormat) -> None:
    data, _ = render(fmt, [_stored(Contact(id=1, name="Ann"))])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")


def test_google_header_and_cells() -> None:
    contact = Contact(
        id=1,
        name="Ann Lee",
        given_name="Ann",
        family_name="Lee",
        title="CTO",
        company="Lee & Co",
        emails=("ann@lee.test",),
        phones=(Phone("+14155550100", "mobile"), Phone("+14155550101", "fax")),
        socials=("github.com/annlee",),
    )
    data, _ = render(ExportFormat.google, [_stored(contact, ("vip", "dev"))])
    [row] = _rows(data)
    assert row["Labels"] == "* myContacts ::: vip ::: dev"
    assert (row["Phone 1 - Label"], row["Phone 1 - Value"]) == ("Mobile", "+1 415-555-0100")
    assert (row["Phone 2 - Label"], row["Phone 2 - Value"]) == ("Work Fax", "+1 415-555-0101")
    assert (row["Organization Name"], row["Organization Title"]) == ("Lee & Co", "CTO")
    assert (row["Website 1 - Label"], row["Website 1 - Value"]) == ("Profile", "github.com/annlee")


def test_outlook_header_and_overflow_warnings() -> None:
    phones = tuple(Phone(f"+1415555010{i}", "mobile") for i in range(3))
    contact = Contact(
        id=4, name="Ann", emails=tuple(f"a{i}@x.test" for i in range(4)), phones=phones
    )
    data, warnings = render(ExportFormat.outlook, [_stored(contact)])
    header = data.decode("utf-8-sig").split("\r\n")[0].split(",")
    assert tuple(header) == OUTLOOK_HEADER
    for column in ("First Name", "Company", "Job Title", "E-mail 2 Address", "Business Fax"):
        assert column in header
    assert warnings == [
        "#4: no Outlook column for a3@x.test",
        "#4: no Outlook column for +1 415-555-0101",
        "#4: no Outlook column for +1 415-555-0102",
    ]


GOOGLE_EXPORT = (
    "\ufeffFirst Name,Middle Name,Last Name,Organization Name,Organization Title,Notes,Labels,"
    "E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,Phone 1 - Value,"
    "Address 1 - Formatted,Address 1 - City\r\n"
    "Marta,,Okafor,Tiny Robots,CEO,Met at a meetup,* myContacts ::: * starred ::: robots,"
    '* Work,marta@tinyrobots.test ::: m.okafor@example.test,Mobile,"(415) 555-0142 ::: 12",'
    "1 Main St,Springfield\r\n"
)


def test_reads_a_google_export_written_by_google() -> None:
    [back], warnings, flavour = read_contacts_csv(GOOGLE_EXPORT, "US")
    c = back.contact
    assert flavour == "google"
    assert (c.name, c.given_name, c.family_name) == ("Marta Okafor", "Marta", "Okafor")
    assert c.emails == ("marta@tinyrobots.test", "m.okafor@example.test")
    assert c.phones == (Phone("+14155550142", "mobile"),)
    assert warnings == ["row 2: left out phone '12' (not a phone number)"]
    assert back.meeting.tags == ("robots",)
    assert back.meeting.notes == ("Met at a meetup",)
    assert c.address is not None and c.address.city == "Springfield"


def test_phone_without_country_code_uses_the_region() -> None:
    text = "First Name,Phone 1 - Label,Phone 1 - Value\r\nKlaus,Work,030 901820\r\n"
    [back], _, _ = read_contacts_csv(text, "DE")
    assert back.contact.phones == (Phone("+4930901820", "work"),)


@pytest.mark.parametrize(
    ("header", "flavour"),
    [
        pytest.param("First Name,Last Name,E-mail 1 - Value", "google", id="google"),
        pytest.param("First Name,Last Name,E-mail Address,Mobile Phone", "outlook", id="outlook"),
        pytest.param("id,name,emails,phones", "cardscan", id="cardscan"),
    ],
)
def test_flavour_is_found_from_the_header(header: str, flavour: str) -> None:
    assert read_contacts_csv(header + "\r\n", "US")[2] == flavour


def test_unknown_header_is_an_error() -> None:
    with pytest.raises(CsvError, match="not a Google, Outlook or cardscan CSV"):
        read_contacts_csv("when,where\r\n1,2\r\n", "US")
