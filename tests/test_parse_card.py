"""The parser on OCR results with geometry: font size, position, columns, tilt, confidence."""

from __future__ import annotations

import pytest

from cardscan.model import Box, OcrLine, OcrResult, OcrWord
from cardscan.parse import parse_card

#: (text, left, top, height, confidence) of one printed line; words get widths from their length.
Line = tuple[str, int, int, int, float]


def ocr(*lines: Line, tilt: float = 0.0) -> OcrResult:
    """Return an OcrResult of lines laid out as given (tilt: dy per dx, as in a skewed photo)."""
    out = []
    for text, left, top, height, conf in lines:
        words, x = [], left
        for token in text.split(" "):
            if not token:
                x += height // 2  # a double space: a wider gap
                continue
            width = max(1, int(len(token) * height * 0.55))
            words.append(OcrWord(token, Box(x, top + int(tilt * x), width, height), conf))
            x += width + height // 3
        out.append(OcrLine(tuple(words)))
    return OcrResult(tuple(out), 1050, 600)


@pytest.mark.parametrize(
    ("result", "field", "expected"),
    [
        pytest.param(
            ocr(
                ("Corwin Blake", 60, 60, 28, 0.95),
                ("Harlan Voss", 60, 120, 60, 0.95),
                ("hvoss@tallowmere.com", 60, 400, 24, 0.95),
            ),
            "name",
            "Harlan Voss",
            id="email-agreement-picks-name",
        ),
        pytest.param(
            ocr(
                ("Sunniva Brekke", 60, 60, 60, 0.95),
                ("Harbour Lights", 60, 140, 26, 0.95),
                ("T 020 7946 0111", 60, 400, 24, 0.95),
            ),
            "name",
            "Sunniva Brekke",
            id="largest-name-like-line-without-email",
        ),
        pytest.param(
            ocr(("Maren Holt", 60, 100, 40, 0.95), ("maren@holtfabrik.de", 700, 104, 24, 0.95)),
            "name",
            "Maren Holt",
            id="two-columns-on-one-row-are-split",
        ),
        pytest.param(
            ocr(("T 0711 8828776", 60, 100, 24, 0.95), ("M 0176 90968468", 420, 100, 24, 0.95)),
            "phones",
            ("+497118828776", "+4917690968468"),
            id="two-columns-of-phones",
        ),
        pytest.param(
            ocr(
                ("A N S E L M   F R O S T", 60, 60, 40, 0.9),
                ("anselm@frostpoint.com", 60, 300, 24, 0.95),
            ),
            "name",
            "Anselm Frost",
            id="letters-read-one-by-one",
        ),
        pytest.param(
            ocr(
                ("Elodie Marchand de Villiers", 60, 60, 30, 0.95),
                ("Directrice des ventes", 60, 120, 24, 0.95),
                ("Marchand Conseil SAS", 60, 180, 24, 0.95),
                ("emdv@marchand-conseil.fr", 60, 300, 24, 0.95),
                ("Tél. +33 4 99 00 12 12", 60, 360, 24, 0.95),
                tilt=0.12,
            ),
            "name",
            "Elodie Marchand de Villiers",
            id="tilted-photo-lines-still-group",
        ),
        pytest.param(
            ocr(
                ("Quentin Albrecht", 60, 60, 40, 0.95),
                ("|", 400, 60, 40, 0.5),
                ("quentin@albrecht.de", 440, 60, 40, 0.95),
            ),
            "emails",
            ("quentin@albrecht.de",),
            id="separator-glyph-splits-items",
        ),
        pytest.param(
            ocr(
                ("Ilse Brand", 60, 60, 40, 0.95),
                ("D", 60, 200, 44, 0.2),
                ("Lattice Cloud GmbH", 100, 200, 40, 0.95),
                ("ilse@latticecloud.de", 60, 400, 24, 0.95),
            ),
            "company",
            "Lattice Cloud GmbH",
            id="doubtful-logo-mark-before-company-dropped",
        ),
        pytest.param(
            ocr(
                ("Ilse Brand", 60, 60, 40, 0.95),
                ("Site Reliability Engineer", 60, 120, 24, 0.95),
                ("Œ", 390, 120, 24, 0.3),
                ("ilse@latticecloud.de", 60, 400, 24, 0.95),
            ),
            "title",
            "Site Reliability Engineer",
            id="doubtful-icon-after-title-dropped",
        ),
        pytest.param(
            ocr(
                ("Ilse Brand", 60, 60, 40, 0.95),
                ("A", 60, 200, 40, 0.95),
                ("Plus Tutors GmbH", 100, 200, 40, 0.95),
                ("ilse@aplustutors.de", 60, 400, 24, 0.95),
            ),
            "company",
            "A Plus Tutors GmbH",
            id="confident-lone-letter-kept",
        ),
        pytest.param(
            ocr(
                ("Jo Okafor", 60, 60, 40, 0.95),
                ("SCRUM MASTER", 60, 110, 24, 0.95),
                ("Redwood Group, Inc.", 60, 150, 28, 0.95),
                ("jo.okafor@redwoodgroup.example", 560, 60, 24, 0.95),
            ),
            "title",
            "Scrum Master",
            id="title-words-the-vocabulary-lacks-set-under-the-name",
        ),
        pytest.param(
            ocr(
                ("Jo Okafor", 60, 60, 40, 0.95),
                ("Redwood Group, Inc.", 60, 110, 28, 0.95),
                ("jo.okafor@redwoodgroup.example", 60, 400, 24, 0.95),
            ),
            "title",
            None,
            id="no-title-the-company-under-the-name-is-none",
        ),
        pytest.param(
            ocr(
                ("Jo Okafor", 60, 60, 40, 0.95),
                ("Yourtsartn€ Gin witty wth", 60, 110, 24, 0.45),
                ("jo.okafor@redwoodgroup.example", 60, 400, 24, 0.95),
            ),
            "title",
            None,
            id="script-font-garbled-under-the-name-is-no-title",
        ),
        pytest.param(
            ocr(
                ("Jo Okafor", 60, 60, 40, 0.95),
                ("jo.okafor@redwoodgroup.example", 60, 110, 24, 0.95),
                ("Redwood Group, Inc.", 60, 150, 28, 0.95),
                ("Blue sky thinking since", 60, 400, 24, 0.95),
            ),
            "title",
            None,
            id="a-tagline-far-from-the-name-is-no-title",
        ),
        pytest.param(
            ocr(
                ("Apex Labs Ltd.", 60, 40, 50, 0.9),
                ("Technical Recruiter", 60, 290, 30, 0.95),
                ("E: emilyc@apexlabs.example", 60, 400, 30, 0.9),
                ("TAT LEANEAA", 60, 500, 19, 0.0),
            ),
            "name",
            None,
            id="photo-name-unread-a-logo-read-as-letters-at-no-confidence-is-no-name",
        ),
        pytest.param(
            ocr(
                ("Alessand", 60, 40, 70, 0.93),
                ("ro Tanaka", 60, 130, 70, 0.96),
                ("Quantum Ventures", 60, 230, 50, 0.96),
                ("Email alessandro.tanaka@quantumventures.example", 60, 400, 40, 0.9),
            ),
            "name",
            "Alessandro Tanaka",
            id="large-name-the-ocr-broke-over-two-lines-mid-word",
        ),
        pytest.param(
            ocr(
                ("Alessandro", 60, 40, 90, 0.96),
                ("Tanaka", 60, 140, 50, 0.96),
                ("Quantum Ventures", 60, 230, 36, 0.96),
                ("Email alessandro.tanaka@quantumventures.example", 60, 400, 34, 0.9),
            ),
            "name",
            "Alessandro Tanaka",
            id="given-name-set-above-the-family-name",
        ),
        pytest.param(
            ocr(
                ("YAMAMOTO", 60, 40, 66, 0.95),
                ("AVA", 60, 130, 64, 0.95),
                ("INSURANCE BROKER", 60, 230, 40, 0.95),
                ("E ava.yamamoto@starlingdesign.example", 60, 400, 40, 0.9),
            ),
            "name",
            "Ava Yamamoto",
            id="family-name-set-above-the-given-name-the-email-gives-the-order",
        ),
        pytest.param(
            ocr(
                ("Wim Rip", 60, 40, 50, 0.95),
                ("Director Group Development", 60, 110, 33, 0.96),
                ("Hansa Meyer Global", 60, 200, 30, 0.96),
                ("Holding GmbH", 60, 240, 30, 0.96),
                ("w.rip@hansameyer-holding.example", 60, 400, 30, 0.9),
            ),
            "company",
            "Hansa Meyer Global Holding GmbH",
            id="company-set-over-two-lines-its-legal-form-under-it",
        ),
        pytest.param(
            ocr(
                ("Wim Rip", 60, 40, 50, 0.95),
                ("Hansa Meyer Global", 60, 200, 30, 0.96),
                ("Holding GmbH", 60, 320, 30, 0.96),
                ("w.rip@hansameyer-holding.example", 60, 400, 30, 0.9),
            ),
            "company",
            "Holding GmbH",
            id="a-legal-form-printed-apart-from-the-line-above-is-not-joined-to-it",
        ),
        pytest.param(
            ocr(
                ("Chloe Ostergaard", 60, 40, 43, 0.9),
                ("EEE", 60, 300, 40, 0.4),
                ("Ember, Inc.", 60, 345, 40, 0.95),
                ("chloe.ostergaard@ember.example", 60, 500, 30, 0.9),
            ),
            "company",
            "Ember, Inc.",
            id="a-whole-company-name-under-a-logo-read-as-letters-stays-whole",
        ),
        pytest.param(
            ocr(
                ("Chloe Kovacs", 60, 40, 44, 0.94),
                ("Starling", 64, 238, 77, 0.96),
                ("Energy Ltd", 420, 243, 42, 0.96),
                ("E chloe@starlingenergy.example", 60, 400, 41, 0.91),
            ),
            "company",
            "Starling Energy Ltd",
            id="logo-first-word-in-larger-type-beside-the-rest-the-domain-spells-both",
        ),
        pytest.param(
            ocr(
                ("Dribiwood", 60, 40, 96, 0.1),
                ("Cloud", 60, 150, 48, 0.96),
                ("Mateo Thompson", 60, 240, 62, 0.95),
                ("mateo.thompson@driftwoodcloud.example", 60, 400, 27, 0.9),
            ),
            "company",
            "Driftwood Cloud",
            id="logo-word-read-unsurely-above-spelled-as-the-domain-spells-it",
        ),
        pytest.param(
            ocr(
                ("Dribiwood", 60, 40, 96, 0.95),
                ("Cloud", 60, 150, 48, 0.96),
                ("Mateo Thompson", 60, 240, 62, 0.95),
                ("mateo.thompson@driftwoodcloud.example", 60, 400, 27, 0.9),
            ),
            "company",
            "Cloud",
            id="a-word-read-surely-is-not-rewritten-to-fit-the-domain",
        ),
        pytest.param(
            ocr(
                ("SN Sable Networks plc", 60, 40, 56, 0.83),
                ("James Cote", 60, 140, 52, 0.94),
                ("E james_cote@sable-networks.example", 60, 400, 29, 0.91),
            ),
            "company",
            "Sable Networks plc",
            id="logo-initials-before-the-company-the-domain-spells-the-rest",
        ),
        pytest.param(
            ocr(
                ("Kaveri Legal Ltd", 60, 40, 71, 0.72),
                ("Your partner in growth", 60, 130, 25, 0.96),
                ("Santiago Ivanova", 60, 180, 38, 0.94),
                ("PROJECT MANAGER", 60, 240, 19, 0.96),
                ("sivanova@kaverilegal.example", 60, 400, 28, 0.92),
            ),
            "title",
            "Project Manager",
            id="slogan-speaking-to-the-reader-is-no-title",
        ),
        pytest.param(
            ocr(
                ("Ken Sato", 60, 40, 50, 0.95),
                ("imi &", 60, 110, 35, 0.46),
                ("Sourcing Department Head", 60, 160, 29, 0.96),
                ("ken.sato@yokogawa.example", 60, 400, 30, 0.9),
            ),
            "title",
            "Sourcing Department Head",
            id="a-logo-read-as-letters-and-an-ampersand-above-the-title-is-not-its-start",
        ),
        pytest.param(
            ocr(
                ("Jo Okafor", 60, 40, 60, 0.96),
                ("Redwood", 60, 140, 40, 0.96),
                ("Partners", 60, 200, 40, 0.96),
                ("E info@redwood.example", 60, 400, 34, 0.9),
            ),
            "name",
            "Jo Okafor",
            id="two-one-word-lines-no-email-spells-are-not-joined",
        ),
        pytest.param(
            ocr(
                ("Silverline LLP", 60, 40, 50, 0.95),
                ("tukasz Backer", 60, 110, 76, 0.92),
                ("E: lukasz.backer@silverline.example", 60, 400, 45, 0.91),
            ),
            "company",
            "Silverline LLP",
            id="a-name-misread-in-lower-case-under-the-company-is-not-glued-to-it",
        ),
    ],
)
def test_geometry(result: OcrResult, field: str, expected: object) -> None:
    contact = parse_card(result, region="DE" if field == "phones" else "US")
    value = getattr(contact, field)
    if field == "phones":
        value = tuple(p.number for p in value)
    assert value == expected


