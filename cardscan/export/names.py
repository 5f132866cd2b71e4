"""Names for formats that want them in parts, and a display name for contacts without one."""

from __future__ import annotations

from dataclasses import dataclass

from ..contact import Contact
from .phones import international


@dataclass(frozen=True)
class NameParts:
    """A name as address books split it: Google's and Outlook's name columns."""

    prefix: str = ""
    first: str = ""
    middle: str = ""
    last: str = ""
    suffix: str = ""

    def joined(self) -> str:
        """Return the full name the parts spell (single spaces)."""
        parts = (self.prefix, self.first, self.middle, self.last, self.suffix)
        return " ".join(p for p in parts if p)


def display_name(contact: Contact) -> str:
    """Return the name to show: the name, else the company, else an email, else a phone."""
    if contact.name:
        return contact.name
    if contact.company:
        return contact.company
    if contact.emails:
        return contact.emails[0]
    if contact.phones:
        return international(contact.phones[0])
    return "(no name)"


def name_parts(contact: Contact) -> NameParts:
    """Return the name split around its given and family names ("Dr. Jane Q. Doe PhD").

    When the full name does not contain them in order, the given and family names alone are
    used, and without them the whole name goes in the first-name column.
    """
    name, given, family = contact.name or "", contact.given_name or "", contact.family_name or ""
    if not given and not family:
        return NameParts(first=name)
    start = name.find(given) if given else 0
    end = name.find(family, start + len(given)) if family else start + len(given)
    if start < 0 or end < 0:
        return NameParts(first=given, last=family)
    return NameParts(
        prefix=name[:start].strip(),
        first=given,
        middle=name[start + len(given) : end].strip() if family else "",
        last=family,
        suffix=name[end + len(family) :].strip() if family else name[end:].strip(),
    )
