"""The lean copy of the Latin-script model: made from the installed model, kept, read with."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from cardscan import imageio, ocr, preprocess
from cardscan.ocr import tessdata
from cardscan.ocr.tesseract import TesseractEngine, latin_model, models_folder

SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "flat" / "vermeil.png"


@pytest.fixture(autouse=True)
def fresh_cache() -> Iterator[None]:
    tessdata.lean_model.cache_clear()
    yield
    tessdata.lean_model.cache_clear()


@pytest.fixture
def latin() -> tuple[str, Path]:
    """The Latin-script model as installed (scripts/setup.sh installs it): (name, folder)."""
    name, folder = latin_model(), models_folder()
    assert name is not None and folder is not None, "tesseract-ocr-script-latn is not installed"
    return name, folder


def parts(model: Path) -> list[str]:
    """Return the names of the parts in a traineddata file, as combine_tessdata lists them."""
    listing = subprocess.run(
        ["combine_tessdata", "-d", str(model)], capture_output=True, text=True, check=True
    )
    text = listing.stdout + listing.stderr
    return [line.split(":")[1] for line in text.splitlines() if line[:1].isdigit()]


def test_lean_copy_has_the_recogniser_but_no_word_list(
    latin: tuple[str, Path], tmp_path: Path
) -> None:
    name, folder = latin
    model = tessdata.lean_model(name, folder, tmp_path)
    assert model == tessdata.Model("Latin_lean", tmp_path)
    made = tmp_path / "Latin_lean.traineddata"
    assert made.stat().st_size < (folder / f"{name}.traineddata").stat().st_size / 20
    assert "lstm" in parts(made)
    assert "lstm-unicharset" in parts(made)
    assert not set(parts(made)) & set(tessdata.WORD_LISTS)
    assert (tmp_path / "configs" / "tsv").is_file()  # pytesseract asks for it on every run


def test_lean_copy_reads_accents(latin: tuple[str, Path]) -> None:
    engine = TesseractEngine()
    english, accents = engine.models("eng", accents=True)  # the lean copy, in the user's cache
    assert accents == "Latin_lean"
    reader = ocr.CardReader(engine, english, ocr.Deadline(60))
    [card] = preprocess.find_cards(imageio.load_image(SAMPLE), reader)
    words = {
        w.text for line in ocr.read_card(card, reader.with_model(accents)).lines for w in line.words
    }
    assert "Élodie" in words


def test_lean_copy_is_made_once_and_again_for_a_new_model(
    latin: tuple[str, Path], tmp_path: Path
) -> None:
    made = tmp_path / "Latin_lean.traineddata"
    tessdata.lean_model(*latin, tmp_path)
    first = made.stat().st_mtime_ns
    tessdata.lean_model.cache_clear()
    tessdata.lean_model(*latin, tmp_path)
    assert made.stat().st_mtime_ns == first  # kept
    (tmp_path / "Latin_lean.source").write_text("a model since upgraded\n")
    os.utime(made, ns=(first - 10**9, first - 10**9))
    tessdata.lean_model.cache_clear()
    tessdata.lean_model(*latin, tmp_path)
    assert made.stat().st_mtime_ns > first - 10**9  # made again
    assert (tmp_path / "Latin_lean.source").read_text() != "a model since upgraded\n"


def test_full_model_without_combine_tessdata(
    latin: tuple[str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert tessdata.lean_model(*latin, tmp_path / "cache") == tessdata.Model(latin[0])


def test_full_model_when_the_cache_cannot_be_written(
    latin: tuple[str, Path], tmp_path: Path
) -> None:
    blocked = tmp_path / "cache"
    blocked.write_text("a file where the cache folder should be")
    assert tessdata.lean_model(*latin, blocked) == tessdata.Model(latin[0])
    assert blocked.read_text() == "a file where the cache folder should be"
