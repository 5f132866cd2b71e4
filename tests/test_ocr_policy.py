"""The read-and-retry policy and the card's time budget, with fake engines (no binary needed).

The real engines are tested on real images in test_ocr.py; these fakes cover what a real
engine does too rarely to test on demand: a weak first reading, a timeout, no text at all.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace

import numpy as np
import pytest

from cardscan import ocr, pipeline, preprocess, reading
from cardscan.contact import Contact, Phone
from cardscan.errors import NoCardTextError, OcrTimeoutError
from cardscan.model import (
    Box,
    CardImage,
    Layout,
    LoadedImage,
    OcrLine,
    OcrResult,
    OcrWord,
    Pixels,
    Quality,
)
from cardscan.ocr.reread import MOST_WORDS, reread_words
from cardscan.settings import ScanSettings


def result(text: str, confidence: float, engine: str = "fake", lang: str = "m") -> OcrResult:
    words = tuple(
        OcrWord(token, Box(40 * i, 10, 30, 20), confidence) for i, token in enumerate(text.split())
    )
    return OcrResult((OcrLine(words),) if words else (), 600, 400, engine=engine, lang=lang)


@dataclass
class FakeEngine:
    """Answers each read with the next of its readings, after sleeping `delay` seconds."""

    readings: list[OcrResult]
    delay: float = 0.0
    name: str = "fake"
    prefers_normalised: bool = False
    calls: list[tuple[Layout, str | None, float]] = field(default_factory=list)
    shapes: list[tuple[int, ...]] = field(default_factory=list)

    def probe(self) -> ocr.EngineInfo:
        return ocr.EngineInfo(self.name, "1", "(test)", ("m",))

    def models(self, lang: str, accents: bool) -> tuple[str, ...]:
        return ("m",)

    def read(
        self,
        pixels: Pixels,
        layout: Layout = Layout.SPARSE,
        model: str | None = None,
        timeout: float = 60.0,
    ) -> OcrResult:
        self.calls.append((layout, model, timeout))
        self.shapes.append(pixels.shape)
        if self.delay > timeout:
            raise OcrTimeoutError(f"{self.name} took longer than {timeout:.3g}s")
        time.sleep(self.delay)
        return self.readings.pop(0)


CARD = CardImage(pixels=np.full((400, 600, 3), 255, np.uint8))


def reader_of(engine: FakeEngine, seconds: float = 30.0) -> ocr.CardReader:
    return ocr.CardReader(engine, "m", ocr.Deadline(seconds))


@pytest.mark.parametrize(
    ("first", "second", "kept", "reads"),
    [
        pytest.param(0.95, None, "first", 1, id="confident-first-is-kept-unread-again"),
        pytest.param(0.20, None, "first", 1, id="noise-is-not-worth-a-retry"),
        pytest.param(0.60, 0.90, "second", 2, id="weak-first-retried-as-a-block-better-wins"),
        pytest.param(0.60, 0.50, "first", 2, id="weak-first-retried-worse-retry-loses"),
    ],
)
def test_retry_policy(first, second, kept, reads):
    readings = [result("Jane Doe jane@example.com", first)]
    if second is not None:
        readings.append(result("Jane Doe jane@example.com", second))
    expected = {"first": readings[0], "second": readings[-1]}[kept]
    engine = FakeEngine(list(readings))
    assert ocr.read_card(CARD, reader_of(engine)) == expected  # on white paper: no ink to add
    assert len(engine.calls) == reads
    assert [c[0] for c in engine.calls] == [Layout.SPARSE, Layout.BLOCK][:reads]


def test_no_retry_when_asked_not_to():
    engine = FakeEngine([result("Jane Doe", 0.6)])
    ocr.read_card(CARD, reader_of(engine), retry=False)
    assert len(engine.calls) == 1


def test_the_orientation_reading_of_the_same_engine_and_model_is_not_read_again():
    first = result("Jane Doe", 0.9)
    engine = FakeEngine([result("other", 0.9)])
    card = CardImage(pixels=CARD.pixels, reading=first)
    assert ocr.read_card(card, reader_of(engine)) == first
    assert engine.calls == []
    assert ocr.read_card(card, reader_of(engine).with_model("other")).text == "other"


@pytest.mark.parametrize("confidence", [0.95, 0.60], ids=["first-reading", "retried-reading"])
def test_the_words_of_a_cards_reading_carry_their_ink(confidence: float):
    # result() puts "Jane" at (0, 10) and "Doe" at (40, 10), 30 x 20: paint them in two colours
    pixels = np.full((400, 600, 3), 255, np.uint8)
    pixels[14:26, 3:27:4], pixels[14:26, 43:67:4] = (200, 30, 20), (20, 20, 20)
    engine = FakeEngine([result("Jane Doe", confidence), result("Jane Doe", confidence)])
    read = ocr.read_card(CardImage(pixels=pixels), reader_of(engine))
    jane, doe = read.lines[0].words
    assert jane.ink is not None and doe.ink is not None
    assert jane.ink[2] < -40 and abs(doe.ink[1]) < 5 and abs(doe.ink[2]) < 5  # blue; black


def test_each_reading_gets_what_is_left_of_the_cards_budget():
    engine = FakeEngine([result("Jane", 0.6), result("Jane", 0.6)], delay=0.3)
    ocr.read_card(CARD, reader_of(engine, seconds=5.0))
    first, second = engine.calls[0][2], engine.calls[1][2]
    assert first <= 5.0 and second <= first - 0.25


def test_a_card_out_of_time_fails_with_an_ocr_error():
    engine = FakeEngine([result("Jane", 0.6), result("Jane", 0.6)], delay=0.4)
    with pytest.raises(OcrTimeoutError, match=r"reading the card took longer than 0\.5s"):
        ocr.read_card(CARD, reader_of(engine, seconds=0.5))


def test_a_deadline_passed_says_so():
    deadline = ocr.Deadline(0.01)
    time.sleep(0.02)
    with pytest.raises(OcrTimeoutError, match=r"reading the card took longer than 0\.01s"):
        deadline.remaining()


def test_a_card_with_no_text_is_no_card_text(monkeypatch: pytest.MonkeyPatch):
    engine = FakeEngine([result("", 0.0) for _ in range(4)])
    monkeypatch.setattr(reading, "plan_for", lambda options: reading.ReadingPlan(engine, ("m",)))
    image = LoadedImage("blank.png", np.full((300, 500, 3), 255, np.uint8), "0" * 64)
    with pytest.raises(NoCardTextError, match=r"blank\.png: no card text found"):
        pipeline.scan_image(image, ScanSettings())
    assert engine.calls  # the engine was asked, and read nothing


@pytest.mark.parametrize(
    ("contact", "text", "weak"),
    [
        pytest.param(Contact(name="Jane Doe"), "Jane Doe " * 10, True, id="no-email-no-phone"),
        pytest.param(Contact(emails=("j@x.example",)), "j@x.example " * 10, True, id="no-phone"),
        pytest.param(
            Contact(
                name="Jane Doe", emails=("j@x.example",), phones=(Phone("+14155550134", "work"),)
            ),
            "jane@x.example " * 10,
            False,
            id="name-email-and-phone-read-confidently",
        ),
        pytest.param(
            Contact(emails=("j@x.example",), phones=(Phone("+14155550134", "work"),)),
            "jane@x.example " * 10,
            True,
            id="real-photo-name-in-a-script-font-not-read",
        ),
        pytest.param(
            Contact(
                name="Jane Doe", emails=("j@x.example",), phones=(Phone("+14155550134", "work"),)
            ),
            "j@x.example",
            True,
            id="almost-no-text",
        ),
        pytest.param(
            Contact(
                name="Jane Doe",
                emails=("j@x.example",),
                phones=(Phone("+14155550134", "work"),),
                confidence={"emails": 0.33, "phones": 0.9},
            ),
            "jane@x.example " * 10,
            True,
            id="photo-address-read-unsurely-or-repaired",
        ),
    ],
)
def test_auto_re_reads_only_weak_cards(contact, text, weak):
    assert reading.is_weak(contact, result(text, 0.9)) is weak


@pytest.mark.parametrize(
    ("problems", "weak"),
    [
        pytest.param(("blurred",), True, id="hard-photo-blurred-a-sure-looking-reading-is-doubted"),
        pytest.param((), False, id="sharp-photo-read-well"),
    ],
)
def test_auto_re_reads_a_card_whose_photo_is_too_poor(problems, weak):
    contact = Contact(
        name="Jane Doe", emails=("j@x.example",), phones=(Phone("+14155550134", "work"),)
    )
    quality = Quality(blur=0.4, problems=problems)
    assert reading.is_weak(contact, result("jane@x.example " * 10, 0.9), quality) is weak


def test_auto_reads_the_whole_photo_when_the_card_read_nothing(monkeypatch: pytest.MonkeyPatch):
    blank = FakeEngine([result("", 0.0) for _ in range(4)])
    second = FakeEngine([result("Jane Doe jane@acme.example", 0.9)], name="second")
    plan = reading.ReadingPlan(blank, ("m",), second_engine=second)
    monkeypatch.setattr(reading, "plan_for", lambda options: plan)
    image = LoadedImage("logo.png", np.full((300, 500, 3), 255, np.uint8), "0" * 64)
    [found] = pipeline.scan_image(image, ScanSettings())
    assert found.contact.emails == ("jane@acme.example",)
    assert second.shapes == [(300, 500, 3)]  # the whole photo, as it was, not the card
    assert [call[0] for call in second.calls] == [Layout.SPARSE]


def test_auto_re_reads_a_weak_card_on_the_whole_photo(monkeypatch: pytest.MonkeyPatch):
    weak = FakeEngine([result("ACME", 0.9) for _ in range(4)])
    second = FakeEngine([result("jane@acme.example +1 415 555 0134", 0.9)], name="second")
    plan = reading.ReadingPlan(weak, ("m",), second_engine=second)
    monkeypatch.setattr(reading, "plan_for", lambda options: plan)
    image = LoadedImage("card.png", np.full((300, 500, 3), 255, np.uint8), "0" * 64)
    [found] = pipeline.scan_image(image, ScanSettings())
    assert found.contact.emails == ("jane@acme.example",)
    assert [p.number for p in found.contact.phones] == ["+14155550134"]
    assert len(second.calls) == 1


@pytest.mark.parametrize(
    ("rotation", "shape"),
    [
        pytest.param(0, (300, 500, 3), id="card-upright-in-the-photo"),
        pytest.param(90, (500, 300, 3), id="card-photographed-on-its-side"),
    ],
)
def test_the_whole_photo_is_re_read_turned_as_its_card_was(
    monkeypatch: pytest.MonkeyPatch, rotation: int, shape: tuple[int, int, int]
):
    weak = FakeEngine([result("ACME", 0.9) for _ in range(4)])
    second = FakeEngine([result("jane@acme.example +1 415 555 0134", 0.9)], name="second")
    plan = reading.ReadingPlan(weak, ("m",), second_engine=second)
    monkeypatch.setattr(reading, "plan_for", lambda options: plan)
    turned = preprocess.choose_upright

    def upright(*args, **kwargs):
        return replace(turned(*args, **kwargs), rotation=rotation)

    monkeypatch.setattr(preprocess, "choose_upright", upright)
    image = LoadedImage("card.png", np.full((300, 500, 3), 255, np.uint8), "0" * 64)
    pipeline.scan_image(image, ScanSettings())
    assert second.shapes == [shape]


# --- a second look at single words (ocr/reread.py) -----------------------------------------


def _card_reading(*words: tuple[str, float]) -> OcrResult:
    line = tuple(OcrWord(t, Box(60 + 200 * i, 100, 150, 60), c) for i, (t, c) in enumerate(words))
    return OcrResult((OcrLine(line),), 600, 400, engine="fake", lang="m")


def _unsure(word: OcrWord) -> bool:
    return word.confidence < 0.6


def _anything(word: OcrWord) -> bool:
    return True


def test_a_word_read_alone_that_nothing_confirms_stands():
    engine = FakeEngine([result("Renċe", 0.73)])
    card = _card_reading(("Renėêe", 0.32), ("Williams", 0.9))
    seen: list[OcrWord] = []
    again = reread_words(reader_of(engine), CARD.pixels, card, _unsure, lambda w: seen.append(w))
    assert again == card
    assert [(w.text, w.box) for w in seen] == [("Renċe", card.lines[0].words[0].box)]


@pytest.mark.parametrize(
    ("read_alone", "expected"),
    [
        pytest.param([result("Åke", 0.75)], ("Åke,", 0.75), id="surer-alone-replaces"),
        pytest.param([result("ÅÀke", 0.20)], ("ÂÅke,", 0.30), id="less-sure-alone-stands"),
        pytest.param([result("Åke Lund", 0.90)], ("ÂÅke,", 0.30), id="two-words-alone-stand"),
        pytest.param([result("= Åke", 0.90)], ("Åke,", 0.90), id="a-neighbours-edge-is-no-word"),
        pytest.param([result("4ke", 0.90)], ("ÂÅke,", 0.30), id="not-letters-stands"),
        pytest.param([result("", 0.0)], ("ÂÅke,", 0.30), id="nothing-alone-stands"),
    ],
)
def test_a_word_read_alone_replaces_it_only_where_surer(read_alone, expected):
    engine = FakeEngine(list(read_alone))
    card = _card_reading(("ÂÅke,", 0.30), ("Lund", 0.92))
    again = reread_words(reader_of(engine), CARD.pixels, card, _unsure, _anything)
    word = again.lines[0].words[0]
    assert (word.text, word.confidence) == expected  # the comma is kept: punctuation read
    assert word.box == card.lines[0].words[0].box
    assert again.lines[0].words[1] == card.lines[0].words[1]
    assert [c[0] for c in engine.calls] == [Layout.LINE]  # one run, for the unsure word only
    assert engine.shapes[0][0] < 400  # the cut around the word, not the card


def test_a_word_is_cut_from_the_card_as_already_prepared():
    engine = FakeEngine([result("Åke", 0.75)])
    card = _card_reading(("ÂÅke,", 0.30), ("Lund", 0.92))
    prepared = np.full((400, 600), 255, np.uint8)  # grey, as an engine prepared it
    reread_words(reader_of(engine), CARD.pixels, card, _unsure, _anything, prepared=prepared)
    assert len(engine.shapes[0]) == 2  # cut from the prepared card, not prepared again


def test_words_read_surely_are_not_read_again():
    engine = FakeEngine([])
    card = _card_reading(("Øystein", 0.9), ("Dahl", 0.92))
    assert reread_words(reader_of(engine), CARD.pixels, card, _unsure, _anything) is card
    assert engine.calls == []


def test_a_card_out_of_time_keeps_its_reading():
    engine = FakeEngine([result("Åke", 0.9)], delay=1.0)
    card = _card_reading(("ÂÅke", 0.30), ("Lund", 0.92))
    assert (
        reread_words(reader_of(engine, seconds=0.5), CARD.pixels, card, _unsure, _anything) == card
    )


def test_at_most_a_few_words_are_read_again():
    engine = FakeEngine([result("Åke", 0.9) for _ in range(MOST_WORDS)])
    card = _card_reading(*[("ÂÅke", 0.3)] * (MOST_WORDS + 2))
    wide = np.full((400, 200 * (MOST_WORDS + 3), 3), 255, np.uint8)
    again = reread_words(reader_of(engine), wide, card, _unsure, _anything)
    assert len(engine.calls) == MOST_WORDS
    assert [w.text for w in again.lines[0].words] == ["Åke"] * MOST_WORDS + ["ÂÅke"] * 2
