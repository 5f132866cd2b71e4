"""Options shared by several commands, and opening the store they name."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

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


def open_store(db: Path | None) -> ContactStore:
    """Return the store named by --db, else CARDSCAN_DB, else the default one."""
    return ContactStore(db or default_db_path())


def region_of(region: str | None) -> str:
    """Return the region named by --region, else the default one."""
    return (region or default_region()).upper()
