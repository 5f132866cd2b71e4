"""No silent no-ops, dates that cannot be in the future, help and version, search and alarms."""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from cardscan.cli import app
from cardscan.contact import Contact, Meeting, Phone
from cardscan.errors import ExitCode
from cardscan.store import ContactStore

runner = CliRunner()
# two days ahead: still in the future when the suite, collected before midnight, runs after it
FUTURE = (date.today() + timedelta(days=2)).isoformat()


@pytest.fixture
def stored(db_path: Path) -> int:
    contact = Contact(
        name="Jana Brückner",
        company="Acme GmbH",
        emails=("j.brueckner@acme.example",),
        phones=(Phone("+4930123456", "work"),),
    )
    with ContactStore(db_path) as store:
        store.add(Contact(name="Other Person", emails=("o@x.example",)))
        return store.add(contact, Meeting("Expo", date(2026, 11, 2), tags=("Leads",))).contact_id


@pytest.mark.parametrize("command", ["add", "scan"])
def test_a_folder_without_card_images_is_bad_input(tmp_path: Path, command: str) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    (folder / "notes.txt").write_text("not a card")
    result = runner.invoke(app, [command, str(folder)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert f"no card images in {folder}" in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["add", "x.jpg", "--on", FUTURE], id="add-on"),
        pytest.param(["followup", "1", "--sent", "--on", FUTURE], id="sent-on"),
        pytest.param(["import", "x.vcf", "--on", FUTURE], id="import-on"),
    ],
)
def test_a_day_that_means_the_past_cannot_be_in_the_future(args: list[str]) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == ExitCode.USAGE
    assert "in the future" in result.stderr


@pytest.mark.parametrize(
    ("args", "names"),
    [
        pytest.param(["--search", "bruckner"], ["Jana Brückner"], id="accents"),
        pytest.param(["--search", "+49 30 123456"], ["Jana Brückner"], id="phone"),
        pytest.param(["--search", "expo"], ["Jana Brückner"], id="meeting"),
        pytest.param(["--tag", "LEADS"], ["Jana Brückner"], id="tag-any-case"),
    ],
)
def test_list_and_export_search(stored: int, args: list[str], names: list[str]) -> None:
    listed = runner.invoke(app, ["list", "--json", *args])
    assert [json.loads(line)["name"] for line in listed.stdout.splitlines()] == names
    exported = runner.invoke(app, ["export", "-f", "json", *args])
    assert exported.exit_code == 0, exported.output
    assert [json.loads(line)["name"] for line in exported.stdout.splitlines()] == names


def test_a_search_that_matches_nothing_says_so(stored: int) -> None:
    listed = runner.invoke(app, ["list", "--search", "nobody"])
    assert listed.exit_code == 0
    assert listed.stdout == ""
    assert "no contacts match --search 'nobody'" in listed.stderr
    exported = runner.invoke(app, ["export", "--search", "nobody", "--tag", "leads"])
    assert exported.exit_code == ExitCode.BAD_INPUT
    assert exported.stdout == ""
    assert "no contacts match --search 'nobody' --tag 'leads': nothing exported" in exported.stderr


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert re.fullmatch(r"cardscan \d+\.\d+\.\d+\n", result.stdout)


def test_help_shows_no_python_type_names() -> None:
    names = [c.name or (c.callback.__name__ if c.callback else "") for c in app.registered_commands]
    for name in ["", *names]:
        shown = runner.invoke(app, [name, "--help"] if name else ["--help"]).stdout
        assert not re.search(r"<(str|int|bool|float|list\[|file|path)", shown), name


def test_ics_reminder_has_an_alarm_that_can_be_moved(stored: int, tmp_path: Path) -> None:
    ics = tmp_path / "r.ics"
    args = ["followup", str(stored), "--next", "in 1w", "--ics", str(ics)]
    assert runner.invoke(app, args).exit_code == 0
    (alarm,) = Calendar.from_ical(ics.read_bytes()).walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)
    assert runner.invoke(app, [*args, "--alarm", "7:15", "--force"]).exit_code == 0
    (alarm,) = Calendar.from_ical(ics.read_bytes()).walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(hours=7, minutes=15)
    refused = runner.invoke(app, [*args, "--alarm", "soon"])
    assert refused.exit_code == ExitCode.USAGE
    assert "not a time of day" in refused.stderr
