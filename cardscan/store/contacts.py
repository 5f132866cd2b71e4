"""ContactStore: add, merge, find, change and delete contacts; every write is one transaction."""

from __future__ import annotations

import builtins
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import Any

from ..contact import Contact, Meeting, StoredContact, merge_contacts
from ..errors import NotFoundError
from . import rows
from .db import connect, transaction


@dataclass(frozen=True)
class CardRecord:
    """What a contact was read from: kept so a user can look again and re-runs can skip it."""

    sha256: str
    ocr_text: str
    source: str | None = None
    image_jpeg: bytes | None = None


@dataclass(frozen=True)
class AddOutcome:
    contact_id: int
    created: bool
    #: what matched an existing contact, e.g. "email jane@acme.com"; None when created
    matched_by: str | None = None


def now() -> str:
    """Return the current UTC time as an ISO 8601 string, to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


class ContactStore:
    """The contacts in one SQLite file. Use as a context manager, or call close()."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.db = connect(path)

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
        self, contact: Contact, meeting: Meeting | None = None, card: CardRecord | None = None
    ) -> AddOutcome:
        """Store a contact, or merge it into the stored one sharing an email or phone number."""
        meeting = meeting or Meeting()
        with transaction(self.db):
            match = self._find_match(contact)
            if match is None:
                contact_id = self._insert(contact, meeting)
                outcome = AddOutcome(contact_id, created=True)
            else:
                contact_id, matched_by = match
                stored = rows.read_contact(self.db, self._row(contact_id))
                self._write(contact_id, merge_contacts(stored.contact, contact))
                outcome = AddOutcome(contact_id, created=False, matched_by=matched_by)
            self._add_context(contact_id, meeting)
            if card is not None:
                self._add_card(contact_id, card)
        return outcome

    def update(self, contact_id: int, contact: Contact) -> StoredContact:
        """Replace the fields of a stored contact (meeting context and cards are kept)."""
        with transaction(self.db):
            self._row(contact_id)
            self._write(contact_id, contact)
        return self.get(contact_id)

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
        """Return the contacts matching every filter given, oldest first."""
        where: list[str] = []
        params: dict[str, Any] = {}
        if search:
            where.append(
                "(name LIKE :s OR company LIKE :s OR title LIKE :s OR met LIKE :s"
                " OR id IN (SELECT contact_id FROM emails WHERE email LIKE :s))"
            )
            params["s"] = f"%{search}%"
        if tag:
            where.append("id IN (SELECT contact_id FROM tags WHERE tag = :tag)")
            params["tag"] = tag
        if since:
            where.append("coalesce(met_on, substr(created_at, 1, 10)) >= :since")
            params["since"] = since.isoformat()
        if ids is not None:
            id_params = {f"id{i}": int(v) for i, v in enumerate(ids)}
            where.append(f"id IN ({', '.join(':' + k for k in id_params)})")
            params |= id_params
        sql = "SELECT * FROM contacts" + (" WHERE " + " AND ".join(where) if where else "")
        return [
            rows.read_contact(self.db, r) for r in self.db.execute(sql + " ORDER BY id", params)
        ]

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

    def _insert(self, contact: Contact, meeting: Meeting) -> int:
        values = rows.contact_values(contact)
        values |= {"met": meeting.met, "met_on": (meeting.met_on or date.today()).isoformat()}
        values |= {"created_at": now(), "updated_at": now()}
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

    def _add_context(self, contact_id: int, meeting: Meeting) -> None:
        if meeting.met:
            self.db.execute("UPDATE contacts SET met = ? WHERE id = ?", (meeting.met, contact_id))
        if meeting.met_on:
            self.db.execute(
                "UPDATE contacts SET met_on = ? WHERE id = ?",
                (meeting.met_on.isoformat(), contact_id),
            )
        self.db.executemany(
            "INSERT INTO notes (contact_id, text, created_at) VALUES (?, ?, ?)",
            [(contact_id, text, now()) for text in meeting.notes],
        )
        self.db.executemany(
            "INSERT OR IGNORE INTO tags (contact_id, tag) VALUES (?, ?)",
            [(contact_id, tag) for tag in meeting.tags],
        )

    def _add_card(self, contact_id: int, card: CardRecord) -> None:
        self.db.execute(
            "INSERT INTO cards (contact_id, sha256, source, image, ocr_text, created_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (contact_id, card.sha256, card.source, card.image_jpeg, card.ocr_text, now()),
        )
