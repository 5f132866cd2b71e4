"""How contacts look on the terminal: a short block a person can check at a glance."""

from __future__ import annotations

import json
import re
from typing import Any

import phonenumbers
import typer

from ..contact import REVIEW_BELOW, Contact, FollowupState, Phone, StoredContact
from ..control_chars import escape_controls

_RAW_IN_JSON = re.compile("[\x7f-\x9f]")


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
    if contact.department:
        rows.insert(3, ("dept", "department", contact.department))
    if contact.address:
        rows.append(("address", "address", contact.address.text))
    lines = []
    for label, field, value in rows:
        if not value:
            continue
        doubtful = contact.confidence.get(field, 1.0) < REVIEW_BELOW
        lines.append(f"{'?' if doubtful else ' '} {label:<8} {shown(value)}")
    return lines


def contact_block(contact: Contact, header: str | None = None) -> str:
    """Return a contact as a block of text with a header line and its warnings."""
    title = (
        shown(header) if header else f"#{contact.id}" if contact.id is not None else "(not stored)"
    )
    out = [title, *contact_lines(contact)]
    if not contact.name:
        out.insert(1, "? name     (none found)")
    out += [f"  ! {shown(w)}" for w in contact.warnings]
    if contact.qr_fields:
        out.append(f"  from the QR code: {', '.join(contact.qr_fields)}")
    return "\n".join(out)


def stored_block(stored: StoredContact) -> str:
    """Return a stored contact with its meeting context and notes."""
    out = [contact_block(stored.contact)]
    for meeting in stored.meetings:
        met_on = meeting.met_on.isoformat() if meeting.met_on else ""
        out.append(f"  met      {shown(' - '.join(x for x in (met_on, meeting.met or '') if x))}")
    if stored.tags:
        out.append(f"  tags     {shown(', '.join(stored.tags))}")
    for i, note in enumerate(stored.notes, start=1):  # a note of several lines stays indented
        out.append(f"  note {i:<3} " + "\n           ".join(map(shown, note.text.split("\n"))))
    followup = followup_text(stored.followup)
    if followup:
        out.append(f"  followup {shown(followup)}")
    return "\n".join(out)


def followup_text(state: FollowupState | None) -> str:
    """Return "sent 2026-11-25; next 2026-12-03: send the deck", "" when nothing is recorded."""
    if state is None:
        return ""
    parts = []
    if state.sent_on:
        parts.append(f"sent {state.sent_on}")
    if state.next_on:
        parts.append(f"next {state.next_on}" + (f": {state.next_step}" if state.next_step else ""))
    return "; ".join(parts)


def shown(value: str) -> str:
    """Return a stored value or file name as it is printed: control characters escaped."""
    return escape_controls(value)


def print_json(obj: dict[str, Any]) -> None:
    """Print one JSON object on one line of stdout."""
    # json escapes C0 controls itself; DEL and C1 (0x9B is CSI to some terminals) it leaves raw.
    text = json.dumps(obj, ensure_ascii=False)
    typer.echo(_RAW_IN_JSON.sub(lambda m: f"\\u{ord(m[0]):04x}", text))
