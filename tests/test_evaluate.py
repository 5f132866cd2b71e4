"""scripts/evaluate.py: the scoring rules on hand-made predictions, and one real run on a sample."""

from __future__ import annotations

import importlib.util
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from cardscan.errors import MissingDependencyError

REPO = Path(__file__).resolve().parent.parent


def _load_script(name: str) -> ModuleType:
    if str(REPO / "scripts") not in sys.path:
        sys.path.append(str(REPO / "scripts"))  # as when run: evaluate imports scoring
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


sc = _load_script("scoring")
ev = _load_script("evaluate")

TRUTH: dict[str, Any] = {
    "image": "flat/x.png",
    "tier": "flat",
    "region": "GB",
    "name": "Zoë  van der Berg",
    "title": "Head of R&D",
    "company": "Fernleaf Ltd.",
    "emails": ["Zoe@Fernleaf.example", "info@fernleaf.example"],
    "phones": [
        {"number_e164": "+442079460123", "kind": "work"},
        {"number_e164": "+447700900456", "kind": "mobile"},
    ],
    "websites": ["https://www.fernleaf.example/"],
    "socials": [],
    "address": "1 Mill Lane, Bristol BS1 4QA",
}


def prediction(**changes: Any) -> dict[str, Any]:
    """Return a fully right prediction for TRUTH, with some fields changed."""
    right = {
        "image": "flat/x.png",
        "name": "Zoë van der Berg",
        "title": "head of r & d",
        "company": "Fernleaf Ltd",
        "emails": ["zoe@fernleaf.example", "info@fernleaf.example"],
        "phones": [
            {"number": "+442079460123", "kind": "work"},
            {"number": "+447700900456", "kind": "mobile"},
        ],
        "websites": ["fernleaf.example"],
        "address": "1 Mill Lane, Bristol BS1 4QA",
    }
    return right | changes


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("  Jane \n Doe ", "Jane Doe", id="spaces"),
        pytest.param("Zoe\u0308", "Zoë", id="nfc"),
        pytest.param(None, "", id="none"),
    ],
)
def test_clean_spaces(raw: str | None, expected: str) -> None:
    assert sc.clean_spaces(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("Acme, Inc.", "acme inc", id="punctuation"),
        pytest.param("ÉCOLE  Lumière", "école lumière", id="accents-kept"),
        pytest.param("R&D_Lab", "r d lab", id="underscore"),
    ],
)
def test_norm_text(raw: str, expected: str) -> None:
    assert sc.norm_text(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("mailto:Jane@Acme.example", "jane@acme.example", id="mailto-case"),
        pytest.param("<jane@acme.example>,", "jane@acme.example", id="edge-punct"),
    ],
)
def test_norm_email(raw: str, expected: str) -> None:
    assert sc.norm_email(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        pytest.param("https://www.acme.example/about?x=1", "acme.example", id="scheme-www-path"),
        pytest.param("WWW2.Acme.example.", "acme.example", id="www2-trailing-dot"),
        pytest.param("shop.acme.example", "shop.acme.example", id="subdomain-kept"),
    ],
)
def test_norm_website(raw: str, expected: str) -> None:
    assert sc.norm_website(raw) == expected


@pytest.mark.parametrize(
    ("raw", "region", "expected"),
    [
        pytest.param("020 7946 0123", "GB", "+442079460123", id="national"),
        pytest.param("+1 (415) 555-0134", "GB", "+14155550134", id="international"),
        pytest.param("12", "US", "invalid:12", id="too-short"),
        pytest.param("call me", "US", "invalid:call me", id="not-a-number"),
    ],
)
def test_phone_key(raw: str, region: str, expected: str) -> None:
    assert sc.phone_key(raw, region) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        pytest.param("", "", 1.0, id="both-empty"),
        pytest.param("abcd", "abcd", 1.0, id="same"),
        pytest.param("abcd", "abce", 0.75, id="one-edit"),
        pytest.param("abcd", "", 0.0, id="one-empty"),
        pytest.param("kitten", "sitting", 1 - 3 / 7, id="classic"),
    ],
)
def test_similarity(a: str, b: str, expected: float) -> None:
    assert sc.similarity(a, b) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("true", "predicted", "address"),
    [
        pytest.param("1 Mill Lane, Bristol", "1 mill lane bristol", 1.0, id="normalised-equal"),
        pytest.param(None, None, 1.0, id="none-and-none"),
        pytest.param(None, "Suite 200", 0.0, id="invented-address"),
        pytest.param("1 Mill Lane", None, 0.0, id="missed-address"),
    ],
)
def test_address_similarity(true: str | None, predicted: str | None, address: float) -> None:
    assert sc.address_similarity(true, predicted) == pytest.approx(address)


