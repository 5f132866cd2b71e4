"""Batches: folders with good and bad files, re-runs, and a batch killed half way (real OCR)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cardscan.cli import app
from cardscan.errors import ExitCode
from cardscan.store import ContactStore

runner = CliRunner()
SAMPLES = Path(__file__).resolve().parent.parent / "samples"
GOOD = ("tidewater.png", "hollowmere.png", "copperline.png")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A folder of three good cards (one in a subfolder), a broken photo and a stray text file."""
    root = tmp_path / "conference pics"
    (root / "day 2").mkdir(parents=True)
    shutil.copy(SAMPLES / "flat" / GOOD[0], root / GOOD[0])
    shutil.copy(SAMPLES / "flat" / GOOD[1], root / GOOD[1])
    shutil.copy(SAMPLES / "flat" / GOOD[2], root / "day 2" / GOOD[2])
    (root / "broken.jpg").write_bytes(b"\xff\xd8\xff\xe0 not really a jpeg")
    (root / "notes.txt").write_text("not a card, and not picked up by the folder walk")
    return root


def test_a_folder_with_a_bad_file_reports_it_and_stores_the_rest(folder: Path) -> None:
    result = runner.invoke(app, ["add", str(folder), "-j", "2", "--tag", "conf"])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "3 added, 0 updated, 0 skipped, 1 failed" in result.stderr
    assert f"failed: {folder / 'broken.jpg'}: " in result.stderr
    assert "notes.txt" not in result.stderr
    with ContactStore(Path(os.environ["CARDSCAN_DB"])) as store:
        names = sorted(s.contact.name or "" for s in store.list(tag="conf"))
    assert names == ["Fenella Ashdown", "Grant Whitlock", "Marisol Okafor"]

    again = runner.invoke(app, ["add", str(folder)])
    assert "0 added, 0 updated, 3 skipped, 1 failed" in again.stderr
    assert again.stdout.count("\n#") + again.stdout.startswith("#") == 3  # skipped ones shown

    forced = runner.invoke(app, ["add", str(folder / GOOD[0]), "--force"])
    assert forced.exit_code == 0
    assert "updated #" in forced.stderr


def test_scan_json_streams_one_line_per_card(folder: Path) -> None:
    result = runner.invoke(app, ["scan", str(folder / "*.png"), "--json", "-j", "2"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(c["name"] for c in lines) == ["Fenella Ashdown", "Marisol Okafor"]
    assert all(c["id"] is None for c in lines)
    with ContactStore(Path(os.environ["CARDSCAN_DB"])) as store:
        assert store.list() == []  # scan never stores


def test_a_batch_killed_half_way_leaves_a_consistent_store_and_a_rerun_completes(
    folder: Path, tmp_path: Path
) -> None:
    (folder / "broken.jpg").unlink()
    for i in range(4):  # more work, so there is time to kill it between cards
        shutil.copy(SAMPLES / "flat" / "penhaligon.png", folder / f"copy{i}.png")
    db = tmp_path / "killed.db"
    command = [sys.executable, "-m", "cardscan", "add", str(folder), "-j", "1", "--db", str(db)]
    proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    assert proc.stderr is not None
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        line = proc.stderr.readline()
        if ": added #" in line:
            proc.send_signal(signal.SIGKILL)
            break
    proc.wait(30)
    with sqlite3.connect(db) as con:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        contacts = con.execute("SELECT count(*) FROM contacts").fetchone()[0]
        orphans = con.execute(
            "SELECT count(*) FROM contacts WHERE id NOT IN (SELECT contact_id FROM cards)"
        ).fetchone()[0]
    con.close()
    assert 1 <= contacts < 4
    assert orphans == 0  # every contact landed with its card, in one transaction

    rerun = runner.invoke(app, ["add", str(folder), "--db", str(db), "-j", "2"])
    assert rerun.exit_code == 0, rerun.output
    with ContactStore(db) as store:
        assert len(store.list()) == 4  # the four copies of one card merged into one contact
