"""Opening a store: SQLite with WAL, identity checks, backup and in-place migration."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from ..errors import StoreError
from .failures import busy_timeout, is_store_failure, store_error
from .migrations import MIGRATIONS

#: PRAGMA application_id of a cardscan store ("CARD"), so a foreign database is never written to.
APPLICATION_ID = 0x43415244
_SQLITE_HEADER = b"SQLite format 3\x00"
# SQLite's result codes for a -shm file it could not create (CANTOPEN, READONLY_DIRECTORY...)
_NO_SHM_FILE = (14, 8)


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    """Return a connection to the store at path, created or migrated to the current schema.

    readonly opens an existing store for reading only, so a store in a read-only place (a
    backup disk, another user's folder) can be listed and exported; an older store is still
    migrated first, which needs write access.
    """
    _check_file(path)
    if readonly:
        db = _connect_readonly(path)
        if db is not None:
            return db
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(path, isolation_level=None, timeout=busy_timeout())
    except OSError as e:
        raise StoreError(f"{path}: cannot open store ({e.strerror or e})") from e
    except sqlite3.Error as e:
        raise store_error(e, path) from e
    try:
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA foreign_keys = ON")
        version = _check_identity(db, path)  # before anything writes to the file
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        _migrate(db, path, version)
    except sqlite3.DatabaseError as e:
        db.close()
        raise store_error(e, path) from e
    except StoreError:
        db.close()
        raise
    return db


def connect_empty() -> sqlite3.Connection:
    """Return an empty store in memory: what reading a store not yet created shows."""
    db = sqlite3.connect(":memory:", isolation_level=None)
    db.row_factory = sqlite3.Row
    _migrate(db, Path(":memory:"), 0)
    return db


def _connect_readonly(path: Path) -> sqlite3.Connection | None:
    """Return a read-only connection to a current store, or None when it must be migrated."""
    uri = path.resolve().as_uri()
    # A WAL store is read through its -shm file, which a read-only folder cannot hold; then
    # it is read as immutable, which is safe there: nobody can be writing to it either.
    for options in ("?mode=ro", "?mode=ro&immutable=1"):
        db = sqlite3.connect(uri + options, uri=True, isolation_level=None, timeout=busy_timeout())
        db.row_factory = sqlite3.Row
        try:
            version = _check_identity(db, path)
        except sqlite3.OperationalError as e:
            db.close()
            if getattr(e, "sqlite_errorcode", 0) & 0xFF in _NO_SHM_FILE:
                continue
            raise store_error(e, path) from e
        except sqlite3.DatabaseError as e:
            db.close()
            raise store_error(e, path) from e
        except StoreError:
            db.close()
            raise
        if version < len(MIGRATIONS):
            db.close()
            return None
        db.execute("PRAGMA query_only = ON")
        return db
    raise StoreError(f"{path}: store cannot be opened for reading")


@contextmanager
def transaction(db: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Run the block as one write transaction: all of it lands, or none of it.

    A failure of SQLite itself (read-only, disk full, locked too long) is a StoreError.
    """
    try:
        db.execute("BEGIN IMMEDIATE")
        try:
            yield db
        except BaseException:
            if db.in_transaction:  # SQLite rolls back by itself after some errors (disk full)
                db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
    except sqlite3.Error as e:
        if not is_store_failure(e):
            raise  # a constraint broken is a bug: its traceback is wanted
        if db.in_transaction:
            db.execute("ROLLBACK")
        raise store_error(e, _path_of(db)) from e


def _path_of(db: sqlite3.Connection) -> str:
    """Return the file of a connection's main database, for messages."""
    try:
        return str(db.execute("PRAGMA database_list").fetchone()[2]) or ":memory:"
    except sqlite3.Error:
        return "the contact store"


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
