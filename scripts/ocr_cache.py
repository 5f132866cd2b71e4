#!/usr/bin/env python3
"""Keep what the OCR engines read, so parser changes can be measured in seconds.

    python scripts/ocr_cache.py CACHE.jsonl IMAGE... [-j N] [--engine E] [--region XX]
                                                     # `cardscan scan --json` lines on stdout

The cache sits under the engines: every reading any engine makes of some pixels (with a
layout and a model) is kept in CACHE.jsonl, keyed by those pixels, and the next run that asks
the same engine for the same pixels gets the kept reading instead of running the engine. The
whole pipeline runs as `cardscan scan` runs it (finding the card, ranking outlines, turning it
upright, both models, auto's second engine, the parser); only what an engine would read again
is taken from the file. A change to preprocessing gives other pixels, which are read afresh
and added: the cache never answers for pixels it has not seen. Reading a real photo takes
seconds; preprocessing and parsing it, well under one. scripts/evaluate.py --ocr-cache uses
the same cache.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

Json = dict[str, Any]


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


# --- the engine that remembers -------------------------------------------------------------


class CachedEngine:
    """An OCR engine (the Engine protocol) that answers from the cache what the engine it
    wraps read before, and reads and keeps the rest. An engine's failure is not kept."""

    def __init__(self, engine: Any, known: dict[str, Json], path: Path) -> None:
        self.engine, self.known, self.path = engine, known, path
        self.name = engine.name
        self.prefers_normalised = engine.prefers_normalised

    def probe(self) -> Any:
        return self.engine.probe()

    def models(self, lang: str, accents: bool) -> tuple[str, ...]:
        return self.engine.models(lang, accents)  # type: ignore[no-any-return]

    def read(self, pixels: Any, layout: Any = None, model: str | None = None,
             timeout: float = 60.0) -> Any:  # fmt: skip
        from cardscan.model import Layout

        layout = layout or Layout.SPARSE
        key = reading_key(self.name, pixels, layout.name, model)
        if key not in self.known:
            reading = result_json(self.engine.read(pixels, layout, model, timeout))
            self.known[key] = reading
            _append(self.path, {"key": key, "reading": reading})
        return result_of(self.known[key])


def reading_key(engine: str, pixels: Any, layout: str, model: str | None) -> str:
    """Return what identifies one reading: the engine, the layout, the model and the pixels."""
    digest = hashlib.sha256(repr((engine, layout, model, pixels.shape, str(pixels.dtype))).encode())
    digest.update(pixels.tobytes())
    return digest.hexdigest()


@contextlib.contextmanager
def installed(path: Path) -> Iterator[None]:
    """Within the block, every engine cardscan asks for (in this process and the workers it
    forks) reads through the cache at path."""
    from cardscan import ocr, reading

    known = load(path)
    plain = ocr.engine_named

    def engine_named(name: str) -> Any:
        return CachedEngine(plain(name), known, path)

    ocr.engine_named = engine_named  # type: ignore[assignment]
    reading.plan_for.cache_clear()  # plans made before hold the plain engines
    try:
        yield
    finally:
        ocr.engine_named = plain  # type: ignore[assignment]
        reading.plan_for.cache_clear()


def load(path: Path) -> dict[str, Json]:
    """Return the cache's readings by key (an empty cache when the file is missing)."""
    if not path.exists():
        return {}
    known = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            known[entry["key"]] = entry["reading"]
    return known


def _append(path: Path, entry: Json) -> None:
    """Add one reading to the file in one write: workers of one run append side by side."""
    path.parent.mkdir(parents=True, exist_ok=True)
    data = (json.dumps(entry, ensure_ascii=False) + "\n").encode()
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        os.write(fd, data)
    finally:
        os.close(fd)


# --- scanning through the cache ------------------------------------------------------------


def scan_lines(job: tuple[str, Any]) -> list[str]:
    """Return the `cardscan scan --json` lines of one image (an error as a JSON line too)."""
    from cardscan.errors import CardscanError
    from cardscan.pipeline import scan_file

    image, settings = job
    try:
        results = scan_file(image, settings)
    except CardscanError as e:
        return [json.dumps({"source": image, "error": str(e)})]
    return [json.dumps(r.contact.to_json() | {"source": image}, ensure_ascii=False)
            for r in results]  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    from cardscan.settings import EngineOptions, ParseOptions, ScanSettings, default_region

    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("cache", type=Path, help="the cache file (JSON lines)")
    parser.add_argument("images", nargs="+", help="image files")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="worker processes (default 1)")
    parser.add_argument("--engine", default="auto", help="as `cardscan scan --engine`")
    parser.add_argument("--region", help="phone region, as `cardscan scan --region`")
    args = parser.parse_args(argv)
    region = (args.region or default_region()).upper()
    settings = ScanSettings(EngineOptions(engine=args.engine), ParseOptions(phone_region=region))
    jobs = [(image, settings) for image in args.images]
    with installed(args.cache), contextlib.ExitStack() as stack:
        outputs: Iterable[list[str]] = map(scan_lines, jobs)
        if args.jobs > 1:
            pool = stack.enter_context(ProcessPoolExecutor(max_workers=args.jobs))
            outputs = pool.map(scan_lines, jobs)
        for lines in outputs:
            print(*lines, sep="\n", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
