"""`add --review`: ask about every field the reader is unsure of, before the contact is stored.

Each question shows the file, the whole card as read, and why the field is doubtful; answers are
checked as `cardscan edit` checks them (cardscan/contact_edits.py), and asked again when refused.
A batch's progress bar is taken off the terminal while the questions are asked.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import typer

from ..contact import CONTACT_FIELDS, Contact, Phone, warned_field
from ..contact_edits import (
    InvalidValueError,
    address_value,
    email_value,
    phone_value,
    text_value,
    website_value,
)
from ..parse.name import split as split_name
from . import terminal
from .app import say
from .render import REVIEW_BELOW, contact_block

T = TypeVar("T")

#: what to type to empty a field or drop an item
CLEAR = "-"


def doubtful_fields(contact: Contact) -> list[str]:
    """Return the fields marked "?" (and the name, when none was found), in display order."""
    fields = [f for f in CONTACT_FIELDS if contact.confidence.get(f, 1.0) < REVIEW_BELOW]
    fields = [f for f in fields if _has_value(contact, f)]
    if not contact.name and "name" not in fields:
        fields.insert(0, "name")
    return fields


def review(contact: Contact, path: str, region: str) -> Contact:
    """Return the contact after the user kept (Enter), retyped or cleared each doubtful field.

    Every field asked about counts as checked by a person: confidence 1, its warning gone.
    """
    fields = doubtful_fields(contact)
    if not fields:
        return contact
    with terminal.paused():
        terminal.write(f"\n{contact_block(contact, header=path)}", err=True)
        terminal.write(f"{len(fields)} to check; Enter keeps a value, {CLEAR} clears it.", err=True)
        changes: dict[str, object] = {}
        for field in fields:
            terminal.write(f"  why: {'; '.join(_reasons(contact, field))}", err=True)
            changes[field] = _ask_field(contact, field, region)
    if "name" in changes and changes["name"] != contact.name:
        parts = split_name(str(changes["name"])) if changes["name"] else None
        changes["given_name"] = parts.given if parts else None
        changes["family_name"] = parts.family if parts else None
    return contact.corrected(**changes)


def _has_value(contact: Contact, field: str) -> bool:
    value = getattr(contact, field)
    return bool(value)


def _reasons(contact: Contact, field: str) -> list[str]:
    found = [w for w in contact.warnings if warned_field(w) == field]
    if found:
        return found
    if not _has_value(contact, field):
        return [f"{field}: none found"]
    return [f"{field}: low confidence ({contact.confidence.get(field, 0.0):.2f})"]


def _ask_field(contact: Contact, field: str, region: str) -> object:
    if field in ("name", "title", "company"):
        current = getattr(contact, field) or ""
        return _ask(field, current, lambda text: text_value(field, text))
    if field == "address":
        address = contact.address
        return _ask("address", address.text if address else "", address_value)
    if field == "emails":
        return _ask_each("email", list(contact.emails), email_value)
    if field == "websites":
        return _ask_each("website", list(contact.websites), website_value)
    phones = [_phone_text(p) for p in contact.phones]
    return _ask_each("phone", phones, lambda text: phone_value(text, region))


def _ask_each(label: str, values: list[str], check: Callable[[str], T]) -> tuple[T, ...]:
    """Ask about each item of a list field; a cleared one is dropped."""
    kept = []
    for i, value in enumerate(values, start=1):
        answer = _ask(f"{label} {i}" if len(values) > 1 else label, value, check)
        if answer is not None:
            kept.append(answer)
    return tuple(kept)


def _ask(label: str, current: str, check: Callable[[str], T]) -> T | None:
    """Ask until the answer passes check; Enter keeps current, CLEAR gives None."""
    while True:
        answer = typer.prompt(f"  {label}", default=current, show_default=bool(current), err=True)
        if answer.strip() == CLEAR:
            return None
        try:
            return check(answer)
        except InvalidValueError as e:
            say(f"{e} (try again, or {CLEAR} to clear)")


def _phone_text(phone: Phone) -> str:
    """Return a phone as phone_value reads it: "mobile:+14155550142 ext. 12"."""
    return f"{phone.kind}:{phone.number}" + (f" ext. {phone.extension}" if phone.extension else "")
