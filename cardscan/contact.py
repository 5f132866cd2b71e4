"""A contact: what the parser makes of a card, what the store keeps and the exports write.

The JSON shape (Contact.to_json) is documented in README.md.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields, replace
from datetime import date
from typing import Any, Literal, TypeVar

PhoneKind = Literal["mobile", "work", "fax", "other"]
PHONE_KINDS: tuple[PhoneKind, ...] = ("mobile", "work", "fax", "other")

#: Fields that carry a confidence in Contact.confidence and can be warned about.
CONTACT_FIELDS = ("name", "title", "company", "emails", "phones", "websites", "address")
#: Fields whose confidence is below this are doubtful: marked for the user to check.
REVIEW_BELOW = 0.6

T = TypeVar("T")


@dataclass(frozen=True)
class Phone:
    number: str  # E.164
    kind: PhoneKind = "other"
    extension: str | None = None

    def __post_init__(self) -> None:
        if not self.number.startswith("+"):
            raise ValueError(f"phone number is not E.164: {self.number!r}")
        if self.kind not in PHONE_KINDS:
            raise ValueError(f"unknown phone kind: {self.kind!r}")


@dataclass(frozen=True)
class Address:
    """A postal address as printed, with its parts where the parser could tell them."""

    text: str
    street: str | None = None
    city: str | None = None
    region: str | None = None
    postcode: str | None = None
    country: str | None = None
    #: the part of the street address that names a unit in the building: "Suite 310"
    extended: str | None = None


@dataclass(frozen=True)
class Contact:
    """A person read from a card (or typed in). The JSON shape is documented in README.md."""

    name: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    title: str | None = None
    company: str | None = None
    department: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[Phone, ...] = ()
    websites: tuple[str, ...] = ()
    socials: tuple[str, ...] = ()
    address: Address | None = None
    confidence: dict[str, float] = field(default_factory=dict)
    warnings: tuple[str, ...] = ()
    source: str | None = None
    id: int | None = None
    #: fields read from a QR code on the card (not kept in the store)
    qr_fields: tuple[str, ...] = ()
    #: how surely each number was read, by its E.164 form: what the vote between readings of
    #: one card weighs (parse/vote.py; not kept in the store)
    item_confidence: dict[str, float] = field(default_factory=dict, compare=False)

    def corrected(self, **changes: Any) -> Contact:
        """Return the contact with fields a person typed: trusted, and no longer warned about."""
        touched = set(changes)
        confidence = self.confidence | {k: 1.0 for k in touched if k in CONTACT_FIELDS}
        warnings = tuple(w for w in self.warnings if warned_field(w) not in touched)
        return replace(self, **changes, confidence=confidence, warnings=warnings)

    def to_json(self) -> dict[str, Any]:
        """Return the documented contact JSON object."""
        return {
            "id": self.id,
            "source": self.source,
            "name": self.name,
            "given_name": self.given_name,
            "family_name": self.family_name,
            "title": self.title,
            "company": self.company,
            "department": self.department,
            "emails": list(self.emails),
            "phones": [asdict(p) for p in self.phones],
            "websites": list(self.websites),
            "socials": list(self.socials),
            "address": self.address.text if self.address else None,
            "address_parts": _address_parts(self.address),
            "confidence": {k: round(v, 3) for k, v in self.confidence.items()},
            "warnings": list(self.warnings),
            "qr_fields": list(self.qr_fields),
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Contact:
        """Inverse of to_json (unknown keys are ignored)."""
        parts = data.get("address_parts") or {}
        address = None
        if data.get("address"):
            address = Address(text=data["address"], **{k: parts.get(k) for k in _ADDRESS_PARTS})
        return cls(
            id=data.get("id"),
            source=data.get("source"),
            name=data.get("name"),
            given_name=data.get("given_name"),
            family_name=data.get("family_name"),
            title=data.get("title"),
            company=data.get("company"),
            department=data.get("department"),
            emails=tuple(data.get("emails") or ()),
            phones=tuple(
                Phone(p["number"], p.get("kind", "other"), p.get("extension"))
                for p in data.get("phones") or ()
            ),
            websites=tuple(data.get("websites") or ()),
            socials=tuple(data.get("socials") or ()),
            address=address,
            confidence=dict(data.get("confidence") or {}),
            warnings=tuple(data.get("warnings") or ()),
        )


def warned_field(warning: str) -> str:
    """Return the field a warning is about ("email: repaired ..." -> "emails")."""
    field_name = warning.split(":", 1)[0].strip()
    return field_name if field_name in CONTACT_FIELDS else field_name + "s"


_ADDRESS_PARTS = tuple(f.name for f in fields(Address) if f.name != "text")


def _address_parts(address: Address | None) -> dict[str, str | None] | None:
    if address is None:
        return None
    return {k: getattr(address, k) for k in _ADDRESS_PARTS}


def merge_contacts(primary: Contact, secondary: Contact) -> Contact:
    """Return primary with its empty fields filled from secondary and its lists extended by it.

    Used when a rescanned card matches a stored contact (stored values win: they may be
    corrections), when a QR code and OCR read the same card, and for the two sides of one card.
    """
    scalars = (
        "name",
        "given_name",
        "family_name",
        "title",
        "company",
        "department",
        "address",
        "source",
    )
    filled = {k: getattr(secondary, k) for k in scalars if getattr(primary, k) is None}
    taken = {k for k, v in filled.items() if v is not None}
    confidence = {k: v for k, v in secondary.confidence.items() if k in taken} | primary.confidence
    return replace(
        primary,
        **filled,
        emails=_union(primary.emails, secondary.emails, key=str.casefold),
        phones=_union(primary.phones, secondary.phones, key=lambda p: p.number),
        websites=_union(primary.websites, secondary.websites, key=web_key),
        socials=_union(primary.socials, secondary.socials, key=str.casefold),
        confidence=confidence,
        warnings=_union(primary.warnings, secondary.warnings, key=str),
    )


def merge_changes(stored: Contact, new: Contact) -> list[str]:
    """Return what merge_contacts(stored, new) does, in words for the user.

    "title 'CTO'" is filled in; "kept company 'Acme' (this read 'ACME Corp')"; "added email x".
    """
    changes = []
    for name in ("name", "title", "company", "department"):
        old, value = getattr(stored, name), getattr(new, name)
        if value is None or value == old:
            continue
        changes.append(
            f"filled {name} {value!r}"
            if old is None
            else f"kept {name} {old!r} (this read {value!r})"
        )
    if new.address is not None and new.address.text != (
        stored.address.text if stored.address else None
    ):
        if stored.address is None:
            changes.append(f"filled address {new.address.text!r}")
        else:
            changes.append(f"kept address {stored.address.text!r} (this read {new.address.text!r})")
    emails = {e.casefold() for e in stored.emails}
    changes += [f"added email {e}" for e in new.emails if e.casefold() not in emails]
    numbers = {p.number for p in stored.phones}
    changes += [f"added {p.kind} phone {p.number}" for p in new.phones if p.number not in numbers]
    for name in ("websites", "socials"):
        have = {v.casefold() for v in getattr(stored, name)}
        changes += [
            f"added {name[:-1]} {v}" for v in getattr(new, name) if v.casefold() not in have
        ]
    return changes


def web_key(url: str) -> str:
    """Return what makes two written web addresses the same: not case, not an https:// added."""
    low = url.casefold()
    return low.split("://", 1)[1] if low.startswith(("http://", "https://")) else low


