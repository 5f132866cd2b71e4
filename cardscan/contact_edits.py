"""Values a person types for a contact, checked; and one set of changes to a stored contact.

Every way of changing a contact by hand (`cardscan edit`, `add --review`, a review page) takes
its values through here, so each refuses the same things: control characters, an address
email-validator rejects, a number phonenumbers cannot read, a meeting day in the future.

    fax = phone_value("fax:+1 415 555 0100", region="US")
    edit = ContactEdit(title="Head of Data", phones=ListEdit(add=(fax,)))
    store.edit(contact_id, edit)  # one transaction; InvalidValueError, NotFoundError
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Generic, TypeVar

import phonenumbers
from email_validator import EmailNotValidError, validate_email
from phonenumbers import PhoneNumberType

from .contact import PHONE_KINDS, Address, Contact, Phone, PhoneKind
from .errors import CardscanError, ExitCode
from .parse.address import parts as address_parts
from .parse.name import split as split_name

T = TypeVar("T")

#: "fax: +1 415 555 0100", "mobile:0151 2345678": a phone with its kind in front.
_KIND_PREFIX = re.compile(r"^\s*(?P<kind>[a-z]+)\s*:\s*(?P<number>.*)$", re.IGNORECASE | re.DOTALL)
_WEB_ADDRESS = re.compile(r"^(?:https?://)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$", re.IGNORECASE)
_HANDLE = re.compile(r"^@[\w.]{1,30}$")


class InvalidValueError(CardscanError):
    """A typed value that cannot be stored; str() is "FIELD: problem" for the user."""

    exit_code = ExitCode.USAGE

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"{field}: {problem}")
        self.field = field
        self.problem = problem


def text_value(field: str, text: str) -> str | None:
    """Return text with its ends stripped, None when blank; refuse control characters."""
    bad = next((c for c in text if unicodedata.category(c) == "Cc"), None)
    if bad is not None:
        what = {"\n": "a line break", "\t": "a tab", "\r": "a carriage return"}
        raise InvalidValueError(
            field, f"{what.get(bad, f'a control character (U+{ord(bad):04X})')} in {text!r}"
        )
    return text.strip() or None


def required_text(field: str, text: str) -> str:
    """Return text like text_value, but refuse a blank one."""
    value = text_value(field, text)
    if value is None:
        raise InvalidValueError(field, "is blank")
    return value


def email_value(text: str) -> str:
    """Return a syntactically valid email address (email-validator, no DNS) as typed."""
    value = required_text("email", text)
    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as e:
        raise InvalidValueError("email", f"not an email address: {value!r} ({e})") from None
    return value


def phone_value(text: str, region: str) -> Phone:
    """Return the phone in "[KIND:] NUMBER [ext. N]" (KIND: mobile, work, fax, other).

    A number without + is read for region. Without a kind, a number phonenumbers knows to be
    mobile is "mobile", any other "work".
    """
    value = required_text("phone", text)
    kind: PhoneKind | None = None
    prefixed = _KIND_PREFIX.match(value)
    if prefixed and not prefixed["kind"].isdigit():
        named = prefixed["kind"].casefold()
        kind = next((k for k in PHONE_KINDS if k == named), None)
        if kind is None:
            kinds = ", ".join(PHONE_KINDS)
            raise InvalidValueError("phone", f"unknown kind {named!r} in {value!r} (use {kinds})")
        value = prefixed["number"].strip()
    try:
        number = phonenumbers.parse(value, region.upper())
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_possible_number(number):
        raise InvalidValueError(
            "phone", f"not a phone number: {value!r} (numbers without + are read for {region})"
        )
    if kind is None:
        mobile = phonenumbers.number_type(number) == PhoneNumberType.MOBILE
        kind = "mobile" if mobile else "work"
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return Phone(e164, kind, number.extension or None)


def website_value(text: str) -> str:
    """Return a web address as typed ("www.acme.com", "https://acme.com/team")."""
    value = required_text("website", text)
    if "@" in value or not _WEB_ADDRESS.match(value):
        raise InvalidValueError("website", f"not a web address: {value!r}")
    return value


def social_value(text: str) -> str:
    """Return a social profile: a "@handle" or a profile address ("linkedin.com/in/jane")."""
    value = required_text("social", text)
    if _HANDLE.match(value) or (_WEB_ADDRESS.match(value) and "@" not in value):
        return value
    raise InvalidValueError("social", f"not a @handle or a profile address: {value!r}")


def tag_value(text: str) -> str:
    """Return a tag: any text without control characters, its ends stripped, not blank."""
    return required_text("tag", text)


def note_value(text: str) -> str:
    """Return a note's text, not blank: line breaks are allowed in a note, other controls not."""
    lines = text.replace("\r\n", "\n").split("\n")
    for line in lines:
        text_value("note", line)
    value = "\n".join(line.rstrip() for line in lines).strip()
    if not value:
        raise InvalidValueError("note", "is blank")
    return value


def past_day(field: str, day: date, today: date | None = None) -> date:
    """Return day unless it is after today: a meeting or a follow-up sent is not in the future."""
    today = today or date.today()
    if day > today:
        raise InvalidValueError(field, f"{day.isoformat()} is in the future (today is {today})")
    return day


def address_value(text: str) -> Address | None:
    """Return a typed address with its parts found as on a card; None when blank."""
    value = text_value("address", text)
    if value is None:
        return None
    return replace(address_parts([value]), text=value)