def test_low_confidence_field_is_warned() -> None:
    result = ocr(("Ysolde Parr", 60, 60, 40, 0.41), ("ysolde@parrworks.com", 60, 300, 24, 0.95))
    contact = parse_card(result)
    assert contact.name == "Ysolde Parr"
    assert contact.confidence["name"] < 0.6
    assert any(w.startswith("name: low confidence") for w in contact.warnings)


def test_repaired_email_lowers_confidence_and_says_why() -> None:
    result = ocr(("Ysolde Parr", 60, 60, 40, 0.95), ("ysolde(at)parrworks.com", 60, 300, 24, 0.95))
    contact = parse_card(result)
    assert contact.emails == ("ysolde@parrworks.com",)
    assert contact.confidence["emails"] < 0.95
    assert any("repaired 'ysolde(at)parrworks.com'" in w for w in contact.warnings)


def test_confident_card_has_no_warnings() -> None:
    result = ocr(("Ysolde Parr", 60, 60, 40, 0.96), ("ysolde@parrworks.com", 60, 300, 24, 0.96))
    contact = parse_card(result)
    assert contact.warnings == ()
    assert set(contact.confidence) == {"name", "emails"}


def test_empty_result_gives_empty_contact() -> None:
    contact = parse_card(OcrResult((), 100, 100))
    assert contact.name is None and contact.emails == () and contact.confidence == {}
