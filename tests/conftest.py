"""Every test runs against its own store and config dir, never the user's."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def isolated_env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point cardscan's store, config and region at the test's own temp dir."""
    monkeypatch.setenv("CARDSCAN_DB", str(tmp_path / "store" / "contacts.db"))
    monkeypatch.setenv("CARDSCAN_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("CARDSCAN_REGION", "US")
    monkeypatch.delenv("CARDSCAN_FROM", raising=False)
    return tmp_path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "store" / "contacts.db"