def test_a_right_prediction_scores_full_marks() -> None:
    score = sc.score_image(TRUTH, prediction())
    assert (score.name, score.name_ci, score.title, score.company) == (True, True, True, True)
    assert score.emails == sc.SetMatch(2, 2, 2)
    assert score.phones == sc.SetMatch(2, 2, 2)
    assert score.phone_kinds == sc.KindMatch(2, 2)
    assert score.websites == sc.SetMatch(1, 1, 1)
    assert score.address == 1.0
    assert score.card_ok


@pytest.mark.parametrize(
    ("changes", "field", "expected"),
    [
        pytest.param({"name": "ZOË VAN DER BERG"}, "name", False, id="name-case-wrong"),
        pytest.param({"name": "ZOË VAN DER BERG"}, "name_ci", True, id="name-ci-forgives-case"),
        pytest.param({"name": "Zoe van der Berg"}, "name_ci", False, id="name-accent-counts"),
        pytest.param({"title": "Head of R and D"}, "title", False, id="title-word-differs"),
        pytest.param({"company": "Fernleaf"}, "company", False, id="company-suffix-missing"),
        pytest.param(
            {"emails": ["zoe@fernleaf.example"]}, "emails", sc.SetMatch(1, 1, 2), id="email-missed"
        ),
        pytest.param(
            {"emails": [*prediction()["emails"], "x@y.example"]},
            "emails",
            sc.SetMatch(2, 3, 2),
            id="email-extra",
        ),
        pytest.param(
            {"phones": ["020 7946 0123", "07700 900456"]},
            "phones",
            sc.SetMatch(2, 2, 2),
            id="phone-strings-in-region",
        ),
        pytest.param(
            {"phones": [{"number": "+442079460124", "kind": "work"}]},
            "phones",
            sc.SetMatch(0, 1, 2),
            id="phone-digit-wrong",
        ),
        pytest.param(
            {"phones": [{"number": "+442079460123", "kind": "fax"}]},
            "phone_kinds",
            sc.KindMatch(0, 1),
            id="phone-kind-wrong",
        ),
        pytest.param(
            {"phones": ["+442079460123"]},
            "phone_kinds",
            sc.KindMatch(0, 0),
            id="phone-without-kind-not-compared",
        ),
        pytest.param({"websites": []}, "websites", sc.SetMatch(0, 0, 1), id="website-missed"),
        pytest.param(
            {"address": "1 Mill Ln, Bristol BS1 4QA"},
            "address",
            pytest.approx(1 - 2 / 27),  # 2 edits in "1 mill lane bristol bs1 4qa" (27)
            id="address-near",
        ),
    ],
)
def test_one_wrong_field(changes: dict[str, Any], field: str, expected: Any) -> None:
    assert getattr(sc.score_image(TRUTH, prediction(**changes)), field) == expected


@pytest.mark.parametrize(
    ("changes", "card_ok"),
    [
        pytest.param({"title": None, "address": None, "websites": []}, True, id="core-right"),
        pytest.param({"name": "Zoe van der Berg"}, False, id="name-wrong"),
        pytest.param({"emails": ["zoe@fernleaf.example"]}, False, id="email-missing"),
        pytest.param({"phones": []}, False, id="phones-missing"),
    ],
)
def test_card_ok_needs_name_emails_and_phones(changes: dict[str, Any], card_ok: bool) -> None:
    assert sc.score_image(TRUTH, prediction(**changes)).card_ok is card_ok


def test_empty_prediction_scores_zero_but_no_false_positives() -> None:
    score = sc.score_image(TRUTH, ev.empty_prediction("flat/x.png"))
    assert not (score.name or score.title or score.card_ok)
    assert score.emails == sc.SetMatch(0, 0, 2)
    assert ev._precision([score.emails]) == 0.0
    assert ev._recall([score.emails]) == 0.0


@pytest.mark.parametrize(
    ("matches", "precision", "recall"),
    [
        pytest.param([sc.SetMatch(1, 2, 1), sc.SetMatch(1, 1, 3)], 2 / 3, 2 / 4, id="micro"),
        pytest.param([sc.SetMatch(0, 0, 0)], 1.0, 1.0, id="nothing-to-find"),
        pytest.param([sc.SetMatch(0, 2, 0)], 0.0, 1.0, id="only-false-positives"),
    ],
)
def test_micro_precision_recall(matches: list[Any], precision: float, recall: float) -> None:
    assert ev._precision(matches) == pytest.approx(precision)
    assert ev._recall(matches) == pytest.approx(recall)


