#!/usr/bin/env python3
"""Measure cardscan's accuracy and speed on a folder of cards with ground truth.

    python scripts/evaluate.py DIR [-j N] [--tiers flat,photo] [--preds OUT.jsonl]
                                   [--per-image OUT.jsonl] [--limit N] [--skip N] [--fast]
                                   [--region XX] [--ocr-cache CACHE.jsonl]

DIR holds truth.jsonl (one object per image: image, tier, region, name, title, company, emails,
phones [{number_e164, kind}], websites, socials, address) and the images it names. Each image
is read with the real pipeline (cardscan.pipeline.scan_file) with the settings a user has: the
phone region is the user's default (CARDSCAN_REGION, else the locale's, else US), or --region
when given; the truth's region is never handed to cardscan. A table gives, per tier and overall,
the share of cards with each field right and the seconds per card. An image on which cardscan
raises counts as an empty prediction and is listed.

--ocr-cache keeps what the OCR engines read in a file (scripts/ocr_cache.py) and answers the
same readings from it on the next run instead of running the engine again: a run over the dev
set then takes a fraction of the time, for working on the parser (a cached image's seconds are
then preprocessing's and the parser's alone).
--skip N leaves out the first N images of each tier (--skip 60 --limit 100: cards 60-159 of a
larger generated slice).

--preds writes the predictions in the shared scorer's format, so the numbers can be
cross-checked with another scorer; --per-image writes each image's scores, to find the misses.
The scoring rules are in scripts/scoring.py.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import time
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import ocr_cache
from scoring import ImageScore, Json, SetMatch, score_image

from cardscan.settings import EngineName, EngineOptions

# --- running cardscan --------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    """What cardscan made of one image: the prediction, how long it took, what it raised."""

    image: str
    tier: str
    prediction: Json
    seconds: float
    error: str | None = None


def contact_prediction(image: str, contact: Any) -> Json:
    """Return a cardscan Contact as one line of the shared scorer's predictions format."""
    return {
        "image": image,
        "name": contact.name,
        "title": contact.title,
        "company": contact.company,
        "emails": list(contact.emails),
        "phones": [{"number": p.number, "kind": p.kind} for p in contact.phones],
        "websites": list(contact.websites),
        "address": contact.address.text if contact.address else None,
    }


def empty_prediction(image: str) -> Json:
    """Return the prediction scored for an image cardscan could not read."""
    return {"image": image, "name": None, "title": None, "company": None, "emails": [],
            "phones": [], "websites": [], "address": None}  # fmt: skip


@dataclass(frozen=True)
class Job:
    """One image to read: where, and with which settings."""

    root: str
    truth: Json
    region: str
    engine: EngineOptions = field(default_factory=EngineOptions)


def run_one(job: Job) -> Outcome:
    """Return cardscan's reading of one truth image (cardscan is imported here: workers import
    it anyway)."""
    from cardscan.errors import CardscanError
    from cardscan.pipeline import scan_file
    from cardscan.settings import ParseOptions, ScanSettings

    image, start = job.truth["image"], time.perf_counter()
    settings = ScanSettings(job.engine, ParseOptions(phone_region=job.region))
    try:
        contacts = [r.contact for r in scan_file(Path(job.root) / image, settings)]
        prediction, error = contact_prediction(image, contacts[0]), None
    except CardscanError as e:
        prediction, error = empty_prediction(image), f"{type(e).__name__}: {e}"
    except Exception as e:  # a crash is a bug to list, but must not hide the other images' scores
        prediction, error = empty_prediction(image), f"CRASH {type(e).__name__}: {e}"
    seconds = time.perf_counter() - start
    return Outcome(image, job.truth["tier"], prediction, seconds, error)


def run_all(jobs: Sequence[Job], workers: int) -> list[Outcome]:
    """Return the outcomes of every job, in order, using `workers` processes."""
    if workers <= 1:
        return _with_progress(map(run_one, jobs), len(jobs))
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return _with_progress(pool.map(run_one, jobs), len(jobs))


def _with_progress(results: Iterable[Outcome], total: int) -> list[Outcome]:
    """Return the outcomes as a list, counting them on stderr (a dev-set run takes minutes)."""
    done, live = [], sys.stderr.isatty()
    for outcome in results:
        done.append(outcome)
        if live:
            print(f"\r{len(done)}/{total} {outcome.image:<40}", end="", file=sys.stderr, flush=True)
    if live:
        print(file=sys.stderr)
    return done


# --- aggregating and printing ------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    header: str
    value: Any  # (scores, outcomes) -> float | None
    fmt: str = "{:.3f}"


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 0.0


def _precision(matches: Sequence[SetMatch]) -> float:
    predicted, true = sum(m.predicted for m in matches), sum(m.true for m in matches)
    if not predicted:
        return 1.0 if not true else 0.0
    return sum(m.hits for m in matches) / predicted


def _recall(matches: Sequence[SetMatch]) -> float:
    true = sum(m.true for m in matches)
    return sum(m.hits for m in matches) / true if true else 1.0


def _kind_agreement(scores: Sequence[ImageScore]) -> float | None:
    compared = sum(s.phone_kinds.compared for s in scores)
    return sum(s.phone_kinds.agreed for s in scores) / compared if compared else None


