"""CSV files for spreadsheets and address books: UTF-8 with BOM, CRLF, formula-safe cells.

A cell starting with = + - @, a tab or a CR would be run as a formula by Excel, LibreOffice or
Google Sheets (OWASP "CSV injection"), so it is written with a single quote in front. A cell
starting with a quote gets one more, so that reading strips exactly one and gets the value back.
The one exception is a phone number cell in exactly the shape phones.international() writes
("+1 415-555-0100 ext. 12": plus, digits, spaces, hyphens): it cannot call a function or name a
cell, and the quote would end up inside the number in Google Contacts and Outlook.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from .phones import SAFE_PHONE

BOM = "\ufeff"
_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "'")


def neutralise(value: str) -> str:
    """Return a cell value that no spreadsheet will run as a formula."""
    return "'" + value if value.startswith(_TRIGGERS) else value


def phone_cell(value: str) -> str:
    """Return a phone cell: as it is when it is a plain international number, else neutralised."""
    return value if SAFE_PHONE.match(value) else neutralise(value)


def restore(value: str) -> str:
    """Return the value a neutralised cell stands for (drops one leading quote)."""
    return value[1:] if value.startswith("'") else value


def write_csv(header: Sequence[str], rows: Iterable[Sequence[str]]) -> bytes:
    """Return a CSV file: BOM, CRLF row ends, every field quoted only when it must be."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows(rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def read_csv(text: str) -> tuple[list[str], list[dict[str, str]]]:
    """Return the header and the rows (header -> restored cell) of a CSV text."""
    # The csv module refuses fields over 128 KiB by default; a long note is bigger. The file is
    # already bounded (MAX_CONTACTS_BYTES), so a field may be as long as the file.
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    reader = csv.reader(io.StringIO(text.removeprefix(BOM), newline=""))
    header = next(reader, [])
    header = [h.strip() for h in header]
    rows = []
    for cells in reader:
        if not any(c.strip() for c in cells):
            continue
        rows.append({h: restore(c) for h, c in zip(header, cells, strict=False)})
    return header, rows
