"""Meetings as history, edits, search and restoring a backup, in a real temporary store."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cardscan.contact import (
    Address,
    Contact,
    FollowupState,
    Meeting,
    MeetingRecord,
    Note,
    Phone,
    StoredContact,
)
from cardscan.contact_edits import ContactEdit, InvalidValueError, ListEdit
from cardscan.store import ContactStore, migrations
from cardscan.store.db import APPLICATION_ID
from cardscan.store.followups import FollowupStore

JANE = Contact(
    name="Jana Brückner",
    title="Head of Data",
    company="Acme GmbH",
    emails=("j.brueckner@acme.example",),
    phones=(Phone("+4930123456", "work"), Phone("+4930123499", "fax")),
    address=Address("Hauptstraße 5, 3. Etage, 10115 Berlin", "Hauptstraße 5", "Berlin"),
)


def test_a_store_of_the_previous_version_keeps_its_meeting(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    old = sqlite3.connect(db_path, isolation_level=None)
    for migrate in migrations.MIGRATIONS[:3]:
        migrate(old)
    old.execute(
        "INSERT INTO contacts (name, met, met_on, created_at, updated_at)"
        " VALUES ('Old Friend', 'Design meetup', '2026-10-01', '2026-10-01T10:00:00', '')"
    )
    old.execute("INSERT INTO contacts (name, created_at, updated_at) VALUES ('No Meeting', '', '')")
    old.execute("PRAGMA user_version = 3")
    old.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    old.close()
    with ContactStore(db_path) as store:
        friend, nobody = store.list()
        version = store.db.execute("PRAGMA user_version").fetchone()[0]
    assert version == len(migrations.MIGRATIONS)
    assert friend.meetings == (MeetingRecord("Design meetup", date(2026, 10, 1)),)
    assert (friend.met, friend.met_on) == ("Design meetup", date(2026, 10, 1))
    assert nobody.meetings == ()
    assert db_path.with_name("contacts.db.v3.bak").exists()


def test_meeting_again_appends_a_meeting_and_says_what_changed(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        first = store.add(JANE, Meeting("Design meetup", date(2026, 10, 1), tags=("design",)))
        again = replace_title(JANE, "Chief Data Officer")
        outcome = store.add(again, Meeting("PyCon 2026", date(2026, 11, 20), tags=("pycon",)))
        twice = store.add(again, Meeting("PyCon 2026", date(2026, 11, 20)))
        stored = store.get(first.contact_id)
    assert outcome.contact_id == first.contact_id
    assert stored.meetings == (
        MeetingRecord("Design meetup", date(2026, 10, 1)),
        MeetingRecord("PyCon 2026", date(2026, 11, 20)),
    )
    assert stored.met == "PyCon 2026"
    assert stored.contact.title == "Head of Data"  # the stored value wins
    assert outcome.changes == (
        "kept title 'Head of Data' (this read 'Chief Data Officer')",
        "added meeting PyCon 2026 (2026-11-20)",
        "added tag pycon",
    )
    assert twice.changes == ("kept title 'Head of Data' (this read 'Chief Data Officer')",)


def replace_title(contact: Contact, title: str) -> Contact:
    return Contact(**{**contact.__dict__, "title": title})


def test_a_card_without_meeting_is_met_today_but_an_import_is_not(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        card = store.add(Contact(name="A", emails=("a@x.example",)))
        imported = store.add(Contact(name="B", emails=("b@x.example",)), met_today=False)
        assert store.get(card.contact_id).meetings == (MeetingRecord(None, date.today()),)
        assert store.get(imported.contact_id).meetings == ()


def test_edit_changes_tags_notes_meeting_and_fields_in_one_go(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        cid = store.add(
            JANE, Meeting("Expo", date(2026, 9, 1), notes=("one", "two"), tags=("Leads",))
        ).contact_id
        edited = store.edit(
            cid,
            ContactEdit(
                department="Platform",
                phones=ListEdit(remove=("fax",)),
                add_tags=("pycon", "LEADS"),
                remove_tags=("leads",),
                met="Expo Berlin",
                met_on=date(2026, 9, 2),
                remove_notes=(1,),
            ),
        )
    assert edited.contact.department == "Platform"
    assert [p.kind for p in edited.contact.phones] == ["work"]
    assert edited.tags == ("pycon",)
    assert [n.text for n in edited.notes] == ["two"]
    assert edited.meetings == (MeetingRecord("Expo Berlin", date(2026, 9, 2)),)


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        pytest.param(ContactEdit(remove_notes=(3,)), "has no note 3", id="note"),
        pytest.param(ContactEdit(remove_tags=("nope",)), "'nope' is not one of them", id="tag"),
    ],
)
def test_a_failed_edit_changes_nothing(db_path: Path, edit: ContactEdit, problem: str) -> None:
    with ContactStore(db_path) as store:
        cid = store.add(JANE, Meeting(notes=("one",), tags=("x",))).contact_id
        before = store.get(cid)
        with pytest.raises(InvalidValueError, match=problem):
            store.edit(cid, edit)
        with pytest.raises(InvalidValueError):
            store.edit(cid, ContactEdit(title="Changed", add_tags=("y",), remove_notes=(9,)))
        assert store.get(cid) == before


@pytest.mark.parametrize(
    ("search", "found"),
    [
        pytest.param("bruckner", True, id="accent-folded"),
        pytest.param("BRÜCKNER", True, id="case"),
        pytest.param("hauptstrasse", True, id="address-sharp-s"),
        pytest.param("030 123456", True, id="phone-national-format"),
        pytest.param("555 123456", False, id="phone-other-digits"),
        pytest.param("30 123456", True, id="phone-digits"),
        pytest.param("roadmap", True, id="note"),
        pytest.param("konferenz", True, id="tag"),
        pytest.param("pycon", True, id="meeting"),
        pytest.param("nobody", False, id="miss"),
    ],
)
def test_search_folds_case_and_accents_over_every_field(
    db_path: Path, search: str, found: bool
) -> None:
    with ContactStore(db_path) as store:
        store.add(
            JANE, Meeting("PyCon", date(2026, 11, 1), notes=("Roadmap call",), tags=("Konferenz",))
        )
        store.add(Contact(name="Other Person", emails=("o@other.example",)))
        names = [s.contact.name for s in store.list(search=search)]
    assert names == (["Jana Brückner"] if found else [])


def test_tag_filter_ignores_case(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        store.add(JANE, Meeting(tags=("PyCon",)))
        assert len(store.list(tag="pycon")) == 1


def test_restore_keeps_everything_as_it_was(db_path: Path, tmp_path: Path) -> None:
    backup = StoredContact(
        contact=Contact(name="Jana Brückner", emails=("j@acme.example",), id=7),
        meetings=(MeetingRecord("Expo", date(2026, 9, 1)), MeetingRecord(None, date(2026, 10, 2))),
        tags=("a", "b"),
        notes=(Note("first", "2026-09-01T10:00:00+00:00"),),
        created_at="2026-09-01T10:00:00+00:00",
        updated_at="2026-10-02T10:00:00+00:00",
        followup=FollowupState(7, sent_on=date(2026, 9, 3), next_on=date(2026, 12, 1)),
    )
    with ContactStore(db_path) as store:
        cid = store.restore(backup).contact_id
        restored = store.get(cid)
        assert FollowupStore(store.db).get(cid).sent_on == date(2026, 9, 3)
    assert restored.to_json() | {"id": 7} == backup.to_json()
