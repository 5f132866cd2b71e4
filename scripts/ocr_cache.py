#!/usr/bin/env python3
"""Keep what the OCR read of each image, so parser changes can be measured in seconds.

    python scripts/ocr_cache.py CACHE.jsonl IMAGE... [-j N]          # read, append to the cache
    python scripts/ocr_cache.py CACHE.jsonl IMAGE... --replay [--region XX]
                                                                   # parse again: scan --json lines

Reading a card (finding it, turning it upright, two Tesseract readings) takes about a second;
parsing what was read takes milliseconds. The cache holds, per image (keyed by the sha256 of its
bytes), every card's readings (words, boxes, confidences) and its QR payload; --replay runs only
the parser and the combine of the readings on them, as `cardscan scan` does after the OCR, and
prints `cardscan scan --json` lines (for ../shared/bench/score_real.py). Images already in the
cache are not read again. scripts/evaluate.py --ocr-cache uses the same cache.

A cache is only as current as the OCR that filled it: after a change to preprocessing or the
OCR, start a new one.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import sys
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

Json = dict[str, Any]


def sha256_of(path: str | Path) -> str:
    """Return the sha256 of a file's bytes: the cache key, as the store keys imports."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


# --- readings <-> JSON ---------------------------------------------------------------------


def result_json(result: Any) -> Json:
    """Return an OcrResult as JSON: each line a list of [text, left, top, width, height, conf]."""
    return {
        "engine": result.engine,
        "lang": result.lang,
        "width": result.image_width,
        "height": result.image_height,
        "lines": [
            [[w.text, w.box.left, w.box.top, w.box.width, w.box.height, w.confidence]
             for w in line.words]
            for line in result.lines
        ],
    }  # fmt: skip


def result_of(data: Json) -> Any:
    """Return the OcrResult that result_json wrote."""
    from cardscan.model import Box, OcrLine, OcrResult, OcrWord

    lines = tuple(
        OcrLine(tuple(OcrWord(t, Box(x, y, w, h), c) for t, x, y, w, h, c in words))
        for words in data["lines"]
    )
    return OcrResult(lines, data["width"], data["height"], data["engine"], data["lang"])


# --- reading and replaying -----------------------------------------------------------------


def read_image(path: str, engine: Any = None) -> Json:
    """Return the cache record of one image: each card's readings as `cardscan scan` reads
    them (the steps of pipeline._read_cards and reading.read_contact up to the parser), with
    EngineOptions engine (default: the defaults). Auto mode's second engine is not kept."""
    from cardscan import imageio, ocr, preprocess, reading
    from cardscan.errors import CardscanError, OcrError
    from cardscan.settings import EngineOptions

    options = engine or EngineOptions()
    record: Json = {"sha256": sha256_of(path), "path": str(path), "cards": [], "error": None}
    try:
        plan = reading.plan_for(options)
        for number, found in enumerate(preprocess.cut_out(imageio.load_image(path)), start=1):
            reader = plan.reader(options.timeout)
            card = preprocess.turn_upright(found, number, reader)
            readings = [ocr.read_card(card, reader)]
            for model in plan.models[1:]:
                with contextlib.suppress(OcrError):  # as reading.read_contact: the first stands
                    readings.append(ocr.read_card(card, reader.with_model(model), retry=False))
            record["cards"].append(
                {"qr": card.qr_payload, "readings": [result_json(r) for r in readings]}
            )
    except CardscanError as e:
        record["error"] = f"{type(e).__name__}: {e}"
    return record


def replay(record: Json, region: str, engine: Any = None) -> list[Any]:
    """Return the contacts `cardscan scan` makes of a cached image's readings (the steps of
    reading.read_contact and pipeline._read_cards after the OCR; with EngineOptions whose
    second_reading is off, as `scan --fast`); raise the error the image raised when read."""
    from cardscan import parse, pipeline
    from cardscan.errors import NoCardTextError
    from cardscan.parse import readings as combine

    more = engine is None or engine.second_reading
    contacts = []
    for card in record["cards"]:
        readings = [result_of(r) for r in card["readings"][: None if more else 1]]
        contact = parse.parse_card(readings[0], region=region)
        for text in readings[1:]:
            contact = combine.with_accents(contact, text, region)
        if card["qr"]:
            contact = pipeline._with_qr(contact, card["qr"], region)
        if not pipeline._is_empty(contact):
            contacts.append(replace(contact, source=record["path"]))
    if record["error"] or not contacts:
        raise NoCardTextError(record["error"] or record["path"])
    return contacts


# --- the cache file ------------------------------------------------------------------------


def load(path: Path) -> dict[str, Json]:
    """Return the cache's records by sha256 (an empty cache when the file is missing)."""
    if not path.exists():
        return {}
    records = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            record = json.loads(line)
            records[record["sha256"]] = record
    return records


def append(path: Path, records: Iterable[Json]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")


def fill(cache: Path, images: Sequence[str], jobs: int) -> int:
    """Read the images not yet in the cache and append them; return how many were read."""
    known = load(cache)
    todo = [i for i in images if sha256_of(i) not in known]
    if jobs <= 1:
        records: Iterable[Json] = map(read_image, todo)
        for n, record in enumerate(records, 1):
            append(cache, [record])
            print(f"\r{n}/{len(todo)}", end="", file=sys.stderr, flush=True)
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            for n, record in enumerate(pool.map(read_image, todo), 1):
                append(cache, [record])
                print(f"\r{n}/{len(todo)}", end="", file=sys.stderr, flush=True)
    print(file=sys.stderr)
    return len(todo)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("cache", type=Path, help="the cache file (JSON lines)")
    parser.add_argument("images", nargs="+", help="image files")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--replay", action="store_true", help="parse the cached readings again")
    parser.add_argument("--region", help="phone region, as `cardscan scan --region`")
    args = parser.parse_args(argv)
    if not args.replay:
        read = fill(args.cache, args.images, args.jobs)
        print(f"{read} images read into {args.cache}", file=sys.stderr)
        return 0
    from cardscan.errors import CardscanError
    from cardscan.settings import default_region

    records, region = load(args.cache), (args.region or default_region()).upper()
    for image in args.images:
        record = records.get(sha256_of(image))
        if record is None:
            print(f"ocr_cache: {image}: not in {args.cache}", file=sys.stderr)
            continue
        try:
            contacts = replay(record, region)
        except CardscanError as e:
            print(f"ocr_cache: {image}: {e}", file=sys.stderr)
            continue
        for contact in contacts:
            line = contact.to_json() | {"source": image}
            print(json.dumps(line, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
