"""Commands that read cards without storing them (scan, parse) and the doctor for the setup."""

from __future__ import annotations

import math
from contextlib import closing
from pathlib import Path
from typing import Annotated

import typer

from .. import imageio, inputfiles, ocr, reading
from ..batch import STDIN, Inputs, expand_inputs, scan_many
from ..errors import BadInputError, CardscanError
from ..parse import parse_text
from ..settings import EngineName, EngineOptions, ParseOptions, ScanSettings, default_db_path
from .app import app, fail
from .debugdir import DebugImages
from .options import DbOption, JsonOption, LangOption, RegionOption, open_store, region_of
from .progress import BatchReport, progress, stoppable
from .render import contact_block, print_json, shown
from .terminal import block

JobsOption = Annotated[
    int | None,
    typer.Option("--jobs", "-j", min=1, help="Worker processes (default: one per core)."),
]
PagesOption = Annotated[
    str | None,
    typer.Option("--pages", help="Pages of a PDF to read: 1-3,5 or all (default: the first)."),
]


def _finite(seconds: float) -> float:
    """Refuse inf and nan, which the range check lets through, as usage errors."""
    if not math.isfinite(seconds):
        raise typer.BadParameter(f"{seconds} is not a number of seconds (use e.g. 60)")
    return seconds


TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        envvar="CARDSCAN_TIMEOUT",
        min=1,
        callback=_finite,
        help="Seconds all readings of one card may take together before it is given up "
        "(env CARDSCAN_TIMEOUT).",
    ),
]
EngineOption = Annotated[
    EngineName,
    typer.Option(
        "--engine",
        envvar="CARDSCAN_ENGINE",
        help="OCR engine: tesseract, rapidocr (the optional extra), or auto: Tesseract, and "
        "RapidOCR again on a card Tesseract reads weakly (env CARDSCAN_ENGINE).",
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
    engine: EngineName = EngineName.AUTO,
) -> ScanSettings:
    """Return the settings for reading cards from the command's options.

    Raises MissingDependencyError (exit 3) before any file is read when the engine or the
    language is missing: every card would fail the same way.
    """
    options = EngineOptions(engine=str(engine), lang=lang, timeout=timeout, second_reading=not fast)
    reading.plan_for(options)
    return ScanSettings(engine=options, parse=ParseOptions(phone_region=region_of(region)))


@app.command()
def scan(
    images: ImagesArgument,
    json_out: JsonOption = False,
    region: RegionOption = None,
    lang: LangOption = "eng",
    timeout: TimeoutOption = 60.0,
    fast: FastOption = False,
    engine: EngineOption = EngineName.AUTO,
    jobs: JobsOption = None,
    pages: PagesOption = None,
    debug_dir: Annotated[
        Path | None,
        typer.Option(
            "--debug-dir", file_okay=False, help="Write what each step saw here (created)."
        ),
    ] = None,
) -> None:
    """Read cards and print the contacts found, without storing them."""
    inputs = expand_inputs(images)
    report = BatchReport.for_inputs(inputs)
    settings = scan_settings(region, lang, timeout, fast, engine)
    tracer = DebugImages.for_inputs(debug_dir, inputs.files) if debug_dir else None
    stdin = stdin_image(inputs, report)
    report.left = len(inputs.files)
    outcomes = scan_many(inputs.files, settings, jobs, stdin=stdin, pages=pages, tracer=tracer)
    with stoppable(report), progress(len(inputs.files)) as advance, closing(outcomes):
        for outcome in outcomes:
            advance()
            report.left -= 1
            if report.record_failure(outcome):
                continue
            for card in outcome.cards:
                if json_out:
                    print_json(card.contact.to_json())
                else:
                    block(contact_block(card.contact, header=outcome.path) + "\n")
            report.scanned += 1
    report.finish(summary=len(inputs.files) > 1)


@app.command()
def parse(
    file: Annotated[str, typer.Argument(help="A text file, or - for stdin.")] = "-",
    json_out: JsonOption = False,
    region: RegionOption = None,
) -> None:
    """Parse plain text (OCR output, a pasted email signature) into a contact."""
    if file == STDIN:
        data = inputfiles.read_stdin(inputfiles.MAX_TEXT_BYTES)
    else:
        data = inputfiles.read_file(file, inputfiles.MAX_TEXT_BYTES)
    text = data.decode("utf-8", errors="replace")
    contact = parse_text(text, region=region_of(region))
    if json_out:
        print_json(contact.to_json())
    else:
        block(contact_block(contact))


@app.command()
def doctor(
    db: DbOption = None,
    lang: LangOption = "eng",
    timeout: TimeoutOption = 60.0,
    engine: EngineOption = EngineName.AUTO,
) -> None:
    """Check the OCR engines and the contact store; exit non-zero when something is broken."""
    broken: CardscanError | None = None
    for name in ocr.ENGINE_NAMES:
        needed = name == engine or (engine == EngineName.AUTO and name == "tesseract")
        problem = _check_engine(name, lang, timeout)
        if problem is not None and needed:
            broken = broken or problem
    path = db or default_db_path()
    try:
        if not path.exists():  # not broken: `add` or `import` creates it
            typer.echo(f"store      {shown(str(path))} (not created yet)")
        else:
            with open_store(path, reading=True) as store:
                typer.echo(f"store      {shown(str(path))} ({len(store.list())} contacts)")
    except CardscanError as e:
        broken = broken or e
    typer.echo(f"region     {region_of(None)}")
    if broken is not None:
        fail(str(broken))
        raise typer.Exit(int(broken.exit_code))
    typer.echo("ok", err=True)


def _check_engine(name: str, lang: str, timeout: float) -> CardscanError | None:
    """Print what one engine is and whether it reads; return what is broken, if anything."""
    try:
        engine = ocr.engine_named(name)
        info = engine.probe()
        typer.echo(f"{name:<10} {info.version} at {info.location}")
        typer.echo(f"{'':<10} models: {', '.join(info.models) or '(none)'}")
        models = engine.models(lang, accents=True)
        typer.echo(f"{'':<10} reads cards with: {', '.join(models)}")
        seconds = ocr.self_test(engine, timeout)
        typer.echo(f"{'':<10} read a test line in {seconds:.2f} s")
    except CardscanError as e:
        typer.echo(f"{name:<10} not usable: {e}")
        return e
    return None


def stdin_image(inputs: Inputs, report: BatchReport) -> bytes | None:
    """Return the image on stdin when "-" was named; one too large is a failed file."""
    if STDIN not in inputs.files:
        return None
    try:
        return inputfiles.read_stdin(imageio.MAX_FILE_BYTES)
    except BadInputError as e:
        report.fail(str(e), e.exit_code)
        inputs.files.remove(STDIN)
        return None