COLUMNS = (
    Column("n", lambda s, o: len(s), "{:d}"),
    Column("name", lambda s, o: _share(x.name for x in s)),
    Column("nameCI", lambda s, o: _share(x.name_ci for x in s)),
    Column("title", lambda s, o: _share(x.title for x in s)),
    Column("comp", lambda s, o: _share(x.company for x in s)),
    Column("emSet", lambda s, o: _share(x.emails.exact for x in s)),
    Column("emP", lambda s, o: _precision([x.emails for x in s])),
    Column("emR", lambda s, o: _recall([x.emails for x in s])),
    Column("phSet", lambda s, o: _share(x.phones.exact for x in s)),
    Column("phP", lambda s, o: _precision([x.phones for x in s])),
    Column("phR", lambda s, o: _recall([x.phones for x in s])),
    Column("kind", lambda s, o: _kind_agreement(s)),
    Column("webR", lambda s, o: _recall([x.websites for x in s])),
    Column("adSim", lambda s, o: sum(x.address for x in s) / len(s) if s else 0.0),
    Column("CARD", lambda s, o: _share(x.card_ok for x in s)),
    Column("fail", lambda s, o: sum(1 for x in o if x.error), "{:d}"),
    Column("s/med", lambda s, o: statistics.median(x.seconds for x in o) if o else 0.0, "{:.2f}"),
    Column("s/mean", lambda s, o: statistics.fmean(x.seconds for x in o) if o else 0.0, "{:.2f}"),
)


def summary_rows(
    truths: Sequence[Json], outcomes: Sequence[Outcome]
) -> dict[str, tuple[list[ImageScore], list[Outcome]]]:
    """Return the scores and outcomes grouped per tier (in first-seen order) and for ALL."""
    groups: dict[str, tuple[list[ImageScore], list[Outcome]]] = {}
    for truth, outcome in zip(truths, outcomes, strict=True):
        score = score_image(truth, outcome.prediction)
        for key in (truth["tier"], "ALL"):
            scores, outs = groups.setdefault(key, ([], []))
            scores.append(score)
            outs.append(outcome)
    if "ALL" in groups:
        groups["ALL"] = groups.pop("ALL")  # last row
    return groups


def format_table(groups: dict[str, tuple[list[ImageScore], list[Outcome]]]) -> str:
    """Return the accuracy/speed table: one row per tier, then ALL."""
    lines = ["tier   " + " ".join(f"{c.header:>6}" for c in COLUMNS)]
    lines.append("-" * len(lines[0]))
    for key, (scores, outcomes) in groups.items():
        cells = []
        for column in COLUMNS:
            value = column.value(scores, outcomes)
            cells.append(f"{'-' if value is None else column.fmt.format(value):>6}")
        lines.append(f"{key:<7}" + " ".join(cells))
    return "\n".join(lines)


def per_image_record(truth: Json, outcome: Outcome) -> Json:
    """Return one line of --per-image output: the image's scores, time and error."""
    score = score_image(truth, outcome.prediction)
    return {"image": truth["image"], "tier": truth["tier"], "layout": truth.get("layout"),
            **asdict(score), "card_ok": score.card_ok, "seconds": round(outcome.seconds, 3),
            "error": outcome.error}  # fmt: skip


# --- command line ------------------------------------------------------------------------


def load_truth(root: Path, tiers: set[str] | None, limit: int | None, skip: int = 0) -> list[Json]:
    """Return the truth rows of the wanted tiers: of each tier, the first `skip` left out, then
    at most `limit`."""
    rows = []
    seen: dict[str, int] = {}
    with (root / "truth.jsonl").open(encoding="utf-8") as f:
        for line in f:
            if not line.strip():
                continue
            row = json.loads(line)
            if tiers and row["tier"] not in tiers:
                continue
            seen[row["tier"]] = seen.get(row["tier"], 0) + 1
            if seen[row["tier"]] > skip and (limit is None or seen[row["tier"]] <= skip + limit):
                rows.append(row)
    return rows


def write_jsonl(path: Path, records: Iterable[Json]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("dir", type=Path, help="folder with truth.jsonl and its images")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument(
        "--tiers", help="comma-separated tiers to run, e.g. flat,photo (default all)"
    )
    parser.add_argument("--preds", type=Path, help="write predictions (JSONL) here")
    parser.add_argument("--per-image", type=Path, help="write per-image scores (JSONL) here")
    parser.add_argument("--limit", type=int, help="at most N images of each tier")
    parser.add_argument("--skip", type=int, default=0, help="leave out the first N of each tier")
    parser.add_argument("--fast", action="store_true", help="read as `cardscan scan --fast`")
    parser.add_argument(
        "--engine", default="auto", choices=[e.value for e in EngineName],
        help="read as `cardscan scan --engine` (default auto, as cardscan)",
    )  # fmt: skip
    parser.add_argument(
        "--region", help="phone region, as `cardscan scan --region` (default: the user's)"
    )
    parser.add_argument("--ocr-cache", type=Path, help="keep the OCR readings here and reuse them")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    from cardscan.settings import default_region

    args = parse_args(argv)
    tiers = set(args.tiers.split(",")) if args.tiers else None
    truths = load_truth(args.dir, tiers, args.limit, args.skip)
    region = (args.region or default_region()).upper()
    engine = EngineOptions(engine=args.engine, second_reading=not args.fast)
    jobs = [Job(str(args.dir), truth, region, engine) for truth in truths]
    start = time.perf_counter()
    with ocr_cache.installed(args.ocr_cache) if args.ocr_cache else contextlib.nullcontext():
        outcomes = run_all(jobs, args.jobs)
    elapsed = time.perf_counter() - start
    print(format_table(summary_rows(truths, outcomes)))
    print(f"\n{len(truths)} images in {elapsed:.1f} s with -j {args.jobs}, region {region}")
    failed = [o for o in outcomes if o.error]
    if failed:
        print(f"\n{len(failed)} images raised (scored as empty):")
        for outcome in failed:
            print(f"  {outcome.image}: {outcome.error}")
    if args.preds:
        write_jsonl(args.preds, (o.prediction for o in outcomes))
    if args.per_image:
        write_jsonl(args.per_image, map(per_image_record, truths, outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
