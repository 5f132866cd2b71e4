"""Reading what a user hands us: regular files only, opened without blocking, read with a bound.

A FIFO, socket or device named like a photo would block a batch forever or stream endlessly
(/dev/zero), so only regular files are opened, and every read stops one byte past its limit:
nothing is read whole and measured afterwards.
"""

from __future__ import annotations

import io
import os
import stat
import sys
from typing import BinaryIO

from .errors import BadInputError

#: Largest image or PDF we read (a file, or stdin): a 108 MP JPEG or a 600 dpi page fit.
MAX_IMAGE_BYTES = 128 * 1024 * 1024
#: Largest contacts file `import` reads: 100,000 contacts with long notes fit.
MAX_CONTACTS_BYTES = 64 * 1024 * 1024
#: Largest text `parse` reads: an email signature, or the OCR text of a stack of cards.
MAX_TEXT_BYTES = 1024 * 1024

#: How stdin is named in messages.
STDIN_NAME = "<stdin>"

_CHUNK = 1 << 20
_NOT_REGULAR = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a device"),
    (stat.S_ISBLK, "a device"),
)


def display_name(path: str | os.PathLike[str]) -> str:
    """Return path as text that can always be printed and stored (undecodable bytes replaced)."""
    return os.fspath(path).encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def kind_of(mode: int) -> str | None:
    """Return what a file of this st_mode is when it is not a regular file or folder, else None."""
    return next((kind for test, kind in _NOT_REGULAR if test(mode)), None)


def read_file(path: str | os.PathLike[str], limit: int) -> bytes:
    """Return the bytes of a regular file of at most limit bytes; BadInputError otherwise."""
    source = display_name(path)
    with open_regular(path) as f:
        if os.fstat(f.fileno()).st_size > limit:
            raise BadInputError(source, too_large(limit))
        return read_limited(f, limit, source)


def open_regular(path: str | os.PathLike[str]) -> BinaryIO:
    """Return a regular file opened for binary reading; BadInputError for anything else.

    The type is checked before opening (opening a device can have effects) and again on the
    open file (it may have been swapped); O_NONBLOCK keeps open() of a FIFO from waiting for
    a writer.
    """
    source = display_name(path)
    try:
        _check_regular(os.stat(path).st_mode, source)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as e:
        raise BadInputError(source, _problem(e)) from e
    except ValueError as e:  # a NUL byte in the name
        raise BadInputError(source, "invalid file name") from e
    try:
        _check_regular(os.fstat(fd).st_mode, source)
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_stdin(limit: int) -> bytes:
    """Return the bytes on stdin, at most limit; BadInputError naming <stdin> past it."""
    return read_limited(sys.stdin.buffer, limit, STDIN_NAME)


def read_limited(stream: BinaryIO, limit: int, source: str) -> bytes:
    """Return what stream holds, reading at most limit + 1 bytes; BadInputError past limit."""
    # BytesIO grows its one buffer in place and hands it over without a copy: an accepted
    # stream costs its size once, a refused one at most limit plus a chunk.
    buffer = io.BytesIO()
    size = 0
    try:
        while size <= limit and (chunk := stream.read(min(_CHUNK, limit + 1 - size))):
            buffer.write(chunk)
            size += len(chunk)
    except OSError as e:
        raise BadInputError(source, _problem(e)) from e
    if size > limit:
        raise BadInputError(source, too_large(limit))
    return buffer.getvalue()


def too_large(limit: int) -> str:
    """Return the problem of input over limit bytes, in the units the README gives."""
    return f"too large (over {limit >> 20} MB)"


def _check_regular(mode: int, source: str) -> None:
    if stat.S_ISDIR(mode):
        raise BadInputError(source, "is a directory")
    kind = kind_of(mode)
    if kind is not None:
        raise BadInputError(source, f"not a regular file ({kind})")


def _problem(e: OSError) -> str:
    if isinstance(e, FileNotFoundError | NotADirectoryError):
        return "no such file"
    if isinstance(e, IsADirectoryError):
        return "is a directory"
    if isinstance(e, PermissionError):
        return "permission denied"
    return f"cannot read file ({(e.strerror or str(e)).lower()})"
