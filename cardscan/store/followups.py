"""Follow-up tracking: when a follow-up was sent and what the next step is, one row per contact."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date

from ..errors import NotFoundError
from .db import transaction


@dataclass(frozen=True)
class FollowupState:
    """Where following up with one contact stands; all None until something is recorded."""

    contact_id: int
    sent_on: date | None = None
    next_on: date | None = None
    next_step: str | None = None


class FollowupStore:
    """The followups table of an open store (pass ContactStore.db)."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def get(self, contact_id: int) -> FollowupState:
        """Return the follow-up state of a contact (empty when nothing is recorded)."""
        row = self.db.execute(
            "SELECT * FROM followups WHERE contact_id = ?", (contact_id,)
        ).fetchone()
        return FollowupState(contact_id) if row is None else _state(row)

    def all(self) -> dict[int, FollowupState]:
        """Return the recorded state of every contact that has one, by contact id."""
        return {
            int(row["contact_id"]): _state(row)
            for row in self.db.execute("SELECT * FROM followups")
        }

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

    def _check_contact(self, contact_id: int) -> None:
        row = self.db.execute("SELECT 1 FROM contacts WHERE id = ?", (contact_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no contact with id {contact_id}")

    def _ensure_row(self, contact_id: int) -> None:
        self.db.execute("INSERT OR IGNORE INTO followups (contact_id) VALUES (?)", (contact_id,))


def _state(row: sqlite3.Row) -> FollowupState:
    return FollowupState(
        contact_id=int(row["contact_id"]),
        sent_on=_day(row["sent_on"]),
        next_on=_day(row["next_on"]),
        next_step=row["next_step"],
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None
