"""What needs following up: contacts met but never written to, and next steps coming due."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any, Literal

from ..contact import StoredContact
from ..store.followups import FollowupState

DueKind = Literal["not-followed-up", "next-step"]


@dataclass(frozen=True)
class DueItem:
    """One contact to act on: since when (met_on) or by when (next_on)."""

    stored: StoredContact
    kind: DueKind
    day: date
    step: str | None = None

    def status(self, today: date) -> str:
        """Return e.g. "not followed up, met 16d ago", "overdue 2d", "due today", "due in 3d"."""
        days = (self.day - today).days
        if self.kind == "not-followed-up":
            return f"not followed up, met {-days}d ago" if days < 0 else "not followed up"
        if days < 0:
            return f"overdue {-days}d"
        return "due today" if days == 0 else f"due in {days}d"

    def to_json(self, today: date) -> dict[str, Any]:
        """Return the item as the JSON object `cardscan due --json` prints."""
        c = self.stored.contact
        return {
            "id": self.stored.id,
            "kind": self.kind,
            "date": self.day.isoformat(),
            "days": (self.day - today).days,
            "name": c.name,
            "email": c.emails[0] if c.emails else None,
            "met": self.stored.met,
            "met_on": self.stored.met_on.isoformat() if self.stored.met_on else None,
            "next_step": self.step,
        }


def due_items(
    contacts: Iterable[StoredContact],
    states: Mapping[int, FollowupState],
    today: date,
    within: timedelta = timedelta(0),
) -> list[DueItem]:
    """Return contacts met but never followed up (oldest meeting first), then next steps due by
    today + within (overdue first). A contact with a next step set counts as in hand; one
    with no meeting (imported from another app) is not waiting for a follow-up."""
    waiting: list[DueItem] = []
    coming: list[DueItem] = []
    horizon = today + within
    for stored in contacts:
        state = states.get(stored.id) or FollowupState(stored.id)
        if state.next_on is not None:
            if state.next_on <= horizon:
                coming.append(DueItem(stored, "next-step", state.next_on, state.next_step))
        elif state.sent_on is None and stored.meetings:  # never met (an import): nothing to do
            waiting.append(DueItem(stored, "not-followed-up", _met_day(stored)))
    waiting.sort(key=lambda item: (item.day, item.stored.id))
    coming.sort(key=lambda item: (item.day, item.stored.id))
    return waiting + coming


def _met_day(stored: StoredContact) -> date:
    if stored.met_on is not None:
        return stored.met_on
    return date.fromisoformat(stored.created_at[:10])
