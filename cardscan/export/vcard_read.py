"""Reading vCards (2.1, 3.0, 4.0) back into contacts, with vobject's lexer.

vobject unfolds the lines and splits each into name, parameters and value; the values are decoded
here because vobject's own decoding (`VCardTextBehavior.decode`) treats every property it does not
know as a comma-separated text list and keeps only the first item: `URL:https://x.test/a,b`
comes back as `https://x.test/a`, and a vCard 4.0 `PHOTO:data:image/jpeg;base64,...` as
`data:image/jpeg;base64`.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import vobject.base

from ..contact import Address, Contact, Meeting, Phone, PhoneKind
from .contentline import split_escaped, unescape_caret, unescape_text
from .context import Incoming, parse_context
from .names import display_name
from .phones import read_phone


class VCardError(ValueError):
    """A file that is not a well-formed vCard; str() says where."""


@dataclass
class _Property:
    name: str
    params: dict[str, list[str]]
    value: str

    @property
    def types(self) -> set[str]:
        """Return the TYPE values, lower case, whether written TYPE=a,b or TYPE=a;TYPE=b or ;A."""
        found = {t.lower() for v in self.params.get("TYPE", []) for t in v.split(",")}
        return found | {k.lower() for k, v in self.params.items() if not v}


@dataclass
class _Card:
    properties: list[_Property] = field(default_factory=list)

    def all(self, name: str) -> list[_Property]:
        return [p for p in self.properties if p.name == name]

    def text(self, name: str) -> str | None:
        found = self.all(name)
        return unescape_text(found[0].value) if found else None


def read_vcards(text: str, region: str) -> tuple[list[Incoming], list[str]]:
    """Return the contacts of a vCard file and warnings about values that were left out."""
    contacts: list[Incoming] = []
    warnings: list[str] = []
    for number, card in enumerate(_cards(text), start=1):
        incoming, problems = _incoming(card, region)
        contacts.append(incoming)
        warnings.extend(f"card {number}: {p}" for p in problems)
    if not contacts:
        raise VCardError("no vCard in it (no BEGIN:VCARD line)")
    return contacts, warnings


def _cards(text: str) -> Iterator[_Card]:
    # problems are named by the line's text: vobject's line numbers count each line end twice
    card: _Card | None = None
    count = 0
    for line, _number in vobject.base.getLogicalLines(io.StringIO(text), allowQP=False):
        try:
            name, params, value, _group = vobject.base.parseLine(line)
        except vobject.base.ParseError:
            raise VCardError(f"not a vCard line: {line[:60]!r}") from None
        name = name.upper()
        if name == "BEGIN" and value.upper() == "VCARD":
            if card is not None:
                raise VCardError(f"vCard {count + 1} has no END:VCARD before the next BEGIN")
            card = _Card()
        elif name == "END" and value.upper() == "VCARD":
            if card is None:
                raise VCardError(f"END:VCARD without BEGIN:VCARD after vCard {count}")
            count += 1
            yield card
            card = None
        elif card is not None:
            card.properties.append(_Property(name, _params(params), value))
    if card is not None:
        raise VCardError(f"vCard {count + 1} has no END:VCARD")


def _params(parsed: list[list[str]]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for key, *values in parsed:
        params.setdefault(key.upper(), []).extend(v.strip('"') for v in values)
    return params


def _incoming(card: _Card, region: str) -> tuple[Incoming, list[str]]:
    warnings: list[str] = []
    n_parts = [unescape_text(p) for p in split_escaped((card.all("N") or [_EMPTY])[0].value, ";")]
    family, given = [*n_parts, "", ""][:2]
    org = card.all("ORG")
    phones = []
    for prop in card.all("TEL"):
        raw = prop.value if prop.value.lower().startswith("tel:") else unescape_text(prop.value)
        phone = read_phone(raw, _phone_kind(prop.types), region)
        if phone is None:
            warnings.append(f"left out phone {raw!r} (not a phone number)")
        else:
            phones.append(phone)
    contact = Contact(
        given_name=given or None,
        family_name=family or None,
        title=card.text("TITLE") or None,
        company=_org(org, 0),
        department=_org(org, 1),
        emails=tuple(unescape_text(p.value).strip() for p in card.all("EMAIL")),
        phones=_unique_phones(phones),
        websites=tuple(unescape_text(p.value) for p in card.all("URL")),
        socials=tuple(
            unescape_text(p.value) for p in card.all("X-SOCIALPROFILE") + card.all("SOCIALPROFILE")
        ),
        address=_address(card),
    )
    contact = replace(contact, name=_name(card.text("FN"), contact))
    return Incoming(contact, _meeting(card)), warnings


_EMPTY = _Property("N", {}, "")


def _org(found: list[_Property], index: int) -> str | None:
    """Return ORG's company (0) or department (1) part."""
    if not found:
        return None
    parts = split_escaped(found[0].value, ";")
    return unescape_text(parts[index]) or None if index < len(parts) else None


def _name(fn: str | None, contact: Contact) -> str | None:
    """Return the full name; None when FN is only the stand-in written for a nameless contact."""
    if not fn or fn == display_name(contact):
        return None
    return fn


def _phone_kind(types: set[str]) -> PhoneKind:
    if "fax" in types:
        return "fax"
    if "cell" in types:
        return "mobile"
    return "work" if "work" in types else "other"


def _unique_phones(phones: list[Phone]) -> tuple[Phone, ...]:
    seen: set[str] = set()
    unique = []
    for phone in phones:
        if phone.number not in seen:
            seen.add(phone.number)
            unique.append(phone)
    return tuple(unique)


def _address(card: _Card) -> Address | None:
    found = card.all("ADR")
    if not found:
        return None
    parts = [unescape_text(p) or None for p in split_escaped(found[0].value, ";")]
    extended, street, city, region, postcode, country = (parts + [None] * 7)[1:7]
    label = found[0].params.get("LABEL")
    text = unescape_caret(label[0]) if label else card.text("LABEL")
    known = (city, region, postcode, country, extended)
    if not any(known) and street and (text is None or text == street):
        return Address(text=street)  # written with the whole text in street: parts unknown
    text = text or ", ".join(p for p in (street, extended, city, region, postcode, country) if p)
    if not text:
        return None
    return Address(text, street, city, region, postcode, country, extended)


def _meeting(card: _Card) -> Meeting:
    met: str | None = None
    met_on = None
    notes: list[str] = []
    for prop in card.all("NOTE"):
        meeting = parse_context(unescape_text(prop.value))
        met, met_on = met or meeting.met, met_on or meeting.met_on
        notes.extend(meeting.notes)
    tags: list[str] = []
    for prop in card.all("CATEGORIES"):
        tags.extend(t for t in (unescape_text(v) for v in split_escaped(prop.value, ",")) if t)
    return Meeting(met=met, met_on=met_on, notes=tuple(notes), tags=tuple(dict.fromkeys(tags)))
