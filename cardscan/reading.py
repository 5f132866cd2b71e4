"""Which readings a card gets, and the contact they make together.

Every card is read with its engine's primary model. An English card is read again with a
model that knows accented letters, where the engine has one (Tesseract's Latin-script model),
and a word it read with an accent unsurely is read once more alone (ocr/reread.py).
In auto mode, a card whose reading is weak is read once more by a second engine (RapidOCR).
The parser makes a contact of each reading and parse.readings combines them, field by field.
All readings of a card share its deadline (--timeout).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from . import ocr, parse
from .contact import Contact
from .errors import MissingDependencyError, OcrError
from .model import CardImage, Layout, OcrResult, Pixels, Quality
from .ocr.reread import reread_words
from .parse import accents, readings
from .settings import EngineOptions

#: a first reading weaker than this (mean word confidence) is re-read by auto's second engine
WEAK_CONFIDENCE = 0.60
#: ... and so is one with fewer confident characters than this: a card gives almost no text
WEAK_TEXT = 40.0


@dataclass(frozen=True)
class ReadingPlan:
    """The engine a card is read with, its models (primary first) and, in auto mode, the
    engine that re-reads a weak card."""

    engine: ocr.Engine
    models: tuple[str, ...]
    second_engine: ocr.Engine | None = None

    def reader(self, timeout: float) -> ocr.CardReader:
        """Return a reader for a new card, with the card's whole time budget."""
        return ocr.CardReader(self.engine, self.models[0], ocr.Deadline(timeout))


@functools.cache
def plan_for(options: EngineOptions) -> ReadingPlan:
    """Return how cards are read under options; raise MissingDependencyError when the engine
    (or, for tesseract, the language) is missing. Auto without RapidOCR reads with Tesseract."""
    name = "tesseract" if options.engine == "auto" else options.engine
    engine = ocr.engine_named(name)
    models = engine.models(options.lang, options.second_reading)
    second = None
    if options.engine == "auto":
        try:
            second = ocr.engine_named("rapidocr")
            second.probe()
        except MissingDependencyError:
            second = None
    return ReadingPlan(engine, models, second)


def read_contact(
    card: CardImage,
    reader: ocr.CardReader,
    plan: ReadingPlan,
    region: str,
    frame: Pixels | None = None,
) -> tuple[Contact, OcrResult]:
    """Return the contact the card's readings make together, and its first reading.

    A weak card is read again by the plan's second engine, if it has one: the whole photo
    (frame) when given, else the card.
    """
    first = ocr.read_card(card, reader)
    contact = parse.parse_card(first, region=region)
    for model in plan.models[1:]:
        accents_reader = reader.with_model(model)
        try:
            # One run: a weak card was already given its second try by the first reading.
            text = ocr.read_card(card, accents_reader, retry=False)
        except OcrError:
            continue  # the first reading stands; a failed further one takes nothing from it
        # an accent read unsurely is looked at again, the word read alone; the first
        # reading must spell it alike but for accents
        alike = accents.spelled_alike_in(first)
        # the card as the engine prepared it to turn it upright: one engine, one preparation
        text = reread_words(
            accents_reader,
            card.pixels,
            text,
            accents.worth_a_second_look,
            alike,
            prepared=card.prepared,
        )
        contact = readings.with_accents(contact, text, region)
    if plan.second_engine is not None and is_weak(contact, first, card.quality):
        other_reader = ocr.CardReader(plan.second_engine, None, reader.deadline)
        try:
            if frame is None:
                other = ocr.read_card(card, other_reader, retry=False)
            else:
                other = other_reader.read(other_reader.prepare(frame), Layout.SPARSE)
        except OcrError:
            return contact, first
        contact = readings.with_other_engine(contact, parse.parse_card(other, region=region))
    return contact, first


def read_frame(
    frame: Pixels, plan: ReadingPlan, timeout: float, region: str
) -> tuple[Contact, OcrResult] | None:
    """Return what the second engine reads on the whole photo, when no card found in it held
    anything (None without a second engine, or when it fails)."""
    if plan.second_engine is None:
        return None
    reader = ocr.CardReader(plan.second_engine, None, ocr.Deadline(timeout))
    try:
        text = reader.read(reader.prepare(frame), Layout.SPARSE)
    except OcrError:
        return None
    return parse.parse_card(text, region=region), text


def is_weak(contact: Contact, first: OcrResult, quality: Quality | None = None) -> bool:
    """Return whether a reading is worth a second engine's time: no name, email or phone
    found (nearly every card prints all three, and a follow-up needs them), an address read
    unsurely or repaired (the field a follow-up depends on), an unsure reading, almost no
    text, or a photo too poor to read reliably (blurred, small, glared: preprocess.quality),
    where a wrong reading can look sure."""
    unreachable = not contact.emails or not contact.phones or not contact.name
    doubtful = contact.confidence.get("emails", 1.0) < WEAK_CONFIDENCE
    unsure = doubtful or first.confidence < WEAK_CONFIDENCE
    poor = quality is not None and bool(quality.problems)
    return unreachable or unsure or poor or first.confident_characters < WEAK_TEXT
