"""`scan --debug-dir DIR`: the trace callback that writes what each stage saw as JPEG files."""

from __future__ import annotations

import contextlib
import os
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from .. import imageio
from ..errors import BadInputError
from ..model import Pixels
from ..trace import Trace


@dataclass(frozen=True)
class DebugImages:
    """Writes DIR/<stem>-<step>.jpg for each input file; picklable, for worker processes.

    Two inputs with the same stem (a/card.jpg, b/card.jpg) get card-... and card~2-...: their
    images never overwrite each other.
    """

    folder: Path
    stems: dict[str, str] = field(default_factory=dict)

    @classmethod
    def for_inputs(cls, folder: Path, files: list[str]) -> DebugImages:
        """Return the writer for these files, the folder made; BadInputError when it cannot be."""
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not os.access(folder, os.W_OK):
                raise PermissionError(13, "permission denied")
        except OSError as e:
            problem = e.strerror.lower() if e.strerror else "cannot be created"
            raise BadInputError(str(folder), f"debug folder: {problem}") from e
        seen: Counter[str] = Counter()
        stems = {}
        for path in files:
            stem = Path(path).stem if path != "-" else "stdin"
            seen[stem] += 1
            stems[path] = stem if seen[stem] == 1 else f"{stem}~{seen[stem]}"
        return cls(folder, stems)

    def __call__(self, path: str) -> Trace:
        """Return the trace of one input file."""
        stem = self.stems.get(path) or Path(path).stem or "image"
        return _FileTrace(self.folder, stem)


@dataclass(frozen=True)
class _FileTrace:
    folder: Path
    stem: str

    def __call__(self, step: str, pixels: Pixels) -> None:
        # A debug image that cannot be written must not cost the user the card itself.
        with contextlib.suppress(OSError):
            (self.folder / f"{self.stem}-{step}.jpg").write_bytes(imageio.encode_jpeg(pixels))
