"""cardscan as a library: read business cards, keep contacts, export them.

The CLI is a thin client of these same functions:

    from cardscan import ContactStore, ScanSettings, scan_file

    for result in scan_file("card.jpg", ScanSettings()):
        print(result.contact.name, result.contact.emails)

The README's "Python API" section has a longer example (run by the tests).
"""

from __future__ import annotations

__version__ = "0.1.0"

from .contact import Address, Contact, Meeting, MeetingRecord, Phone, StoredContact
from .contact_edits import ContactEdit, InvalidValueError, ListEdit
from .errors import CardscanError, ExitCode
from .export import ExportFormat, import_contacts, read_contacts_file, render
from .parse import parse_text
from .pipeline import ScanResult, scan_file
from .settings import EngineOptions, ParseOptions, ScanSettings, default_db_path
from .store import AddOutcome, ContactStore

__all__ = [
    "AddOutcome",
    "Address",
    "CardscanError",
    "Contact",
    "ContactEdit",
    "ContactStore",
    "EngineOptions",
    "ExitCode",
    "ExportFormat",
    "InvalidValueError",
    "ListEdit",
    "Meeting",
    "MeetingRecord",
    "ParseOptions",
    "Phone",
    "ScanResult",
    "ScanSettings",
    "StoredContact",
    "__version__",
    "default_db_path",
    "import_contacts",
    "parse_text",
    "read_contacts_file",
    "render",
    "scan_file",
]
