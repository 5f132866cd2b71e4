"""ContactStore: add, merge, find, change and delete contacts; every write is one transaction."""

from __future__ import annotations

import builtins
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from ..contact import (
    Contact,
    Meeting,
    MeetingRecord,
    StoredContact,
    merge_changes,
    merge_contacts,
)
from ..errors import NotFoundError
from ..model import OcrResult
from ..parse.folding import ascii_fold
from . import rows
from .db import connect, connect_empty, transaction
from .followups import write_state
from .words import dump_words, load_words

if TYPE_CHECKING:
    from ..contact_edits import ContactEdit


@dataclass(frozen=True)
class CardRecord:
    """What a contact was read from: kept so a user can look again and re-runs can skip it."""

    sha256: str
    ocr_text: str
    source: str | None = None
    image_jpeg: bytes | None = None
    #: the words read on the card with their boxes (in the pixels of the image OCR read)
    ocr: OcrResult | None = None


@dataclass(frozen=True)
class AddOutcome:
    contact_id: int
    created: bool
    #: what matched an existing contact, e.g. "email jane@acme.com"; None when created
    matched_by: str | None = None
    #: what merging into the stored contact did, e.g. "added meeting PyCon 2026 (2026-11-28)",
    #: "kept title 'CTO' (the new one read 'Chief Technology Officer')"; () when created
    changes: tuple[str, ...] = field(default_factory=tuple)


