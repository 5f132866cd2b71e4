#!/usr/bin/env python3
"""Time cardscan per stage over a folder of photos, against plain Tesseract as the yardstick.

    python scripts/benchmark.py DIR [--limit N] [--jobs N] [--store-size 10000] [--fast]

Reports, per stage (load, preprocess, read, store), the median and p95 seconds per card;
the median of one plain `tesseract IMAGE stdout` run on the same full photos, and cardscan's
median as a ratio of it (ratios hold across machines); throughput at -j 1 and -j N in cards per
minute; peak memory per worker (its own plus its Tesseract run's, sampled together); and the
store's add time into an empty store and into one that already holds --store-size contacts.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from cardscan import imageio
from cardscan.batch import default_jobs
from cardscan.contact import Contact, Phone
from cardscan.errors import CardscanError
from cardscan.memory import return_freed_memory_promptly
from cardscan.pipeline import StageClock, scan_file
from cardscan.settings import EngineName, EngineOptions, ScanSettings
from cardscan.store import CardRecord, ContactStore

STAGES = ("load", "preprocess", "read")


def time_card(path: str, settings: ScanSettings) -> tuple[dict[str, float], int]:
    """Return seconds per stage for one photo (the real pipeline), and the peak memory in MB of
    this process and its Tesseract runs together while it was read."""
    clock = StageClock()
    with MemoryWatch() as watch, contextlib.suppress(CardscanError):
        scan_file(path, settings, clock)  # a photo with no card text still took its time
    return {stage: clock.seconds.get(stage, 0.0) for stage in STAGES}, watch.peak_mb


class MemoryWatch:
    """Sample, every 10 ms, the resident memory of this process plus its children.

    A worker's footprint is both at once: its own arrays and the Tesseract process it waits
    for. Summing the two separate peaks (getrusage) would overstate it: they need not coincide.
    """

    def __init__(self, interval: float = 0.01) -> None:
        self.interval = interval
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    @property
    def peak_mb(self) -> int:
        return self.peak_kb // 1024

    def __enter__(self) -> MemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _run(self) -> None:
        me = os.getpid()
        while not self._stop.is_set():
            total = _rss_kb(me) + sum(_rss_kb(child) for child in _children(me))
            self.peak_kb = max(self.peak_kb, total)
            self._stop.wait(self.interval)


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass  # gone already, or no /proc (not Linux): counted as nothing
    return 0


def _children(pid: int) -> list[int]:
    """Return the children of pid that run another program.

    A child that has not yet exec'd Tesseract still runs this Python (Python's subprocess
    starts it with vfork: it shares the parent's memory): counting it would count the worker
    twice.
    """
    found = []
    for task in glob.glob(f"/proc/{pid}/task/*/children"):
        with contextlib.suppress(OSError), open(task) as listing:
            found += [int(child) for child in listing.read().split()]
    return [child for child in found if _program(child) != _program(pid)]


def _program(pid: int) -> str:
    with contextlib.suppress(OSError):
        return os.readlink(f"/proc/{pid}/exe")
    return ""


#: the environment this script was started in, before cardscan limited Tesseract's threads
PLAIN_ENV = dict(os.environ)


def plain_tesseract(path: str, threads: str | None = None) -> float:
    """Return the seconds one plain `tesseract IMAGE stdout` run takes on the full photo.

    Run as a user would run it (Tesseract's default threads), or with OMP_THREAD_LIMIT set.
    """
    env = PLAIN_ENV if threads is None else PLAIN_ENV | {"OMP_THREAD_LIMIT": threads}
    start = time.perf_counter()
    subprocess.run(["tesseract", path, "stdout"], capture_output=True, check=False, env=env)
    return time.perf_counter() - start


def throughput(paths: list[str], jobs: int, settings: ScanSettings) -> tuple[float, list[int]]:
    """Return cards per minute with `jobs` worker processes, and the workers' peak memory."""
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs, initializer=return_freed_memory_promptly) as pool:
        results = list(pool.map(time_card, paths, [settings] * len(paths)))
    elapsed = time.perf_counter() - start
    return 60 * len(paths) / elapsed, [rss for _, rss in results]


