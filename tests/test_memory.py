"""A reading process gives photo-sized arrays back to the system as soon as they are freed."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from cardscan.memory import return_freed_memory_promptly


def resident_mb() -> float:
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc and /proc: Linux only")
def test_freed_photo_sized_arrays_leave_the_process() -> None:
    assert return_freed_memory_promptly()
    for size_mb in (36, 8, 12, 5):  # a photo, then copies of the sizes that follow it
        before = resident_mb()
        block = np.ones(size_mb * 1024 * 1024, np.uint8)  # touched, so resident
        assert resident_mb() > before + size_mb * 0.9
        del block
        assert resident_mb() < before + 2, f"{size_mb} MB stayed in the process after free"
