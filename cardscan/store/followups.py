"""Follow-up tracking: when a follow-up was sent and what the next step is, one row per contact."""

from __future__ import annotations

import sqlite3
from datetime import date

from ..contact import FollowupState
from ..errors import NotFoundError
from .db import transaction
from .rows import read_followup

__all__ = ["FollowupState", "FollowupStore", "write_state"]


class FollowupStore:
    """The followups table of an open store (pass ContactStore.db)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def get(self, contact_id: int) -> FollowupState:
        """Return the follow-up state of a contact (empty when nothing is recorded)."""
        return read_followup(self.db, contact_id)

    def all(self) -> dict[int, FollowupState]:
        """Return the recorded state of every contact that has one, by contact id."""
        ids = [int(row[0]) for row in self.db.execute("SELECT contact_id FROM followups")]
        return {contact_id: read_followup(self.db, contact_id) for contact_id in ids}

    def mark_sent(self, contact_id: int, sent_on: date) -> FollowupState:
        """Record a follow-up sent on a day; a next step due by then counts as done."""
        with transaction(self.db):
            self._check_contact(contact_id)
            self._ensure_row(contact_id)
            self.db.execute(
                "UPDATE followups SET sent_on = :day,"
                " next_step = CASE WHEN next_on <= :day THEN NULL ELSE next_step END,"
                " next_on = CASE WHEN next_on <= :day THEN NULL ELSE next_on END"
                " WHERE contact_id = :id",
                {"day": sent_on.isoformat(), "id": contact_id},
            )
        return self.get(contact_id)

    def set_next(self, contact_id: int, next_on: date, step: str | None) -> FollowupState:
        """Set the next step and its day; a step of None keeps the one recorded."""
        with transaction(self.db):
            self._check_contact(contact_id)
            self._ensure_row(contact_id)
            self.db.execute(
                "UPDATE followups SET next_on = ?, next_step = coalesce(?, next_step)"
                " WHERE contact_id = ?",
                (next_on.isoformat(), step, contact_id),
            )
        return self.get(contact_id)

    def restore(self, state: FollowupState) -> None:
        """Set a contact's follow-up state exactly as given (restoring a backup)."""
        with transaction(self.db):
            self._check_contact(state.contact_id)
            write_state(self.db, state)

    def _check_contact(self, contact_id: int) -> None:
        row = self.db.execute("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no contact with id {contact_id}")

    def _ensure_row(self, contact_id: int) -> None:
        self.db.execute("INSERT OR IGNORE INTO followups (contact_id) VALUES (?)", (contact_id,))


def write_state(db: sqlite3.Connection, state: FollowupState) -> None:
    """Replace a contact's follow-up row with state (inside the caller's transaction)."""
    db.execute("DELETE FROM followups WHERE contact_id = ?", (state.contact_id,))
    if state.is_empty:
        return
    db.execute(
        "INSERT INTO followups (contact_id, sent_on, next_on, next_step) VALUES (?, ?, ?, ?)",
        (
            state.contact_id,
            state.sent_on.isoformat() if state.sent_on else None,
            state.next_on.isoformat() if state.next_on else None,
            state.next_step,
        ),
    )
