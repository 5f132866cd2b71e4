"""What is due: fixed dates injected as "today", and the follow-up store behind it."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from cardscan.contact import Contact, Meeting, StoredContact
from cardscan.errors import NotFoundError
from cardscan.followup.due import due_items
from cardscan.store import ContactStore
from cardscan.store.followups import FollowupState, FollowupStore

TODAY = date(2026, 11, 26)


def met(contact_id: int, met_on: date) -> StoredContact:
    return StoredContact(
        Contact(id=contact_id, name=f"Person {contact_id}"), met_on=met_on, created_at=""
    )


CONTACTS = [
    met(1, date(2026, 11, 20)),
    met(2, date(2026, 11, 10)),  # never followed up, met earliest
    met(3, date(2026, 11, 15)),  # followed up, nothing next
    met(4, date(2026, 11, 1)),  # next step overdue
    met(5, date(2026, 11, 2)),  # next step tomorrow
    met(6, date(2026, 11, 3)),  # next step in a week
    met(7, date(2026, 11, 4)),  # next step today
]
STATES = {
    3: FollowupState(3, sent_on=date(2026, 11, 16)),
    4: FollowupState(4, sent_on=date(2026, 11, 5), next_on=date(2026, 11, 24), next_step="call"),
    5: FollowupState(5, next_on=date(2026, 11, 27), next_step="send deck"),
    6: FollowupState(6, next_on=date(2026, 12, 3)),
    7: FollowupState(7, next_on=TODAY),
}


@pytest.mark.parametrize(
    ("within", "expected"),
    [
        pytest.param(timedelta(0), [(2, "nf"), (1, "nf"), (4, "ns"), (7, "ns")], id="today"),
        pytest.param(
            timedelta(days=2), [(2, "nf"), (1, "nf"), (4, "ns"), (7, "ns"), (5, "ns")], id="2d"
        ),
        pytest.param(
            timedelta(weeks=1),
            [(2, "nf"), (1, "nf"), (4, "ns"), (7, "ns"), (5, "ns"), (6, "ns")],
            id="1w",
        ),
    ],
)
def test_due_order(within: timedelta, expected: list[tuple[int, str]]) -> None:
    items = due_items(CONTACTS, STATES, TODAY, within)
    kinds = {"not-followed-up": "nf", "next-step": "ns"}
    assert [(i.stored.id, kinds[i.kind]) for i in items] == expected


@pytest.mark.parametrize(
    ("contact_id", "status"),
    [
        pytest.param(2, "not followed up, met 16d ago", id="waiting"),
        pytest.param(4, "overdue 2d", id="overdue"),
        pytest.param(7, "due today", id="today"),
        pytest.param(5, "due in 1d", id="soon"),
    ],
)
def test_status_text(contact_id: int, status: str) -> None:
    items = {i.stored.id: i for i in due_items(CONTACTS, STATES, TODAY, timedelta(days=2))}
    assert items[contact_id].status(TODAY) == status


def test_due_json() -> None:
    (item,) = [i for i in due_items(CONTACTS, STATES, TODAY) if i.stored.id == 4]
    assert item.to_json(TODAY) | {"name": None} == {
        "id": 4,
        "kind": "next-step",
        "date": "2026-11-24",
        "days": -2,
        "name": None,
        "email": None,
        "met": None,
        "met_on": "2026-11-01",
        "next_step": "call",
    }


@pytest.fixture
def store(db_path: Path) -> ContactStore:
    s = ContactStore(db_path)
    s.add(Contact(name="Ola Nordmann", emails=("ola@example.test",)), Meeting(met="Meetup"))
    return s


def test_followup_store_records_and_clears_steps(store: ContactStore) -> None:
    follow = FollowupStore(store.db)
    assert follow.get(1) == FollowupState(1)
    follow.set_next(1, date(2026, 12, 1), "send deck")
    assert follow.set_next(1, date(2026, 12, 2), None).next_step == "send deck"  # kept
    later = follow.mark_sent(1, date(2026, 11, 30))
    assert later == FollowupState(1, date(2026, 11, 30), date(2026, 12, 2), "send deck")
    done = follow.mark_sent(1, date(2026, 12, 2))  # sent on the day: the step is done
    assert done == FollowupState(1, sent_on=date(2026, 12, 2))
    assert follow.all() == {1: done}
    store.close()


def test_followups_go_with_their_contact(store: ContactStore) -> None:
    FollowupStore(store.db).mark_sent(1, TODAY)
    store.delete(1)
    assert FollowupStore(store.db).all() == {}
    store.close()


def test_followup_for_unknown_contact(store: ContactStore) -> None:
    with pytest.raises(NotFoundError, match="no contact with id 9"):
        FollowupStore(store.db).mark_sent(9, TODAY)
    store.close()
