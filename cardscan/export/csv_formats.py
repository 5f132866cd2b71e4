"""Writing contacts as Google Contacts, Outlook and cardscan CSV files."""

from __future__ import annotations

from collections.abc import Sequence

from ..contact import Address, StoredContact
from .context import context_text
from .csv_cells import neutralise, phone_cell, write_csv
from .csv_layouts import (
    GOOGLE_ADDRESS,
    GOOGLE_HEAD,
    GOOGLE_MULTI,
    GOOGLE_MY_CONTACTS,
    GOOGLE_PHONE_LABELS,
    GOOGLE_SOCIAL_LABEL,
    OUTLOOK_ADDRESS,
    OUTLOOK_CATEGORY_SEP,
    OUTLOOK_EMAILS,
    OUTLOOK_HEADER,
    OUTLOOK_PHONE_SLOTS,
    OUTLOOK_STREET_2,
    PLAIN_HEADER,
)
from .names import name_parts
from .phones import international


def _parts(address: Address | None) -> tuple[str, str, str, str, str]:
    """Return street, city, region, postcode, country; the whole text as street if unknown."""
    if address is None:
        return ("", "", "", "", "")
    parts = (address.street, address.city, address.region, address.postcode, address.country)
    if not any(parts) and not address.extended:
        return (address.text, "", "", "", "")
    street, city, region, postcode, country = (p or "" for p in parts)
    return (street, city, region, postcode, country)


def google_csv(contacts: Sequence[StoredContact]) -> bytes:
    """Return a Google Contacts CSV, with as many e-mail/phone/website columns as needed."""
    n_email = max([1, *(len(s.contact.emails) for s in contacts)])
    n_phone = max([1, *(len(s.contact.phones) for s in contacts)])
    n_web = max([1, *(len(s.contact.websites) + len(s.contact.socials) for s in contacts)])
    header = [*GOOGLE_HEAD]
    header += [f"E-mail {i} - {k}" for i in range(1, n_email + 1) for k in ("Label", "Value")]
    header += [f"Phone {i} - {k}" for i in range(1, n_phone + 1) for k in ("Label", "Value")]
    header += [*GOOGLE_ADDRESS]
    header += [f"Website {i} - {k}" for i in range(1, n_web + 1) for k in ("Label", "Value")]
    rows = [_google_row(s, header) for s in contacts]
    return write_csv(header, rows)


def _google_row(stored: StoredContact, header: list[str]) -> list[str]:
    c = stored.contact
    name = name_parts(c)
    cells = {
        "First Name": name.first, "Middle Name": name.middle, "Last Name": name.last,
        "Name Prefix": name.prefix, "Name Suffix": name.suffix,
        "Organization Name": c.company or "", "Organization Title": c.title or "",
        "Organization Department": c.department or "",
        "Notes": context_text(stored),
        "Labels": GOOGLE_MULTI.join([GOOGLE_MY_CONTACTS, *stored.tags]),
    }  # fmt: skip
    for i, email in enumerate(c.emails, start=1):
        cells |= {f"E-mail {i} - Label": "Work", f"E-mail {i} - Value": email}
    for i, phone in enumerate(c.phones, start=1):
        cells[f"Phone {i} - Label"] = GOOGLE_PHONE_LABELS[phone.kind]
        cells[f"Phone {i} - Value"] = international(phone)
    if c.address:
        street, city, region, postcode, country = _parts(c.address)
        cells |= {
            "Address 1 - Label": "Work", "Address 1 - Formatted": c.address.text,
            "Address 1 - Street": street, "Address 1 - City": city,
            "Address 1 - Region": region, "Address 1 - Postal Code": postcode,
            "Address 1 - Country": country,
            "Address 1 - Extended Address": c.address.extended or "",
        }  # fmt: skip
    links = [("Work", u) for u in c.websites] + [(GOOGLE_SOCIAL_LABEL, u) for u in c.socials]
    for i, (label, url) in enumerate(links, start=1):
        cells |= {f"Website {i} - Label": label, f"Website {i} - Value": url}
    return [_cell(h, cells.get(h, "")) for h in header]


def _cell(column: str, value: str) -> str:
    return phone_cell(value) if column.startswith("Phone ") else neutralise(value)


def outlook_csv(contacts: Sequence[StoredContact]) -> tuple[bytes, list[str]]:
    """Return an Outlook contacts CSV, and a warning for each value with no column to go in."""
    warnings: list[str] = []
    rows = [_outlook_row(s, warnings) for s in contacts]
    return write_csv(OUTLOOK_HEADER, rows), warnings


def _outlook_row(stored: StoredContact, warnings: list[str]) -> list[str]:
    c = stored.contact
    name = name_parts(c)
    cells = {
        "First Name": name.first, "Middle Name": name.middle, "Last Name": name.last,
        "Title": name.prefix, "Suffix": name.suffix, "Company": c.company or "",
        "Job Title": c.title or "", "Department": c.department or "",
        "Notes": context_text(stored),
        "Categories": OUTLOOK_CATEGORY_SEP.join(stored.tags),
    }  # fmt: skip
    cells |= dict(zip(OUTLOOK_EMAILS, c.emails, strict=False))
    cells |= dict(zip(OUTLOOK_ADDRESS, _parts(c.address), strict=True))
    if c.address and c.address.extended:
        cells[OUTLOOK_STREET_2] = c.address.extended
    if c.websites:
        cells["Web Page"] = c.websites[0]
    if c.socials:
        cells["Personal Web Page"] = c.socials[0]
    dropped = [*c.emails[3:], *c.websites[1:], *c.socials[1:]]
    for phone in c.phones:
        slot = next((s for s in OUTLOOK_PHONE_SLOTS[phone.kind] if s not in cells), None)
        if slot is None:
            dropped.append(international(phone))
        else:
            cells[slot] = international(phone)
    warnings.extend(f"#{c.id}: no Outlook column for {value}" for value in dropped)
    return [_outlook_cell(h, cells.get(h, "")) for h in OUTLOOK_HEADER]


def _outlook_cell(column: str, value: str) -> str:
    return phone_cell(value) if column.endswith(("Phone", "Phone 2", "Fax")) else neutralise(value)


def plain_csv(contacts: Sequence[StoredContact]) -> bytes:
    """Return cardscan's own CSV: the JSON fields, one list item per line within a cell."""
    return write_csv(PLAIN_HEADER, [_plain_row(s) for s in contacts])


def _plain_row(stored: StoredContact) -> list[str]:
    c = stored.contact
    a = c.address
    street, city, region, postcode, country = (
        (getattr(a, k) or "") if a else ""
        for k in ("street", "city", "region", "postcode", "country")
    )
    extended = (a.extended or "") if a else ""
    cells = {
        "id": str(c.id or ""), "name": c.name or "", "given_name": c.given_name or "",
        "family_name": c.family_name or "", "title": c.title or "", "company": c.company or "",
        "department": c.department or "", "extended": extended,
        "emails": "\n".join(c.emails),
        "phones": "\n".join(f"{p.kind}: {international(p)}" for p in c.phones),
        "websites": "\n".join(c.websites), "socials": "\n".join(c.socials),
        "address": c.address.text if c.address else "", "street": street, "city": city,
        "region": region, "postcode": postcode, "country": country, "met": stored.met or "",
        "met_on": stored.met_on.isoformat() if stored.met_on else "",
        "tags": "\n".join(stored.tags), "notes": context_text(_notes_only(stored)),
        "source": c.source or "", "created_at": stored.created_at,
        "updated_at": stored.updated_at,
    }  # fmt: skip
    return [neutralise(cells[h]) for h in PLAIN_HEADER]


def _notes_only(stored: StoredContact) -> StoredContact:
    return StoredContact(stored.contact, notes=stored.notes)
