"""A broken setup (Tesseract missing, lacking a language, hanging), images with no card text,
and where `--debug-dir` writes.

The hanging Tesseract is a stand-in script on PATH that answers `--version` and `--list-langs`
like the real one and then never finishes a reading: the fault is in the environment, and the
code under test is the real one.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import cv2
import numpy as np
import pytest
from typer.testing import CliRunner

from cardscan import imageio
from cardscan.cli import app
from cardscan.cli.debugdir import DebugImages
from cardscan.errors import ExitCode
from cardscan.pipeline import scan_image
from cardscan.settings import ScanSettings

runner = CliRunner()
SAMPLE = Path(__file__).resolve().parent.parent / "samples" / "flat" / "vermeil.png"


@pytest.fixture
def hanging_tesseract(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Put a tesseract first on PATH that reports itself like the real one, then hangs."""
    real = shutil.which("tesseract")
    assert real is not None
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "tesseract"
    fake.write_text(
        f'#!/bin/sh\ncase "$1" in --version|--list-langs) exec {real} "$@";; esac\nexec sleep 30\n'
    )
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ['PATH']}")
    return fake


@pytest.mark.parametrize("command", ["scan", "add"])
def test_a_missing_language_is_a_missing_dependency(command: str) -> None:
    result = runner.invoke(app, [command, "--lang", "xx", str(SAMPLE)])
    assert result.exit_code == ExitCode.MISSING_DEPENDENCY
    assert "tesseract-ocr-xx" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_doctor_names_a_missing_language() -> None:
    result = runner.invoke(app, ["doctor", "--lang", "xx"])
    assert result.exit_code == ExitCode.MISSING_DEPENDENCY
    assert "tesseract-ocr-xx" in result.stderr


@pytest.mark.usefixtures("hanging_tesseract")
def test_a_hanging_tesseract_times_out_per_card(tmp_path: Path) -> None:
    other = tmp_path / "other card.png"
    shutil.copy(SAMPLE, other)
    result = runner.invoke(app, ["scan", "--timeout", "1", "-j", "1", str(SAMPLE), str(other)])
    assert result.exit_code == ExitCode.OCR_FAILURE
    failures = [line for line in result.stderr.splitlines() if "longer than 1s" in line]
    for card in (SAMPLE, other):  # the batch went on to the second card
        assert any(line.startswith(f"cardscan: {card}: ") for line in failures)
    assert "Traceback" not in result.output


@pytest.mark.usefixtures("hanging_tesseract")
def test_doctor_reports_a_hanging_tesseract() -> None:
    result = runner.invoke(app, ["doctor", "--timeout", "1"])
    assert result.exit_code == ExitCode.OCR_FAILURE
    assert "longer than 1s" in result.stderr


def test_doctor_reads_a_test_line() -> None:
    result = runner.invoke(app, ["doctor"])
    assert result.exit_code == 0, result.output
    assert "tesseract  5." in result.stdout or "tesseract  4." in result.stdout
    assert "reads cards with: eng, Latin_lean" in result.stdout
    assert "read a test line in" in result.stdout


def test_debug_dir_gets_every_step(tmp_path: Path) -> None:
    out = tmp_path / "debug"
    result = runner.invoke(app, ["scan", "--debug-dir", str(out), str(SAMPLE)])
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == [
        "vermeil-1-outline.jpg",
        "vermeil-2-card1-flat.jpg",
        "vermeil-3-card1-normalised.jpg",
        "vermeil-4-card1-ocr.jpg",
    ]


@pytest.mark.parametrize(
    "pixels",
    [
        pytest.param(np.full((900, 1200, 3), 235, np.uint8), id="blank-page"),
        pytest.param(
            np.random.default_rng(7).integers(0, 256, (900, 1200, 3), dtype=np.uint8), id="noise"
        ),
    ],
)
def test_an_image_without_card_text_says_so(tmp_path: Path, pixels: np.ndarray) -> None:
    image = tmp_path / "no card.png"
    cv2.imwrite(str(image), pixels)
    result = runner.invoke(app, ["add", str(image)])
    assert result.exit_code == ExitCode.OCR_FAILURE
    assert result.stderr.strip() == f"cardscan: {image}: no card text found"


def test_debug_images_stay_in_the_debug_dir(tmp_path: Path) -> None:
    out = tmp_path / "debug"
    source = f"{tmp_path}/../../outside/../{SAMPLE.name}"  # a name that walks out of the folder
    image = imageio.load_bytes(SAMPLE.read_bytes(), source)
    tracer = DebugImages.for_inputs(out, [source])
    scan_image(image, ScanSettings(), trace=tracer(source))
    written = [p.resolve() for p in tmp_path.rglob("*.jpg")]
    assert len(written) == 4
    assert all(p.parent == out.resolve() for p in written)


def test_debug_images_of_files_with_the_same_name_do_not_collide(tmp_path: Path) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / SAMPLE.name).write_bytes(SAMPLE.read_bytes())
    out = tmp_path / "debug"
    files = [str(tmp_path / "a" / SAMPLE.name), str(tmp_path / "b" / SAMPLE.name)]
    result = runner.invoke(app, ["scan", "-j", "1", "--debug-dir", str(out), *files])
    assert result.exit_code == 0, result.output
    names = {p.name for p in out.iterdir()}
    assert len(names) == 8
    assert {"vermeil-1-outline.jpg", "vermeil~2-1-outline.jpg"} <= names


def test_an_unusable_debug_dir_is_refused_before_reading(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = runner.invoke(app, ["scan", "--debug-dir", str(blocker / "debug"), str(SAMPLE)])
    assert result.exit_code == ExitCode.BAD_INPUT
    assert result.stderr.strip().startswith(f"cardscan: {blocker / 'debug'}: debug folder:")
