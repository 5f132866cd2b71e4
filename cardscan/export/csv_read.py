"""Reading Google Contacts, Outlook and cardscan CSV files back into contacts."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date

from ..contact import Address, Contact, Meeting, Phone, PhoneKind
from .context import Incoming, parse_context
from .csv_cells import read_csv
from .csv_layouts import (
    GOOGLE_MULTI,
    GOOGLE_SOCIAL_LABEL,
    OUTLOOK_ADDRESS,
    OUTLOOK_CATEGORY_SEP,
    OUTLOOK_EMAILS,
    OUTLOOK_PHONE_KINDS,
    OUTLOOK_STREET_2,
    PLAIN_HEADER,
)
from .names import NameParts
from .phones import read_phone

Row = dict[str, str]
_GOOGLE_GROUP = re.compile(r"^(E-mail|Phone|Website) (\d+) - (?:Value)$")
_GOOGLE_KINDS: dict[str, PhoneKind] = {
    "mobile": "mobile", "work": "work", "main": "work", "work fax": "fax", "home fax": "fax",
    "fax": "fax", "other fax": "fax",
}  # fmt: skip
_PLAIN_PHONE = re.compile(r"^(mobile|work|fax|other): (.+)$")


class CsvError(ValueError):
    """A CSV file cardscan cannot read contacts from; str() says why."""


def read_contacts_csv(text: str, region: str) -> tuple[list[Incoming], list[str], str]:
    """Return the contacts of a CSV file, warnings, and the flavour found from its header."""
    header, rows = read_csv(text)
    columns = set(header)
    reader: Callable[[Row, str, list[str]], Incoming]
    if {"E-mail 1 - Value", "Organization Name"} & columns or "Phone 1 - Value" in columns:
        flavour, reader = "google", _google
    elif {"E-mail Address", "Job Title", "Business Phone", "Mobile Phone"} & columns:
        flavour, reader = "outlook", _outlook
    elif {"name", "emails", "phones"} <= columns:
        flavour, reader = "cardscan", _plain
    else:
        start = ",".join(header[:4]) or "(empty)"
        raise CsvError(f"not a Google, Outlook or cardscan CSV (header: {start}...)")
    contacts: list[Incoming] = []
    warnings: list[str] = []
    for number, row in enumerate(rows, start=2):
        problems: list[str] = []
        contacts.append(reader(row, region, problems))
        warnings.extend(f"row {number}: {p}" for p in problems)
    return contacts, warnings, flavour


def _phone(text: str, kind: PhoneKind, region: str, problems: list[str]) -> Phone | None:
    phone = read_phone(text, kind, region)
    if phone is None:
        problems.append(f"left out phone {text!r} (not a phone number)")
    return phone


def _names(row: Row, prefix: str, suffix: str) -> tuple[str | None, str | None, str | None]:
    """Return name, given and family names from the name columns."""
    parts = NameParts(
        prefix=row.get(prefix, "").strip(), first=row.get("First Name", "").strip(),
        middle=row.get("Middle Name", "").strip(), last=row.get("Last Name", "").strip(),
        suffix=row.get(suffix, "").strip(),
    )  # fmt: skip
    return parts.joined() or None, parts.first or None, parts.last or None


def _address(
    text: str, street: str, city: str, region: str, code: str, country: str, extended: str = ""
) -> Address | None:
    parts = [p.strip() or None for p in (street, city, region, code, country, extended)]
    if not text.strip() and not any(parts):
        return None
    if not text.strip():
        if not any(parts[1:]):
            return Address(text=street)
        text = ", ".join(p for p in (parts[0], parts[5], *parts[1:5]) if p)
    elif not any(parts[1:]) and parts[0] == text:
        parts[0] = None  # the whole text was written as the street: parts unknown
    return Address(text, *parts)


def _google(row: Row, region: str, problems: list[str]) -> Incoming:
    name, given, family = _names(row, "Name Prefix", "Name Suffix")
    emails: list[str] = []
    phones: list[Phone] = []
    websites: list[str] = []
    socials: list[str] = []
    for column, value in row.items():
        match = _GOOGLE_GROUP.match(column)
        if not match or not value.strip():
            continue
        label = row.get(column.replace("Value", "Label"), "").removeprefix("* ").strip()
        for item in value.split(GOOGLE_MULTI):
            if match[1] == "E-mail":
                emails.append(item.strip())
            elif match[1] == "Website":
                (socials if label == GOOGLE_SOCIAL_LABEL else websites).append(item.strip())
            else:
                kind = _GOOGLE_KINDS.get(label.lower(), "other")
                phone = _phone(item, kind, region, problems)
                phones.extend([phone] if phone else [])
    address = _address(*(row.get(f"Address 1 - {k}", "") for k in (
        "Formatted", "Street", "City", "Region", "Postal Code", "Country",
        "Extended Address")))  # fmt: skip
    contact = Contact(
        name=name, given_name=given, family_name=family,
        title=row.get("Organization Title", "").strip() or None,
        company=row.get("Organization Name", "").strip() or None,
        department=row.get("Organization Department", "").strip() or None,
        emails=tuple(emails), phones=tuple(phones), websites=tuple(websites),
        socials=tuple(socials), address=address,
    )  # fmt: skip
    labels = [t for t in row.get("Labels", "").split(GOOGLE_MULTI) if t and not t.startswith("* ")]
    meeting = parse_context(row.get("Notes", ""))
    return Incoming(contact, _with_tags(meeting, labels))


def _with_tags(meeting: Meeting, tags: list[str]) -> Meeting:
    return Meeting(meeting.met, meeting.met_on, meeting.notes, tuple(dict.fromkeys(tags)))


def _outlook(row: Row, region: str, problems: list[str]) -> Incoming:
    name, given, family = _names(row, "Title", "Suffix")
    phones = []
    for column, kind in OUTLOOK_PHONE_KINDS.items():
        if row.get(column, "").strip():
            phone = _phone(row[column], kind, region, problems)  # type: ignore[arg-type]
            phones.extend([phone] if phone else [])
    street, city, state, code, country = (row.get(k, "") for k in OUTLOOK_ADDRESS)
    contact = Contact(
        name=name, given_name=given, family_name=family,
        title=row.get("Job Title", "").strip() or None,
        company=row.get("Company", "").strip() or None,
        department=row.get("Department", "").strip() or None,
        emails=tuple(row[k].strip() for k in OUTLOOK_EMAILS if row.get(k, "").strip()),
        phones=tuple(phones),
        websites=tuple(v for v in [row.get("Web Page", "").strip()] if v),
        socials=tuple(v for v in [row.get("Personal Web Page", "").strip()] if v),
        address=_address("", street, city, state, code, country, row.get(OUTLOOK_STREET_2, "")),
    )  # fmt: skip
    tags = [t for t in row.get("Categories", "").split(OUTLOOK_CATEGORY_SEP) if t]
    return Incoming(contact, _with_tags(parse_context(row.get("Notes", "")), tags))


def _lines(value: str) -> tuple[str, ...]:
    return tuple(line for line in value.split("\n") if line)


def _plain(row: Row, region: str, problems: list[str]) -> Incoming:
    cells = {k: row.get(k, "") for k in PLAIN_HEADER}
    phones = []
    for line in _lines(cells["phones"]):
        match = _PLAIN_PHONE.match(line)
        kind, number = (match[1], match[2]) if match else ("other", line)
        phone = _phone(number, kind, region, problems)  # type: ignore[arg-type]
        phones.extend([phone] if phone else [])
    parts = [
        cells[k] or None for k in ("street", "city", "region", "postcode", "country", "extended")
    ]
    address = Address(cells["address"], *parts) if cells["address"] else None
    contact = Contact(
        name=cells["name"] or None, given_name=cells["given_name"] or None,
        family_name=cells["family_name"] or None, title=cells["title"] or None,
        company=cells["company"] or None, department=cells["department"] or None,
        emails=_lines(cells["emails"]), phones=tuple(phones),
        websites=_lines(cells["websites"]), socials=_lines(cells["socials"]), address=address,
        source=cells["source"] or None,
    )  # fmt: skip
    try:
        met_on = date.fromisoformat(cells["met_on"]) if cells["met_on"] else None
    except ValueError:
        problems.append(f"left out met_on {cells['met_on']!r} (not a YYYY-MM-DD date)")
        met_on = None
    notes = parse_context(cells["notes"]).notes if cells["notes"] else ()
    meeting = Meeting(cells["met"] or None, met_on, notes, _lines(cells["tags"]))
    return Incoming(contact, meeting)
