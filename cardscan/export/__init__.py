"""Exporting stored contacts (vCard 3/4, Google and Outlook CSV, cardscan CSV, JSON lines) and
importing them back."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from enum import StrEnum

from ..contact import StoredContact
from .csv_formats import google_csv, outlook_csv, plain_csv
from .importing import ImportSummary, import_contacts, read_contacts_file, read_input
from .vcard import write_vcards


class ExportFormat(StrEnum):
    vcard = "vcard"
    vcard4 = "vcard4"
    csv = "csv"
    google = "google"
    outlook = "outlook"
    json = "json"


def render(
    fmt: ExportFormat,
    contacts: Sequence[StoredContact],
    photos: Mapping[int, bytes] | None = None,
) -> tuple[bytes, list[str]]:
    """Return the file contents for contacts in a format, and warnings about values left out."""
    if fmt in (ExportFormat.vcard, ExportFormat.vcard4):
        version = 4 if fmt is ExportFormat.vcard4 else 3
        return write_vcards(contacts, version, photos).encode("utf-8"), []
    if fmt is ExportFormat.google:
        return google_csv(contacts), []
    if fmt is ExportFormat.outlook:
        return outlook_csv(contacts)
    if fmt is ExportFormat.csv:
        return plain_csv(contacts), []
    lines = (json.dumps(s.to_json(), ensure_ascii=False) + "\n" for s in contacts)
    return "".join(lines).encode("utf-8"), []


__all__ = [
    "ExportFormat",
    "ImportSummary",
    "import_contacts",
    "read_contacts_file",
    "read_input",
    "render",
]
