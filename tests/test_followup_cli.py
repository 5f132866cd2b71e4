"""`cardscan followup`, `due` and `templates` through CliRunner against a temp store (no OCR)."""

from __future__ import annotations

import json
from datetime import date, timedelta
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pytest
from icalendar import Calendar
from typer.testing import CliRunner

from cardscan.cli import app
from cardscan.contact import Contact, Meeting
from cardscan.errors import ExitCode
from cardscan.store import ContactStore

runner = CliRunner()


@pytest.fixture
def today() -> date:
    """The CLI's "today", taken as each test starts (not when the suite is collected, which
    may be on the day before); the due logic itself is tested with fixed dates."""
    return date.today()


@pytest.fixture
def db(tmp_path: Path, today: date) -> Path:
    path = tmp_path / "c.db"
    with ContactStore(path) as store:
        store.add(
            Contact(
                name="Dr. Anna Müller",
                given_name="Anna",
                family_name="Müller",
                title="Head of Research",
                company="Beispiel GmbH",
                emails=("anna.mueller@beispiel.test", "anna@home.test"),
            ),
            Meeting(
                met="Informational interview",
                met_on=today - timedelta(days=6),
                notes=("Her team is hiring in Q1",),
            ),
        )
        store.add(
            Contact(name="Sam Okafor", given_name="Sam", family_name="Okafor"),
            Meeting(met="PyData 2026", met_on=today - timedelta(days=9)),
        )
    return path


def invoke(db: Path, *args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, [*args, "--db", str(db)], env=env)
    return result.exit_code, result.stdout, result.stderr


def test_followup_prints_draft_by_default(db: Path, today: date) -> None:
    code, out, _ = invoke(db, "followup", "1")
    assert code == 0
    assert out.startswith('To: "Dr. Anna Müller" <anna.mueller@beispiel.test>\n')
    assert "Subject: Thank you for your time on" in out  # informational, chosen from `met`
    assert "\n\nDear Dr. Müller,\n" in out
    assert "- Her team is hiring in Q1" in out
    week = today + timedelta(days=7)
    assert f"I will follow up by {week:%A}, {week:%B} {week.day}." in out


def test_followup_writes_eml_with_from(db: Path, tmp_path: Path) -> None:
    eml = tmp_path / "draft.eml"
    env = {"CARDSCAN_FROM": "Alex Lee <alex@example.test>"}
    code, out, err = invoke(db, "followup", "1", "-t", "interview", "-o", str(eml), env=env)
    assert (code, out) == (0, "")
    assert f"wrote draft to {eml}" in err
    message = BytesParser(policy=policy.default).parsebytes(eml.read_bytes())
    assert str(message["From"]) == "Alex Lee <alex@example.test>"
    assert message["To"].addresses[0].addr_spec == "anna.mueller@beispiel.test"
    assert message["X-Unsent"] == "1"
    assert message["Subject"].startswith("Thank you for the interview on")


def test_from_option_wins_over_env(db: Path) -> None:
    env = {"CARDSCAN_FROM": "env@example.test"}
    _, out, _ = invoke(db, "followup", "1", "--from", "me@example.test", env=env)
    assert out.startswith("From: me@example.test\n")


def test_mailto_link(db: Path) -> None:
    code, out, _ = invoke(db, "followup", "1", "--mailto")
    assert code == 0
    assert out.startswith("mailto:anna.mueller@beispiel.test?subject=Thank%20you")
    assert "&body=Dear%20Dr.%20M%C3%BCller%2C%0D%0A%0D%0A" in out


