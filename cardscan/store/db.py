"""Opening a store: SQLite with WAL, identity checks, backup and in-place migration."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from .migrations import MIGRATIONS

#: PRAGMA application_id of a cardscan store ("CARD"), so a foreign database is never written to.
APPLICATION_ID = 0x43415244
_SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 30_000


def connect(path: Path) -> sqlite3.Connection:
    """Return a connection to the store at path, created or migrated to the current schema."""
    _check_file(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_MS / 1000)
    except (OSError, sqlite3.Error) as e:
        raise StoreError(f"{path}: cannot open store ({e})") from e
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        version = _check_identity(db, path)  # before anything writes to the file
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        _migrate(db, path, version)
    except sqlite3.DatabaseError as e:
        db.close()
        raise StoreError(f"{path}: not a usable cardscan store ({e})") from e
    except StoreError:
        db.close()
        raise
    return db


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block as one write transaction: all of it lands, or none of it."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _check_file(path: Path) -> None:
    if path.is_dir():
        raise StoreError(f"{path}: is a directory, not a store file")
    if not path.exists() or path.stat().st_size == 0:
        return
    try:
        with path.open("rb") as f:
            header = f.read(len(_SQLITE_HEADER))
    except OSError as e:
        raise StoreError(f"{path}: cannot read store ({e.strerror})") from e
    if header != _SQLITE_HEADER:
        raise StoreError(f"{path}: not an SQLite database; refusing to touch it")


def _check_identity(db: sqlite3.Connection, path: Path) -> int:
    """Return the schema version of a cardscan store; refuse another program's database."""
    # One read transaction, so the three come from one snapshot: read apart, another process
    # creating the store could commit its tables and its application_id in between.
    db.execute("BEGIN")
    try:
        app_id = db.execute("PRAGMA application_id").fetchone()[0]
        version = db.execute("PRAGMA user_version").fetchone()[0]
        has_tables = db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0
    finally:
        db.execute("COMMIT")
    if app_id != APPLICATION_ID and has_tables:
        raise StoreError(f"{path}: a database of another program, not a cardscan store")
    if version > len(MIGRATIONS):
        raise StoreError(f"{path}: made by a newer cardscan (schema {version}); please upgrade")
    return int(version)


def _migrate(db: sqlite3.Connection, path: Path, version: int) -> None:
    if 0 < version < len(MIGRATIONS):
        backup(db, path.with_name(f"{path.name}.v{version}.bak"))
    while version < len(MIGRATIONS):
        with transaction(db):
            # Re-read under the write lock: another process may have migrated meanwhile.
            version = db.execute("PRAGMA user_version").fetchone()[0]
            if version < len(MIGRATIONS):
                MIGRATIONS[version](db)
                version += 1
                db.execute(f"PRAGMA user_version = {version}")
                db.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def backup(db: sqlite3.Connection, target: Path) -> None:
    """Copy the whole database to target with SQLite's online backup."""
    with sqlite3.connect(target) as copy:
        db.backup(copy)
    copy.close()