def test_table_has_a_row_per_tier_then_all() -> None:
    photo_truth = TRUTH | {"image": "photo/x.jpg", "tier": "photo"}
    outcomes = [
        ev.Outcome("flat/x.png", "flat", prediction(), 1.0),
        ev.Outcome("photo/x.jpg", "photo", ev.empty_prediction("photo/x.jpg"), 3.0, "Oops: no"),
    ]
    table = ev.format_table(ev.summary_rows([TRUTH, photo_truth], outcomes)).splitlines()
    assert table[0].split()[:3] == ["tier", "n", "name"]
    rows = {line.split()[0]: line.split() for line in table[2:]}
    assert list(rows) == ["flat", "photo", "ALL"]
    headers = table[0].split()[1:]
    cell = {tier: dict(zip(headers, cells[1:], strict=True)) for tier, cells in rows.items()}
    assert cell["flat"]["CARD"] == "1.000" and cell["photo"]["CARD"] == "0.000"
    assert cell["ALL"]["CARD"] == "0.500" and cell["ALL"]["fail"] == "1"
    assert cell["ALL"]["s/med"] == "2.00" and cell["photo"]["kind"] == "-"


def test_real_run_on_one_sample_writes_scorer_format(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    preds, per_image = tmp_path / "preds.jsonl", tmp_path / "per_image.jsonl"
    argv = [str(REPO / "samples"), "--tiers", "flat", "--limit", "1", "--preds", str(preds)]
    assert ev.main([*argv, "--per-image", str(per_image)]) == 0
    assert capsys.readouterr().out.splitlines()[2].split()[:2] == ["flat", "1"]
    (line,) = preds.read_text().splitlines()
    assert set(json.loads(line)) == {
        "image", "name", "title", "company", "emails", "phones", "websites", "address"
    }  # fmt: skip
    (record,) = map(json.loads, per_image.read_text().splitlines())
    assert record["image"].startswith("flat/") and record["seconds"] > 0
    # the OCR cache: the readings it keeps give what the engines give, and a second run reads
    # nothing anew (every reading an engine makes is appended)
    cache = tmp_path / "ocr.jsonl"
    assert ev.main([*argv, "--ocr-cache", str(cache)]) == 0
    assert preds.read_text().splitlines() == [line]
    cached = cache.read_text().splitlines()
    assert "tesseract" in {json.loads(c)["reading"]["engine"] for c in cached}
    assert ev.main([*argv, "--ocr-cache", str(cache)]) == 0
    assert preds.read_text().splitlines() == [line]
    assert cache.read_text().splitlines() == cached


@dataclass
class TextEngine:
    """An engine that reads the same text on any pixels: the parser's part of a run alone."""

    text: str
    name: str = "fake"
    prefers_normalised: bool = True

    def probe(self) -> Any:
        raise MissingDependencyError("fake")  # so auto has no second engine

    def models(self, lang: str, accents: bool) -> tuple[str, ...]:
        return ("m",)

    def read(self, pixels: Any, layout: Any = None, model: Any = None, timeout: float = 0) -> Any:
        from cardscan.model import OcrResult

        return OcrResult.from_text(self.text)


@pytest.mark.parametrize(
    ("region", "phones"),
    [
        pytest.param("US", [], id="user-default-US-does-not-get-the-truth-region"),
        pytest.param("GB", ["+442079460123"], id="region-given-on-the-command-line"),
    ],
)
def test_cards_are_read_in_the_users_region_not_the_truths(
    region: str, phones: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The truth says GB; a user in the US who gives no --region gets the US reading of a
    national number the card gives no other clue to."""
    from cardscan import ocr, reading

    engine = TextEngine("Jane Doe\nT 020 7946 0123")
    monkeypatch.setattr(ocr, "engine_named", lambda name: engine)
    reading.plan_for.cache_clear()
    truth = TRUTH | {"region": "GB", "image": "flat/hollowmere.png"}  # a plain card, no QR code
    outcome = ev.run_one(ev.Job(str(REPO / "samples"), truth, region))
    reading.plan_for.cache_clear()
    assert outcome.error is None
    assert [p["number"] for p in outcome.prediction["phones"]] == phones


def test_ocr_cache_round_trips_a_reading() -> None:
    from cardscan.model import OcrResult

    reading = OcrResult.from_text("Jane Doe\njane@acme.example")
    assert ev.ocr_cache.result_of(ev.ocr_cache.result_json(reading)) == reading


@pytest.mark.parametrize(
    ("skip", "limit", "cards"),
    [
        pytest.param(0, None, ["a", "b", "c"], id="all"),
        pytest.param(1, None, ["b", "c"], id="skip-one"),
        pytest.param(1, 1, ["b"], id="skip-then-limit"),
    ],
)
def test_load_truth_skips_then_limits_each_tier(
    tmp_path: Path, skip: int, limit: int | None, cards: list[str]
) -> None:
    rows = [{"image": f"{t}/{c}", "tier": t} for t in ("flat", "photo") for c in "abc"]
    (tmp_path / "truth.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))
    got = ev.load_truth(tmp_path, {"photo"}, limit, skip)
    assert [r["image"] for r in got] == [f"photo/{c}" for c in cards]
