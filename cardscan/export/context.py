"""A contact's meeting context (where and when met, notes) as one text, and back.

vCard NOTE, Google's "Notes" and Outlook's "Notes" hold a single text, and people read it there,
so it is written for people but in a shape that reads back exactly:

    Met: PyCon US 2026
    Met on: 2026-11-20
    * asked about the OCR pipeline
    * send the deck;
      second line of the same note

A line of a value that goes on is indented by two spaces. A text not in this shape (from another
app) is read back as one note.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from ..contact import Contact, Meeting, StoredContact

_MET, _MET_ON, _NOTE, _MORE = "Met: ", "Met on: ", "* ", "  "


@dataclass(frozen=True)
class Incoming:
    """A contact read from a file, with the meeting context to store with it."""

    contact: Contact
    meeting: Meeting
    #: the whole stored contact, when the file is a cardscan backup (JSON lines): restored as is
    backup: StoredContact | None = None


def normalise_breaks(text: str) -> str:
    """Return text with CRLF and lone CR turned into LF (what every exported format keeps)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def context_text(stored: StoredContact) -> str:
    """Return the meeting context and notes of a stored contact as one text ("" when none)."""
    lines: list[str] = []
    if stored.met:
        lines.append(_indented(_MET, stored.met))
    if stored.met_on:
        lines.append(_MET_ON + stored.met_on.isoformat())
    lines.extend(_indented(_NOTE, note.text) for note in stored.notes)
    return "\n".join(lines)


def _indented(prefix: str, value: str) -> str:
    return prefix + normalise_breaks(value).replace("\n", "\n" + _MORE)


def parse_context(text: str) -> Meeting:
    """Return the met, met_on and notes written by context_text; other text is one note."""
    text = normalise_breaks(text)
    if not text.strip():
        return Meeting()
    met: str | None = None
    met_on: date | None = None
    values: list[list[str]] = []  # lines of met (if any) and of each note, in order
    for line in text.split("\n"):
        if line.startswith(_MORE) and values:
            values[-1].append(line[len(_MORE) :])
        elif line.startswith(_MET) and met is None and not values:
            values.append([line[len(_MET) :]])
            met = ""
        elif line.startswith(_MET_ON) and met_on is None and _is_date(line[len(_MET_ON) :]):
            met_on = date.fromisoformat(line[len(_MET_ON) :])
        elif line.startswith(_NOTE):
            values.append([line[len(_NOTE) :]])
        else:
            return Meeting(notes=(text,))
    joined = ["\n".join(v) for v in values]
    if met is not None:
        met, joined = joined[0], joined[1:]
    return Meeting(met=met, met_on=met_on, notes=tuple(joined))


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10
