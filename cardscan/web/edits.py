"""What the review page's form holds, and turning a submitted form into a checked contact.

Emails and phones are checked by the rules of `cardscan edit` (check_email, check_phone): the
page and the command must accept and refuse the same text (tests/test_review_http.py holds
them to it).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import phonenumbers

from ..contact import PHONE_KINDS, Address, Contact, Phone
from ..parse import parse_text


class FormErrors(Exception):
    """The inputs of a form that cannot be saved, by input name ("emails-1"), with why."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def check_email(text: str) -> str:
    """Return the one email address in text, as `cardscan edit --email` takes it."""
    found = parse_text(text).emails
    if len(found) != 1:
        raise ValueError(f"not an email address: {text!r}")
    return found[0]


def check_phone(text: str, region: str) -> Phone:
    """Return the one phone number in text, as `cardscan edit --phone` takes it."""
    found = parse_text(text, region=region).phones
    if len(found) != 1:
        raise ValueError(f"not a phone number: {text!r}")
    return found[0]


def phone_text(phone: Phone) -> str:
    """Return a stored number as people write it internationally, with its extension."""
    parsed = phonenumbers.parse(phone.number)
    text = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return f"{text} x{phone.extension}" if phone.extension else text


@dataclass(frozen=True)
class CardForm:
    """The fields of one contact as the page shows them and a person types them."""

    name: str = ""
    title: str = ""
    company: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[tuple[str, str], ...] = ()  # (kind, number as typed)
    websites: tuple[str, ...] = ()
    address: str = ""

    @classmethod
    def of(cls, contact: Contact) -> CardForm:
        """Return the form showing a stored contact."""
        return cls(
            name=contact.name or "",
            title=contact.title or "",
            company=contact.company or "",
            emails=contact.emails,
            phones=tuple((p.kind, phone_text(p)) for p in contact.phones),
            websites=contact.websites,
            address=contact.address.text if contact.address else "",
        )

    @classmethod
    def submitted(cls, single: Mapping[str, str], lists: Mapping[str, Sequence[str]]) -> CardForm:
        """Return the form as posted: one value per single field, lists for the others."""
        numbers = list(lists.get("phones", ()))
        kinds = list(lists.get("phone_kinds", ())) + ["other"] * len(numbers)
        return cls(
            name=single.get("name", "").strip(),
            title=single.get("title", "").strip(),
            company=single.get("company", "").strip(),
            emails=tuple(e.strip() for e in lists.get("emails", ()) if e.strip()),
            phones=tuple((k, n.strip()) for k, n in zip(kinds, numbers, strict=False) if n.strip()),
            websites=tuple(w.strip() for w in lists.get("websites", ()) if w.strip()),
            address=single.get("address", "").strip(),
        )


def edited(contact: Contact, form: CardForm, region: str) -> Contact:
    """Return the contact with the form's changes, as typed (trusted); raise FormErrors.

    Only the fields that differ from the stored contact count as corrected.
    """
    errors: dict[str, str] = {}
    shown = CardForm.of(contact)
    changes: dict[str, object] = {}
    for key in ("name", "title", "company", "address"):
        value = getattr(form, key)
        if value != getattr(shown, key):
            if _has_control(value):
                errors[key] = "control characters are not allowed"
            else:
                changes[key] = value or None
    if "name" in changes:
        parsed = parse_text(form.name, region=region)
        changes |= {"given_name": parsed.given_name, "family_name": parsed.family_name}
    if "address" in changes and form.address:
        changes["address"] = parse_text(form.address, region=region).address or Address(
            form.address
        )
    if form.emails != shown.emails:
        changes["emails"] = _emails(form.emails, contact.emails, errors)
    if form.phones != shown.phones:
        changes["phones"] = _phones(form.phones, contact, region, errors)
    if form.websites != shown.websites:
        changes["websites"] = _websites(form.websites, errors)
    if errors:
        raise FormErrors(errors)
    return contact.corrected(**changes) if changes else contact


def _emails(
    typed: tuple[str, ...], stored: tuple[str, ...], errors: dict[str, str]
) -> tuple[str, ...]:
    kept = {e.casefold(): e for e in stored}
    out = []
    for i, text in enumerate(typed):
        if text.casefold() in kept:
            out.append(kept[text.casefold()])
            continue
        try:
            out.append(check_email(text))
        except ValueError as e:
            errors[f"emails-{i}"] = str(e)
    return tuple(out)


def _phones(
    typed: tuple[tuple[str, str], ...], contact: Contact, region: str, errors: dict[str, str]
) -> tuple[Phone, ...]:
    kept = {phone_text(p): p for p in contact.phones}
    out = []
    for i, (kind, text) in enumerate(typed):
        if kind not in PHONE_KINDS:
            errors[f"phones-{i}"] = f"unknown kind of phone: {kind!r}"
            continue
        try:
            phone = kept.get(text) or check_phone(text, region)
        except ValueError as e:
            errors[f"phones-{i}"] = str(e)
            continue
        out.append(Phone(phone.number, kind, phone.extension))
    return tuple(out)


def _websites(typed: tuple[str, ...], errors: dict[str, str]) -> tuple[str, ...]:
    for i, text in enumerate(typed):
        if any(c.isspace() for c in text) or "." not in text or _has_control(text):
            errors[f"websites-{i}"] = f"not a web address: {text!r}"
    return typed


def _has_control(text: str) -> bool:
    return any(unicodedata.category(c) == "Cc" for c in text)