@dataclass(frozen=True)
class ListEdit(Generic[T]):
    """Changes to one list field: replace it all, or add and remove single items."""

    replace: tuple[T, ...] | None = None
    add: tuple[T, ...] = ()
    remove: tuple[str, ...] = ()

    @property
    def is_empty(self) -> bool:
        return self.replace is None and not self.add and not self.remove


@dataclass(frozen=True)
class ContactEdit:
    """Changes to one stored contact; None (or an empty ListEdit) leaves a field as it is.

    Scalars: "" clears the field. Strings are checked when the edit is made (control
    characters are refused), emails with email-validator, websites and socials by shape; phones
    come checked as Phone values (see phone_value). phones.remove takes E.164 numbers or kinds
    ("fax" removes every fax number); other removals match without regard to case. met and
    met_on change the latest meeting (or add the first). remove_notes are 1-based positions,
    as `cardscan show` numbers the notes.
    """

    name: str | None = None
    title: str | None = None
    company: str | None = None
    department: str | None = None
    address: str | None = None
    emails: ListEdit[str] = field(default_factory=ListEdit)
    phones: ListEdit[Phone] = field(default_factory=ListEdit)
    websites: ListEdit[str] = field(default_factory=ListEdit)
    socials: ListEdit[str] = field(default_factory=ListEdit)
    add_tags: tuple[str, ...] = ()
    remove_tags: tuple[str, ...] = ()
    met: str | None = None
    met_on: date | None = None
    remove_notes: tuple[int, ...] = ()

    def __post_init__(self) -> None:
        for name in ("name", "title", "company", "department", "address", "met"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, text_value(name, value) or "")
        checks = (
            ("emails", email_value),
            ("websites", website_value),
            ("socials", social_value),
        )
        for name, check in checks:
            edit: ListEdit[str] = getattr(self, name)
            checked = ListEdit(
                None if edit.replace is None else tuple(check(v) for v in edit.replace),
                tuple(check(v) for v in edit.add),
                tuple(required_text(name, v) for v in edit.remove),
            )
            object.__setattr__(self, name, checked)
        object.__setattr__(self, "add_tags", tuple(tag_value(t) for t in self.add_tags))
        object.__setattr__(self, "remove_tags", tuple(tag_value(t) for t in self.remove_tags))
        if self.met_on is not None:
            past_day("met_on", self.met_on)

    @property
    def is_empty(self) -> bool:
        """True when the edit changes nothing."""
        scalars = (self.name, self.title, self.company, self.department, self.address)
        lists = (self.emails, self.phones, self.websites, self.socials)
        return (
            all(v is None for v in scalars)
            and all(e.is_empty for e in lists)
            and not (self.add_tags or self.remove_tags or self.remove_notes)
            and self.met is None
            and self.met_on is None
        )

    def apply(self, contact: Contact) -> Contact:
        """Return the contact with these field changes: typed values are trusted (confidence 1).

        Raises InvalidValueError for a removal that names nothing the contact has.
        """
        changes: dict[str, object] = {}
        if self.name is not None:
            parts = split_name(self.name) if self.name else None
            changes |= {
                "name": self.name or None,
                "given_name": parts.given if parts else None,
                "family_name": parts.family if parts else None,
            }
        for name in ("title", "company", "department"):
            value = getattr(self, name)
            if value is not None:
                changes[name] = value or None
        if self.address is not None:
            changes["address"] = address_value(self.address)
        if not self.emails.is_empty:
            changes["emails"] = _edited(contact.emails, self.emails, "email")
        if not self.phones.is_empty:
            changes["phones"] = _edited_phones(contact.phones, self.phones)
        for name in ("websites", "socials"):
            edit: ListEdit[str] = getattr(self, name)
            if not edit.is_empty:
                changes[name] = _edited(getattr(contact, name), edit, name[:-1])
        return contact.corrected(**changes) if changes else contact


def _edited(current: tuple[str, ...], edit: ListEdit[str], what: str) -> tuple[str, ...]:
    """Return the list with the edit applied; items compare without regard to case."""
    fold = str.casefold
    items = list(current if edit.replace is None else edit.replace)
    for gone in edit.remove:
        kept = [v for v in items if fold(v) != fold(gone)]
        if len(kept) == len(items):
            have = ", ".join(items) or "none"
            raise InvalidValueError(what, f"{gone!r} is not one of them (has: {have})")
        items = kept
    for new in edit.add:
        if all(fold(v) != fold(new) for v in items):
            items.append(new)
    return tuple(items)


def _edited_phones(current: tuple[Phone, ...], edit: ListEdit[Phone]) -> tuple[Phone, ...]:
    items = list(current if edit.replace is None else edit.replace)
    for gone in edit.remove:
        kept = [p for p in items if gone.casefold() not in (p.kind, p.number)]
        if len(kept) == len(items):
            have = ", ".join(f"{p.kind}:{p.number}" for p in items) or "none"
            raise InvalidValueError("phone", f"{gone!r} is not one of them (has: {have})")
        items = kept
    for new in edit.add:
        items = [p for p in items if p.number != new.number] + [new]
    return tuple(items)


__all__ = [
    "ContactEdit",
    "InvalidValueError",
    "ListEdit",
    "address_value",
    "email_value",
    "note_value",
    "past_day",
    "phone_value",
    "required_text",
    "social_value",
    "tag_value",
    "text_value",
    "website_value",
]
