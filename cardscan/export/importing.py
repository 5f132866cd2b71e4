"""Reading a contacts file of any supported kind and merging it into the store."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .. import inputfiles
from ..contact import Meeting, MeetingRecord, StoredContact
from ..errors import BadInputError
from ..store import ContactStore
from .cleaning import cleaned
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
    contacts, warnings, kind = _read_text(path, text, region)
    kept = []
    for number, item in enumerate(contacts, start=1):
        # named as the readers name them: vCards by count, CSV rows by line (the header is 1)
        label = {"vcard": f"card {number}", "json": f"contact {number}"}.get(kind)
        clean, problems = cleaned(item, label or f"row {number + 1}")
        kept.append(clean)
        warnings.extend(problems)
    return kept, warnings, kind


def _read_text(path: str, text: str, region: str) -> tuple[list[Incoming], list[str], str]:
    head = text.lstrip()[:200].upper()
    try:
        if head.startswith("BEGIN:VCARD"):
            contacts, warnings = read_vcards(text, region)
            return contacts, warnings, "vcard"
        if head.startswith("{"):
            return _read_json_lines(text), [], "json"
        return read_contacts_csv(text, region)
    except (VCardError, CsvError, ValueError, KeyError, TypeError, AttributeError) as e:
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


def read_input(path: str) -> bytes:
    """Return the bytes of a contacts file ("-" = stdin), at most MAX_CONTACTS_BYTES.

    Raise BadInputError when it cannot be read, is not a regular file or is too large.
    """
    if path == "-":
        return inputfiles.read_stdin(inputfiles.MAX_CONTACTS_BYTES)
    return inputfiles.read_file(path, inputfiles.MAX_CONTACTS_BYTES)
