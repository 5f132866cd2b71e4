"""Writing the files a user asks for (-o, --ics): whole or not at all, never through a symlink.

The data goes to a temporary file beside the target, which is renamed over it once complete: a
full disk or a crash leaves the old file as it was, never a truncated one. rename() replaces a
symlink rather than following it, so a link planted at the target cannot redirect the write; a
link found there is refused outright. Hand-written because the one library for this,
atomicwrites, is no longer maintained, and the whole job is a dozen lines.
"""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from pathlib import Path
from typing import Annotated

import typer

from ..errors import BadInputError

ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite an output file that already exists.")
]


def write_output(path: Path, data: bytes, force: bool) -> None:
    """Write data to path atomically; an existing file needs force (or a yes on a terminal)."""
    if path.is_symlink():
        raise BadInputError(str(path), "is a symbolic link; not followed (remove it first)")
    if path.is_dir():
        raise BadInputError(str(path), "is a directory")
    if path.exists() and not force:
        if not (sys.stdin.isatty() and sys.stderr.isatty()):
            raise BadInputError(str(path), "already exists (--force to overwrite it)")
        typer.confirm(f"{path} already exists. Overwrite it?", abort=True, err=True)
    _replace(path, data)


def _replace(path: Path, data: bytes) -> None:
    mode = path.stat().st_mode & 0o7777 if path.exists() else _default_mode()
    try:
        fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:
        raise BadInputError(str(path), f"cannot write ({e.strerror or e})") from e
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(temp, mode)
        os.replace(temp, path)
    except OSError as e:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise BadInputError(
            str(path), f"cannot write ({e.strerror or e}); nothing was changed"
        ) from e


def _default_mode() -> int:
    """Return the mode a new file gets from open(): 0o666 less the umask (mkstemp uses 0o600)."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask
