"""How contacts look on the terminal: a short block a person can check at a glance."""

from __future__ import annotations

import json
from typing import Any

import phonenumbers
import typer

from ..contact import Contact, Phone, StoredContact

#: Fields whose confidence is below this are marked with "?" for the user to check.
REVIEW_BELOW = 0.6


def format_phone(phone: Phone) -> str:
    """Return a phone number as people write it internationally, with its extension."""
    try:
        parsed = phonenumbers.parse(phone.number)
        text = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    except phonenumbers.NumberParseException:
        text = phone.number
    return f"{text} x{phone.extension}" if phone.extension else text


def contact_lines(contact: Contact) -> list[str]:
    """Return the labelled lines of a contact, low-confidence fields marked with '?'."""
    rows: list[tuple[str, str, str]] = [
        ("name", "name", contact.name or ""),
        ("title", "title", contact.title or ""),
        ("company", "company", contact.company or ""),
    ]
    rows += [("email", "emails", e) for e in contact.emails]
    rows += [(p.kind, "phones", format_phone(p)) for p in contact.phones]
    rows += [("web", "websites", w) for w in contact.websites]
    rows += [("social", "socials", s) for s in contact.socials]
    if contact.address:
        rows.append(("address", "address", contact.address.text))
    lines = []
    for label, field, value in rows:
        if not value:
            continue
        doubtful = contact.confidence.get(field, 1.0) < REVIEW_BELOW
        lines.append(f"{'?' if doubtful else ' '} {label:<8} {value}")
    return lines


def contact_block(contact: Contact, header: str | None = None) -> str:
    """Return a contact as a block of text with a header line and its warnings."""
    title = header or (f"#{contact.id}" if contact.id is not None else "(not stored)")
    out = [title, *contact_lines(contact)]
    if not contact.name:
        out.insert(1, "? name     (none found)")
    out += [f"  ! {w}" for w in contact.warnings]
    if contact.qr_fields:
        out.append(f"  from the QR code: {', '.join(contact.qr_fields)}")
    return "\n".join(out)


def stored_block(stored: StoredContact) -> str:
    """Return a stored contact with its meeting context and notes."""
    out = [contact_block(stored.contact)]
    if stored.met or stored.met_on:
        met_on = stored.met_on.isoformat() if stored.met_on else ""
        out.append(f"  met      {' - '.join(x for x in (met_on, stored.met or '') if x)}")
    if stored.tags:
        out.append(f"  tags     {', '.join(stored.tags)}")
    out += [f"  note     {n.text}" for n in stored.notes]
    return "\n".join(out)


def print_json(obj: dict[str, Any]) -> None:
    """Print one JSON object on one line of stdout."""
    typer.echo(json.dumps(obj, ensure_ascii=False))
