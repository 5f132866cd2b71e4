"""A reading process gives photo-sized arrays back to the system as soon as they are freed."""

from __future__ import annotations

import subprocess
import sys

import pytest

# Run in a fresh interpreter: in the test process, memory other tests freed would be reused.
PROBE = """
import numpy as np
from cardscan.memory import return_freed_memory_promptly

def resident_mb():
    with open("/proc/self/status") as status:
        line = next(line for line in status if line.startswith("VmRSS:"))
    return int(line.split()[1]) / 1024

assert return_freed_memory_promptly()
for size_mb in (36, 8, 12, 5):  # a photo, then copies of the sizes that follow it
    before = resident_mb()
    block = np.ones(size_mb * 1024 * 1024, np.uint8)
    held = resident_mb()
    del block
    print(size_mb, round(held - before, 1), round(resident_mb() - before, 1))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc and /proc: Linux only")
def test_freed_photo_sized_arrays_leave_the_process() -> None:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout
    assert len(out.splitlines()) == 4, out
    for line in out.splitlines():
        size_mb, held, after = (float(x) for x in line.split())
        assert held > 0.9 * size_mb, line
        assert after < 2, f"{size_mb:g} MB stayed in the process after it was freed"
