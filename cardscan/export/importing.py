"""Reading a contacts file of any supported kind and merging it into the store."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ..contact import Contact, Meeting
from ..errors import BadInputError
from ..store import ContactStore
from .context import Incoming
from .csv_read import CsvError, read_contacts_csv
from .vcard_read import VCardError, read_vcards


@dataclass
class ImportSummary:
    added: int = 0
    updated: int = 0
    flavour: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def imported(self) -> int:
        return self.added + self.updated


def read_contacts_file(
    path: str, data: bytes, region: str
) -> tuple[list[Incoming], list[str], str]:
    """Return the contacts in a vCard, CSV or JSON-lines file, warnings and the kind found.

    The kind is found from the content, not the file name; raise BadInputError when it is none.
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise BadInputError(path, f"not UTF-8 text (byte {e.start})") from None
    head = text.lstrip()[:200].upper()
    try:
        if head.startswith("BEGIN:VCARD"):
            contacts, warnings = read_vcards(text, region)
            return contacts, warnings, "vcard"
        if head.startswith("{"):
            return _read_json_lines(text), [], "json"
        return read_contacts_csv(text, region)
    except (VCardError, CsvError, ValueError, KeyError, TypeError) as e:
        raise BadInputError(path, str(e)) from None


def _read_json_lines(text: str) -> list[Incoming]:
    contacts = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as e:
            raise ValueError(f"line {number}: not JSON ({e.msg})") from None
        contact = Contact.from_json({**data, "id": None})
        met_on = date.fromisoformat(data["met_on"]) if data.get("met_on") else None
        notes = tuple(n["text"] for n in data.get("notes") or ())
        meeting = Meeting(data.get("met"), met_on, notes, tuple(data.get("tags") or ()))
        contacts.append(Incoming(contact, meeting))
    return contacts


def import_contacts(store: ContactStore, incoming: list[Incoming]) -> ImportSummary:
    """Add each contact, or merge it into the stored one with the same email or phone.

    A note the matched contact already has is not added again, so importing a file twice
    does not double its notes.
    """
    summary = ImportSummary()
    for item in incoming:
        meeting = Meeting(item.meeting.met, item.meeting.met_on, (), item.meeting.tags)
        outcome = store.add(item.contact, meeting)
        known = {n.text for n in store.get(outcome.contact_id).notes}
        for note in item.meeting.notes:
            if note not in known:
                store.add_note(outcome.contact_id, note)
                known.add(note)
        if outcome.created:
            summary.added += 1
        else:
            summary.updated += 1
    return summary


def read_input(path: str, stdin: bytes | None = None) -> bytes:
    """Return the bytes of a file ("-" = stdin); raise BadInputError when it cannot be read."""
    if path == "-":
        return stdin or b""
    try:
        return Path(path).read_bytes()
    except OSError as e:
        raise BadInputError(path, e.strerror or "cannot be read") from None
