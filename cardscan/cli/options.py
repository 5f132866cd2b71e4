"""Options shared by several commands, and opening the store they name."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from ..errors import StoreError
from ..settings import default_db_path, default_region
from ..store import ContactStore

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="Contact store file (env CARDSCAN_DB; default contacts.db in the user data dir).",
        show_default=False,
        dir_okay=False,
    ),
]
RegionOption = Annotated[
    str | None,
    typer.Option(
        "--region",
        help="Country for phone numbers without +prefix, e.g. US, GB, DE "
        "(env CARDSCAN_REGION; default from the locale, else US).",
        show_default=False,
    ),
]
LangOption = Annotated[
    str,
    typer.Option(
        "--lang",
        envvar="CARDSCAN_LANG",
        help="Tesseract language(s) to read with, e.g. eng, deu, eng+fra (env CARDSCAN_LANG).",
    ),
]
JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON (one object per line).")]


def open_store(db: Path | None, reading: bool = False) -> ContactStore:
    """Return the store named by --db, else CARDSCAN_DB, else the default one.

    reading opens it read-only and creates nothing: a store named by --db or CARDSCAN_DB that
    does not exist is a StoreError (a mistyped path must not look like an empty store), and
    the default store not yet created reads as empty.
    """
    path = db or default_db_path()
    if reading and not path.exists():
        if db is not None or os.environ.get("CARDSCAN_DB"):
            raise StoreError(f"{path}: no such store (nothing was created)")
        return ContactStore.empty(path)
    return ContactStore(path, readonly=reading)


def region_of(region: str | None) -> str:
    """Return the region named by --region, else the default one."""
    return (region or default_region()).upper()