def now() -> str:
    """Return the current UTC time as an ISO 8601 string, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class ContactStore:
    """The contacts in one SQLite file. Use as a context manager, or call close()."""

    def __init__(self, path: Path, readonly: bool = False) -> None:
        self.path = path
        self.db = connect(path, readonly=readonly)
        self.db.create_function("fold", 1, _fold, deterministic=True)

    @classmethod
    def empty(cls, path: Path) -> ContactStore:
        """Return a store with no contacts, held in memory: the store at path, not yet created."""
        store = cls.__new__(cls)
        store.path = path
        store.db = connect_empty()
        store.db.create_function("fold", 1, _fold, deterministic=True)
        return store

    def __enter__(self) -> ContactStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- writing -------------------------------------------------------------------------------

    def add(
        self,
        contact: Contact,
        meeting: Meeting | None = None,
        card: CardRecord | None = None,
        *,
        met_today: bool = True,
    ) -> AddOutcome:
        """Store a contact, or merge it into the stored one sharing an email or phone number.

        Stored values win over the new ones (they may be corrections); new emails, phones and
        links are added. A meeting with met or met_on is appended to the contact's meetings
        (unless it has that very one). A contact this creates without a meeting day was met
        today when met_today (a card just read), else has no meeting (an import).
        """
        meeting = meeting or Meeting()
        with transaction(self.db):
            match = self._find_match(contact)
            if match is None:
                contact_id = self._insert(contact)
                if met_today and meeting.met_on is None:
                    meeting = replace(meeting, met_on=date.today())
                self._add_context(contact_id, meeting)
                outcome = AddOutcome(contact_id, created=True)
            else:
                contact_id, matched_by = match
                stored = rows.read_contact(self.db, self._row(contact_id))
                self._write(contact_id, merge_contacts(stored.contact, contact))
                changes = merge_changes(stored.contact, contact)
                changes += self._add_context(contact_id, meeting, stored)
                outcome = AddOutcome(contact_id, False, matched_by, tuple(changes))
            if card is not None:
                self._add_card(contact_id, card)
        return outcome

    def restore(self, stored: StoredContact) -> AddOutcome:
        """Add a contact as exported in cardscan JSON: meetings, notes with their times, tags,
        follow-up state and its created/updated times as they were.

        A contact matching a stored one is merged as add does: its meetings, tags and notes
        not yet there are added, and its follow-up state is taken only where none is recorded.
        """
        with transaction(self.db):
            match = self._find_match(stored.contact)
            if match is None:
                contact_id = self._insert(stored.contact, stored.created_at, stored.updated_at)
                existing = None
                outcome = AddOutcome(contact_id, created=True)
            else:
                contact_id, matched_by = match
                existing = rows.read_contact(self.db, self._row(contact_id))
                self._write(contact_id, merge_contacts(existing.contact, stored.contact))
                changes = merge_changes(existing.contact, stored.contact)
                outcome = AddOutcome(contact_id, False, matched_by, tuple(changes))
            for meeting in stored.meetings:
                self._add_meeting(contact_id, meeting)
            self._add_tags(contact_id, stored.tags)
            known = {n.text for n in existing.notes} if existing else set()
            self.db.executemany(
                "INSERT INTO notes (contact_id, text, created_at) VALUES (?, ?, ?)",
                [
                    (contact_id, n.text, n.created_at or now())
                    for n in stored.notes
                    if n.text not in known
                ],
            )
            has_state = existing is not None and not (
                existing.followup is None or existing.followup.is_empty
            )
            if stored.followup is not None and not has_state:
                write_state(self.db, replace(stored.followup, contact_id=contact_id))
        return outcome

    def update(self, contact_id: int, contact: Contact) -> StoredContact:
        """Replace the fields of a stored contact (meetings, notes, tags and cards are kept)."""
        with transaction(self.db):
            self._row(contact_id)
            self._write(contact_id, contact)
        return self.get(contact_id)

    def edit(self, contact_id: int, edit: ContactEdit) -> StoredContact:
        """Apply a person's changes to a stored contact in one transaction; return the result.

        Raises NotFoundError for an unknown id and InvalidValueError for a removal that names
        nothing the contact has (a note number, an email, a tag); then nothing is changed.
        """
        from ..contact_edits import InvalidValueError

        with transaction(self.db):
            stored = rows.read_contact(self.db, self._row(contact_id))
            changed = edit.apply(stored.contact)
            if changed != stored.contact:
                self._write(contact_id, changed)
            self._add_tags(contact_id, edit.add_tags)
            for tag in edit.remove_tags:
                gone = self.db.execute(
                    "DELETE FROM tags WHERE contact_id = ? AND fold(tag) = fold(?)",
                    (contact_id, tag),
                ).rowcount
                if not gone:
                    have = ", ".join(stored.tags) or "none"
                    raise InvalidValueError("tag", f"{tag!r} is not one of them (has: {have})")
            note_ids = [
                int(r[0])
                for r in self.db.execute(
                    "SELECT id FROM notes WHERE contact_id = ? ORDER BY id", (contact_id,)
                )
            ]
            for number in edit.remove_notes:
                if not 1 <= number <= len(note_ids):
                    raise InvalidValueError(
                        "note", f"#{contact_id} has no note {number} (it has {len(note_ids)})"
                    )
                self.db.execute("DELETE FROM notes WHERE id = ?", (note_ids[number - 1],))
            if edit.met is not None or edit.met_on is not None:
                self._change_latest_meeting(contact_id, stored, edit.met, edit.met_on)
            self.db.execute("UPDATE contacts SET updated_at = ? WHERE id = ?", (now(), contact_id))
        return self.get(contact_id)

    def add_meeting(self, contact_id: int, meeting: MeetingRecord) -> bool:
        """Append a meeting unless the contact has that very one; return whether it was added."""
        with transaction(self.db):
            self._row(contact_id)
            return self._add_meeting(contact_id, meeting)

    def add_note(self, contact_id: int, text: str) -> None:
        """Append a note to a stored contact."""
        with transaction(self.db):
            self._row(contact_id)
            self._add_context(contact_id, Meeting(notes=(text,)))

    def delete(self, contact_id: int) -> None:
        """Delete a contact with its notes, tags and card images."""
        with transaction(self.db):
            self._row(contact_id)
            self.db.execute("DELETE FROM contacts WHERE id = ?", (contact_id,))

    def merge(self, keep_id: int, other_id: int) -> StoredContact:
        """Merge a duplicate into the contact kept, and delete the duplicate; return the result.

        The kept contact's values win and its empty fields and lists are filled from the other
        (merge_contacts); meetings, notes, tags, cards and follow-up state move over.
        """
        if keep_id == other_id:
            raise ValueError("a contact cannot be merged into itself")
        with transaction(self.db):
            kept = rows.read_contact(self.db, self._row(keep_id)).contact
            other = rows.read_contact(self.db, self._row(other_id)).contact
            merged = merge_contacts(kept, other)
            self._write(keep_id, merged)
            moved = {"keep": keep_id, "other": other_id}
            for sql in (
                "UPDATE meetings SET contact_id = :keep WHERE contact_id = :other",
                "UPDATE notes SET contact_id = :keep WHERE contact_id = :other",
                "UPDATE cards SET contact_id = :keep WHERE contact_id = :other",
                "INSERT OR IGNORE INTO tags (contact_id, tag)"
                " SELECT :keep, tag FROM tags WHERE contact_id = :other",
                "INSERT OR IGNORE INTO followups (contact_id, sent_on, next_on, next_step)"
                " SELECT :keep, sent_on, next_on, next_step FROM followups"
                " WHERE contact_id = :other",
                "DELETE FROM contacts WHERE id = :other",
            ):
                self.db.execute(sql, moved)
        return self.get(keep_id)

    # -- reading -------------------------------------------------------------------------------

    def get(self, contact_id: int) -> StoredContact:
        """Return a stored contact; raise NotFoundError when there is none with that id."""
        return rows.read_contact(self.db, self._row(contact_id))

    def list(
        self,
        search: str | None = None,
        tag: str | None = None,
        since: date | None = None,
        ids: Iterable[int] | None = None,
    ) -> builtins.list[StoredContact]:
        """Return the contacts matching every filter given, oldest first.

        search matches, ignoring case and accents ("bruckner" finds "Brückner"), the name,
        company, title, department, address, emails, websites, socials, meetings, notes and
        tags, and a number's digits in the phones; tag matches ignoring case and accents.
        """
        where: list[str] = []
        params: dict[str, Any] = {}
        if search:
            where.append(_SEARCH)
            params["s"] = _fold(search)
            digits = re.sub(r"\D", "", search).lstrip("0")
            params["digits"] = digits if len(digits) >= 3 and _PHONE_LIKE.match(search) else ""
        if tag:
            where.append("id IN (SELECT contact_id FROM tags WHERE fold(tag) = fold(:tag))")
            params["tag"] = tag
        if since:
            where.append(
                "coalesce((SELECT max(met_on) FROM meetings WHERE contact_id = contacts.id),"
                " substr(created_at, 1, 10)) >= :since"
            )
            params["since"] = since.isoformat()
        if ids is not None:
            id_params = {f"id{i}": int(v) for i, v in enumerate(ids)}
            where.append(f"id IN ({', '.join(':' + k for k in id_params)})")
            params |= id_params
        sql = "SELECT * FROM contacts" + (" WHERE " + " AND ".join(where) if where else "")
        return [
            rows.read_contact(self.db, r) for r in self.db.execute(sql + " ORDER BY id", params)
        ]

    def duplicates(self, contact_id: int) -> builtins.list[tuple[int, str]]:
        """Return the other contacts sharing this one's name, an email or a phone number.

        Each comes once, with what it shares first, e.g. (4, "email jane@acme.com").
        """
        found: dict[int, str] = {}
        contact = self.get(contact_id).contact
        if contact.name:
            sql = "SELECT id FROM contacts WHERE name = ? COLLATE NOCASE AND id != ? ORDER BY id"
            for (other,) in self.db.execute(sql, (contact.name, contact_id)):
                found.setdefault(int(other), f"name {contact.name}")
        for email in contact.emails:
            sql = "SELECT contact_id FROM emails WHERE email = ? COLLATE NOCASE AND contact_id != ?"
            for (other,) in self.db.execute(sql, (email, contact_id)):
                found.setdefault(int(other), f"email {email}")
        for phone in contact.phones:
            sql = "SELECT contact_id FROM phones WHERE number = ? AND contact_id != ?"
            for (other,) in self.db.execute(sql, (phone.number, contact_id)):
                found.setdefault(int(other), f"phone {phone.number}")
        return sorted(found.items())

    def seen_image(self, sha256: str) -> int | None:
        """Return the id of the contact already read from an image with this hash, if any."""
        row = self.db.execute("SELECT contact_id FROM cards WHERE sha256 = ?", (sha256,)).fetchone()
        return None if row is None else int(row[0])

    def card_image(self, contact_id: int) -> bytes | None:
        """Return the newest flattened card image (JPEG) kept for a contact."""
        row = self.db.execute(
            "SELECT image FROM cards WHERE contact_id = ? AND image IS NOT NULL ORDER BY id DESC",
            (contact_id,),
        ).fetchone()
        return None if row is None else bytes(row[0])

    def card_words(self, contact_id: int) -> OcrResult | None:
        """Return the words read on the card card_image returns, when they were kept."""
        row = self.db.execute(
            "SELECT words FROM cards WHERE contact_id = ? AND image IS NOT NULL ORDER BY id DESC",
            (contact_id,),
        ).fetchone()
        return None if row is None or row[0] is None else load_words(row[0])

    def ocr_texts(self, contact_id: int) -> builtins.list[str]:
        """Return the raw OCR text of every card read for a contact, oldest first."""
        sql = "SELECT ocr_text FROM cards WHERE contact_id = ? ORDER BY id"
        return [r[0] for r in self.db.execute(sql, (contact_id,))]

    # -- internals -----------------------------------------------------------------------------

    def _row(self, contact_id: int) -> sqlite3.Row:
        row = self.db.execute("SELECT * FROM contacts WHERE id = ?", (contact_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no contact with id {contact_id} in {self.path}")
        return row

    def _find_match(self, contact: Contact) -> tuple[int, str] | None:
        for email in contact.emails:
            sql = "SELECT contact_id FROM emails WHERE email = ? COLLATE NOCASE"
            row = self.db.execute(sql, (email,)).fetchone()
            if row:
                return int(row[0]), f"email {email}"
        for phone in contact.phones:
            row = self.db.execute(
                "SELECT contact_id FROM phones WHERE number = ?", (phone.number,)
            ).fetchone()
            if row:
                return int(row[0]), f"phone {phone.number}"
        return None

    def _insert(self, contact: Contact, created_at: str = "", updated_at: str = "") -> int:
        values = rows.contact_values(contact)
        values |= {"created_at": created_at or now(), "updated_at": updated_at or now()}
        cols = ", ".join(values)
        marks = ", ".join(f":{k}" for k in values)
        cursor = self.db.execute(f"INSERT INTO contacts ({cols}) VALUES ({marks})", values)
        contact_id = int(cursor.lastrowid or 0)
        rows.write_children(self.db, contact_id, contact)
        return contact_id

    def _write(self, contact_id: int, contact: Contact) -> None:
        values = rows.contact_values(replace(contact, id=contact_id))
        values["updated_at"] = now()
        sets = ", ".join(f"{k} = :{k}" for k in values)
        self.db.execute(f"UPDATE contacts SET {sets} WHERE id = :id", values | {"id": contact_id})
        rows.write_children(self.db, contact_id, contact)

    def _add_context(
        self, contact_id: int, meeting: Meeting, stored: StoredContact | None = None
    ) -> builtins.list[str]:
        """Append the meeting, notes and tags; return what was added, for the user."""
        changes = []
        if (meeting.met or meeting.met_on) and self._add_meeting(
            contact_id, MeetingRecord(meeting.met, meeting.met_on)
        ):
            what = " ".join(
                x for x in (meeting.met, f"({meeting.met_on})" if meeting.met_on else "") if x
            )
            changes.append(f"added meeting {what}")
        self.db.executemany(
            "INSERT INTO notes (contact_id, text, created_at) VALUES (?, ?, ?)",
            [(contact_id, text, now()) for text in meeting.notes],
        )
        changes += [f"added note {text!r}" for text in meeting.notes]
        old_tags = {ascii_fold(t) for t in stored.tags} if stored else set()
        self._add_tags(contact_id, meeting.tags)
        changes += [f"added tag {t}" for t in meeting.tags if ascii_fold(t) not in old_tags]
        return changes

    def _add_meeting(self, contact_id: int, meeting: MeetingRecord) -> bool:
        """Append a meeting unless the contact has that very one; return whether it was added."""
        day = meeting.met_on.isoformat() if meeting.met_on else None
        same = self.db.execute(
            "SELECT 1 FROM meetings WHERE contact_id = ? AND met IS ? AND met_on IS ?",
            (contact_id, meeting.met, day),
        ).fetchone()
        if same:
            return False
        self.db.execute(
            "INSERT INTO meetings (contact_id, met, met_on) VALUES (?, ?, ?)",
            (contact_id, meeting.met, day),
        )
        return True

    def _change_latest_meeting(
        self, contact_id: int, stored: StoredContact, met: str | None, met_on: date | None
    ) -> None:
        """Set the text ("" clears it) and/or day of the latest meeting, or add the first."""
        if not stored.meetings:
            self._add_meeting(contact_id, MeetingRecord(met or None, met_on))
            return
        latest = max(
            self.db.execute(
                "SELECT id, met_on FROM meetings WHERE contact_id = ? ORDER BY id", (contact_id,)
            ).fetchall()[::-1],
            key=lambda r: r["met_on"] or "",
        )
        if met is not None:
            self.db.execute("UPDATE meetings SET met = ? WHERE id = ?", (met or None, latest["id"]))
        if met_on is not None:
            self.db.execute(
                "UPDATE meetings SET met_on = ? WHERE id = ?", (met_on.isoformat(), latest["id"])
            )

    def _add_tags(self, contact_id: int, tags: Iterable[str]) -> None:
        """Add tags the contact does not have yet (compared ignoring case and accents)."""
        for tag in tags:
            self.db.execute(
                "INSERT INTO tags (contact_id, tag) SELECT ?, ? WHERE NOT EXISTS"
                " (SELECT 1 FROM tags WHERE contact_id = ? AND fold(tag) = fold(?))",
                (contact_id, tag, contact_id, tag),
            )

    def _add_card(self, contact_id: int, card: CardRecord) -> None:
        self.db.execute(
            "INSERT INTO cards (contact_id, sha256, source, image, ocr_text, words, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                contact_id,
                card.sha256,
                card.source,
                card.image_jpeg,
                card.ocr_text,
                dump_words(card.ocr) if card.ocr else None,
                now(),
            ),
        )


def _fold(text: str | None) -> str:
    """Return text without case or accents, for search: "Brückner" -> "bruckner"."""
    return ascii_fold(text) if text else ""


#: A search that looks like (part of) a phone number also matches the phones' digits.
_PHONE_LIKE = re.compile(r"^[\d\s()+./-]+$")

_SEARCH = """(
    instr(fold(coalesce(name, '') || ' ' || coalesce(company, '') || ' ' || coalesce(title, '')
        || ' ' || coalesce(department, '') || ' ' || coalesce(address, '')), :s) > 0
    OR id IN (SELECT contact_id FROM emails WHERE instr(fold(email), :s) > 0)
    OR id IN (SELECT contact_id FROM links WHERE instr(fold(url), :s) > 0)
    OR id IN (SELECT contact_id FROM meetings WHERE instr(fold(met), :s) > 0)
    OR id IN (SELECT contact_id FROM notes WHERE instr(fold(text), :s) > 0)
    OR id IN (SELECT contact_id FROM tags WHERE instr(fold(tag), :s) > 0)
    OR (:digits != '' AND id IN (SELECT contact_id FROM phones WHERE instr(number, :digits) > 0))
)"""
