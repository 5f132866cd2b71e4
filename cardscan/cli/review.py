"""`add --review`: walk the user through the fields the parser is unsure of."""

from __future__ import annotations

import typer

from ..contact import Contact
from .render import REVIEW_BELOW

#: Fields a person can correct with one line of text.
_TEXT_FIELDS = ("name", "title", "company")


def review(contact: Contact) -> Contact:
    """Return the contact after the user accepted (Enter) or retyped each doubtful field."""
    changes: dict[str, object] = {}
    for field in _TEXT_FIELDS:
        if contact.confidence.get(field, 1.0) >= REVIEW_BELOW:
            continue
        current = getattr(contact, field) or ""
        answer = typer.prompt(f"{field}", default=current, show_default=True, err=True)
        if answer.strip() != current:
            changes[field] = answer.strip() or None
    if contact.confidence.get("emails", 1.0) < REVIEW_BELOW and contact.emails:
        answer = typer.prompt("email", default=contact.emails[0], err=True)
        changes["emails"] = (answer.strip(), *contact.emails[1:])
    if "name" in changes:
        changes |= {"given_name": None, "family_name": None}
    return contact.corrected(**changes) if changes else contact
