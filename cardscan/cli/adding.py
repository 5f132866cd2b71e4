"""`cardscan add`: read cards and keep them, with the meeting they came from."""

from __future__ import annotations

from contextlib import closing
from dataclasses import replace
from pathlib import Path
from typing import Annotated

import typer

from ..batch import FileOutcome, ScannedCard, expand_inputs, file_sha256, scan_many, scan_one
from ..contact import Meeting, merge_contacts
from ..settings import EngineName
from ..store import CardRecord, ContactStore
from .app import app, say
from .options import DbOption, JsonOption, LangOption, RegionOption, open_store
from .progress import BatchReport, progress, stoppable
from .render import print_json, stored_block
from .review import review
from .scanning import (
    EngineOption,
    FastOption,
    ImagesArgument,
    JobsOption,
    PagesOption,
    TimeoutOption,
    scan_settings,
    stdin_image,
)
from .terminal import block
from .values import DateOption


@app.command()
def add(
    images: ImagesArgument,
    back: Annotated[
        Path | None, typer.Option("--back", help="The back of the card (with one IMAGE).")
    ] = None,
    note: Annotated[
        list[str] | None, typer.Option("--note", help="What was discussed (repeatable).")
    ] = None,
    met: Annotated[
        str | None, typer.Option("--met", help="Where / what kind of meeting, e.g. 'interview'.")
    ] = None,
    on: DateOption = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", help="A tag (repeatable).")] = None,
    review_fields: Annotated[
        bool, typer.Option("--review", help="Confirm or correct doubtful fields before storing.")
    ] = False,
    force: Annotated[
        bool, typer.Option("--force", help="Read images again even if already imported.")
    ] = False,
    json_out: JsonOption = False,
    region: RegionOption = None,
    lang: LangOption = "eng",
    timeout: TimeoutOption = 60.0,
    fast: FastOption = False,
    engine: EngineOption = EngineName.AUTO,
    jobs: JobsOption = None,
    pages: PagesOption = None,
    db: DbOption = None,
) -> None:
    """Read cards and store them; a card matching a stored email or phone updates that contact."""
    inputs = expand_inputs(images)
    if back is not None and len(inputs.files) != 1:
        raise typer.BadParameter("--back goes with exactly one front IMAGE", param_hint="--back")
    report = BatchReport.for_inputs(inputs, storing=True)
    meeting = Meeting(met=met, met_on=on, notes=tuple(note or ()), tags=tuple(tag or ()))
    settings = scan_settings(region, lang, timeout, fast, engine)
    stdin = stdin_image(inputs, report)
    report.left = len(inputs.files)
    with stoppable(report), open_store(db) as store:
        todo = inputs.files if force else _unseen(store, inputs.files, report, json_out)
        outcomes = scan_many(todo, settings, jobs, stdin=stdin, pages=pages)
        with progress(len(todo)) as advance, closing(outcomes):
            for outcome in outcomes:
                advance()
                if not report.record_failure(outcome):
                    if back is not None:
                        outcome = _with_back(outcome, scan_one(str(back), settings), report)
                    review_region = settings.parse.phone_region if review_fields else None
                    _store(store, outcome, meeting, report, json_out, review_region)
                report.left -= 1
    report.finish(summary=len(inputs.files) > 1)


def _unseen(
    store: ContactStore, files: list[str], report: BatchReport, json_out: bool
) -> list[str]:
    """Return the files not imported before; show the contacts of those that were."""
    todo = []
    for path in files:
        sha = file_sha256(path)
        contact_id = store.seen_image(sha) if sha else None
        if contact_id is None:
            todo.append(path)
            continue
        report.skipped += 1
        report.left -= 1
        say(f"{path}: already imported as #{contact_id} (--force to read again)")
        _show(store, contact_id, json_out)
    return todo


def _with_back(front: FileOutcome, back: FileOutcome, report: BatchReport) -> FileOutcome:
    if report.record_failure(back) or not back.cards:
        return front
    merged = merge_contacts(front.cards[0].contact, back.cards[0].contact)
    text = front.cards[0].ocr_text + "\n\n" + back.cards[0].ocr_text
    front_card = front.cards[0]
    card = ScannedCard(merged, text, front_card.card_jpeg, front_card.ocr, front_card.sha256)
    return replace(front, cards=(card, *front.cards[1:]))


def _store(
    store: ContactStore,
    outcome: FileOutcome,
    meeting: Meeting,
    report: BatchReport,
    json_out: bool,
    review_region: str | None,
) -> None:
    sha = outcome.sha256 or file_sha256(outcome.path) or ""
    if len(outcome.cards) > 1:
        say(f"{outcome.path}: found {len(outcome.cards)} cards")
    if outcome.skipped:
        plural = "s" if outcome.skipped > 1 else ""
        say(
            f"{outcome.path}: skipped {outcome.skipped} card-shaped region{plural} "
            "with no contact data (a card's back, a blank card)"
        )
    for card in outcome.cards:
        contact = card.contact
        if review_region is not None:
            contact = review(contact, outcome.path, review_region)
        record = CardRecord(sha, card.ocr_text, outcome.path, card.card_jpeg, card.ocr)
        result = store.add(contact, meeting, record)
        if result.created:
            report.added += 1
            say(f"{outcome.path}: added #{result.contact_id}")
        else:
            report.updated += 1
            changes = "; ".join(result.changes) or "nothing new"
            matched = f"updated #{result.contact_id} (same {result.matched_by})"
            say(f"{outcome.path}: {matched}: {changes}")
        for advice in card.retake:
            say(f"{outcome.path}: {advice}")
        if contact.qr_fields:
            fields = ", ".join(contact.qr_fields)
            say(f"{outcome.path}: {fields} read from the card's QR code")
        _show(store, result.contact_id, json_out)
    report.scanned += 1


def _show(store: ContactStore, contact_id: int, json_out: bool) -> None:
    stored = store.get(contact_id)
    if json_out:
        print_json(stored.to_json())
    else:
        block(stored_block(stored) + "\n")
