"""Turning contacts into rows and rows back into contacts."""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from typing import Any

from ..contact import (
    Address,
    Contact,
    FollowupState,
    MeetingRecord,
    Note,
    Phone,
    StoredContact,
)

CONTACT_COLUMNS = (
    "name",
    "given_name",
    "family_name",
    "title",
    "company",
    "department",
    "source",
)
ADDRESS_COLUMNS = ("street", "city", "region", "postcode", "country", "extended")


def contact_values(contact: Contact) -> dict[str, Any]:
    """Return the contacts-table columns for a contact."""
    values: dict[str, Any] = {k: getattr(contact, k) for k in CONTACT_COLUMNS}
    address = contact.address
    values["address"] = address.text if address else None
    for k in ADDRESS_COLUMNS:
        values[k] = getattr(address, k) if address else None
    values["confidence"] = json.dumps(contact.confidence)
    values["warnings"] = json.dumps(list(contact.warnings))
    return values


def write_children(db: sqlite3.Connection, contact_id: int, contact: Contact) -> None:
    """Replace the emails, phones and links of a contact."""
    for table in ("emails", "phones", "links"):
        db.execute(f"DELETE FROM {table} WHERE contact_id = ?", (contact_id,))
    db.executemany(
        "INSERT INTO emails (contact_id, position, email) VALUES (?, ?, ?)",
        [(contact_id, i, e) for i, e in enumerate(contact.emails)],
    )
    db.executemany(
        "INSERT INTO phones (contact_id, position, number, kind, extension) VALUES (?, ?, ?, ?, ?)",
        [(contact_id, i, p.number, p.kind, p.extension) for i, p in enumerate(contact.phones)],
    )
    links = [("website", u) for u in contact.websites] + [("social", u) for u in contact.socials]
    db.executemany(
        "INSERT INTO links (contact_id, position, kind, url) VALUES (?, ?, ?, ?)",
        [(contact_id, i, kind, url) for i, (kind, url) in enumerate(links)],
    )


def read_contact(db: sqlite3.Connection, row: sqlite3.Row) -> StoredContact:
    """Return the stored contact of a contacts-table row, with its children."""
    cid = row["id"]
    emails = tuple(r[0] for r in _children(db, "SELECT email FROM emails", cid))
    phones = tuple(
        Phone(r["number"], r["kind"], r["extension"])
        for r in _children(db, "SELECT number, kind, extension FROM phones", cid)
    )
    links = _children(db, "SELECT kind, url FROM links", cid)
    address = None
    if row["address"]:
        address = Address(row["address"], **{k: row[k] for k in ADDRESS_COLUMNS})
    contact = Contact(
        id=cid,
        **{k: row[k] for k in CONTACT_COLUMNS},
        emails=emails,
        phones=phones,
        websites=tuple(r["url"] for r in links if r["kind"] == "website"),
        socials=tuple(r["url"] for r in links if r["kind"] == "social"),
        address=address,
        confidence=json.loads(row["confidence"]),
        warnings=tuple(json.loads(row["warnings"])),
    )
    tags = tuple(
        r[0] for r in db.execute("SELECT tag FROM tags WHERE contact_id = ? ORDER BY tag", (cid,))
    )
    notes = tuple(
        Note(r["text"], r["created_at"])
        for r in db.execute(
            "SELECT text, created_at FROM notes WHERE contact_id = ? ORDER BY id", (cid,)
        )
    )
    meetings = tuple(
        MeetingRecord(r["met"], date.fromisoformat(r["met_on"]) if r["met_on"] else None)
        for r in db.execute(
            "SELECT met, met_on FROM meetings WHERE contact_id = ? ORDER BY id", (cid,)
        )
    )
    return StoredContact(
        contact=contact,
        meetings=meetings,
        followup=read_followup(db, cid),
        tags=tags,
        notes=notes,
        created_at=row["created_at"],
        updated_at=row["updated_at"],
    )


def read_followup(db: sqlite3.Connection, contact_id: int) -> FollowupState:
    """Return the follow-up state of a contact (empty when nothing is recorded)."""
    row = db.execute("SELECT * FROM followups WHERE contact_id = ?", (contact_id,)).fetchone()
    if row is None:
        return FollowupState(contact_id)
    return FollowupState(
        contact_id=contact_id,
        sent_on=_day(row["sent_on"]),
        next_on=_day(row["next_on"]),
        next_step=row["next_step"],
    )


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _children(db: sqlite3.Connection, select: str, contact_id: int) -> list[sqlite3.Row]:
    return db.execute(f"{select} WHERE contact_id = ? ORDER BY position", (contact_id,)).fetchall()
