"""Tesseract, through pytesseract: the only module that knows pytesseract, psm and tessdata."""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import tempfile
from pathlib import Path

import cv2
import pytesseract

from ..errors import MissingDependencyError, OcrError, OcrTimeoutError
from ..model import Box, Layout, OcrLine, OcrResult, OcrWord, Pixels
from ..settings import cache_dir
from . import tessdata
from .engine import EngineInfo

INSTALL_HINT = (
    "install it with `sudo apt-get install tesseract-ocr tesseract-ocr-eng` "
    "(macOS: `brew install tesseract`)"
)
#: the model that knows the accented letters of every Latin-script language, as Debian
#: installs it and as Homebrew's tesseract-lang does
ACCENTS_LANG = "Latin"
ACCENTS_LANG_NAMES = ("Latin", "script/Latin")
#: Tesseract's page-segmentation mode for each layout
_PSM = {Layout.SPARSE: 11, Layout.BLOCK: 6, Layout.LINE: 7}
#: Tesseract options for our input: cards are flattened to ~300 dpi, already normalised to dark
#: text on white (so Tesseract need not try inverted words), and spacing carries layout.
_OPTIONS = "--dpi 300 -c tessedit_do_invert=0 -c preserve_interword_spaces=1"


class TesseractEngine:
    """The required default engine: reads the grey, normalised card."""

    name = "tesseract"
    prefers_normalised = True

    def probe(self) -> EngineInfo:
        """Return where Tesseract is, its version and models; raise MissingDependencyError."""
        path = shutil.which(pytesseract.pytesseract.tesseract_cmd)
        if path is None:
            raise MissingDependencyError(f"tesseract not found; {INSTALL_HINT}")
        try:
            version = str(pytesseract.get_tesseract_version())
            languages = installed_languages()
        except (pytesseract.TesseractError, OSError, subprocess.SubprocessError) as e:
            raise MissingDependencyError(f"tesseract at {path} does not run: {e}") from e
        return EngineInfo(self.name, version, path, languages)

    def models(self, lang: str, accents: bool) -> tuple[str, ...]:
        """Return lang, and for English the lean Latin-script model when accents are asked
        for and installed (it reads the accented letters of names the English model drops)."""
        self.probe()
        missing = [part for part in lang.split("+") if not has_language(part)]
        if missing:
            raise MissingDependencyError(language_hint(missing[0]))
        if not accents or lang != "eng":
            return (lang,)  # another language's model has its own accented letters
        model = accents_model()
        return (lang,) if model is None else (lang, model.lang)

    def read(
        self,
        pixels: Pixels,
        layout: Layout = Layout.SPARSE,
        model: str | None = None,
        timeout: float = 60.0,
    ) -> OcrResult:
        """Run Tesseract's image_to_data on pixels."""
        # Tesseract's OpenMP threads cost more than they save on a card-sized image: on a 2-core
        # machine one card reads in 0.17 s single-threaded and 0.8 s with threads (spin-waiting),
        # and batches run one Tesseract per core anyway. A limit the user set is kept.
        os.environ.setdefault("OMP_THREAD_LIMIT", "1")
        lang = model or "eng"
        with tempfile.TemporaryDirectory(prefix="cardscan-") as folder:
            # Given an array, pytesseract writes it out as a compressed PNG: 65 ms per noisy
            # card, more than a fifth of the reading. An uncompressed BMP takes under 1 ms.
            image = os.path.join(folder, "card.bmp")
            if not cv2.imwrite(image, pixels):
                raise OcrError(f"could not write the card image for tesseract to {folder}")
            data = _image_to_data(image, lang, _PSM[layout], timeout)
        return _to_result(data, width=pixels.shape[1], height=pixels.shape[0], lang=lang)


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


def latin_model() -> str | None:
    """Return the name under which Tesseract has the Latin-script model, or None."""
    return next((name for name in ACCENTS_LANG_NAMES if has_language(name)), None)


def accents_model() -> tessdata.Model | None:
    """Return the Latin-script model the second reading uses, lean where it can be, or None."""
    name = latin_model()
    if name is None:
        return None
    folder = models_folder()
    if folder is None:
        return tessdata.Model(name)
    return tessdata.lean_model(name, folder, cache_dir() / "tessdata")


def _tessdata_option(lang: str) -> str:
    """Return --tessdata-dir for a model kept outside Tesseract's own folder (a lean copy)."""
    model = accents_model() if lang.endswith(tessdata.LEAN_SUFFIX) else None
    if model is None or model.folder is None or model.lang != lang:
        return ""
    return f" --tessdata-dir {shlex.quote(str(model.folder))}"


def _image_to_data(image: str, lang: str, psm: int, timeout: float) -> dict[str, list]:
    try:
        return pytesseract.image_to_data(
            image,
            lang=lang,
            config=f"--psm {psm} {_OPTIONS}{_tessdata_option(lang)}",
            output_type=pytesseract.Output.DICT,
            timeout=timeout,
        )
    except pytesseract.TesseractNotFoundError as e:
        raise MissingDependencyError(f"tesseract not found; {INSTALL_HINT}") from e
    except RuntimeError as e:  # pytesseract raises a bare RuntimeError on timeout
        raise OcrTimeoutError(f"tesseract took longer than {timeout:.3g}s") from e
    except pytesseract.TesseractError as e:
        raise OcrError(f"tesseract failed: {e.message}") from e


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
    return OcrResult(
        tuple(OcrLine(tuple(ws)) for ws in ordered), width, height, engine="tesseract", lang=lang
    )
