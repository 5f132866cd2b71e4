"""`cardscan export` and `cardscan import` through CliRunner, against a temporary store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import vobject
from typer.testing import CliRunner

from cardscan.cli import app
from cardscan.contact import Address, Contact, Meeting, Phone
from cardscan.errors import ExitCode
from cardscan.export.vcard import with_scheme
from cardscan.store import CardRecord, ContactStore

runner = CliRunner()
JPEG = b"\xff\xd8\xff\xe0 fictional card image \xff\xd9"
FORMATS = ["vcard", "vcard4", "csv", "google", "json"]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A store with two fictional contacts: #1 met 2026-11-20 tagged 'conf', #2 met 2026-11-25."""
    path = tmp_path / "c.db"
    with ContactStore(path) as store:
        store.add(
            Contact(
                name="Dr. Jane Q. Doe",
                given_name="Jane",
                family_name="Doe",
                title="Head of Data; EMEA",
                company="Example Widgets, Ltd",
                emails=("jane.doe@example-widgets.example",),
                phones=(Phone("+442079460123", "work", "12"), Phone("+447700900456", "mobile")),
                websites=("www.example-widgets.example",),
                socials=("linkedin.com/in/janeqdoe",),
                address=Address("1 High St, London", "1 High St", "London", None, None, "GB"),
            ),
            Meeting(
                met="PyCon UK",
                met_on=date(2026, 11, 20),
                notes=("asked about OCR;\nwants a demo",),
                tags=("conf", "ml"),
            ),
            CardRecord("sha-jane", "ocr text", "jane.jpg", JPEG),
        )
        store.add(
            Contact(company="Northwind", emails=("info@northwind.example",)),
            Meeting(met_on=date(2026, 11, 25)),
        )
    return path


def _invoke(*args: str | Path) -> tuple[int, str, str]:
    result = runner.invoke(app, [str(a) for a in args])
    return result.exit_code, result.stdout, result.stderr


def _fields(path: Path) -> list[dict[str, Any]]:
    """Return the stored contacts' JSON without ids, timestamps and note times."""
    with ContactStore(path) as store:
        contacts = store.list()
    out = []
    for stored in contacts:
        data = stored.to_json()
        for key in ("id", "created_at", "updated_at", "confidence", "warnings", "source"):
            data.pop(key)
        data["notes"] = [n["text"] for n in data["notes"]]
        out.append(data)
    return out


def test_default_is_vcard3_on_stdout_with_message_on_stderr(db: Path) -> None:
    code, out, err = _invoke("export", "--db", db)
    assert code == 0
    cards = list(vobject.readComponents(out))
    assert [c.version.value for c in cards] == ["3.0", "3.0"]
    assert [c.fn.value for c in cards] == ["Dr. Jane Q. Doe", "Northwind"]
    assert err == "cardscan: exported 2 contacts\n"
    raw = runner.invoke(app, ["export", "--db", str(db)]).stdout_bytes
    assert raw.count(b"\r\n") == raw.count(b"\n") > 0  # CRLF line ends, untouched


def test_output_file(db: Path, tmp_path: Path) -> None:
    target = tmp_path / "x.vcf"
    code, out, err = _invoke("export", "--db", db, "-o", target)
    assert (code, out) == (0, "")
    assert err == f"cardscan: exported 2 contacts to {target}\n"
    assert target.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")


def test_json_is_one_object_per_line(db: Path) -> None:
    code, out, _ = _invoke("export", "--db", db, "--format", "json")
    lines = [json.loads(line) for line in out.splitlines()]
    assert code == 0
    assert [(d["id"], d["tags"], d["met"]) for d in lines] == [
        (1, ["conf", "ml"], "PyCon UK"),
        (2, [], None),
    ]


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        pytest.param(["--tag", "conf"], [1], id="tag"),
        pytest.param(["--since", "2026-11-21"], [2], id="since"),
        pytest.param(["--ids", "2,1"], [1, 2], id="ids"),
        pytest.param(["--ids", "2"], [2], id="one-id"),
    ],
)
def test_filters(db: Path, args: list[str], ids: list[int]) -> None:
    code, out, _ = _invoke("export", "--db", db, "-f", "json", *args)
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ids


def test_unknown_id_is_bad_input(db: Path) -> None:
    code, out, err = _invoke("export", "--db", db, "--ids", "1,99")
    assert (code, out) == (ExitCode.BAD_INPUT, "")
    assert err.startswith("cardscan: no contact with id 99 in ")


@pytest.mark.parametrize("fmt", ["vcard", "vcard4"])
def test_photo_embeds_the_card_image(db: Path, fmt: str) -> None:
    code, out, _ = _invoke("export", "--db", db, "-f", fmt, "--photo", "--ids", "1")
    assert code == 0
    card = vobject.readOne(out)
    assert "photo" in card.contents
    if fmt == "vcard":
        assert card.photo.value == JPEG


