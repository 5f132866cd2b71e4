"""A lean copy of a Tesseract model, without its word list, kept in the user's cache.

Debian's Latin-script model (tesseract-ocr-script-latn) is an 89 MB file of which 88.8 MB is
one part: the word list of every Latin-script language (`lstm-word-dawg`); the recogniser
itself is 0.45 MB. Tesseract loads the whole file on every run, which took 0.28 s and 250 MB
for each card read with it. Without the word list the same recogniser loads in 0.06 s and
31 MB. The word list does little for what the second reading is for (names, which are mostly
not in it) and, on the shared dev cards, names were spelled exactly on one card in 120 fewer
without it; accents.combine keeps the English reading's name where the two disagree and the
English one is surer.

Tesseract's `load_system_dawg=0` does not stop the LSTM word list loading (the LSTM dictionary
is set up with default parameters), so the file is cut instead, once, with Tesseract's own
`combine_tessdata`: unpacked, the word lists removed, packed again. Where that tool is missing
or fails, the full model is used as it is: slower, never wrong.
"""

from __future__ import annotations

import functools
import os
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

#: model parts that are word lists: what a lean copy leaves out
WORD_LISTS = ("lstm-word-dawg", "word-dawg", "freq-dawg")
#: the suffix of a lean model's name: "Latin" -> "Latin_lean"
LEAN_SUFFIX = "_lean"
#: seconds combine_tessdata may take (it writes ~90 MB once)
TOOL_TIMEOUT = 120.0


@dataclass(frozen=True)
class Model:
    """A model as Tesseract is told about it: -l lang, and --tessdata-dir folder if not its own."""

    lang: str
    folder: Path | None = None


@functools.cache
def lean_model(lang: str, models: Path, cache: Path) -> Model:
    """Return the lean copy of the model lang (from the folder models), made in cache if needed.

    lang may name a model in a subfolder ("script/Latin"). On any failure to make the copy,
    the model itself is returned: Model(lang).
    """
    source = models / f"{lang}.traineddata"
    name = Path(lang).name + LEAN_SUFFIX
    target = cache / f"{name}.traineddata"
    stamp = cache / f"{name}.source"
    try:
        made_from = _identity(source)
        if not (target.is_file() and stamp.is_file() and stamp.read_text() == made_from):
            _make_lean(source, cache, name)
            _write_atomically(stamp, made_from)
        _copy_configs(models, cache)
    except (OSError, subprocess.SubprocessError):
        return Model(lang)
    return Model(name, cache)


def _identity(source: Path) -> str:
    """Return what identifies a model file's version: a new package means a new copy."""
    info = source.stat()
    return f"{source.resolve()} {info.st_size} {info.st_mtime_ns}\n"


def _make_lean(source: Path, cache: Path, name: str) -> None:
    """Write cache/name.traineddata: source without its word lists."""
    tool = shutil.which("combine_tessdata")
    if tool is None:
        raise FileNotFoundError("combine_tessdata not found")
    cache.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".making-") as work:
        prefix = os.path.join(work, f"{name}.")
        _run(tool, "-u", str(source), prefix)  # one file per part: name.lstm, name.lstm-word-dawg
        for part in WORD_LISTS:
            Path(prefix + part).unlink(missing_ok=True)
        _run(tool, prefix)  # packs the parts left into name.traineddata
        os.replace(prefix + "traineddata", cache / f"{name}.traineddata")


def _run(*command: str) -> None:
    subprocess.run(command, capture_output=True, timeout=TOOL_TIMEOUT, check=True)


def _copy_configs(models: Path, cache: Path) -> None:
    """Give the cache the config files Tesseract looks up beside its models (pytesseract asks
    for "tsv" on every run)."""
    configs = models / "configs"
    if configs.is_dir() and not (cache / "configs").is_dir():
        with tempfile.TemporaryDirectory(dir=cache, prefix=".configs-") as work:
            shutil.copytree(configs, Path(work) / "configs")
            try:
                os.replace(Path(work) / "configs", cache / "configs")
            except OSError:
                if not (cache / "configs").is_dir():  # not another worker's copy that won
                    raise


def _write_atomically(path: Path, text: str) -> None:
    with tempfile.NamedTemporaryFile("w", dir=path.parent, delete=False) as out:
        out.write(text)
    os.replace(out.name, path)
