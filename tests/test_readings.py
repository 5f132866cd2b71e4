"""Readings combined: which Latin-script words may respell a field, and how; what another
engine's reading may fill (table-driven)."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cardscan.cli import app
from cardscan.contact import Contact, Phone
from cardscan.model import Box, OcrLine, OcrResult, OcrWord
from cardscan.parse.accents import (
    accented_spellings,
    doubted_spellings,
    respell,
    spelled_alike_in,
    without_grain_marks,
    worth_a_second_look,
)
from cardscan.parse.readings import combine, with_other_engine
from cardscan.pipeline import scan_file
from cardscan.settings import EngineOptions, ParseOptions, ScanSettings


def reading(*words: tuple[str, float]) -> OcrResult:
    line = OcrLine(tuple(OcrWord(t, Box(0, 0, 10, 10), c) for t, c in words))
    return OcrResult((line,), 100, 20)


SPELLINGS = accented_spellings(
    reading(
        ("Élodie", 0.93),
        ("Brückner", 0.91),
        ("Générale", 0.88),
        ("Łukasz", 0.90),
        ("Weiß", 0.95),
        ("Conceição", 0.90),
        ("Côté", 0.90),
        ("Søren", 0.90),
        ("Graça", 0.93),
        ("Groß", 0.95),
        ("Dvorřák", 0.65),  # the caron read as a letter and a mark
        ("Renée", 0.90),
        ("Smïth", 0.30),  # too unsure to add an accent
        ("Marchetti", 0.96),  # no accent: nothing to offer
    )
)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        pytest.param("Elodie Marchetti", "Élodie Marchetti", id="first-name"),
        pytest.param("ELODIE MARCHETTI", "ÉLODIE MARCHETTI", id="keeps-upper-case"),
        pytest.param("Johanna Bruckner", "Johanna Brückner", id="umlaut"),
        pytest.param("Directrice Generale", "Directrice Générale", id="title-word"),
        pytest.param("Lukasz Nowak", "Łukasz Nowak", id="stroke-letter"),
        pytest.param("Bruckner, PhD", "Brückner, PhD", id="keeps-punctuation"),
        pytest.param("(Elodie)", "(Élodie)", id="inside-brackets"),
        pytest.param("Konstantin Weiss", "Konstantin Weiss", id="different-length-left-alone"),
        pytest.param("John Smith", "John Smith", id="low-confidence-ignored"),
        pytest.param("Elodia Marchetti", "Elodia Marchetti", id="other-letters-left-alone"),
        pytest.param("Élodie", "Élodie", id="already-accented"),
        pytest.param("Conceigao", "Conceição", id="cedilla-misread-as-g"),
        pytest.param("Coté", "Côté", id="one-of-two-accents-lost"),
        pytest.param("Seren", "Søren", id="slashed-o-misread"),
        pytest.param("Soren Sorensen", "Søren Sorensen", id="only-the-same-length-word"),
        pytest.param("Cote", "Côté", id="all-accents-lost"),
        pytest.param("Gracga Taylor", "Graça Taylor", id="cedilla-read-as-two-letters"),
        pytest.param("Gracgga", "Gracgga", id="at-most-one-extra-letter"),
        pytest.param("Sable Group LLC", "Sable Group LLC", id="extra-letter-must-follow-the-base"),
        pytest.param("Bxxckner", "Bxxckner", id="plain-letters-must-agree"),
        pytest.param(
            "David Dvorak", "David Dvořák", id="caron-read-as-its-letter-and-the-accented-one"
        ),
        pytest.param("Renee Dubois", "Renée Dubois", id="an-accent-beside-its-plain-letter-stays"),
        pytest.param("", "", id="empty"),
    ],
)
def test_respell(value: str, expected: str) -> None:
    assert respell(value, SPELLINGS) == expected


def test_only_confident_accented_words_are_offered() -> None:
    assert set(SPELLINGS) == {
        "Élodie",
        "Brückner",
        "Générale",
        "Łukasz",
        "Weiß",
        "Conceição",
        "Côté",
        "Søren",
        "Graça",
        "Groß",
        "Dvorřák",
        "Dvořák",  # without the letter read beside its accented form
        "Renée",
        "René",
    }


@pytest.mark.parametrize(
    ("word", "confidence", "kept"),
    [
        pytest.param("HỌ", 0.66, "HO", id="caps-photo-grain-under-a-letter"),
        pytest.param("Roọssi,", 0.50, "Roossi,", id="grain-dot-below-punctuation-kept"),
        pytest.param("Ngọc", 0.90, "Ngọc", id="vietnamese-name-read-surely-keeps-its-dot"),
        pytest.param("Nguyễn", 0.50, "Nguyễn", id="other-marks-are-not-grain"),
        pytest.param("Rossi", 0.50, "Rossi", id="plain-word-untouched"),
    ],
)
def test_a_dot_below_read_unsurely_is_grain(word: str, confidence: float, kept: str) -> None:
    cleaned = without_grain_marks(reading((word, confidence), ("Le", 0.9)))
    assert [w.text for w in cleaned.lines[0].words] == [kept, "Le"]


ENGLISH = Contact(
    name="Raul Nunez",
    given_name="Raul",
    family_name="Nunez",
    title="Directeur General",
    company="Nunez SA",
    emails=("raul@nunez.example",),
    phones=(Phone("+34911234567", "work"),),
    confidence={"name": 0.9, "emails": 0.95, "phones": 0.9},
    warnings=("phones: low confidence (0.5)",),
)
LATIN = Contact(
    name="Raúl Núñez",
    given_name="Raúl",
    family_name="Núñez",
    emails=("raui@nunez.example",),
    phones=(Phone("+34911234561", "work"),),
    confidence={"name": 0.8, "emails": 0.4},
    warnings=("email: low confidence (0.4)",),
)


@pytest.mark.parametrize(
    ("english", "latin", "spellings", "expected"),
    [
        pytest.param(
            ENGLISH,
            LATIN,
            [],
            {"name": "Raúl Núñez", "given_name": "Raúl", "family_name": "Núñez"},
            id="name-from-the-latin-reading",
        ),
        pytest.param(
            ENGLISH,
            LATIN,
            ["Général"],
            {"title": "Directeur Général", "company": "Nunez SA"},
            id="title-from-english-respelled",
        ),
        pytest.param(
            ENGLISH,
            LATIN,
            [],
            {"emails": ("raul@nunez.example",), "phones": (Phone("+34911234567", "work"),)},
            id="contact-data-from-english",
        ),
        pytest.param(
            replace(ENGLISH, emails=()),
            LATIN,
            [],
            {"emails": ("raui@nunez.example",)},
            id="latin-email-when-english-has-none",
        ),
        pytest.param(
            ENGLISH,
            replace(LATIN, name=None, given_name=None, family_name=None),
            ["Raúl"],
            {"name": "Raúl Nunez", "given_name": "Raúl"},
            id="english-name-respelled-when-latin-has-none",
        ),
        pytest.param(
            ENGLISH,
            LATIN,
            [],
            {
                "confidence": {"name": 0.8, "emails": 0.95, "phones": 0.9},
                "warnings": (
                    "phones: low confidence (0.5)",
                    # the Latin-script reading's "...561" is the same number a digit apart
                    "phone: +34911234567 was also read as +34911234561; check it",
                ),
            },
            id="confidence-and-warnings-follow-the-field",
        ),
        pytest.param(
            replace(ENGLISH, company="Nordlicht GmbH", emails=("raul@nordlicht.example",)),
            replace(LATIN, company="Nordliicht GmbH"),
            [],
            {"company": "Nordlicht GmbH"},
            id="company-the-domain-agrees-with",
        ),
        pytest.param(
            replace(ENGLISH, name="Rau Nunez", emails=("raul.nunez@nunez.example",)),
            replace(LATIN, name="Raul Nunez"),
            [],
            {"name": "Raul Nunez"},
            id="latin-name-when-both-agree-with-the-email",
        ),
        pytest.param(
            replace(ENGLISH, name="Raul Nunez", emails=("rnunez@nunez.example",)),
            replace(LATIN, name="Rau Nunes"),
            [],
            {"name": "Raul Nunez"},
            id="english-name-when-only-it-agrees-with-the-email",
        ),
        pytest.param(
            replace(ENGLISH, emails=("nunez@nunez.example",)),
            replace(LATIN, emails=("raul_nunez@nunez.example",)),
            [],
            {"emails": ("raul_nunez@nunez.example",)},
            id="address-that-holds-more-of-the-name",
        ),
        pytest.param(
            replace(ENGLISH, emails=("raul@nunez.example",)),
            replace(LATIN, emails=("raul@nunez.example", "jobs@nunez.example")),
            [],
            {"emails": ("raul@nunez.example",)},
            id="english-addresses-otherwise",
        ),
        pytest.param(
            replace(ENGLISH, emails=("raul@saffronleaf.example", "hello@saffronieaf.example")),
            replace(LATIN, emails=("raul@saffronleaf.example", "hello@saffronleaf.example")),
            [],
            {"emails": ("raul@saffronleaf.example", "hello@saffronleaf.example")},
            id="domain-spelled-as-most-readings-spell-it",
        ),
        pytest.param(
            replace(ENGLISH, emails=("raul@nunez.ccom",), websites=()),
            replace(LATIN, emails=("raul@nunez.com",), websites=("www.nunez.com",)),
            [],
            {"emails": ("raul@nunez.com",)},
            id="domain-the-website-of-either-reading-agrees-with",
        ),
        pytest.param(
            replace(ENGLISH, name="Seren D. Tanaka", emails=("soren_tanaka@juniper.example",)),
            replace(LATIN, name="Søren D."),
            ["Søren"],
            {"name": "Søren D. Tanaka"},
            id="a-word-the-latin-reading-lost-and-the-email-spells",
        ),
        pytest.param(
            replace(ENGLISH, name="Seren D. Tanaka Oo", emails=("soren@juniper.example",)),
            replace(LATIN, name="Søren D. Tanaka"),
            ["Søren"],
            {"name": "Søren D. Tanaka"},
            id="an-extra-word-the-email-does-not-spell-is-not-taken",
        ),
        pytest.param(
            replace(
                ENGLISH,
                name="Matgorzata Lis",
                emails=("maigorzata.lis@wisla.example",),
                confidence={"name": 0.94},
            ),
            replace(
                LATIN,
                name="Małgorzata Lis",
                emails=("malgorzata.lis@wisla.example",),
                confidence={"name": 0.62},
            ),
            [],
            {"name": "Małgorzata Lis", "emails": ("malgorzata.lis@wisla.example",)},
            id="the-address-spelling-of-either-reading-that-spells-the-name",
        ),
        pytest.param(
            replace(ENGLISH, name="Ana Ivanova", confidence={"name": 0.78}),
            replace(LATIN, name="Ana Iivanova", confidence={"name": 0.67}),
            [],
            {"name": "Ana Ivanova", "confidence": {"name": 0.78}},
            id="surer-english-name-when-the-spellings-differ",
        ),
        pytest.param(
            replace(ENGLISH, name="Ana Ivanovo", confidence={"name": 0.60}),
            replace(LATIN, name="Ana Ivanova", confidence={"name": 0.67}),
            [],
            {"name": "Ana Ivanova"},
            id="surer-latin-name-when-the-spellings-differ",
        ),
        pytest.param(
            replace(ENGLISH, name="Ana Ivanova", title="Head of Partnerships"),
            replace(LATIN, name="Headof Partnerships", title=None),
            [],
            {"name": "Ana Ivanova", "title": "Head of Partnerships"},
            id="not-a-name-the-other-reading-holds-as-title",
        ),
        pytest.param(
            replace(ENGLISH, name="Headof Partnerships", title="Head of Partnerships"),
            replace(LATIN, name="Raúl Núñez", title="Head of Partnerships"),
            [],
            {"name": "Raúl Núñez"},
            id="not-a-name-its-own-reading-holds-as-title",
        ),
        pytest.param(
            replace(ENGLISH, name="Cea Crep Eau", emails=("lcrepeau@meridian.example",)),
            replace(LATIN, name="Léa Crépeau", emails=("lcrepeau@meridian.example",)),
            [],
            {"name": "Léa Crépeau"},
            id="caps-spaced-photo-english-split-the-accented-word-the-email-spells-it-whole",
        ),
        pytest.param(
            replace(ENGLISH, title="Technical Recruiter", confidence={"title": 0.95}),
            replace(LATIN, title="Teghnical Recruiter", confidence={"title": 0.6}),
            [],
            {"title": "Technical Recruiter"},
            id="photo-latin-reading-misread-a-plain-letter-the-surer-english-title-stands",
        ),
        pytest.param(
            replace(ENGLISH, title="Directeur General", confidence={"title": 0.95}),
            replace(LATIN, title="Directeur Général", confidence={"title": 0.8}),
            [],
            {"title": "Directeur Général"},
            id="titles-differing-only-by-accents-the-latin-reading-keeps-its-accents",
        ),
    ],
)
def test_combine_takes_each_field_from_the_better_reader(
    english: Contact, latin: Contact, spellings: list[str], expected: dict[str, object]
) -> None:
    combined = combine(english, latin, spellings)
    for field, value in expected.items():
        assert getattr(combined, field) == value, field


@pytest.mark.parametrize(
    ("english", "latin", "doubted", "expected"),
    [
        pytest.param(
            replace(ENGLISH, title="Project Manager"),
            replace(LATIN, title="Projeċt Manager"),
            {"Projeċt"},
            {"title": "Project Manager"},
            id="no-accent-the-latin-reading-doubted",
        ),
        pytest.param(
            replace(ENGLISH, title="Project Manager"),
            replace(LATIN, title="Projeċt Manager"),
            set(),
            {"title": "Projeċt Manager"},
            id="an-accent-it-did-not-doubt-stays",
        ),
        pytest.param(
            replace(ENGLISH, name="Jurgen Muller"),
            replace(LATIN, name="Jürgen Müller"),
            {"Projeċt"},
            {"name": "Jürgen Müller"},
            id="doubt-elsewhere-changes-nothing",
        ),
        pytest.param(
            replace(ENGLISH, name=None, given_name=None, family_name=None, title="Project Manager"),
            replace(LATIN, name="Projeċt Managor", title=None),
            set(),
            {"name": None, "title": "Project Manager"},
            id="a-misread-title-is-no-name",
        ),
    ],
)
def test_combine_with_doubted_accents(
    english: Contact, latin: Contact, doubted: set[str], expected: dict[str, object]
) -> None:
    combined = combine(english, latin, [], doubted)
    for field, value in expected.items():
        assert getattr(combined, field) == value, field


def test_doubted_spellings_are_unsure_accented_words() -> None:
    read = reading(("Projeċt", 0.33), ("Jürgen", 0.57), ("Mañana", 0.2), ("Manager", 0.1))
    assert doubted_spellings(read) == {"Projeċt", "Mañana"}


@pytest.mark.parametrize(
    ("text", "confidence", "looked_at"),
    [
        pytest.param("ÂÅke", 0.28, True, id="stray-accent-on-a-display-capital"),
        pytest.param("Åsa,", 0.37, True, id="true-accent-read-unsurely-punctuation-aside"),
        pytest.param("Jürgen", 0.57, True, id="accent-too-unsure-to-add"),
        pytest.param("Jürgen", 0.60, False, id="accent-read-surely-enough"),
        pytest.param("Manager", 0.10, False, id="no-accent-nothing-to-settle"),
        pytest.param("Ọ", 0.20, False, id="one-mark-is-no-word"),
        pytest.param("Rüdiger1", 0.30, False, id="not-a-word-of-letters"),
    ],
)
def test_which_words_get_a_second_look(text: str, confidence: float, looked_at: bool) -> None:
    word = OcrWord(text, Box(0, 0, 10, 10), confidence)
    assert worth_a_second_look(word) is looked_at


@pytest.mark.parametrize(
    ("read_alone", "box", "confirmed"),
    [
        pytest.param("Åsa", Box(60, 100, 120, 60), True, id="accent-the-english-model-lacks"),
        pytest.param("ÅSA,", Box(70, 105, 100, 50), True, id="capitals-and-punctuation-aside"),
        pytest.param("Renċe", Box(300, 100, 120, 60), False, id="grain-as-a-letter-on-a-blur"),
        pytest.param("Åsa", Box(60, 300, 120, 60), False, id="the-word-elsewhere-on-the-card"),
    ],
)
def test_a_word_read_alone_is_confirmed_by_the_other_reading(
    read_alone: str, box: Box, confirmed: bool
) -> None:
    english = OcrResult(
        (
            OcrLine(
                (
                    OcrWord("Asa", Box(60, 100, 120, 60), 0.96),
                    OcrWord("Renée", Box(300, 100, 120, 60), 0.84),
                )
            ),
        ),
        1000,
        600,
    )
    assert spelled_alike_in(english)(OcrWord(read_alone, box, 0.75)) is confirmed


SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "flat" / "vermeil.png"


@pytest.mark.parametrize(
    ("second_reading", "name"),
    [
        pytest.param(True, "Élodie Marchetti", id="two-readings-keep-the-accent"),
        pytest.param(False, "Elodie Marchetti", id="fast-english-only-loses-it"),
    ],
)
def test_second_reading_on_a_real_card(second_reading: bool, name: str) -> None:
    settings = ScanSettings(EngineOptions(second_reading=second_reading), ParseOptions("FR"))
    [result] = scan_file(SAMPLE, settings)
    assert result.contact.name == name


def test_fast_option_reads_once() -> None:
    result = CliRunner().invoke(app, ["scan", "--fast", "--json", str(SAMPLE)])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["name"] == "Elodie Marchetti"


FIRST = Contact(
    name="Jane Doe",
    emails=("jane@acme.example",),
    confidence={"name": 0.9, "emails": 0.95},
)


@pytest.mark.parametrize(
    ("first", "other", "name", "company"),
    [
        pytest.param(
            Contact(name="District Digital", company="Acme", emails=("m.moadeb@dda.example",)),
            Contact(name="Mohamed Moadeb", company="Acme", emails=("m.moadeb@dda.example",)),
            "Mohamed Moadeb",
            "Acme",
            id="photo-first-engine-took-the-agency-line-the-address-spells-the-others-name",
        ),
        pytest.param(
            Contact(name="Jane Doe", company="Bluefin", emails=("jd@northwind.example",)),
            Contact(name="Jane Dae", company="Northwind Labs", emails=("jd@northwind.example",)),
            "Jane Doe",
            "Northwind Labs",
            id="photo-first-engine-took-a-tagline-for-the-company-the-domain-spells-the-others",
        ),
        pytest.param(
            Contact(name="Jane Doe", company="Northwind Labs"),
            Contact(name="JANE DOE", company="NORTHWIND"),
            "Jane Doe",
            "Northwind Labs",
            id="no-address-to-judge-by-the-first-engine-stands",
        ),
    ],
)
def test_other_engine_wins_name_and_company_only_on_the_addresses_evidence(
    first: Contact, other: Contact, name: str, company: str
) -> None:
    combined = with_other_engine(first, other)
    assert (combined.name, combined.company) == (name, company)


@pytest.mark.parametrize(
    ("first", "other", "expected"),
    [
        pytest.param(
            Contact(name="Jane Doe", confidence={"name": 0.9}),
            Contact(
                name="Jane Dae",
                emails=("jane@acme.example",),
                phones=(Phone("+14155550100", "work"),),
                confidence={"name": 0.7, "emails": 0.9, "phones": 0.9},
            ),
            Contact(
                name="Jane Doe",
                emails=("jane@acme.example",),
                phones=(Phone("+14155550100", "work"),),
                confidence={"name": 0.9, "emails": 0.9, "phones": 0.9},
            ),
            id="photo-tesseract-missed-the-contact-data-other-engine-fills-it",
        ),
        pytest.param(
            FIRST,
            Contact(name="Jane Dae", emails=("jane@acme.exarnple",), confidence={"name": 0.99}),
            FIRST,
            id="fields-read-by-the-first-engine-are-never-overwritten",
        ),
        pytest.param(
            Contact(emails=("jane@acme.example",)),
            Contact(
                name="Jane Doe",
                given_name="Jane",
                family_name="Doe",
                warnings=("name: low confidence (0.41)", "emails: repaired"),
            ),
            Contact(
                name="Jane Doe",
                given_name="Jane",
                family_name="Doe",
                emails=("jane@acme.example",),
                warnings=("name: low confidence (0.41)",),
            ),
            id="a-name-only-the-other-engine-read-comes-with-its-parts-and-its-warnings",
        ),
    ],
)
def test_other_engine_fills_only_what_the_first_lacks(
    first: Contact, other: Contact, expected: Contact
) -> None:
    assert with_other_engine(first, other) == expected


WORK, MOBILE = Phone("+14155550134", "work"), Phone("+14155550178", "mobile")


@pytest.mark.parametrize(
    ("first", "other", "emails", "phones"),
    [
        pytest.param(
            Contact(emails=("jane@acme.example",), phones=(WORK,)),
            Contact(emails=("jane@acme.example",), phones=(WORK, MOBILE)),
            ("jane@acme.example",),
            (WORK, MOBILE),
            id="photo-first-engine-missed-the-mobile-of-the-same-office",
        ),
        pytest.param(
            Contact(phones=(WORK,)),
            Contact(phones=(Phone("+14155550184", "work"),)),
            (),
            (WORK,),
            id="a-number-one-digit-apart-is-a-misreading-not-a-second-phone",
        ),
        pytest.param(
            Contact(emails=("jane@acme.example",)),
            Contact(emails=("jane@acrne.example", "sales@acme.example")),
            ("jane@acme.example", "sales@acme.example"),
            (),
            id="a-misread-address-is-not-added-a-second-one-is",
        ),
        pytest.param(
            Contact(emails=("lena@coastaicargo.example",), websites=("www.coastalcargo.example",)),
            Contact(emails=("lena@coastalcargo.example",)),
            ("lena@coastalcargo.example",),
            (),
            id="engines-disagree-on-a-domain-the-website-spells-it",
        ),
        pytest.param(
            Contact(emails=("lena@coastaicargo.example",)),
            Contact(emails=("lena@coastalcargo.example",)),
            ("lena@coastaicargo.example",),
            (),
            id="engines-disagree-with-no-other-evidence-the-first-stands",
        ),
        pytest.param(
            Contact(name="Alessandro Ferri", emails=("sandro.ferri@corona.ch",)),
            Contact(emails=("alessandro.ferri@corona.com",)),
            ("alessandro.ferri@corona.com",),
            (),
            id="photo-first-engine-lost-the-start-of-the-address-the-name-spells-the-other",
        ),
        pytest.param(
            Contact(emails=("tuan@royaicargo.example",), company="Royal Cargo Vietnam"),
            Contact(emails=("tuan@royalcargo.example",)),
            ("tuan@royalcargo.example",),
            (),
            id="engines-disagree-on-a-domain-the-company-spells-it",
        ),
        pytest.param(
            Contact(emails=("jane@acme.example",), phones=(Phone("+14155550135", "work"),)),
            Contact(phones=(WORK,)),
            ("jane@acme.example",),
            (Phone("+14155550135", "work"),),
            id="both-numbers-valid-a-digit-apart-the-first-stands",
        ),
        pytest.param(
            Contact(emails=("jane@acme.co.uk",)),
            Contact(emails=("jane@acme.co.uk", "giulia.jane@acme.couk")),
            ("jane@acme.co.uk",),
            (),
            id="hard-photo-an-address-with-a-made-up-ending-is-not-added",
        ),
        pytest.param(
            Contact(emails=("enchafer@udensterinetnements.qxesaple",)),
            Contact(emails=("m.okafor@tidewater.example",)),
            ("m.okafor@tidewater.example",),
            (),
            id="blurred-photo-first-engine-read-an-undeliverable-address-the-other-a-real-one",
        ),
        pytest.param(
            Contact(emails=("anna.berg@fjord.example",), confidence={"emails": 0.31}),
            Contact(emails=("anna.borg@fjord.example",), confidence={"emails": 0.97}),
            ("anna.borg@fjord.example",),
            (),
            id="hard-photo-first-engine-unsure-other-sure-no-other-evidence-the-sure-one-wins",
        ),
        pytest.param(
            Contact(emails=("anna.berg@fjord.example",), confidence={"emails": 0.85}),
            Contact(emails=("anna.borg@fjord.example",), confidence={"emails": 0.97}),
            ("anna.berg@fjord.example",),
            (),
            id="first-engine-read-it-surely-it-stands",
        ),
        pytest.param(
            Contact(phones=(WORK,), confidence={"phones": 0.3}),
            Contact(phones=(Phone("+14155550139", "work"),), confidence={"phones": 0.95}),
            (),
            (Phone("+14155550139", "work"),),
            id="hard-photo-a-number-read-unsurely-the-sure-reading-of-it-wins",
        ),
        pytest.param(
            Contact(name="Karl-Heinz E. Ly", emails=("ly@latticelabs.example",)),
            Contact(emails=("karlheinz_ly@latticelabs.example",)),
            ("karlheinz_ly@latticelabs.example",),
            (),
            id="underscore-lost-by-the-first-engine-the-other-read-the-whole-address",
        ),
        pytest.param(
            Contact(
                name="Karl-Heinz E. Ly",
                emails=("ly@latticelabs.example",),
                confidence={"emails": 0.57},
            ),
            Contact(emails=("karlheinz_ly@latticelabs.example",), confidence={"emails": 1.0}),
            ("karlheinz_ly@latticelabs.example",),
            (),
            id="underscore-lost-unsurely-its-tail-is-not-one-more-address",
        ),
        pytest.param(
            Contact(emails=("ly@latticelabs.example",)),
            Contact(emails=("info@latticelabs.example",)),
            ("ly@latticelabs.example", "info@latticelabs.example"),
            (),
            id="another-address-of-the-same-domain-is-added",
        ),
    ],
)
def test_other_engine_adds_further_emails_and_phones(
    first: Contact, other: Contact, emails: tuple[str, ...], phones: tuple[Phone, ...]
) -> None:
    combined = with_other_engine(first, other)
    assert (combined.emails, combined.phones) == (emails, phones)
