"""How to greet and address a person by name, without guessing at their gender."""

from __future__ import annotations

import unicodedata

from nameparser import HumanName

from ..contact import Contact
from . import honorifics


def header_safe(text: str) -> str:
    """Return text on one line: control characters dropped, runs of whitespace made one space."""
    kept = "".join(" " if unicodedata.category(ch).startswith("C") else ch for ch in text)
    return " ".join(kept.split())


def _key(token: str) -> str:
    return token.strip(".,").casefold()


def _split_honorifics(name: str) -> tuple[list[str], list[str]]:
    """Return (neutral honorifics, remaining words) of the name before any ", PhD"-like tail."""
    head = header_safe(name).split(",", 1)[0]
    tokens = head.split()
    neutral: list[str] = []
    while len(tokens) > 1:
        key = _key(tokens[0])
        if key in honorifics.NEUTRAL:
            neutral.append(honorifics.NEUTRAL[key])
        elif key not in honorifics.GENDERED:
            break
        tokens.pop(0)
    return neutral, tokens


def plain_name(contact: Contact) -> str | None:
    """Return the name without honorifics or credentials ("Dr. Jo Doe, PhD" -> "Jo Doe")."""
    if contact.name and contact.name.strip():
        return " ".join(_split_honorifics(contact.name)[1]) or None
    parts = [p for p in (contact.given_name, contact.family_name) if p]
    return header_safe(" ".join(parts)) or None


def given_name(contact: Contact) -> str | None:
    """Return the given name, from the stored field or else split from the name."""
    if contact.given_name:
        return header_safe(contact.given_name)
    full = plain_name(contact)
    if not full:
        return None
    first = HumanName(full).first
    # An initial ("J.") is no name to greet someone by.
    return first if len(first.strip(".")) > 1 else None


def family_name(contact: Contact) -> str | None:
    """Return the family name, from the stored field or else split from the name."""
    if contact.family_name:
        return header_safe(contact.family_name)
    full = plain_name(contact)
    return (HumanName(full).last or None) if full else None


def dear(contact: Contact) -> str:
    """Return a formal greeting: "Dear Dr. Müller," or "Dear Jo Doe," (never Mr/Ms)."""
    neutral = _split_honorifics(contact.name)[0] if contact.name else []
    family = family_name(contact)
    if neutral and family:
        return f"Dear {' '.join(neutral)} {family},"
    full = plain_name(contact)
    return f"Dear {full}," if full else "Hello,"


def hi(contact: Contact) -> str:
    """Return a first-name greeting: "Hi Jo,", else "Hi Jo Doe,", else "Hello,"."""
    first = given_name(contact) or plain_name(contact)
    return f"Hi {first}," if first else "Hello,"
