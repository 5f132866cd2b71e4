"""vCard 3.0 (RFC 2426) and 4.0 (RFC 6350) for stored contacts; one file holds many cards."""

from __future__ import annotations

import base64
import re
import uuid
from collections.abc import Iterable, Mapping
from datetime import UTC, datetime

from ..contact import Address, Phone, StoredContact
from .contentline import content_line, escape_text, escape_uri, param_value
from .context import context_text
from .names import display_name
from .phones import tel_uri

PRODID = "-//cardscan//cardscan//EN"
#: namespace of the UIDs cardscan writes: uuid5(namespace, "<id>/<created_at>")
UID_NAMESPACE = uuid.UUID("5f0c7a52-3f59-4f3e-9a3c-2a9d8b6b1c01")

_TEL_TYPES = {"mobile": ("cell",), "work": ("work", "voice"), "fax": ("work", "fax")}
_SOCIAL_SERVICES = ("linkedin", "twitter", "x.com", "github", "instagram", "facebook", "xing")


def contact_uid(stored: StoredContact) -> str:
    """Return a UID that stays the same for a contact across exports."""
    return "urn:uuid:" + str(uuid.uuid5(UID_NAMESPACE, f"{stored.id}/{stored.created_at}"))


def write_vcards(
    contacts: Iterable[StoredContact], version: int = 3, photos: Mapping[int, bytes] | None = None
) -> str:
    """Return one vCard per contact, CRLF line ends; photos maps contact id -> JPEG bytes."""
    photos = photos or {}
    return "".join(write_vcard(s, version, photos.get(s.id)) for s in contacts)


def write_vcard(stored: StoredContact, version: int = 3, photo: bytes | None = None) -> str:
    """Return the vCard (3 or 4) of one stored contact."""
    if version not in (3, 4):
        raise ValueError(f"unsupported vCard version: {version}")
    v4 = version == 4
    c = stored.contact
    lines = [content_line("BEGIN", "VCARD"), content_line("VERSION", f"{version}.0")]
    lines.append(content_line("PRODID", PRODID))
    lines.append(content_line("UID", contact_uid(stored)))
    lines.append(content_line("FN", escape_text(display_name(c))))
    n_parts = (c.family_name or "", c.given_name or "", "", "", "")
    lines.append(content_line("N", ";".join(escape_text(p) for p in n_parts)))
    if c.company or c.department:
        org = [escape_text(c.company or ""), *([escape_text(c.department)] if c.department else [])]
        lines.append(content_line("ORG", ";".join(org)))
    if c.title:
        lines.append(content_line("TITLE", escape_text(c.title)))
    email_type = "work" if v4 else "INTERNET,WORK"
    lines.extend(content_line("EMAIL", escape_text(e), (("TYPE", email_type),)) for e in c.emails)
    lines.extend(_tel(p, v4) for p in c.phones)
    if c.address:
        lines.extend(_adr(c.address, v4))
    lines.extend(content_line("URL", escape_uri(with_scheme(u))) for u in c.websites)
    lines.extend(_social(u, v4) for u in c.socials)
    note = context_text(stored)
    if note:
        lines.append(content_line("NOTE", escape_text(note)))
    if stored.tags:
        lines.append(content_line("CATEGORIES", ",".join(escape_text(t) for t in stored.tags)))
    if photo:
        lines.append(_photo(photo, v4))
    if stored.updated_at:
        lines.append(content_line("REV", _rev(stored.updated_at, v4)))
    lines.append(content_line("END", "VCARD"))
    return "".join(lines)


def _types(values: tuple[str, ...], v4: bool) -> str:
    joined = ",".join(values)
    return param_value(joined, caret=True) if v4 else joined.upper()


def _tel(phone: Phone, v4: bool) -> str:
    types = _TEL_TYPES.get(phone.kind, ("voice",))
    if v4:
        params = (("VALUE", "uri"), ("TYPE", _types(types, v4)))
        return content_line("TEL", escape_uri(tel_uri(phone)), params)
    value = phone.number + (f" x{phone.extension}" if phone.extension else "")
    return content_line("TEL", escape_text(value), (("TYPE", _types(types, v4)),))


def _adr(address: Address, v4: bool) -> list[str]:
    """Return ADR (and LABEL in 3.0) lines; the whole text goes in street when parts are unknown."""
    parts = (address.street, address.city, address.region, address.postcode, address.country)
    if not any(parts) and not address.extended:
        parts = (address.text, None, None, None, None)
    value = ";".join(escape_text(p or "") for p in ("", address.extended, *parts))
    type_param = ("TYPE", _types(("work",), v4))
    if v4:
        label = ("LABEL", param_value(address.text, caret=True))
        return [content_line("ADR", value, (type_param, label))]
    label_line = content_line("LABEL", escape_text(address.text), (type_param,))
    return [content_line("ADR", value, (type_param,)), label_line]


def with_scheme(url: str) -> str:
    """Return a web address with a scheme, as vCard's URL must be: www.acme.com -> https://..."""
    return url if _SCHEME.match(url) else "https://" + url


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def _social(url: str, v4: bool) -> str:
    """Return an X-SOCIALPROFILE line (Apple's property, read by most address books)."""
    lowered = url.lower()
    service = next((s for s in _SOCIAL_SERVICES if s in lowered), "other").replace(".com", "")
    return content_line("X-SOCIALPROFILE", escape_uri(url), (("TYPE", _types((service,), v4)),))


def _photo(jpeg: bytes, v4: bool) -> str:
    data = base64.b64encode(jpeg).decode("ascii")
    if v4:
        return content_line("PHOTO", f"data:image/jpeg;base64,{data}")
    return content_line("PHOTO", data, (("ENCODING", "b"), ("TYPE", "JPEG")))


def _rev(timestamp: str, v4: bool) -> str:
    """Return REV from an ISO timestamp: 2026-11-26T10:00:00Z (3.0), 20261126T100000Z (4.0)."""
    try:
        moment = datetime.fromisoformat(timestamp)
    except ValueError:
        return escape_text(timestamp)
    if moment.utcoffset() is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y%m%dT%H%M%SZ" if v4 else "%Y-%m-%dT%H:%M:%SZ")
