"""What the review page shows of a card: its fields in groups, the doubtful ones first, and why."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date

from ..contact import REVIEW_BELOW, Contact, StoredContact, warned_field
from ..model import OcrResult
from ..store import ContactStore
from .edits import CardForm
from .outline import field_boxes

#: The groups of fields in the order a card lists them, with their labels; then the meeting.
FIELDS = (
    ("name", "Name"),
    ("title", "Title"),
    ("company", "Company"),
    ("department", "Department"),
    ("emails", "Email"),
    ("phones", "Phone"),
    ("websites", "Website"),
    ("socials", "Social profile"),
    ("address", "Address"),
    ("tags", "Tag"),
    ("met", "Where you met"),
    ("met_on", "Met on"),
)
#: Fields that hold a list: the page adds and removes their rows.
LIST_FIELDS = ("emails", "phones", "websites", "socials", "tags")
#: Fields printed on the card, whose words can be outlined on its image.
ON_THE_CARD = (
    "name",
    "title",
    "company",
    "department",
    "emails",
    "phones",
    "websites",
    "socials",
    "address",
)

#: A word's box as fractions of the card image (left, top, width, height), so it scales with it.
Outline = tuple[float, float, float, float]


@dataclass(frozen=True)
class Entry:
    """One input of the form."""

    field: str
    index: int | None  # position in a list field, None for a single field
    value: str
    kind: str | None = None  # of a phone
    outline: tuple[Outline, ...] = ()
    error: str | None = None

    @property
    def key(self) -> str:
        """Return the input's id, the key of its error: "title", "emails-1"."""
        return self.field if self.index is None else f"{self.field}-{self.index}"


@dataclass(frozen=True)
class Group:
    field: str
    label: str
    entries: tuple[Entry, ...]
    doubts: tuple[str, ...]

    @property
    def many(self) -> bool:
        return self.field in LIST_FIELDS


@dataclass(frozen=True)
class Summary:
    """A card in the list view."""

    id: int
    name: str
    company: str
    doubts: int
    has_image: bool


def doubts(contact: Contact) -> dict[str, list[str]]:
    """Return why each doubtful field is doubtful, by field (fields without doubt left out)."""
    found: dict[str, list[str]] = {}
    if not contact.name:
        found["name"] = ["no name was found on the card"]
    for warning in contact.warnings:
        field = warned_field(warning)
        if field in ON_THE_CARD:
            found.setdefault(field, []).append(warning.split(":", 1)[-1].strip())
    for field in ON_THE_CARD:
        confidence = contact.confidence.get(field, 1.0)
        if confidence < REVIEW_BELOW and _has_value(contact, field) and field not in found:
            found[field] = [f"the reader is unsure of it (confidence {confidence:.2f})"]
    return found


def groups(
    stored: StoredContact,
    form: CardForm,
    reading: OcrResult | None,
    errors: dict[str, str] | None = None,
) -> list[Group]:
    """Return the form's fields in groups, the doubtful groups first."""
    why = doubts(stored.contact)
    errors = errors or {}
    out = []
    for field, label in FIELDS:
        entries = []
        for index, (kind, value) in enumerate(_values(form, field)):
            entry = Entry(field, index if field in LIST_FIELDS else None, value, kind)
            outline = _outline(reading, field, value)
            entries.append(replace(entry, outline=outline, error=errors.get(entry.key)))
        out.append(Group(field, label, tuple(entries), tuple(why.get(field, ()))))
    return sorted(out, key=lambda g: not g.doubts)


def summary(store: ContactStore, contact_id: int) -> Summary:
    """Return what the list view shows of a stored contact."""
    contact = store.get(contact_id).contact
    return Summary(
        id=contact_id,
        name=contact.name or "(no name)",
        company=contact.company or "",
        doubts=len(doubts(contact)),
        has_image=store.card_image(contact_id) is not None,
    )


def selection(
    store: ContactStore,
    ids: Iterable[int] | None = None,
    tag: str | None = None,
    since: date | None = None,
    everything: bool = False,
) -> list[int]:
    """Return the ids of the contacts to review, newest first.

    Contacts named by id are taken as they are; otherwise only those with a doubtful field,
    unless everything.
    """
    chosen = store.list(tag=tag, since=since, ids=ids)
    if ids is None and not everything:
        chosen = [s for s in chosen if doubts(s.contact)]
    return [s.id for s in reversed(chosen)]


def _values(form: CardForm, field: str) -> list[tuple[str | None, str]]:
    """Return (kind, value) of each input of a field; a single field always has one input."""
    if field == "phones":
        return [(kind, number) for kind, number in form.phones]
    value = getattr(form, field)
    if isinstance(value, tuple):
        return [(None, v) for v in value]
    return [(None, value)]


def _has_value(contact: Contact, field: str) -> bool:
    return bool(getattr(contact, field))


def _outline(reading: OcrResult | None, field: str, value: str) -> tuple[Outline, ...]:
    if field not in ON_THE_CARD or reading is None or not value or not reading.image_width:
        return ()
    w, h = reading.image_width, max(reading.image_height, 1)
    return tuple(
        (round(b.left / w, 4), round(b.top / h, 4), round(b.width / w, 4), round(b.height / h, 4))
        for b in field_boxes(reading, field, value)
    )
