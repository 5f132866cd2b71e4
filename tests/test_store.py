"""The SQLite store: migrations, merging duplicates, refusing files not ours, concurrency."""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cardscan.contact import Address, Contact, Meeting, Phone
from cardscan.errors import NotFoundError, StoreError
from cardscan.store import CardRecord, ContactStore, migrations
from cardscan.store.db import APPLICATION_ID

JANE = Contact(
    name="Jane Q. Doe",
    given_name="Jane",
    family_name="Doe",
    title="Head of Data",
    company="Example Widgets Ltd",
    emails=("jane.doe@example-widgets.com",),
    phones=(Phone("+442079460123", "work", "12"), Phone("+447700900456", "mobile")),
    websites=("www.example-widgets.com",),
    socials=("linkedin.com/in/janeqdoe",),
    address=Address("1 High St, London EC1A 1BB", "1 High St", "London", None, "EC1A 1BB", "GB"),
    confidence={"name": 0.9, "emails": 0.5},
    warnings=("email: low OCR confidence (0.50)",),
)


def test_blank_database_is_migrated_to_the_latest_schema(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        version = store.db.execute("PRAGMA user_version").fetchone()[0]
        app_id = store.db.execute("PRAGMA application_id").fetchone()[0]
        mode = store.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert version == len(migrations.MIGRATIONS)
    assert app_id == APPLICATION_ID
    assert mode == "wal"


def test_a_contact_round_trips_with_every_field(db_path: Path) -> None:
    meeting = Meeting(
        met="PyCon booth", met_on=date(2026, 5, 1), notes=("talked OCR",), tags=("pycon",)
    )
    with ContactStore(db_path) as store:
        outcome = store.add(
            JANE, meeting, CardRecord("abc", "raw text", "card.jpg", b"\xff\xd8jpeg")
        )
        stored = store.get(outcome.contact_id)
        assert store.card_image(outcome.contact_id) == b"\xff\xd8jpeg"
        assert store.ocr_texts(outcome.contact_id) == ["raw text"]
        assert store.seen_image("abc") == outcome.contact_id
    assert outcome.created
    assert stored.contact == JANE.__class__(**{**JANE.__dict__, "id": outcome.contact_id})
    assert (stored.met, stored.met_on, stored.tags) == ("PyCon booth", date(2026, 5, 1), ("pycon",))
    assert [n.text for n in stored.notes] == ["talked OCR"]


@pytest.mark.parametrize(
    ("second", "matched_by"),
    [
        pytest.param(
            Contact(name="J. Doe", emails=("JANE.DOE@example-widgets.com",)),
            "email JANE.DOE@example-widgets.com",
            id="same-email-other-case",
        ),
        pytest.param(
            Contact(name="Jane Doe", phones=(Phone("+447700900456", "mobile"),)),
            "phone +447700900456",
            id="same-phone",
        ),
    ],
)
def test_a_card_matching_a_stored_contact_updates_it(
    db_path: Path, second: Contact, matched_by: str
) -> None:
    with ContactStore(db_path) as store:
        first = store.add(JANE)
        outcome = store.add(second, Meeting(notes=("second meeting",)))
        contacts = store.list()
    assert not outcome.created
    assert outcome.contact_id == first.contact_id
    assert outcome.matched_by == matched_by
    assert len(contacts) == 1
    assert contacts[0].contact.name == JANE.name  # stored values win: they may be corrections
    assert [n.text for n in contacts[0].notes] == ["second meeting"]


def test_a_card_with_new_details_adds_them_to_the_match(db_path: Path) -> None:
    new_phone = Phone("+14155550142", "mobile")
    with ContactStore(db_path) as store:
        store.add(Contact(name="Jane Doe", emails=("jane.doe@example-widgets.com",)))
        outcome = store.add(JANE.__class__(title="CTO", emails=JANE.emails, phones=(new_phone,)))
        stored = store.get(outcome.contact_id).contact
    assert stored.title == "CTO"
    assert stored.phones == (new_phone,)


def test_unrelated_cards_make_separate_contacts(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        store.add(JANE)
        outcome = store.add(Contact(name="Raj Patel", emails=("raj@example.test",)))
        assert outcome.created
        assert len(store.list()) == 2


@pytest.mark.parametrize(
    ("kwargs", "names"),
    [
        pytest.param({"search": "widgets"}, ["Jane Q. Doe"], id="search-company"),
        pytest.param({"search": "raj@"}, ["Raj Patel"], id="search-email"),
        pytest.param({"tag": "pycon"}, ["Raj Patel"], id="tag"),
        pytest.param({"ids": [1]}, ["Jane Q. Doe"], id="ids"),
        pytest.param({"ids": []}, [], id="no-ids"),
        pytest.param({"since": date(2026, 6, 1)}, ["Raj Patel"], id="since"),
        pytest.param({"search": "'; DROP TABLE contacts; --"}, [], id="sql-injection-is-data"),
    ],
)
def test_list_filters(db_path: Path, kwargs: dict, names: list[str]) -> None:
    with ContactStore(db_path) as store:
        store.add(JANE, Meeting(met_on=date(2026, 1, 5)))
        store.add(
            Contact(name="Raj Patel", emails=("raj@example.test",)),
            Meeting(tags=("pycon",), met_on=date(2026, 7, 1)),
        )
        assert [s.contact.name for s in store.list(**kwargs)] == names
        assert len(store.list()) == 2


def test_delete_removes_the_contact_and_its_children(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        cid = store.add(JANE, Meeting(notes=("x",)), CardRecord("h", "t")).contact_id
        store.delete(cid)
        with pytest.raises(NotFoundError):
            store.get(cid)
        for table in ("emails", "phones", "links", "notes", "cards", "tags"):
            assert store.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


def test_a_failed_write_leaves_nothing_behind(db_path: Path) -> None:
    bad = Contact(name="Half Written", emails=("half@example.test",))
    with ContactStore(db_path) as store:
        with pytest.raises(sqlite3.IntegrityError):
            # a card row that breaks a NOT NULL constraint, after the contact row was inserted
            store.add(bad, card=CardRecord(None, "text"))  # type: ignore[arg-type]
        assert store.list() == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(b"hello, this is a text file", "not an SQLite database", id="text-file"),
        pytest.param(b"\x89PNG\r\n\x1a\n" + bytes(100), "not an SQLite database", id="png"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused_and_untouched(
    db_path: Path, content: bytes, problem: str
) -> None:
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(content)
    with pytest.raises(StoreError, match=problem):
        ContactStore(db_path)
    assert db_path.read_bytes() == content


def test_a_foreign_database_is_refused_and_untouched(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as other:
        other.execute("CREATE TABLE accounts (id INTEGER)")
    other.close()
    before = db_path.read_bytes()
    with pytest.raises(StoreError, match="another program"):
        ContactStore(db_path)
    assert db_path.read_bytes() == before


def test_a_newer_schema_is_refused(db_path: Path) -> None:
    ContactStore(db_path).close()
    with sqlite3.connect(db_path) as db:
        db.execute(f"PRAGMA user_version = {len(migrations.MIGRATIONS) + 5}")
    db.close()
    with pytest.raises(StoreError, match="newer cardscan"):
        ContactStore(db_path)


def test_an_older_schema_is_backed_up_then_migrated(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ContactStore(db_path) as store:
        store.add(JANE)
    old_version = len(migrations.MIGRATIONS)

    def m_next(db: sqlite3.Connection) -> None:
        db.execute("ALTER TABLE contacts ADD COLUMN pronouns TEXT")

    monkeypatch.setattr(migrations, "MIGRATIONS", [*migrations.MIGRATIONS, m_next])
    monkeypatch.setattr("cardscan.store.db.MIGRATIONS", migrations.MIGRATIONS)
    with ContactStore(db_path) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == old_version + 1
        assert [s.contact.name for s in store.list()] == [JANE.name]
    backup = db_path.with_name(f"{db_path.name}.v{old_version}.bak")
    with sqlite3.connect(backup) as copy:
        assert copy.execute("PRAGMA user_version").fetchone()[0] == old_version
        assert copy.execute("SELECT name FROM contacts").fetchall() == [(JANE.name,)]
    copy.close()


def _add_many(path: str, prefix: str, count: int) -> None:
    with ContactStore(Path(path)) as store:
        for i in range(count):
            store.add(Contact(name=f"{prefix} {i}", emails=(f"{prefix}{i}@example.test",)))


def test_two_processes_adding_at_once_lose_nothing(db_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    workers = [ctx.Process(target=_add_many, args=(str(db_path), p, 40)) for p in ("a", "b")]
    for w in workers:
        w.start()
    for w in workers:
        w.join(60)
    assert [w.exitcode for w in workers] == [0, 0]
    with ContactStore(db_path) as store:
        assert len(store.list()) == 80