def _union(
    first: tuple[T, ...], second: tuple[T, ...], key: Callable[[T], object]
) -> tuple[T, ...]:
    seen = {key(x) for x in first}
    extra = []
    for x in second:
        if key(x) not in seen:
            seen.add(key(x))
            extra.append(x)
    return first + tuple(extra)


@dataclass(frozen=True)
class Note:
    text: str
    created_at: str  # ISO 8601 timestamp, UTC


@dataclass(frozen=True)
class Meeting:
    """Where and when a card was collected, and what was said: given with `add` or later."""

    met: str | None = None
    met_on: date | None = None
    notes: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class MeetingRecord:
    """One time you met a contact, as kept in the store's history of meetings."""

    met: str | None = None
    met_on: date | None = None

    def to_json(self) -> dict[str, Any]:
        """Return {"met", "met_on"} with the day as an ISO date."""
        return {"met": self.met, "met_on": self.met_on.isoformat() if self.met_on else None}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> MeetingRecord:
        """Inverse of to_json."""
        day = data.get("met_on")
        return cls(data.get("met"), date.fromisoformat(day) if day else None)


@dataclass(frozen=True)
class FollowupState:
    """Where following up with one contact stands; all None until something is recorded."""

    contact_id: int
    sent_on: date | None = None
    next_on: date | None = None
    next_step: str | None = None

    def to_json(self) -> dict[str, Any]:
        """Return {"sent_on", "next_on", "next_step"} with days as ISO dates."""
        return {
            "sent_on": self.sent_on.isoformat() if self.sent_on else None,
            "next_on": self.next_on.isoformat() if self.next_on else None,
            "next_step": self.next_step,
        }

    @classmethod
    def from_json(cls, contact_id: int, data: dict[str, Any]) -> FollowupState:
        """Inverse of to_json."""

        def day(key: str) -> date | None:
            return date.fromisoformat(data[key]) if data.get(key) else None

        return cls(contact_id, day("sent_on"), day("next_on"), data.get("next_step"))

    @property
    def is_empty(self) -> bool:
        return self.sent_on is None and self.next_on is None and self.next_step is None


