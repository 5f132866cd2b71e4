"""The bundled sample cards: their truth is valid, and the real pipeline reads them (golden)."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

import cv2
import email_validator
import phonenumbers
import pytest
from PIL import Image

from cardscan.pipeline import ScanResult, scan_file
from cardscan.settings import ParseOptions, ScanSettings

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
TRUTH = [json.loads(line) for line in (SAMPLES / "truth.jsonl").read_text().splitlines()]
FLAT = [t for t in TRUTH if t["tier"] == "flat"]
QUICKSTART = next(t for t in TRUTH if t["image"] == "photo/quickstart.jpg")
#: photos of hard capture conditions, by the condition each shows
CAPTURES = {t["capture"]["capture"]: t for t in TRUTH if "capture" in t["capture"]}
#: flatbed scans of several cards, each with the flat rows of the cards it holds
SCANS = json.loads((SAMPLES / "scans.json").read_text())
MAX_TOTAL_BYTES = 3_000_000


def by_image(rows: list[dict[str, Any]]) -> list[Any]:
    return [pytest.param(row, id=row["image"]) for row in rows]


@cache
def scanned(image: str, region: str) -> ScanResult:
    """Return the first card the real pipeline reads in a sample (each image is read once)."""
    return scan_file(SAMPLES / image, ScanSettings(parse=ParseOptions(phone_region=region)))[0]


def test_truth_covers_both_tiers_and_every_layout() -> None:
    assert len(FLAT) >= 12
    assert {t["tier"] for t in TRUTH} == {"flat", "photo"}
    layouts = {"left_stack", "centered", "two_column", "dark_bg", "color_band", "all_caps"}
    assert layouts | {"portrait", "qr"} <= {t["layout"] for t in TRUTH}


def test_every_image_exists_and_samples_stay_small() -> None:
    files = [p for p in SAMPLES.rglob("*") if p.is_file()]
    assert {SAMPLES / t["image"] for t in TRUTH} <= set(files)
    assert {SAMPLES / f"scan/{scan['file']}.jpg" for scan in SCANS} <= set(files)
    assert sum(p.stat().st_size for p in files) < MAX_TOTAL_BYTES


@pytest.mark.parametrize("truth", by_image(TRUTH))
def test_truth_phones_parse_to_their_e164(truth: dict[str, Any]) -> None:
    for phone in truth["phones"]:
        parsed = phonenumbers.parse(phone["display"], truth["region"])
        e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
        assert e164 == phone["number_e164"]
        assert phone["kind"] in {"work", "mobile", "fax"}


@pytest.mark.parametrize("truth", by_image(TRUTH))
def test_truth_emails_are_valid(truth: dict[str, Any]) -> None:
    for email in truth["emails"]:
        email_validator.validate_email(email, check_deliverability=False)


@pytest.mark.parametrize(
    ("image", "orientation", "shown_size"),
    [
        pytest.param("photo/nordlicht.jpg", 6, (1280, 960), id="exif-6"),
        pytest.param("photo/wattlecreek.jpg", 8, (960, 1280), id="exif-8"),
        pytest.param("photo/quickstart.jpg", None, (1600, 1200), id="no-exif"),
    ],
)
def test_photo_exif_orientation(image: str, orientation: int | None, shown_size: tuple) -> None:
    with Image.open(SAMPLES / image) as photo:
        assert photo.getexif().get(0x0112) == orientation
        truth = next(t for t in TRUTH if t["image"] == image)
        assert tuple(truth["capture"]["frame"]) == shown_size
        stored = photo.size if orientation in (None, 1) else photo.size[::-1]
        assert stored == shown_size


def test_qr_sample_encodes_the_cards_vcard() -> None:
    truth = next(t for t in FLAT if t["layout"] == "qr")
    pixels = cv2.imread(str(SAMPLES / truth["image"]))
    assert pixels is not None
    payload, _, _ = cv2.QRCodeDetector().detectAndDecode(pixels)
    assert payload == truth["qr_payload"]
    assert f"EMAIL:{truth['emails'][0]}" in payload.splitlines()


@pytest.mark.parametrize("truth", by_image([t for t in TRUTH if t["layout"] == "qr"]))
def test_pipeline_takes_fields_from_the_qr_code(truth: dict[str, Any]) -> None:
    contact = scanned(truth["image"], truth["region"]).contact
    assert {"name", "emails", "phones"} <= set(contact.qr_fields)
    assert contact.name == truth["name"]
    assert list(contact.emails) == truth["emails"]


# Golden tests: what the real pipeline (preprocess -> Tesseract -> parser) reads on each card.


@pytest.mark.parametrize("truth", by_image([*FLAT, QUICKSTART]))
def test_pipeline_reads_every_email(truth: dict[str, Any]) -> None:
    contact = scanned(truth["image"], truth["region"]).contact
    assert sorted(e.lower() for e in contact.emails) == sorted(truth["emails"])


@pytest.mark.parametrize("truth", by_image([*FLAT, QUICKSTART]))
def test_pipeline_reads_every_phone(truth: dict[str, Any]) -> None:
    contact = scanned(truth["image"], truth["region"]).contact
    assert sorted(p.number for p in contact.phones) == sorted(
        p["number_e164"] for p in truth["phones"]
    )


@pytest.mark.parametrize("truth", by_image(FLAT))
def test_pipeline_reads_the_name(truth: dict[str, Any]) -> None:
    assert scanned(truth["image"], truth["region"]).contact.name == truth["name"]


# Golden tests on photos of hard capture conditions: the fields each must read. Where a field
# is listed as not read, the condition costs it (glare over the email) and the photo says so.


def capture_param(capture: str, fields: tuple[str, ...]) -> Any:
    return pytest.param(CAPTURES.get(capture), fields, id=capture)


def test_every_capture_class_has_a_photo() -> None:
    classes = {"shadow", "glare", "own-colour-desk", "dark-card", "portrait-exif", "tilt-35"}
    assert classes | {"fills-frame"} <= set(CAPTURES)
    assert CAPTURES["portrait-exif"]["capture"]["exif_orientation"] == 6


@pytest.mark.parametrize(
    ("truth", "fields"),
    [
        capture_param("shadow", ("name", "phones")),
        capture_param("glare", ("name", "phones")),
        capture_param("own-colour-desk", ("name", "emails", "phones")),
        capture_param("dark-card", ("name", "emails", "phones")),
        capture_param("portrait-exif", ("name", "emails", "phones")),
        capture_param("tilt-35", ("name", "emails", "phones")),
        capture_param("fills-frame", ("name", "emails", "phones")),
    ],
)
def test_pipeline_reads_photos_of_hard_captures(truth: dict[str, Any], fields: tuple) -> None:
    contact = scanned(truth["image"], truth["region"]).contact
    read = {
        "name": contact.name,
        "emails": sorted(e.lower() for e in contact.emails),
        "phones": sorted(p.number for p in contact.phones),
    }
    expected = {
        "name": truth["name"],
        "emails": sorted(truth["emails"]),
        "phones": sorted(p["number_e164"] for p in truth["phones"]),
    }
    assert {f: read[f] for f in fields} == {f: expected[f] for f in fields}


def test_glare_over_the_email_is_said() -> None:
    truth = CAPTURES["glare"]
    result = scanned(truth["image"], truth["region"])
    assert "glare" in result.card.quality.problems
    assert any(
        w.startswith("glare over the text: retake the photo") for w in result.contact.warnings
    )
    assert all(value <= 0.5 for value in result.contact.confidence.values())


# Golden test on a flatbed scan: several white cards on a white lid, read as cards of their own.


@pytest.mark.parametrize("scan", [pytest.param(s, id=s["file"]) for s in SCANS])
def test_pipeline_reads_each_card_of_a_flatbed_scan_apart(scan: dict[str, Any]) -> None:
    flat = {t["card_id"]: t for t in FLAT}
    results = scan_file(SAMPLES / f"scan/{scan['file']}.jpg", ScanSettings())
    read = [
        (r.contact.name, sorted(r.contact.emails), sorted(p.number for p in r.contact.phones))
        for r in results
    ]
    expected = [
        (t["name"], sorted(t["emails"]), sorted(p["number_e164"] for p in t["phones"]))
        for t in (flat[card_id] for card_id in scan["cards"])
    ]
    assert read == expected  # in reading order, and no card's fields in another's contact
