"""Tesseract, through pytesseract: the only module that runs the OCR engine."""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytesseract

from .errors import MissingDependencyError, OcrError
from .model import Box, CardImage, OcrLine, OcrResult, OcrWord, Pixels
from .preprocess.lighting import normalise
from .settings import ScanSettings

INSTALL_HINT = (
    "install it with `sudo apt-get install tesseract-ocr tesseract-ocr-eng` "
    "(macOS: `brew install tesseract`)"
)


@dataclass(frozen=True)
class TesseractInfo:
    path: str
    version: str
    languages: tuple[str, ...]


def probe() -> TesseractInfo:
    """Return where Tesseract is and what it can read; raise MissingDependencyError if absent."""
    path = shutil.which(pytesseract.pytesseract.tesseract_cmd)
    if path is None:
        raise MissingDependencyError(f"tesseract not found; {INSTALL_HINT}")
    try:
        version = str(pytesseract.get_tesseract_version())
        languages = installed_languages()
    except (pytesseract.TesseractError, OSError, subprocess.SubprocessError) as e:
        raise MissingDependencyError(f"tesseract at {path} does not run: {e}") from e
    return TesseractInfo(path=path, version=version, languages=languages)


def installed_languages() -> tuple[str, ...]:
    """Return the models Tesseract has, from `tesseract --list-langs`.

    Not pytesseract.get_languages: it keeps only lower-case names and so drops the script
    models ("Latin", "Cyrillic") that Debian's tesseract-ocr-script-* packages install.
    """
    lines = _language_listing()[1:]
    return tuple(sorted(line.strip() for line in lines if line.strip()))


def models_folder() -> Path | None:
    """Return the folder Tesseract loads its models from, or None if it does not say."""
    # The first line of the listing: List of available languages in "/usr/share/.../" (14):
    lines = _language_listing()
    head = lines[0] if lines else ""
    _, quote, rest = head.partition('"')
    folder, quote, _ = rest.partition('"')
    return Path(folder) if quote and folder else None


@functools.cache
def _language_listing() -> list[str]:
    listing = subprocess.run(
        [pytesseract.pytesseract.tesseract_cmd, "--list-langs"],
        capture_output=True,
        text=True,
        timeout=30,
        check=True,
    )
    return listing.stdout.splitlines()


def self_test(settings: ScanSettings) -> float:
    """Read a rendered test line; return the seconds it took, or raise OcrError (hang, crash)."""
    line = np.full((90, 560), 255, np.uint8)
    cv2.putText(line, "cardscan 2026", (20, 62), cv2.FONT_HERSHEY_DUPLEX, 1.6, 0, 2, cv2.LINE_AA)
    start = time.perf_counter()
    result = read_pixels(line, settings, psm=7)
    if "cardscan" not in result.text.lower():
        raise OcrError(f"tesseract runs but misread a test line as {result.text!r}")
    return time.perf_counter() - start


def require_language(lang: str) -> None:
    """Raise MissingDependencyError, with the package to install, unless Tesseract reads lang."""
    probe()
    missing = [part for part in lang.split("+") if not has_language(part)]
    if missing:
        raise MissingDependencyError(language_hint(missing[0]))


def language_hint(lang: str) -> str:
    """Return what to say when Tesseract lacks a language: "deu" -> install tesseract-ocr-deu."""
    package = "tesseract-ocr-script-latn" if lang == "Latin" else f"tesseract-ocr-{lang.lower()}"
    return (
        f"tesseract has no '{lang}' language data; install it with "
        f"`sudo apt-get install {package}` (macOS: `brew install tesseract-lang`)"
    )


def has_language(lang: str) -> bool:
    """Return whether Tesseract has every model in lang ("eng", "eng+fra") and runs at all."""
    try:
        available = installed_languages()
    except (OSError, subprocess.SubprocessError):
        return False
    return all(part in available for part in lang.split("+"))


#: a first reading at least this confident (mean word confidence) is not tried again
GOOD_ENOUGH = 0.80
#: ... and one less confident than this is texture or blur, not worth the time of a retry
WORTH_RETRYING = 0.45
#: Tesseract options for our input: cards are flattened to ~300 dpi, already normalised to dark
#: text on white (so Tesseract need not try inverted words), and spacing carries layout.
_OPTIONS = "--dpi 300 -c tessedit_do_invert=0 -c preserve_interword_spaces=1"