def test_long_mailto_falls_back_to_eml(
    db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    with ContactStore(db) as store:
        store.add_note(1, "A long note about the research roadmap. " * 60)
    monkeypatch.chdir(tmp_path)
    code, out, err = invoke(db, "followup", "1", "--mailto")
    assert (code, out) == (0, "")
    assert "wrote the draft to followup-1.eml instead" in err
    assert (tmp_path / "followup-1.eml").read_bytes().startswith(b"To: ")


def test_contact_without_email_fails_cleanly(db: Path) -> None:
    code, out, err = invoke(db, "followup", "2")
    assert code == ExitCode.BAD_INPUT
    assert out == ""
    assert err == "cardscan: #2 Sam Okafor has no email address to write to\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param(["-t", "nope"], "no template named 'nope'", id="template"),
        pytest.param(["--from", "nobody"], "not an email address", id="from"),
    ],
)
def test_bad_input_is_one_line(db: Path, args: list[str], message: str) -> None:
    code, _, err = invoke(db, "followup", "1", *args)
    assert code == ExitCode.BAD_INPUT
    assert message in err
    assert len(err.splitlines()) == 1


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(["--mailto", "--print"], id="two-outputs"),
        pytest.param(["--on", "today"], id="on-without-sent"),
        pytest.param(["--next", "someday"], id="bad-date"),
    ],
)
def test_usage_errors(db: Path, args: list[str]) -> None:
    code, _, _ = invoke(db, "followup", "1", *args)
    assert code == ExitCode.USAGE


def test_tracking_moves_contacts_through_due(db: Path, today: date) -> None:
    _, out, _ = invoke(db, "due", "--json")
    assert [(d["id"], d["kind"]) for d in map(json.loads, out.splitlines())] == [
        (2, "not-followed-up"),  # met 9 days ago: oldest first
        (1, "not-followed-up"),
    ]
    code, out, err = invoke(db, "followup", "2", "--sent", "--on", "yesterday")
    assert (code, out) == (0, "")
    assert f"#2: follow-up sent on {today - timedelta(days=1)}" in err
    code, _, err = invoke(db, "followup", "1", "--next", "+2d", "--step", "send portfolio")
    assert code == 0
    assert f"next step on {today + timedelta(days=2)}: send portfolio" in err
    _, out, _ = invoke(db, "due")
    assert out == ""
    _, out, _ = invoke(db, "due", "--within", "2d")
    assert out.split("\t") == [
        "   1",
        str(today + timedelta(days=2)),
        "due in 2d",
        "Dr. Anna Müller",
        "anna.mueller@beispiel.test",
        "send portfolio\n",
    ]
    _, out, _ = invoke(db, "followup", "1", "--print")
    assert "Next step: send portfolio. I will follow up by" in out


def test_ics_for_next_step(db: Path, tmp_path: Path, today: date) -> None:
    ics = tmp_path / "r.ics"
    code, out, err = invoke(
        db, "followup", "1", "--next", "in 1w", "--step", "call", "--ics", str(ics)
    )
    assert (code, out) == (0, "")
    assert f"wrote reminder for {today + timedelta(weeks=1)}" in err
    (event,) = Calendar.from_ical(ics.read_bytes()).walk("VEVENT")
    assert event.decoded("DTSTART") == today + timedelta(weeks=1)
    assert str(event["SUMMARY"]) == "Follow up with Anna Müller"
    assert "Next step: call" in str(event["DESCRIPTION"])


def test_templates_lists_builtin_and_user(db: Path, isolated_env: Path) -> None:
    folder = isolated_env / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "conference.txt").write_text("Subject: Hello $given_name\n\n$hi\n", "utf-8")
    result = runner.invoke(app, ["templates"])
    rows = [line.split("\t")[:2] for line in result.stdout.splitlines()]
    assert rows == [
        ["conference", str(folder / "conference.txt")],
        ["informational", "built-in"],
        ["interview", "built-in"],
        ["networking", "built-in"],
    ]
    shown = runner.invoke(app, ["templates", "networking"])
    assert shown.stdout.startswith("Subject: Great to meet you$at_met\n\n$hi\n")
    _, out, _ = invoke(db, "followup", "1", "-t", "conference")
    assert "Subject: Hello Anna\n\nHi Anna,\n" in out


def test_unwritable_output_records_nothing(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "missing-dir" / "d.eml"
    code, _, err = invoke(db, "followup", "1", "-o", str(target), "--sent")
    assert code == ExitCode.BAD_INPUT
    assert err == f"cardscan: {target}: cannot write (No such file or directory)\n"
    _, out, _ = invoke(db, "due", "--json")
    assert 1 in [json.loads(line)["id"] for line in out.splitlines()]  # still not followed up
