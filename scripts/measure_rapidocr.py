#!/usr/bin/env python3
"""Read a set of cards with RapidOCR alone and time it: what the engine gives on which input.

    python scripts/measure_rapidocr.py ROOT TRUTH.jsonl --preds OUT.jsonl
        [--input photo|card] [--cards DIR] [--side PX] [--detect-side PX] [--threads N]
        [--region XX] [--limit N]

Each image TRUTH names (relative to ROOT) is read in this one process, one after another, as
one batch worker would: --input photo reads the whole photo (EXIF turn applied) scaled to a
long side of --side pixels, no card detection at all; --input card reads the card cardscan's
preprocessing cut out, flattened and turned upright, as `cardscan scan --debug-dir DIR` wrote
it (DIR/<folder of the image>/<stem>-2-card1-flat.jpg), scaled the same way (--side 0: as it
is). Its lines go to cardscan's parser (region: --region, else the truth's, else US).

OUT.jsonl gets one prediction per image in the shared scorers' format, with its seconds; the
summary on stderr gives seconds per image (wall and CPU: the machine may be shared) and the
process's peak memory. Score OUT with ../shared/bench/score_real.py or score.py.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from evaluate import contact_prediction, empty_prediction

from cardscan import imageio
from cardscan.errors import CardscanError
from cardscan.ocr.rapidocr import DETECT_SIDE, RapidOcrEngine
from cardscan.parse import parse_card


def scaled(pixels: Any, side: int) -> Any:
    """Return pixels with their long side at side pixels (0: unchanged)."""
    height, width = pixels.shape[:2]
    if side <= 0 or max(height, width) == side:
        return pixels
    f = side / max(height, width)
    shrink = cv2.INTER_AREA if f < 1 else cv2.INTER_CUBIC
    return cv2.resize(pixels, (round(width * f), round(height * f)), interpolation=shrink)


def source(args: argparse.Namespace, image: str) -> Any:
    """Return the pixels to read for one truth image, per --input."""
    if args.input == "photo":
        return imageio.load_image(args.root / image).pixels
    path = args.cards / Path(image).parent / f"{Path(image).stem}-2-card1-flat.jpg"
    if not path.is_file():
        raise CardscanError(f"{path}: no card cut out")
    return imageio.load_image(path).pixels


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("root", type=Path)
    p.add_argument("truth", type=Path)
    p.add_argument("--preds", type=Path, required=True)
    p.add_argument("--input", choices=("photo", "card"), default="photo")
    p.add_argument("--cards", type=Path, help="the --debug-dir of `cardscan scan` (--input card)")
    p.add_argument("--side", type=int, default=2000)
    p.add_argument("--detect-side", type=int, default=DETECT_SIDE)
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--region")
    p.add_argument("--limit", type=int)
    args = p.parse_args()
    if args.input == "card" and args.cards is None:
        p.error("--input card needs --cards DIR")
    truths = [json.loads(line) for line in args.truth.read_text().splitlines() if line.strip()]
    truths = truths[: args.limit]

    engine = RapidOcrEngine(threads=args.threads, detect_side=args.detect_side)
    start = time.perf_counter()
    engine.read(np.full((64, 64, 3), 255, np.uint8))  # loads the models: not any one card's time
    load, idle = time.perf_counter() - start, peak_mb()
    walls, cpus = [], []
    with args.preds.open("w") as out:
        for truth in truths:
            image = truth["image"]
            wall, cpu = time.perf_counter(), time.process_time()
            try:
                result = engine.read(scaled(source(args, image), args.side))
                region = args.region or truth.get("region") or "US"
                pred, error = contact_prediction(image, parse_card(result, region=region)), None
            except CardscanError as e:
                pred, error = empty_prediction(image), str(e)
            walls.append(time.perf_counter() - wall)
            cpus.append(time.process_time() - cpu)
            pred |= {"seconds": round(walls[-1], 3), "cpu": round(cpus[-1], 3), "error": error}
            pred["peak_mb"] = round(peak_mb())
            out.write(json.dumps(pred, ensure_ascii=False) + "\n")
    print(
        f"{args.input} side={args.side} detect={args.detect_side} threads={args.threads} "
        f"n={len(truths)} load={load:.2f}s wall median={statistics.median(walls):.2f}s "
        f"mean={statistics.fmean(walls):.2f}s cpu median={statistics.median(cpus):.2f}s "
        f"mean={statistics.fmean(cpus):.2f}s peak={peak_mb():.0f}MB (models loaded: {idle:.0f}MB)",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
