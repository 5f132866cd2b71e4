"""Reading a contacts file of any supported kind and merging it into the store."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..contact import Meeting, MeetingRecord, StoredContact
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
        backup = StoredContact.from_json(data)
        contacts.append(Incoming(backup.contact, Meeting(), backup))
    return contacts


def import_contacts(
    store: ContactStore, incoming: list[Incoming], meeting: MeetingRecord | None = None
) -> ImportSummary:
    """Add each contact, or merge it into the stored one with the same email or phone.

    A note the matched contact already has is not added again, so importing a file twice
    does not double its notes. A contact without a meeting in the file gets none (it is not
    due for a follow-up), unless meeting (`import --met/--on`) is given: that is added to
    every contact. A cardscan backup (JSON lines) is restored with its meetings, note times
    and follow-up state.
    """
    summary = ImportSummary()
    for item in incoming:
        if item.backup is not None:
            outcome = store.restore(item.backup)
        else:
            context = Meeting(item.meeting.met, item.meeting.met_on, (), item.meeting.tags)
            outcome = store.add(item.contact, context, met_today=False)
        if meeting is not None:
            store.add_meeting(outcome.contact_id, meeting)
        if item.backup is not None:
            summary.added += outcome.created
            summary.updated += not outcome.created
            continue
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
