"""`cardscan edit` and `note` through CliRunner: every field, and every refusal."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from cardscan.cli import app
from cardscan.contact import Contact, Meeting, Phone
from cardscan.errors import ExitCode
from cardscan.store import ContactStore

runner = CliRunner()


@pytest.fixture
def stored(db_path: Path) -> int:
    contact = Contact(
        name="Priya Raman",
        title="Senior Product Manager",
        company="Northwind Analytics Inc.",
        emails=("priya.raman@northwind.example", "priya@home.example"),
        phones=(Phone("+14155550142", "mobile"), Phone("+14155550199", "fax")),
        websites=("www.northwind.example",),
        socials=("@priya",),
    )
    with ContactStore(db_path) as store:
        meeting = Meeting(
            "PyData booth", date(2026, 11, 20), notes=("one", "two"), tags=("pydata",)
        )
        return store.add(contact, meeting).contact_id


def edit_json(contact_id: int, *args: str) -> dict[str, Any]:
    result = runner.invoke(app, ["edit", str(contact_id), *args, "--json"])
    assert result.exit_code == 0, result.output
    return dict(json.loads(result.stdout))


@pytest.mark.parametrize(
    ("args", "key", "expected"),
    [
        pytest.param(["--name", "Priya K. Raman"], "family_name", "Raman", id="name"),
        pytest.param(["--company", ""], "company", None, id="clear-company"),
        pytest.param(["--department", "Growth"], "department", "Growth", id="department"),
        pytest.param(
            ["--address", "500 Market Street, Suite 12, San Francisco, CA 94105"],
            "address_parts",
            {
                "street": "500 Market Street",
                "city": "San Francisco",
                "region": "CA",
                "postcode": "94105",
                "country": None,
                "extended": "Suite 12",
            },
            id="address",
        ),
        pytest.param(
            ["--remove-email", "priya@home.example"],
            "emails",
            ["priya.raman@northwind.example"],
            id="remove-email",
        ),
        pytest.param(
            ["--add-email", "p@new.example"],
            "emails",
            ["priya.raman@northwind.example", "priya@home.example", "p@new.example"],
            id="add-email",
        ),
        pytest.param(
            ["--remove-phone", "fax"],
            "phones",
            [{"number": "+14155550142", "kind": "mobile", "extension": None}],
            id="remove-phone-kind",
        ),
        pytest.param(
            ["--remove-phone", "(415) 555-0142"],
            "phones",
            [{"number": "+14155550199", "kind": "fax", "extension": None}],
            id="remove-phone-number",
        ),
        pytest.param(
            ["--add-phone", "work:+1 415 555 0100 ext. 7"],
            "phones",
            [
                {"number": "+14155550142", "kind": "mobile", "extension": None},
                {"number": "+14155550199", "kind": "fax", "extension": None},
                {"number": "+14155550100", "kind": "work", "extension": "7"},
            ],
            id="add-phone-kind-ext",
        ),
        pytest.param(
            ["--website", "https://northwind.example/team"],
            "websites",
            ["https://northwind.example/team"],
            id="websites",
        ),
        pytest.param(["--remove-social", "@PRIYA"], "socials", [], id="remove-social"),
        pytest.param(["--tag", "Lead", "--untag", "pydata"], "tags", ["Lead"], id="tags"),
        pytest.param(["--remove-note", "1"], "notes", ["two"], id="remove-note"),
        pytest.param(
            ["--met", "PyData Berlin", "--on", "2026-11-21"],
            "meetings",
            [{"met": "PyData Berlin", "met_on": "2026-11-21"}],
            id="meeting",
        ),
    ],
)
def test_edit_changes_each_field(stored: int, args: list[str], key: str, expected: Any) -> None:
    edited = edit_json(stored, *args)
    value = edited[key]
    if key == "notes":
        value = [n["text"] for n in value]
    assert value == expected


@pytest.mark.parametrize(
    ("args", "message"),
    [
        pytest.param([], "nothing to change", id="no-option"),
        pytest.param(["--name", "Priya\nRaman"], "a line break", id="newline-in-name"),
        pytest.param(["--title", "CEO\x1b[2J"], "U+001B", id="escape-in-title"),
        pytest.param(["--add-email", "not an email"], "not an email address", id="email"),
        pytest.param(["--add-phone", "pager:123"], "unknown kind", id="phone-kind"),
        pytest.param(["--add-phone", "12"], "not a phone number", id="phone"),
        pytest.param(["--remove-email", "x@y.example"], "is not one of them", id="remove-missing"),
        pytest.param(["--remove-note", "5"], "has no note 5", id="note-number"),
        pytest.param(["--website", "jane@x.example"], "not a web address", id="website"),
        pytest.param(
            ["--on", (date.today() + timedelta(days=3)).isoformat()], "in the future", id="future"
        ),
    ],
)
def test_edit_refuses_with_a_usage_error(stored: int, args: list[str], message: str) -> None:
    before = runner.invoke(app, ["show", str(stored), "--json"]).stdout
    result = runner.invoke(app, ["edit", str(stored), *args])
    assert result.exit_code == ExitCode.USAGE, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert runner.invoke(app, ["show", str(stored), "--json"]).stdout == before


@pytest.mark.parametrize("text", ["", "   ", "\n"])
def test_a_blank_note_is_a_usage_error(stored: int, text: str) -> None:
    result = runner.invoke(app, ["note", str(stored), text])
    assert result.exit_code == ExitCode.USAGE
    assert "note: is blank" in result.stderr


def test_show_lists_meetings_numbered_notes_and_followup(stored: int) -> None:
    runner.invoke(app, ["followup", str(stored), "--sent", "--on", "2026-11-21"])
    shown = runner.invoke(app, ["show", str(stored)]).stdout
    assert "  met      2026-11-20 - PyData booth" in shown
    assert "  note 1   one\n  note 2   two" in shown
    assert "  followup sent 2026-11-21" in shown