def test_photo_needs_a_vcard_format(db: Path) -> None:
    code, _, err = _invoke("export", "--db", db, "-f", "csv", "--photo")
    assert code == ExitCode.USAGE
    assert "--photo goes with --format vcard or vcard4" in err


@pytest.mark.parametrize("fmt", [*FORMATS, "outlook"])
def test_export_then_import_into_an_empty_store(db: Path, tmp_path: Path, fmt: str) -> None:
    exported = tmp_path / f"out.{fmt}"
    assert _invoke("export", "--db", db, "-f", fmt, "-o", exported)[0] == 0
    fresh = tmp_path / "fresh.db"
    code, _, err = _invoke("import", exported, "--db", fresh)
    assert code == 0
    assert err.endswith(": 2 added, 0 updated\n")
    before, after = _fields(db), _fields(fresh)
    if fmt == "outlook":  # Outlook has no column for the address as printed, and slots phones
        for contact in (before[0], after[0]):
            contact.pop("address")
            contact["phones"] = sorted(contact["phones"], key=lambda p: p["number"])
    if fmt.startswith("vcard"):  # vCard's URL must carry a scheme: https:// is added
        for contact in before:
            contact["websites"] = [with_scheme(w) for w in contact["websites"]]
    assert after == before


@pytest.mark.parametrize("fmt", FORMATS)
def test_importing_twice_updates_and_does_not_double_notes(
    db: Path, tmp_path: Path, fmt: str
) -> None:
    exported = tmp_path / "out"
    _invoke("export", "--db", db, "-f", fmt, "-o", exported)
    _invoke("import", exported, "--db", db)
    code, _, err = _invoke("import", exported, "--db", db)
    assert code == 0
    assert err.endswith("imported 2 from " + _kind(fmt) + ": 0 added, 2 updated\n")
    assert _fields(db)[0]["notes"] == ["asked about OCR;\nwants a demo"]


def _kind(fmt: str) -> str:
    return {"vcard4": "vcard", "csv": "cardscan"}.get(fmt, fmt)


def test_import_reads_stdin(db: Path, tmp_path: Path) -> None:
    _, out, _ = _invoke("export", "--db", db, "--ids", "1")
    fresh = tmp_path / "fresh.db"
    result = runner.invoke(app, ["import", "-", "--db", str(fresh)], input=out)
    assert result.exit_code == 0
    assert [c["name"] for c in _fields(fresh)] == ["Dr. Jane Q. Doe"]


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        pytest.param(
            b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann\r\n", "vCard 1 has no END:VCARD", id="unclosed"
        ),
        pytest.param(
            b"BEGIN:VCARD\r\nthis is no property\r\nEND:VCARD\r\n",
            "not a vCard line: 'this is no property'",
            id="bad-line",
        ),
        pytest.param(
            b"when,where\r\nmonday,here\r\n", "not a Google, Outlook or cardscan CSV", id="csv"
        ),
        pytest.param(b"\xff\xfe\x00garbage", "not UTF-8 text", id="binary"),
        pytest.param(b'{"name": "Ann"\n', "line 1: not JSON", id="json"),
    ],
)
def test_bad_file_is_one_line_and_exit_4(tmp_path: Path, content: bytes, problem: str) -> None:
    bad = tmp_path / "bad.file"
    bad.write_bytes(content)
    code, out, err = _invoke("import", bad, "--db", tmp_path / "c.db")
    assert (code, out) == (ExitCode.BAD_INPUT, "")
    assert err.startswith(f"cardscan: {bad}: {problem}")
    assert err.count("\n") == 1


def test_missing_file_is_bad_input(tmp_path: Path) -> None:
    code, _, err = _invoke("import", tmp_path / "nope.vcf", "--db", tmp_path / "c.db")
    assert code == ExitCode.BAD_INPUT
    assert err == f"cardscan: {tmp_path / 'nope.vcf'}: no such file\n"


def test_import_uses_region_and_warns_about_unreadable_phones(tmp_path: Path) -> None:
    vcf = tmp_path / "de.vcf"
    vcf.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Klaus Berg\r\nN:Berg;Klaus;;;\r\n"
                   "TEL;TYPE=WORK:030 901820\r\nTEL:call me\r\nEND:VCARD\r\n")  # fmt: skip
    code, _, err = _invoke("import", vcf, "--db", tmp_path / "c.db", "--region", "de")
    assert code == 0
    assert err.splitlines() == [
        f"cardscan: {vcf}: card 1: left out phone 'call me' (not a phone number)",
        "cardscan: imported 1 from vcard: 1 added, 0 updated",
    ]
    assert _fields(tmp_path / "c.db")[0]["phones"] == [
        {"number": "+4930901820", "kind": "work", "extension": None}
    ]
