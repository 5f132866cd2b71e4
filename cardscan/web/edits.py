"""What the review page's form holds, and turning a submitted form into a checked edit.

Every value goes through cardscan/contact_edits.py, as `cardscan edit` does, and the edit is
applied with ContactStore.edit: the page and the command accept and refuse the same things.
Each input is checked on its own first, so every refused value is shown under its own field.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import phonenumbers

from ..contact import PHONE_KINDS, Contact, Phone, StoredContact
from ..contact_edits import (
    ContactEdit,
    InvalidValueError,
    ListEdit,
    email_value,
    past_day,
    phone_value,
    social_value,
    tag_value,
    text_value,
    website_value,
)

#: The single-line text fields, in the order a card lists them.
TEXT_FIELDS = ("name", "title", "company", "department", "address")
#: The list fields whose items are checked one by one, with the check of each.
LIST_CHECKS: dict[str, Callable[[str], str]] = {
    "emails": email_value,
    "websites": website_value,
    "socials": social_value,
    "tags": tag_value,
}


class FormErrors(Exception):
    """The inputs of a form that cannot be saved, by input id ("emails-1"), with why."""

    def __init__(self, errors: dict[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in errors.items()))
        self.errors = errors


def phone_text(phone: Phone) -> str:
    """Return a stored number as people write it internationally, with its extension."""
    parsed = phonenumbers.parse(phone.number)
    text = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    return f"{text} ext. {phone.extension}" if phone.extension else text


@dataclass(frozen=True)
class CardForm:
    """The fields of one contact as the page shows them and a person types them."""

    name: str = ""
    title: str = ""
    company: str = ""
    department: str = ""
    address: str = ""
    emails: tuple[str, ...] = ()
    phones: tuple[tuple[str, str], ...] = ()  # (kind, number as typed)
    websites: tuple[str, ...] = ()
    socials: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    met: str = ""
    met_on: str = ""  # YYYY-MM-DD, as a date input sends it

    @classmethod
    def of(cls, stored: StoredContact) -> CardForm:
        """Return the form showing a stored contact."""
        c = stored.contact
        return cls(
            name=c.name or "",
            title=c.title or "",
            company=c.company or "",
            department=c.department or "",
            address=c.address.text if c.address else "",
            emails=c.emails,
            phones=tuple((p.kind, phone_text(p)) for p in c.phones),
            websites=c.websites,
            socials=c.socials,
            tags=stored.tags,
            met=stored.met or "",
            met_on=stored.met_on.isoformat() if stored.met_on else "",
        )

    @classmethod
    def submitted(cls, single: Mapping[str, str], lists: Mapping[str, Sequence[str]]) -> CardForm:
        """Return the form as posted: one value per single field, lists for the others."""
        numbers = list(lists.get("phones", ()))
        kinds = list(lists.get("phone_kinds", ())) + ["other"] * len(numbers)

        def items(name: str) -> tuple[str, ...]:
            return tuple(v for v in lists.get(name, ()) if v.strip())

        return cls(
            name=single.get("name", ""),
            title=single.get("title", ""),
            company=single.get("company", ""),
            department=single.get("department", ""),
            address=single.get("address", ""),
            emails=items("emails"),
            phones=tuple((k, n) for k, n in zip(kinds, numbers, strict=False) if n.strip()),
            websites=items("websites"),
            socials=items("socials"),
            tags=items("tags"),
            met=single.get("met", ""),
            met_on=single.get("met_on", ""),
        )


def checked_edit(stored: StoredContact, form: CardForm, region: str) -> ContactEdit:
    """Return the edit that makes the stored contact what the form says; raise FormErrors.

    Only what differs from the stored contact is in the edit (and so becomes trusted).
    """
    shown = CardForm.of(stored)
    errors: dict[str, str] = {}

    def check(key: str, value: str, check: Callable[[str], object]) -> bool:
        try:
            check(value)
        except InvalidValueError as e:
            errors[key] = e.problem
            return False
        return True

    changes: dict[str, object] = {}
    for name in (*TEXT_FIELDS, "met"):
        value = getattr(form, name)
        if value.strip() != getattr(shown, name) and check(name, value, _text(name)):
            changes[name] = value
    if form.met_on != shown.met_on:
        changes["met_on"] = _day(form.met_on, errors)
    for name, check_item in LIST_CHECKS.items():
        typed, before = getattr(form, name), getattr(shown, name)
        for i, value in enumerate(typed):
            if value.casefold() not in {b.casefold() for b in before}:
                check(f"{name}-{i}", value, check_item)
        changes |= _list_change(name, typed, before)
    if form.phones != shown.phones:
        changes["phones"] = ListEdit(replace=_phones(form, stored.contact, region, errors))
    if errors:
        raise FormErrors(errors)
    try:
        return ContactEdit(**changes)  # type: ignore[arg-type]
    except InvalidValueError as e:  # each value passed above; kept as a last guard
        raise FormErrors({e.field: e.problem}) from None


def _text(name: str) -> Callable[[str], object]:
    return lambda value: text_value(name, value)


def _day(text: str, errors: dict[str, str]) -> date | None:
    if not text.strip():
        return None
    try:
        return past_day("met_on", date.fromisoformat(text.strip()))
    except ValueError:
        errors["met_on"] = f"not a day: {text!r} (use YYYY-MM-DD)"
    except InvalidValueError as e:
        errors["met_on"] = e.problem
    return None


def _list_change(name: str, typed: tuple[str, ...], before: tuple[str, ...]) -> dict[str, object]:
    """Return the change of a list field as items added and removed (the order kept)."""
    now = {t.strip().casefold() for t in typed}
    was = {b.casefold() for b in before}
    add = tuple(t.strip() for t in typed if t.strip().casefold() not in was)
    remove = tuple(b for b in before if b.casefold() not in now)
    if not add and not remove:
        return {}
    if name == "tags":
        return {"add_tags": add, "remove_tags": remove}
    return {name: ListEdit(add=add, remove=remove)}


def _phones(
    form: CardForm, contact: Contact, region: str, errors: dict[str, str]
) -> tuple[Phone, ...]:
    """Return the phones the form lists: stored ones as they were, typed ones checked."""
    stored = {phone_text(p): p for p in contact.phones}
    out = []
    for i, (kind, text) in enumerate(form.phones):
        if kind not in PHONE_KINDS:
            errors[f"phones-{i}"] = f"unknown kind of phone: {kind!r}"
            continue
        try:
            phone = stored.get(text.strip()) or phone_value(text, region)
        except InvalidValueError as e:
            errors[f"phones-{i}"] = e.problem
            continue
        out.append(Phone(phone.number, kind, phone.extension))
    return tuple(out)
