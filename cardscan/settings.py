"""Where cardscan keeps its data and how it reads cards, from options, environment and defaults."""

from __future__ import annotations

import locale
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

import platformdirs

APP_NAME = "cardscan"


def default_region() -> str:
    """Return the region for phone numbers: CARDSCAN_REGION, else the locale's, else US."""
    env = os.environ.get("CARDSCAN_REGION")
    if env:
        return env.upper()
    for candidate in (os.environ.get("LC_ALL"), os.environ.get("LANG"), locale.getlocale()[0]):
        if candidate and "_" in candidate:
            region = candidate.split("_", 1)[1][:2].upper()
            if region.isalpha() and len(region) == 2:
                return region
    return "US"


def data_dir() -> Path:
    """Return the user's data directory for cardscan (not created)."""
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """Return the user's config directory for cardscan (templates live here)."""
    override = os.environ.get("CARDSCAN_CONFIG_DIR")
    if override:
        return Path(override)
    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def cache_dir() -> Path:
    """Return the user's cache directory for cardscan (lean model copies live here)."""
    return Path(platformdirs.user_cache_dir(APP_NAME, appauthor=False))


def default_db_path() -> Path:
    """Return CARDSCAN_DB if set, else contacts.db in the user's data directory."""
    override = os.environ.get("CARDSCAN_DB")
    if override:
        return Path(override)
    return data_dir() / "contacts.db"


class EngineName(StrEnum):
    """The engines a card can be read with; auto reads with Tesseract and re-reads a weak card
    with RapidOCR (cardscan/reading.py)."""

    TESSERACT = "tesseract"
    RAPIDOCR = "rapidocr"
    AUTO = "auto"


@dataclass(frozen=True)
class EngineOptions:
    """How to read a card: which engine, in which language, and for how long."""

    engine: str = "auto"
    lang: str = "eng"
    #: seconds every reading of one card together may take (orientation, retries, second readings)
    timeout: float = 60.0
    #: read an English card a second time with a model that knows accented letters (names)
    second_reading: bool = True


@dataclass(frozen=True)
class ParseOptions:
    """How to turn what was read into fields."""

    #: the country of phone numbers printed without a +prefix, when the card does not say
    phone_region: str = "US"


@dataclass(frozen=True)
class ScanSettings:
    """How to read a card and parse it."""

    engine: EngineOptions = EngineOptions()
    parse: ParseOptions = ParseOptions()
