"""Ordered schema migrations, tracked with PRAGMA user_version; append, never edit a shipped one.

contacts.confidence is a JSON object (field -> 0..1), contacts.warnings a JSON list;
meetings.met_on is an ISO date. cards.sha256 is the hash of the original image file (re-runs
skip it), cards.image the flattened card as JPEG.
cards.words holds the words OCR read on the card with their boxes (JSON, see words.py;
NULL for cards read before it was kept).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

Migration = Callable[[sqlite3.Connection], None]


def execute_script(db: sqlite3.Connection, script: str) -> None:
    """Run each statement of script inside the caller's transaction (executescript would commit)."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        raise ValueError(f"incomplete SQL statement: {statement!r}")


def m001_initial(db: sqlite3.Connection) -> None:
    execute_script(
        db,
        """
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            name TEXT, given_name TEXT, family_name TEXT, title TEXT, company TEXT,
            address TEXT, street TEXT, city TEXT, region TEXT, postcode TEXT, country TEXT,
            confidence TEXT NOT NULL DEFAULT '{}',
            warnings TEXT NOT NULL DEFAULT '[]',
            source TEXT,
            met TEXT, met_on TEXT,
            created_at TEXT NOT NULL, updated_at TEXT NOT NULL
        );
        CREATE TABLE emails (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, email TEXT NOT NULL
        );
        CREATE INDEX emails_email ON emails(email COLLATE NOCASE);
        CREATE TABLE phones (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, number TEXT NOT NULL, kind TEXT NOT NULL, extension TEXT
        );
        CREATE INDEX phones_number ON phones(number);
        CREATE TABLE links (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            position INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('website', 'social')),
            url TEXT NOT NULL
        );
        CREATE TABLE tags (
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            tag TEXT NOT NULL, UNIQUE (contact_id, tag)
        );
        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            text TEXT NOT NULL, created_at TEXT NOT NULL
        );
        CREATE TABLE cards (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            sha256 TEXT NOT NULL,
            source TEXT,
            image BLOB,
            ocr_text TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX cards_sha256 ON cards(sha256);
        CREATE INDEX cards_contact ON cards(contact_id);
        """,
    )


def m002_followups(db: sqlite3.Connection) -> None:
    # One row per contact, kept apart from contacts so follow-up tracking can grow on its own.
    execute_script(
        db,
        """
        CREATE TABLE followups (
            contact_id INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
            sent_on TEXT,
            next_on TEXT,
            next_step TEXT
        );
        CREATE INDEX followups_next_on ON followups(next_on);
        """,
    )


def m003_child_indexes(db: sqlite3.Connection) -> None:
    # Writing a contact replaces its emails, phones and links, and deleting one cascades
    # to them: without these, each is a scan of every contact's rows, and a store of 10,000
    # contacts imports several times slower than an empty one.
    execute_script(
        db,
        """
        CREATE INDEX emails_contact ON emails(contact_id);
        CREATE INDEX phones_contact ON phones(contact_id);
        CREATE INDEX links_contact ON links(contact_id);
        CREATE INDEX notes_contact ON notes(contact_id);
        """,
    )


def m004_meetings(db: sqlite3.Connection) -> None:
    # A contact met again keeps every meeting: one row each, oldest first by id. The single
    # met / met_on of each contact becomes its first meeting, and the columns go.
    execute_script(
        db,
        """
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            contact_id INTEGER NOT NULL REFERENCES contacts(id) ON DELETE CASCADE,
            met TEXT, met_on TEXT
        );
        CREATE INDEX meetings_contact ON meetings(contact_id);
        INSERT INTO meetings (contact_id, met, met_on)
            SELECT id, met, met_on FROM contacts
            WHERE met IS NOT NULL OR met_on IS NOT NULL ORDER BY id;
        ALTER TABLE contacts DROP COLUMN met;
        ALTER TABLE contacts DROP COLUMN met_on;
        """,
    )


def m005_department_and_unit(db: sqlite3.Connection) -> None:
    # A department line ("Platform Engineering") and the unit of an address ("Suite 310"),
    # which vCard (ORG, ADR), Google and Outlook all have a place for.
    execute_script(
        db,
        """
        ALTER TABLE contacts ADD COLUMN department TEXT;
        ALTER TABLE contacts ADD COLUMN extended TEXT;
        """,
    )


def m006_card_words(db: sqlite3.Connection) -> None:
    # The words of each card with their boxes, so the review page can outline on the card
    # image where each field was read from; cards stored before stay without them.
    db.execute("ALTER TABLE cards ADD COLUMN words TEXT")


#: Position i holds the migration that brings user_version from i to i + 1.
MIGRATIONS: list[Migration] = [
    m001_initial,
    m002_followups,
    m003_child_indexes,
    m004_meetings,
    m005_department_and_unit,
    m006_card_words,
]
