"""Commands that read cards without storing them (scan, parse) and the doctor for the setup."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from .. import ocr
from ..accents import ACCENTS_LANG, accents_model
from ..batch import expand_inputs, scan_many
from ..errors import BadInputError, CardscanError
from ..parse import parse_text
from ..settings import ScanSettings, default_db_path
from .app import app, fail
from .options import DbOption, JsonOption, LangOption, RegionOption, open_store, region_of
from .progress import BatchReport, progress
from .render import contact_block, print_json

JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per core)."),
]
PagesOption = Annotated[
    str | None,
    typer.Option("--pages", help="Pages of a PDF to read: 1-3,5 or all (default: the first)."),
]
TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        envvar="CARDSCAN_TIMEOUT",
        min=1,
        help="Seconds Tesseract may take on one card before it is stopped (env CARDSCAN_TIMEOUT).",
    ),
]
FastOption = Annotated[
    bool,
    typer.Option(
        "--fast",
        help="Read each card once, in English: about 40% faster, but accented names lose "
        "their accents.",
    ),
]
ImagesArgument = Annotated[
    list[str],
    typer.Argument(help="Image files, folders (searched recursively) or globs; - for stdin."),
]


def scan_settings(
    region: str | None,
    lang: str,
    timeout: float,
    fast: bool = False,
    debug_dir: Path | None = None,
) -> ScanSettings:
    """Return the settings for reading cards from the command's options.

    Raises MissingDependencyError (exit 3) before any file is read when Tesseract or the
    language is missing: every card would fail the same way.
    """
    ocr.require_language(lang)
    return ScanSettings(
        region=region_of(region),
        lang=lang,
        timeout=timeout,
        second_reading=not fast,
        debug_dir=debug_dir,
    )


@app.command()
def scan(
    images: ImagesArgument,
    json_out: JsonOption = False,
    region: RegionOption = None,
    lang: LangOption = "eng",
    timeout: TimeoutOption = 60.0,
    fast: FastOption = False,
    jobs: JobsOption = None,
    pages: PagesOption = None,
    debug_dir: Annotated[
        Path | None,
        typer.Option("--debug-dir", file_okay=False, help="Write intermediate images here."),
    ] = None,
) -> None:
    """Read cards and print the contacts found, without storing them."""
    inputs = expand_inputs(images)
    report = BatchReport.for_inputs(inputs)
    settings = scan_settings(region, lang, timeout, fast, debug_dir)
    with progress(len(inputs.files)) as advance:
        for outcome in scan_many(
            inputs.files, settings, jobs, stdin=_stdin_if_asked(inputs.files), pages=pages
        ):
            advance()
            if report.record_failure(outcome):
                continue
            for card in outcome.cards:
                if json_out:
                    print_json(card.contact.to_json())
                else:
                    typer.echo(contact_block(card.contact, header=outcome.path) + "\n")
            report.scanned += 1
    report.finish(summary=len(inputs.files) > 1)


@app.command()
def parse(
    file: Annotated[str, typer.Argument(help="A text file, or - for stdin.")] = "-",
    json_out: JsonOption = False,
    region: RegionOption = None,
) -> None:
    """Parse plain text (OCR output, a pasted email signature) into a contact."""
    if file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(file).read_text(encoding="utf-8", errors="replace")
        except OSError as e:
            raise BadInputError(file, e.strerror.lower() if e.strerror else "cannot read") from e
    contact = parse_text(text, region=region_of(region))
    if json_out:
        print_json(contact.to_json())
    else:
        typer.echo(contact_block(contact))


@app.command()
def doctor(db: DbOption = None, lang: LangOption = "eng", timeout: TimeoutOption = 60.0) -> None:
    """Check that Tesseract and the contact store work; exit non-zero when something is broken."""
    broken: CardscanError | None = None
    try:
        info = ocr.probe()
        typer.echo(f"tesseract  {info.version} at {info.path}")
        typer.echo(f"languages  {', '.join(info.languages) or '(none)'}")
        ocr.require_language(lang)
        model = accents_model()
        if model is None:
            typer.echo(f"accents    not restored: {ocr.language_hint(ACCENTS_LANG)}")
        elif model.folder is None:
            typer.echo(f"accents    read with the {model.lang} model (second reading)")
        else:
            typer.echo(
                f"accents    read with {model.lang}, the Latin-script model without its word "
                f"list (second reading; kept in {model.folder})"
            )
        seconds = ocr.self_test(ScanSettings(lang=lang, timeout=timeout))
        typer.echo(f"ocr        read a test line in {seconds:.2f} s")
    except CardscanError as e:
        broken = e
    path = db or default_db_path()
    try:
        with open_store(path) as store:
            typer.echo(f"store      {path} ({len(store.list())} contacts)")
    except CardscanError as e:
        broken = broken or e
    typer.echo(f"region     {region_of(None)}")
    if broken is not None:
        fail(str(broken))
        raise typer.Exit(int(broken.exit_code))
    typer.echo("ok", err=True)


def _stdin_if_asked(files: list[str]) -> bytes | None:
    return sys.stdin.buffer.read() if "-" in files else None
