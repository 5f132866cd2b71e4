"""Phone numbers as the exported formats write them, and read back."""

from __future__ import annotations

import re

import phonenumbers

from ..contact import Phone, PhoneKind

# what international() can produce for a number phonenumbers understands: "+1 415-555-0100 ext. 12"
SAFE_PHONE = re.compile(r"^\+\d[\d -]*(?: ext\. \d+)?$")


def international(phone: Phone) -> str:
    """Return a number in international format with its extension: +1 415-555-0100 ext. 12."""
    try:
        parsed = phonenumbers.parse(phone.number)
    except phonenumbers.NumberParseException:
        return phone.number + (f" ext. {phone.extension}" if phone.extension else "")
    text = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    # the extension is added here because phonenumbers writes it per country (" x12", " ext. 12")
    return text + (f" ext. {phone.extension}" if phone.extension else "")


def read_phone(text: str, kind: PhoneKind, region: str) -> Phone | None:
    """Return the phone a cell or vCard value names (any common format), or None if none."""
    text = text.strip()
    if text.lower().startswith("tel:"):
        text = _from_tel_uri(text[4:])
    try:
        parsed = phonenumbers.parse(text, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(parsed):
        return None
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return Phone(e164, kind, parsed.extension or None)


def _from_tel_uri(uri: str) -> str:
    """Return "+14155550100 ext. 12" for the RFC 3966 URI body "+1-415-555-0100;ext=12"."""
    number, *params = uri.split(";")
    ext = next((p[4:] for p in params if p.lower().startswith("ext=")), None)
    return number + (f" ext. {ext}" if ext else "")


def tel_uri(phone: Phone) -> str:
    """Return the RFC 3966 URI of a phone: tel:+14155550100;ext=12."""
    return f"tel:{phone.number}" + (f";ext={phone.extension}" if phone.extension else "")
