"""`export --format json` then `import` into an empty store gives back every contact exactly."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from cardscan.cli import app
from cardscan.contact import Address, Contact, Meeting, Phone
from cardscan.store import ContactStore

runner = CliRunner()


def fill(db: Path) -> list[int]:
    """Make a store with everything a contact can hold: meetings, notes, tags, follow-ups."""
    rich = Contact(
        name="Jana Brückner",
        given_name="Jana",
        family_name="Brückner",
        title="Head of Data",
        company="Acme GmbH",
        department="Platform",
        emails=("j.brueckner@acme.example", "jana@home.example"),
        phones=(Phone("+4930123456", "work", "12"), Phone("+4930123499", "fax")),
        websites=("www.acme.example",),
        socials=("linkedin.com/in/jana",),
        address=Address(
            "Hauptstraße 5, 3. Etage, 10115 Berlin",
            "Hauptstraße 5",
            "Berlin",
            None,
            "10115",
            "DE",
            "3. Etage",
        ),
        confidence={"name": 0.55, "emails": 1.0},
        warnings=("name: low confidence (0.55)",),
        source="cards/jana.jpg",
    )
    plain = Contact(name="Ola Nordmann", emails=("ola@nordmann.example",))
    with ContactStore(db) as store:
        first = store.add(rich, Meeting("Design meetup", date(2026, 10, 1), ("a\nb",), ("Leads",)))
        store.add(rich, Meeting("PyCon 2026", date(2026, 11, 20), ("second",), ("pycon",)))
        second = store.add(plain, Meeting(None, date(2026, 11, 1)))
        third = store.add(
            Contact(name="No Meeting", phones=(Phone("+14155550100"),)), met_today=False
        )
        ids = [first.contact_id, second.contact_id, third.contact_id]
    assert (
        runner.invoke(
            app, ["followup", str(ids[0]), "--sent", "--on", "2026-11-21", "--db", str(db)]
        ).exit_code
        == 0
    )
    step = ["followup", str(ids[1]), "--next", "2026-12-24", "--step", "send the deck"]
    assert runner.invoke(app, [*step, "--db", str(db)]).exit_code == 0
    return ids


def shown(db: Path, ids: list[int]) -> list[dict[str, object]]:
    out = []
    for contact_id in ids:
        result = runner.invoke(app, ["show", str(contact_id), "--json", "--db", str(db)])
        assert result.exit_code == 0, result.output
        out.append(json.loads(result.stdout))
    return out


def test_json_export_then_import_is_lossless(tmp_path: Path) -> None:
    original, copy = tmp_path / "a.db", tmp_path / "b.db"
    ids = fill(original)
    backup = tmp_path / "backup.jsonl"
    exported = runner.invoke(
        app, ["export", "-f", "json", "-o", str(backup), "--db", str(original)]
    )
    assert exported.exit_code == 0, exported.output
    imported = runner.invoke(app, ["import", str(backup), "--db", str(copy)])
    assert imported.exit_code == 0, imported.output
    assert "3 added, 0 updated" in imported.stderr
    before, after = shown(original, ids), shown(copy, ids)
    assert after == before
    assert before[0]["followup"] == {"sent_on": "2026-11-21", "next_on": None, "next_step": None}
    assert len(before[0]["meetings"]) == 2  # type: ignore[arg-type]


def test_importing_the_backup_again_adds_nothing(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    ids = fill(db)
    backup = tmp_path / "backup.jsonl"
    runner.invoke(app, ["export", "-f", "json", "-o", str(backup), "--db", str(db)])
    before = shown(db, ids)
    again = runner.invoke(app, ["import", str(backup), "--db", str(db)])
    assert "0 added, 3 updated" in again.stderr
    after = shown(db, ids)
    assert [a | {"updated_at": ""} for a in after] == [b | {"updated_at": ""} for b in before]


GOOGLE = (
    "First Name,Last Name,E-mail 1 - Label,E-mail 1 - Value\r\n"
    "Ada,Lovelace,* Work,ada@lovelace.example\r\n"
)


def test_imported_contacts_are_not_due_unless_met(tmp_path: Path) -> None:
    sheet = tmp_path / "google.csv"
    sheet.write_text(GOOGLE)
    assert runner.invoke(app, ["import", str(sheet)]).exit_code == 0
    due = runner.invoke(app, ["due", "--json"])
    assert due.stdout == ""
    shown_json = json.loads(runner.invoke(app, ["show", "1", "--json"]).stdout)
    assert shown_json["meetings"] == []
    met = runner.invoke(app, ["import", str(sheet), "--met", "Ada's talk", "--on", "2026-11-02"])
    assert met.exit_code == 0, met.output
    items = [json.loads(line) for line in runner.invoke(app, ["due", "--json"]).stdout.splitlines()]
    assert [(i["id"], i["met"], i["met_on"]) for i in items] == [(1, "Ada's talk", "2026-11-02")]
