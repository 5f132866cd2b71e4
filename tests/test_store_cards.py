"""The store's side of `cardscan review`: card words kept with their boxes, duplicates, merging."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from cardscan.contact import Contact, Meeting, Phone
from cardscan.errors import NotFoundError
from cardscan.model import OcrResult
from cardscan.store import CardRecord, ContactStore, migrations
from cardscan.store.db import APPLICATION_ID
from cardscan.store.followups import FollowupStore

READING = OcrResult.from_text("Jane Doe\njane@acme.example\n+1 415 555 0134")


def test_a_cards_words_and_boxes_round_trip(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        cid = store.add(
            Contact(name="Jane Doe"), card=CardRecord("h", READING.text, "c.jpg", b"jpg", READING)
        ).contact_id
        kept = store.card_words(cid)
    assert kept is not None
    assert (kept.image_width, kept.image_height) == (READING.image_width, READING.image_height)
    assert [[(w.text, w.box, w.confidence) for w in line.words] for line in kept.lines] == [
        [(w.text, w.box, w.confidence) for w in line.words] for line in READING.lines
    ]


def test_a_card_stored_without_words_has_no_reading(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        cid = store.add(Contact(name="Jane"), card=CardRecord("h", "text", None, b"jpg")).contact_id
        assert store.card_words(cid) is None
        assert store.card_words(cid + 1) is None


def test_a_store_of_the_previous_schema_gains_the_words_column(db_path: Path) -> None:
    db_path.parent.mkdir(parents=True)
    db = sqlite3.connect(db_path, isolation_level=None)
    before = len(migrations.MIGRATIONS) - 1
    for migrate in migrations.MIGRATIONS[:before]:
        migrate(db)
    db.execute(f"PRAGMA user_version = {before}")
    db.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    db.execute(
        "INSERT INTO contacts (name, created_at, updated_at) VALUES ('Old', '2026-01-01', 'x')"
    )
    db.execute(
        "INSERT INTO cards (contact_id, sha256, image, ocr_text, created_at)"
        " VALUES (1, 'h', x'ff', 'Old', '2026-01-01')"
    )
    db.close()
    with ContactStore(db_path) as store:
        assert store.card_image(1) == b"\xff"
        assert store.card_words(1) is None
    assert (db_path.parent / f"contacts.db.v{before}.bak").exists()


@pytest.mark.parametrize(
    ("other", "reason"),
    [
        (Contact(name="jane doe"), "name Jane Doe"),
        (Contact(name="J. Doe", emails=("JANE@acme.example",)), "email jane@acme.example"),
        (Contact(name="J. Doe", phones=(Phone("+14155550134"),)), "phone +14155550134"),
    ],
    ids=["same-name-any-case", "same-email-any-case", "same-phone"],
)
def test_duplicates_share_a_name_an_email_or_a_phone(
    db_path: Path, other: Contact, reason: str
) -> None:
    jane = Contact(
        name="Jane Doe", emails=("jane@acme.example",), phones=(Phone("+14155550134", "work"),)
    )
    with ContactStore(db_path) as store:
        first = store.add(jane).contact_id
        # typed-in contacts are not merged on add when they share a name only; write directly
        store.add(Contact(name="Someone Else", emails=("else@acme.example",)))
        second = store.add(Contact(name="Placeholder")).contact_id
        store.update(second, other)
        assert store.duplicates(first) == [(second, reason)]
        assert store.duplicates(second)[0][0] == first


def test_merge_fills_the_kept_contact_and_moves_meetings_notes_tags_cards_and_followups(
    db_path: Path,
) -> None:
    with ContactStore(db_path) as store:
        keep = store.add(
            Contact(name="Jane Doe", emails=("jane@acme.example",)),
            Meeting(notes=("first",), tags=("pycon",)),
            CardRecord("a", "front", None, b"front"),
        ).contact_id
        other = store.add(
            Contact(name="Jane D.", title="CTO", phones=(Phone("+14155550134", "mobile"),)),
            Meeting(met="booth", met_on=date(2026, 5, 2), notes=("second",), tags=("lead",)),
            CardRecord("b", "back", None, b"back"),
        ).contact_id
        FollowupStore(store.db).set_next(other, date(2026, 6, 1), "send deck")
        merged = store.merge(keep, other)
        with pytest.raises(NotFoundError):
            store.get(other)
        assert store.seen_image("b") == keep
        assert FollowupStore(store.db).get(keep).next_step == "send deck"
    c = merged.contact
    assert (c.name, c.title, c.emails) == ("Jane Doe", "CTO", ("jane@acme.example",))
    assert [p.number for p in c.phones] == ["+14155550134"]
    assert [n.text for n in merged.notes] == ["first", "second"]
    assert merged.tags == ("lead", "pycon")
    assert ("booth", date(2026, 5, 2)) in [(m.met, m.met_on) for m in merged.meetings]


def test_merging_a_contact_into_itself_or_a_missing_one_changes_nothing(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        cid = store.add(Contact(name="Jane")).contact_id
        with pytest.raises(ValueError, match="itself"):
            store.merge(cid, cid)
        with pytest.raises(NotFoundError):
            store.merge(cid, cid + 1)
        assert store.get(cid).contact.name == "Jane"
