"""Worker processes that never outlive the batch: they die with their parent, and stop at once.

When the parent is killed (SIGKILL included) nothing runs in it to stop its workers, and each
worker holds a few queued cards: left alone it reads them for minutes. On Linux the kernel
kills a worker when its parent dies (PR_SET_PDEATHSIG): it needs no thread and works while the
worker is busy in C code. Elsewhere a thread in the worker watches for the parent to go.
Ctrl-C is the parent's alone: it stops the workers, Tesseract included, and says so once.

A killed worker runs no cleanup, so the files it and pytesseract write for Tesseract go in a
scratch folder of the batch's, which the parent removes however the batch ends; a folder left
by a parent killed outright is removed by the next batch.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import memory

_PR_SET_PDEATHSIG = 1
_POLL_SECONDS = 0.5
#: a batch's scratch folder is named for its process: cardscan-batch-<pid>-<random>
SCRATCH_PREFIX = "cardscan-batch-"


@contextlib.contextmanager
def scratch_folder() -> Iterator[str]:
    """Yield a new folder for the temporary files of a batch's workers, removed at its end,
    after removing any a killed batch left."""
    _remove_orphaned_scratch(Path(tempfile.gettempdir()))
    prefix = f"{SCRATCH_PREFIX}{os.getpid()}-"
    with tempfile.TemporaryDirectory(prefix=prefix, ignore_cleanup_errors=True) as folder:
        yield folder


def start_worker(parent_pid: int, scratch: str | None = None) -> None:
    """Set up a worker process (the pool's initializer); parent_pid is the batch's process,
    scratch the folder for its temporary files (scratch_folder)."""
    memory.return_freed_memory_promptly()
    if scratch is not None:
        tempfile.tempdir = scratch  # read by pytesseract's temporary files too
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # Its own process group, so that stopping the worker stops the Tesseract it runs too.
    with contextlib.suppress(OSError):
        os.setpgrp()
    if not _die_with_parent():
        threading.Thread(target=_watch_parent, args=(os.getppid(),), daemon=True).start()
    if not _alive(parent_pid):  # it died before the worker could ask to die with it
        os._exit(1)


def stop_workers(pool: ProcessPoolExecutor) -> None:
    """Stop a pool now: queued cards are dropped, workers and their Tesseract runs killed."""
    # The executor offers no way to stop running work; its _processes is the only handle.
    processes = list(getattr(pool, "_processes", {}).values())
    for process in processes:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, signal.SIGKILL)
        with contextlib.suppress(OSError):
            process.kill()
    pool.shutdown(wait=True, cancel_futures=True)


def _die_with_parent() -> bool:
    """Ask the kernel to kill this process when its parent dies; return whether it could."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return bool(libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0)
    except (OSError, AttributeError):
        return False


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_POLL_SECONDS)
    os._exit(1)


def _remove_orphaned_scratch(folder: Path) -> None:
    """Remove the scratch folders in folder whose batch process is gone."""
    for scratch in folder.glob(f"{SCRATCH_PREFIX}*"):
        pid = scratch.name.removeprefix(SCRATCH_PREFIX).partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(scratch, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
