"""Keep a reading process small while Tesseract runs beside it (glibc's malloc only)."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools

#: glibc's mallopt parameter for the size from which blocks get their own mapping
_M_MMAP_THRESHOLD = -3
#: arrays this big (a photo and its full-size copies) are mapped, and unmapped when freed;
#: smaller ones keep coming from the heap, which is faster to reuse
_THRESHOLD = 4 * 1024 * 1024


@functools.cache
def return_freed_memory_promptly() -> bool:
    """Have big freed blocks go back to the system at once; return whether that could be set.

    glibc raises its mmap threshold each time a big mapped block is freed, so after the first
    photo the 1-36 MB arrays of the next ones come from the heap and stay in the process once
    freed: a worker then holds ~140 MB instead of ~90 MB while its Tesseract runs (270 MB with
    the Latin-script model). Fixing the threshold at 4 MB keeps photo-sized arrays mapped.
    Elsewhere (macOS, musl) this does nothing.
    """
    name = ctypes.util.find_library("c")
    if name is None:
        return False
    try:
        mallopt = ctypes.CDLL(name).mallopt
    except (OSError, AttributeError):
        return False
    return bool(mallopt(_M_MMAP_THRESHOLD, _THRESHOLD))