@dataclass(frozen=True)
class StoredContact:
    """A contact as kept in the store: its meetings (oldest first), tags, notes and follow-up.

    met and met_on are those of the latest meeting. Given without meetings (as tests and older
    callers do), they make the one meeting.
    """

    contact: Contact
    met: str | None = None
    met_on: date | None = None
    tags: tuple[str, ...] = ()
    notes: tuple[Note, ...] = ()
    created_at: str = ""
    updated_at: str = ""
    meetings: tuple[MeetingRecord, ...] = ()
    followup: FollowupState | None = None

    def __post_init__(self) -> None:
        if not self.meetings and (self.met or self.met_on):
            object.__setattr__(self, "meetings", (MeetingRecord(self.met, self.met_on),))
        elif self.meetings:
            latest = latest_meeting(self.meetings)
            object.__setattr__(self, "met", latest.met)
            object.__setattr__(self, "met_on", latest.met_on)

    @property
    def id(self) -> int:
        assert self.contact.id is not None
        return self.contact.id

    def to_json(self) -> dict[str, Any]:
        """Return the contact JSON with meetings, tags, notes and follow-up state added."""
        followup = self.followup or FollowupState(self.contact.id or 0)
        return self.contact.to_json() | {
            "met": self.met,
            "met_on": self.met_on.isoformat() if self.met_on else None,
            "meetings": [m.to_json() for m in self.meetings],
            "tags": list(self.tags),
            "notes": [asdict(n) for n in self.notes],
            "followup": followup.to_json(),
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> StoredContact:
        """Inverse of to_json, without the id; JSON of older cardscans (met, met_on) reads too."""
        met_on = data.get("met_on")
        followup = data.get("followup")
        return cls(
            contact=Contact.from_json({**data, "id": None}),
            met=data.get("met"),
            met_on=date.fromisoformat(met_on) if met_on else None,
            meetings=tuple(MeetingRecord.from_json(m) for m in data.get("meetings") or ()),
            tags=tuple(data.get("tags") or ()),
            notes=tuple(
                Note(n["text"], n.get("created_at") or "") for n in data.get("notes") or ()
            ),
            created_at=data.get("created_at") or "",
            updated_at=data.get("updated_at") or "",
            followup=FollowupState.from_json(0, followup) if followup else None,
        )


def latest_meeting(meetings: tuple[MeetingRecord, ...]) -> MeetingRecord:
    """Return the meeting with the latest day (an undated one counts as oldest; ties: the last)."""
    return max(reversed(meetings), key=lambda m: m.met_on or date.min)
