"""Imported contacts made fit to keep: no control characters, only emails and phones that are.

A contact file is someone else's text: a shared vCard can carry ESC sequences in a name, and
other tools' exports carry addresses nobody could write to. What is not an email or a phone
number (by the rules `edit` applies) becomes a warning, not data.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import phonenumbers

from ..contact import Contact
from ..contact_edits import InvalidValueError, email_value
from ..control_chars import strip_controls
from .context import Incoming

#: Fields whose values are texts of several lines (notes).
_MULTILINE = frozenset({"notes", "note", "text"})


def cleaned(item: Incoming, label: str) -> tuple[Incoming, list[str]]:
    """Return the contact without control characters or invalid emails and phones, and why.

    label names the contact in the warnings, e.g. "row 3" or "card 2". A cardscan backup is
    cleaned the same way: its meetings, notes and tags too.
    """
    problems: list[str] = []
    if item.backup is not None:
        backup = _stripped(item.backup)
        contact = _checked(backup.contact, label, problems)
        backup = dataclasses.replace(backup, contact=contact)
        return Incoming(contact, _stripped(item.meeting), backup), problems
    contact = _checked(_stripped(item.contact), label, problems)
    return Incoming(contact, _stripped(item.meeting)), problems


def _checked(contact: Contact, label: str, problems: list[str]) -> Contact:
    """Return the contact with only the emails and phones that are valid; say what was not."""
    emails = []
    for email in contact.emails:
        try:
            emails.append(email_value(email))  # the check `edit` applies
        except InvalidValueError:
            problems.append(f"{label}: left out email {email!r} (not an email address)")
    phones = []
    for phone in contact.phones:
        if _is_phone(phone.number):  # as `edit` checks: a possible number for phonenumbers
            phones.append(phone)
        else:
            problems.append(f"{label}: left out phone {phone.number!r} (not a phone number)")
    return dataclasses.replace(contact, emails=tuple(emails), phones=tuple(phones))


def _stripped(value: Any, multiline: bool = False) -> Any:
    """Return value (a text, a tuple of them, or a dataclass of them) without control chars."""
    if isinstance(value, str):
        return strip_controls(value, multiline)
    if isinstance(value, tuple):
        return tuple(_stripped(v, multiline) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _stripped(getattr(value, f.name), f.name in _MULTILINE)
            for f in dataclasses.fields(value)
            if f.init
        }
        return dataclasses.replace(value, **changes)
    return value


def _is_phone(number: str) -> bool:
    try:
        return phonenumbers.is_possible_number(phonenumbers.parse(number))
    except phonenumbers.NumberParseException:
        return False
