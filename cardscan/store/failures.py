"""SQLite's failures as StoreErrors: one line naming the store and the cause a user can act on."""

from __future__ import annotations

import os
import sqlite3

from ..errors import StoreError


def busy_timeout() -> float:
    """Return the seconds a write waits for another program's lock: CARDSCAN_LOCK_WAIT, or 30."""
    try:
        seconds = float(os.environ.get("CARDSCAN_LOCK_WAIT", "30"))
    except ValueError:
        return 30.0
    return seconds if 0 <= seconds < 3600 else 30.0


# Primary result codes (the low byte of extended ones), from sqlite3.h.
_BUSY, _LOCKED, _READONLY, _IOERR, _CORRUPT, _FULL, _CANTOPEN, _NOTADB = 5, 6, 8, 10, 11, 13, 14, 26
_LOCKED_TOO_LONG = "is locked by another program for over {:g} s; try again later"
_CAUSES = {
    _READONLY: "is read-only (no permission to write the file or its folder)",
    _CANTOPEN: "cannot be opened (no permission in its folder?)",
    _FULL: "cannot grow: the disk is full (this change was not written)",
    _IOERR: "hit an input/output error on the disk",
    _CORRUPT: "is damaged (database disk image is malformed)",
    _NOTADB: "is not an SQLite database",
}


def is_store_failure(e: sqlite3.Error) -> bool:
    """Return whether e is the store's environment failing (disk, lock, permissions), not a bug."""
    code = getattr(e, "sqlite_errorcode", None)
    return isinstance(code, int) and (code & 0xFF in _CAUSES or code & 0xFF in (_BUSY, _LOCKED))


def store_error(e: sqlite3.Error, path: object) -> StoreError:
    """Return the StoreError saying what e means for the store at path."""
    code = getattr(e, "sqlite_errorcode", None)
    primary = code & 0xFF if isinstance(code, int) else None
    if primary in (_BUSY, _LOCKED):
        return StoreError(f"{path}: store {_LOCKED_TOO_LONG.format(busy_timeout())}")
    cause = _CAUSES.get(primary) if primary is not None else None
    return StoreError(f"{path}: store {cause or f'error ({e})'}")