def store_add_seconds(existing: int, trials: int = 300) -> tuple[float, float]:
    """Return the median seconds of one store.add into an empty store and into one already
    holding `existing` contacts, the two timed in turns so that drift (caches, clock speed)
    weighs on both alike."""
    with (
        tempfile.TemporaryDirectory() as tmp,
        ContactStore(Path(tmp) / "empty.db") as empty,
        ContactStore(Path(tmp) / "full.db") as full,
    ):
        _fill(full, existing)
        times: dict[int, list[float]] = {id(empty): [], id(full): []}
        for i in range(trials):
            for store in (empty, full) if i % 2 else (full, empty):
                contact = Contact(
                    name=f"New {i}",
                    emails=(f"new{i}@example.test",),
                    phones=(Phone(f"+1212555{i:04d}", "mobile"),),
                )
                start = time.perf_counter()
                store.seen_image(f"new{i}")
                store.add(contact, card=CardRecord(f"new{i}", "text", None, b"\xff" * 100_000))
                times[id(store)].append(time.perf_counter() - start)
        return statistics.median(times[id(empty)]), statistics.median(times[id(full)])


def _fill(store: ContactStore, count: int) -> None:
    """Give the store `count` contacts, each with an email, a phone and a card."""
    with store.db:
        for i in range(count):
            store.db.execute(
                "INSERT INTO contacts (name, created_at, updated_at) VALUES (?, '', '')",
                (f"Person {i}",),
            )
            cid = store.db.execute("SELECT last_insert_rowid()").fetchone()[0]
            store.db.execute(
                "INSERT INTO emails (contact_id, position, email) VALUES (?, 0, ?)",
                (cid, f"person{i}@example.test"),
            )
            store.db.execute(
                "INSERT INTO phones (contact_id, position, number, kind) VALUES (?, 0, ?, 'work')",
                (cid, f"+1415555{i:04d}"),
            )
            store.db.execute(
                "INSERT INTO cards (contact_id, sha256, ocr_text, created_at)"
                " VALUES (?, ?, '', '')",
                (cid, f"{i:064x}"),
            )


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--limit", type=int, default=20, help="photos to time [20]")
    parser.add_argument("--jobs", type=int, default=default_jobs(), help="workers for -j N")
    parser.add_argument("--store-size", type=int, default=10_000)
    parser.add_argument("--fast", action="store_true", help="one reading, as `cardscan --fast`")
    parser.add_argument(
        "--engine", default="auto", choices=[e.value for e in EngineName],
        help="as `cardscan scan --engine` (default auto, as cardscan)",
    )  # fmt: skip
    args = parser.parse_args()
    return_freed_memory_promptly()  # as `cardscan add` / `scan` do
    paths = sorted(str(p) for p in args.folder.rglob("*") if imageio.is_supported_image(p))[
        : args.limit
    ]
    if not paths:
        print(f"benchmark: no images under {args.folder}", file=sys.stderr)
        return 4
    print(f"{len(paths)} photos from {args.folder}")
    settings = ScanSettings(EngineOptions(engine=args.engine, second_reading=not args.fast))
    per_card = [time_card(p, settings)[0] for p in paths]
    totals = [sum(t.values()) for t in per_card]
    for stage in STAGES:
        values = [t[stage] for t in per_card]
        print(f"  {stage:<15} median {statistics.median(values):6.3f}s  p95 {p95(values):6.3f}s")
    print(
        "  (preprocess includes the first reading where it settles which way up the card"
        " goes;\n   read is then the other readings, and parsing them)"
    )
    scan = statistics.median(totals)
    print(f"  {'cardscan':<15} median {scan:6.3f}s  p95 {p95(totals):6.3f}s per card")
    for threads, label in ((None, "default threads"), ("1", "OMP_THREAD_LIMIT=1")):
        yard = statistics.median(plain_tesseract(p, threads) for p in paths)
        print(
            f"  plain tesseract on the full photo ({label}): median {yard:.3f}s"
            f" -> cardscan is {scan / yard:.2f}x"
        )
    one, rss_one = throughput(paths, 1, settings)
    many, rss_many = throughput(paths, args.jobs, settings)
    print(
        f"  throughput -j 1: {one:.1f} cards/min; -j {args.jobs}: {many:.1f} cards/min "
        f"({many / one:.2f}x)"
    )
    print(f"  peak memory per worker, with its Tesseract run: {max(rss_one + rss_many)} MB")
    empty, full = store_add_seconds(args.store_size)
    print(
        f"  store add: empty {empty * 1000:.2f} ms, with {args.store_size} contacts "
        f"{full * 1000:.2f} ms ({full / empty:.2f}x)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
