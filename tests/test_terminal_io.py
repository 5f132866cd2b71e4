"""What a person sees at a terminal: the batch progress bar, --review, tables and colour.

These run cardscan in a pseudo-terminal (tests/terminal.py), because all of it happens only
when stdout or stderr is a tty; CliRunner's pipes see the plain tab-separated output.
"""

from __future__ import annotations

import os
import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from PIL import Image, ImageFilter
from terminal import Terminal, screen

from cardscan.contact import Contact, Meeting, Phone
from cardscan.store import ContactStore

SAMPLES = Path(__file__).parent.parent / "samples" / "flat"


@pytest.fixture
def env(db_path: Path) -> dict[str, str]:
    environ = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    return environ | {"CARDSCAN_DB": str(db_path), "TERM": "xterm-256color"}


def test_batch_messages_print_above_the_progress_bar(tmp_path: Path, env: dict[str, str]) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    for name in ("brightmoss", "coralline", "tidewater"):
        shutil.copy(SAMPLES / f"{name}.png", folder)
    term = Terminal(["add", str(folder), "-j", "2"], env)
    assert term.finish() == 0
    assert "reading cards" in term.output  # the bar was drawn
    shown = screen(term.output)
    added = [line for line in shown if re.fullmatch(r"cardscan: .*\.png: added #\d", line)]
    assert len(added) == 3
    assert not any("reading cards" in line for line in shown)  # the bar is gone, eats nothing
    for number in (1, 2, 3):
        at = shown.index(f"#{number}")
        assert shown[at + 1].startswith("  name     ")
    assert [line for line in shown if line][
        -1
    ] == "cardscan: 3 added, 0 updated, 0 skipped, 0 failed"


def _doubtful_card(name: str, folder: Path) -> Path:
    """Write a small, soft copy of a sample card: its email reads doubtfully."""
    image = Image.open(SAMPLES / f"{name}.png").convert("RGB")
    small = image.resize((int(image.width * 0.45), int(image.height * 0.45)), Image.BILINEAR)
    path = folder / f"{name}.png"
    small.filter(ImageFilter.GaussianBlur(0.8)).save(path)
    return path


def _until_email_question(term: Terminal) -> str:
    """Keep what was read for each doubtful field asked before the email (a soft photo makes
    every field doubtful: "retake the photo"); return all that was shown up to the question."""
    shown = ""
    while True:
        chunk = term.read_until(r"\n  [^\n]*: $")
        shown += chunk
        if [line for line in screen(chunk) if line][-1].startswith("  email ["):
            return shown
        term.answer("")


def _keep_the_rest(term: Terminal) -> None:
    """Keep what was read for each field still asked about, until the command ends."""
    while True:
        try:
            term.read_until(r"\n  [^\n]*: $", timeout=30)
        except AssertionError:  # no more questions: the command has ended
            return
        term.answer("")


def test_review_in_a_batch_asks_with_the_bar_paused(
    tmp_path: Path, env: dict[str, str], db_path: Path
) -> None:
    folder = tmp_path / "cards"
    folder.mkdir()
    first, second = (_doubtful_card(n, folder) for n in ("coralline", "tidewater"))
    term = Terminal(["add", "--review", "-j", "1", str(folder)], env)
    asked = _until_email_question(term)
    assert str(first) in asked and "why: " in asked
    term.answer("not an email")
    again = term.read_until(r"  email \[[^\]]*\]: $")
    assert "not an email address" in again
    term.answer("")  # keep what was read
    asked = _until_email_question(term)
    assert str(second) in asked
    term.answer("m.okafor@tidewater-instruments.example")
    _keep_the_rest(term)
    code = term.finish()
    assert code == 0, "\n".join(screen(term.output)[-12:])
    shown = screen(term.output)
    prompts = [line for line in shown if line.startswith("  email [")]
    assert [p.split("]:")[1].strip() for p in prompts] == [
        "not an email",
        "",
        "m.okafor@tidewater-instruments.example",
    ]
    assert not any("reading cards" in line for line in shown)
    with ContactStore(db_path) as store:
        contacts = store.list()
    assert contacts[1].contact.emails == ("m.okafor@tidewater-instruments.example",)
    assert all(c.contact.confidence["emails"] == 1.0 for c in contacts)  # checked by a person


@pytest.fixture
def stored(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        store.add(
            Contact(
                name="Maximiliane Rosenthal-Oberhauser",
                title="Senior Vice President of Global Partnerships",
                company="Nordlicht Energiesysteme Aktiengesellschaft",
                emails=("maximiliane.rosenthal-oberhauser@nordlicht-energie.example",),
                phones=(Phone("+4930901820", "work"),),
                confidence={"title": 0.3},
                warnings=("title: low confidence (0.30)",),
            ),
            Meeting("Energy summit", date(2026, 11, 2)),
        )
        store.add(Contact(name="Ola Nordmann", emails=("ola@example.test",)))


@pytest.mark.parametrize("command", [["list"], ["due"]])
def test_tables_fit_the_terminal(stored: None, env: dict[str, str], command: list[str]) -> None:
    term = Terminal(command, env, columns=72)
    assert term.finish() == 0
    shown = [line for line in screen(term.output) if line]
    table = [line for line in shown if not line.startswith("cardscan:")]
    assert table[0].split()[:2] in (["id", "name"], ["id", "date"])
    assert len(table) == 3  # a header and one line per contact: nothing wraps
    assert all(len(line) <= 72 and "\t" not in line for line in table)
    assert any("…" in line for line in table)  # long cells are cut, not wrapped


def test_doubt_markers_are_coloured_unless_no_color(stored: None, env: dict[str, str]) -> None:
    coloured = Terminal(["show", "1"], env)
    assert coloured.finish() == 0
    assert re.search(r"\x1b\[[0-9;]*m\?", coloured.output)
    plain = Terminal(["show", "1"], env | {"NO_COLOR": "1"})
    assert plain.finish() == 0
    assert not re.search(r"\x1b\[[0-9;]*(3[0-9]|9[0-7])[;m]", plain.output)  # bold, no colour
    assert "? title    Senior Vice President of Global Partnerships" in screen(plain.output)


def test_stored_values_are_shown_as_written_not_as_markup(
    db_path: Path, env: dict[str, str]
) -> None:
    """A name from a shared vCard that looks like rich markup is shown as it is written."""
    with ContactStore(db_path) as store:
        store.add(Contact(name="[bold red]Mallory[/] Quinn", emails=("mq@example.test",)))
    term = Terminal(["list"], env, columns=100)
    assert term.finish() == 0
    assert any("[bold red]Mallory[/] Quinn" in line for line in screen(term.output))
