"""QR payloads: vCard 2.1/3.0/4.0, MECARD, or a bare URL -> Contact.

Data typed into a QR code is exact, so its fields get full confidence; phones are still
checked with phonenumbers and emails with email-validator, because generators do make mistakes.
"""

from __future__ import annotations

import quopri
import re

import phonenumbers
from email_validator import EmailNotValidError, validate_email

from ..contact import Address, Contact, Phone, PhoneKind
from . import web

_UNFOLD = re.compile(r"\r?\n[ \t]")
_MECARD_FIELD = re.compile(r"((?:[^;\\]|\\.)*);")
_ESCAPE = re.compile(r"\\(.)")


def parse_qr(payload: str, region: str = "US") -> Contact | None:
    """Return the contact encoded in a QR payload (vCard, MECARD or URL), or None."""
    text = payload.strip()
    upper = text[:12].upper()
    if upper.startswith("BEGIN:VCARD"):
        return _vcard(text, region)
    if upper.startswith("MECARD:"):
        return _mecard(text[len("MECARD:") :], region)
    if re.match(r"^(?:https?://|www\.)\S+$", text, re.IGNORECASE):
        if web.is_social(text):
            return Contact(socials=(text,), confidence={})
        return Contact(websites=(text,), confidence={"websites": 1.0})
    return None


def _vcard(text: str, region: str) -> Contact:
    fields: dict[str, list[tuple[str, str]]] = {}
    for raw in _UNFOLD.sub("", text).splitlines():
        name, params, value = _property(raw)
        if name:
            fields.setdefault(name, []).append((params, value))
    n = _split(_first(fields, "N")) if "N" in fields else []
    family, given = [*n, "", ""][:2]
    name = _unescape(_first(fields, "FN")) or " ".join(p for p in (given, family) if p)
    org = _split(_first(fields, "ORG"))
    phones = [_phone(v, _kind(p), region) for p, v in fields.get("TEL", [])]
    return _contact(
        name=name or None,
        given=_unescape(given) or None,
        family=_unescape(family) or None,
        title=_unescape(_first(fields, "TITLE")) or None,
        company=_unescape(org[0]) if org and org[0] else None,
        emails=[_unescape(v) for _, v in fields.get("EMAIL", [])],
        phones=[p for p in phones if p is not None],
        urls=[_unescape(v) for _, v in fields.get("URL", [])],
        address=_adr(_first(fields, "ADR")),
    )


def _property(line: str) -> tuple[str, str, str]:
    """Split "TEL;TYPE=CELL:+1 555" into ("TEL", "TYPE=CELL", "+1 555"), groups dropped."""
    head, sep, value = line.partition(":")
    if not sep:
        return "", "", ""
    name, _, params = head.partition(";")
    name = name.rsplit(".", 1)[-1].upper()  # "item1.EMAIL" -> "EMAIL"
    if "QUOTED-PRINTABLE" in params.upper():
        charset = re.search(r"CHARSET=([\w-]+)", params, re.IGNORECASE)
        decoded = quopri.decodestring(value.encode("latin-1", "replace"))
        value = decoded.decode(charset.group(1) if charset else "utf-8", "replace")
    return name, params.upper(), value.strip()


def _first(fields: dict[str, list[tuple[str, str]]], name: str) -> str:
    values = fields.get(name)
    return values[0][1] if values else ""


def _split(value: str) -> list[str]:
    """Split a structured value on unescaped semicolons."""
    return [_unescape(p) for p in re.split(r"(?<!\\);", value)]


def _unescape(value: str) -> str:
    value = value.replace("\\n", ", ").replace("\\N", ", ")
    return _ESCAPE.sub(r"\1", value).strip()


def _kind(params: str) -> PhoneKind:
    if "FAX" in params:
        return "fax"
    if "CELL" in params or "MOBILE" in params:
        return "mobile"
    return "work"


def _phone(value: str, kind: PhoneKind, region: str) -> Phone | None:
    value = value.removeprefix("tel:")
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(e164, kind, number.extension or None)


def _adr(value: str) -> Address | None:
    """ADR is PO box; extended; street; city; region; postcode; country."""
    if not value:
        return None
    parts = (_split(value) + [""] * 7)[:7]
    _, extended, street, city, region, postcode, country = parts
    printed = [extended, street, " ".join(p for p in (city, region, postcode) if p), country]
    text = ", ".join(p for p in printed if p)
    if not text:
        return None
    return Address(
        text=text,
        street=street or None,
        city=city or None,
        region=region or None,
        postcode=postcode or None,
        country=country or None,
    )


def _mecard(body: str, region: str) -> Contact:
    fields: dict[str, list[str]] = {}
    for m in _MECARD_FIELD.finditer(body + ";"):
        key, sep, value = m.group(1).partition(":")
        if sep:
            fields.setdefault(key.strip().upper(), []).append(value)
    n = [_unescape(p) for p in re.split(r"(?<!\\),", fields.get("N", [""])[0])]
    family, given = [*n, "", ""][:2]
    tels = [_phone(_unescape(v), "work", region) for v in fields.get("TEL", [])]
    tels += [_phone(_unescape(v), "mobile", region) for v in fields.get("TEL-AV", [])]
    adr = fields.get("ADR", [""])[0]
    return _contact(
        name=" ".join(p for p in (given, family) if p) or None,
        given=given or None,
        family=family or None,
        title=_unescape(fields.get("TITLE", [""])[0]) or None,
        company=_unescape(fields.get("ORG", [""])[0]) or None,
        emails=[_unescape(v) for v in fields.get("EMAIL", [])],
        phones=[p for p in tels if p is not None],
        urls=[_unescape(v) for v in fields.get("URL", [])],
        address=_adr(adr) if adr.count(",") >= 6 else _plain_address(_unescape(adr)),
    )


def _plain_address(text: str) -> Address | None:
    return Address(text=text) if text else None


def _contact(
    *,
    name: str | None,
    given: str | None,
    family: str | None,
    title: str | None,
    company: str | None,
    emails: list[str],
    phones: list[Phone],
    urls: list[str],
    address: Address | None,
) -> Contact:
    emails = [e for e in emails if _valid_email(e)]
    sites = [u for u in urls if u and not web.is_social(u)]
    socials = [u for u in urls if u and web.is_social(u)]
    values = {
        "name": name,
        "title": title,
        "company": company,
        "emails": emails,
        "phones": phones,
        "websites": sites,
        "address": address,
    }
    return Contact(
        name=name,
        given_name=given,
        family_name=family,
        title=title,
        company=company,
        emails=tuple(dict.fromkeys(emails)),
        phones=tuple({p.number: p for p in phones}.values()),
        websites=tuple(sites),
        socials=tuple(socials),
        address=address,
        confidence={k: 1.0 for k, v in values.items() if v},
    )


def _valid_email(email: str) -> bool:
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return False
    return True
