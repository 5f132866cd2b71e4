"""CLI commands over a temporary store, through typer's CliRunner (no OCR here)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cardscan.cli import app
from cardscan.contact import Contact, Meeting, Phone
from cardscan.errors import ExitCode
from cardscan.store import ContactStore

runner = CliRunner()

SIGNATURE = """\
Priya Raman
Senior Product Manager
Northwind Analytics Inc.
priya.raman@northwind-analytics.com
Mobile: (415) 555-0142
"""


@pytest.fixture
def stored(db_path: Path) -> int:
    contact = Contact(
        name="Priya Raman",
        given_name="Priya",
        family_name="Raman",
        title="Senior Product Manager",
        company="Northwind Analytics Inc.",
        emails=("priya.raman@northwind-analytics.com",),
        phones=(Phone("+14155550142", "mobile"),),
        confidence={"title": 0.4},
        warnings=("title: low OCR confidence (0.40)",),
    )
    with ContactStore(db_path) as store:
        meeting = Meeting(met="PyData booth", met_on=date(2026, 11, 20), tags=("pydata",))
        return store.add(contact, meeting).contact_id


def test_parse_reads_a_signature_from_stdin() -> None:
    result = runner.invoke(app, ["parse", "--json", "-"], input=SIGNATURE)
    assert result.exit_code == 0, result.output
    contact = json.loads(result.stdout)
    assert contact["id"] is None
    assert contact["name"] == "Priya Raman"
    assert contact["emails"] == ["priya.raman@northwind-analytics.com"]
    assert contact["phones"][0]["number"] == "+14155550142"
    assert contact["phones"][0]["kind"] == "mobile"


def test_list_and_show(stored: int) -> None:
    listed = runner.invoke(app, ["list"])
    assert listed.exit_code == 0
    assert listed.stdout.split("\t")[:2] == [f"{stored:>4}", "Priya Raman"]
    shown = runner.invoke(app, ["show", str(stored)])
    assert "Priya Raman" in shown.stdout
    assert "? title    Senior Product Manager" in shown.stdout  # low confidence is marked
    assert "met      2026-11-20 - PyData booth" in shown.stdout
    as_json = json.loads(runner.invoke(app, ["show", str(stored), "--json"]).stdout)
    assert as_json["id"] == stored
    assert as_json["tags"] == ["pydata"]


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        pytest.param(["--search", "northwind"], ["Priya Raman"], id="search-hit"),
        pytest.param(["--search", "nobody"], [], id="search-miss"),
        pytest.param(["--tag", "pydata"], ["Priya Raman"], id="tag"),
    ],
)
def test_list_json_filters(stored: int, args: list[str], expected: list[str]) -> None:
    result = runner.invoke(app, ["list", "--json", *args])
    assert [json.loads(line)["name"] for line in result.stdout.splitlines()] == expected


def test_edit_trusts_what_the_user_typed(stored: int) -> None:
    result = runner.invoke(
        app,
        [
            "edit",
            str(stored),
            "--title",
            "Director of Product",
            "--phone",
            "+44 20 7946 0123",
            "--json",
        ],
    )
    assert result.exit_code == 0, result.output
    edited = json.loads(result.stdout)
    assert edited["title"] == "Director of Product"
    assert edited["confidence"]["title"] == 1.0
    assert edited["warnings"] == []
    assert [p["number"] for p in edited["phones"]] == ["+442079460123"]


def test_edit_refuses_an_invalid_email(stored: int) -> None:
    result = runner.invoke(app, ["edit", str(stored), "--email", "not an email"])
    assert result.exit_code == ExitCode.USAGE
    assert "not an email address" in result.stderr


def test_note_is_added(stored: int) -> None:
    result = runner.invoke(app, ["note", str(stored), "wants the Q3 benchmark"])
    assert result.exit_code == 0
    assert "note 1   wants the Q3 benchmark" in result.stdout


def test_delete_needs_yes_off_a_terminal(stored: int) -> None:
    refused = runner.invoke(app, ["delete", str(stored)])
    assert refused.exit_code == ExitCode.BAD_INPUT
    assert "--yes" in refused.stderr
    deleted = runner.invoke(app, ["delete", str(stored), "--yes"])
    assert deleted.exit_code == 0
    assert runner.invoke(app, ["show", str(stored)]).exit_code == ExitCode.BAD_INPUT


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        pytest.param(
            ["show", "999"], ExitCode.BAD_INPUT, "no contact with id 999", id="unknown-id"
        ),
        pytest.param(["parse", "/no/such.txt"], ExitCode.BAD_INPUT, "/no/such.txt", id="no-text"),
        pytest.param(
            ["add", "/no/such.jpg"], ExitCode.BAD_INPUT, "/no/such.jpg: no such file", id="no-image"
        ),
        pytest.param(
            ["scan", "/no/such.jpg"],
            ExitCode.BAD_INPUT,
            "/no/such.jpg: no such file",
            id="scan-no-image",
        ),
    ],
)
def test_bad_input_is_one_line_and_an_exit_code(
    stored: int, args: list[str], code: int, message: str
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == code
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_a_text_file_named_jpg_is_bad_input(tmp_path: Path) -> None:
    fake = tmp_path / "card.jpg"
    fake.write_text("not really a photo")
    result = runner.invoke(app, ["add", str(fake)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert str(fake) in result.stderr


def test_a_broken_store_is_a_store_error(tmp_path: Path) -> None:
    broken = tmp_path / "broken.db"
    broken.write_text("this is not sqlite")
    result = runner.invoke(app, ["list", "--db", str(broken)])
    assert result.exit_code == ExitCode.STORE_ERROR
    assert "not an SQLite database" in result.stderr
    assert broken.read_text() == "this is not sqlite"


def test_doctor_reports_tesseract_and_the_store() -> None:
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    assert "tesseract  5." in result.stdout or "tesseract  4." in result.stdout
    assert "eng" in result.stdout


def test_doctor_fails_without_tesseract(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PATH", "/nonexistent")
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == ExitCode.MISSING_DEPENDENCY
    assert "tesseract not found" in result.stderr


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    commands = runner.invoke(app, ["--help"]).stdout
    names = [c.name for c in app.registered_commands if c.name] + [
        c.callback.__name__ for c in app.registered_commands if not c.name and c.callback
    ]
    assert len(names) >= 9
    for name in names:
        assert name in commands
        result = runner.invoke(app, [name, "--help"])
        assert result.exit_code == 0, name
        assert f"cardscan {name}" in readme, f"`cardscan {name}` is not in README.md"