def read_card(card: CardImage, settings: ScanSettings, retry: bool = True) -> OcrResult:
    """Return the words, boxes and confidences Tesseract reads on an upright card image.

    The card is read as sparse text first (cards are scattered lines, not paragraphs), unless
    turning it upright already read it so with the same model (card.reading); a weak reading
    is retried as one block of text and the more confident of the two kept, unless retry is
    False.
    """
    grey = card.normalised
    first = card.reading
    if first is None or first.lang != settings.lang:
        grey = normalise(card.pixels) if grey is None else grey
        first = read_pixels(grey, settings, psm=11)
    if not retry or not WORTH_RETRYING <= first.confidence < GOOD_ENOUGH:
        return first  # good already, or noise that a second reading would not turn into text
    grey = normalise(card.pixels) if grey is None else grey
    second = read_pixels(grey, settings, psm=6)
    return max((first, second), key=reading_weight)


def reading_weight(result: OcrResult) -> float:
    """Return the confident characters of a reading: what a retry must beat."""
    return sum(
        w.confidence * len(w.text)
        for line in result.lines
        for w in line.words
        if w.confidence > 0.5 and any(c.isalnum() for c in w.text)
    )


def read_pixels(pixels: Pixels, settings: ScanSettings, psm: int) -> OcrResult:
    """Run Tesseract's image_to_data on pixels with a page-segmentation mode."""
    # Tesseract's OpenMP threads cost more than they save on a card-sized image: on a 2-core
    # machine one card reads in 0.17 s single-threaded and 0.8 s with threads (spin-waiting),
    # and batches run one Tesseract per core anyway. A limit the user set is kept.
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    with tempfile.TemporaryDirectory(prefix="cardscan-") as folder:
        # Given an array, pytesseract writes it out as a compressed PNG: 65 ms per noisy card,
        # more than a fifth of the reading. An uncompressed BMP takes under a millisecond.
        image = os.path.join(folder, "card.bmp")
        if not cv2.imwrite(image, pixels):
            raise OcrError(f"could not write the card image for tesseract to {folder}")
        data = _image_to_data(image, settings, psm)
    return _to_result(data, width=pixels.shape[1], height=pixels.shape[0], lang=settings.lang)


def _image_to_data(image: str, settings: ScanSettings, psm: int) -> dict[str, list]:
    try:
        return pytesseract.image_to_data(
            image,
            lang=settings.lang,
            config=f"--psm {psm} {_OPTIONS}{_models_option(settings)}",
            output_type=pytesseract.Output.DICT,
            timeout=settings.timeout,
        )
    except pytesseract.TesseractNotFoundError as e:
        raise MissingDependencyError(f"tesseract not found; {INSTALL_HINT}") from e
    except RuntimeError as e:  # pytesseract raises a bare RuntimeError on timeout
        raise OcrError(f"tesseract took longer than {settings.timeout:g}s") from e
    except pytesseract.TesseractError as e:
        raise OcrError(f"tesseract failed: {e.message}") from e


def _models_option(settings: ScanSettings) -> str:
    if settings.models is None:
        return ""
    return f" --tessdata-dir {shlex.quote(str(settings.models))}"


def _to_result(data: dict[str, list], width: int, height: int, lang: str) -> OcrResult:
    lines: dict[tuple[int, int, int], list[OcrWord]] = {}
    for i, text in enumerate(data["text"]):
        text = text.strip()
        conf = float(data["conf"][i])
        if not text or conf < 0:
            continue
        key = (data["block_num"][i], data["par_num"][i], data["line_num"][i])
        box = Box(data["left"][i], data["top"][i], data["width"][i], data["height"][i])
        lines.setdefault(key, []).append(OcrWord(text, box, min(conf, 100.0) / 100.0))
    ordered = sorted(lines.values(), key=lambda ws: (ws[0].box.top, ws[0].box.left))
    return OcrResult(tuple(OcrLine(tuple(ws)) for ws in ordered), width, height, lang=lang)
