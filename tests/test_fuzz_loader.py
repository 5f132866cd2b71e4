"""Fuzzing the loader: whatever bytes arrive, the answer is pixels or a BadInputError, within the
memory budget. Real images are generated here and then damaged byte by byte."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image

from cardscan import imageio, pdf
from cardscan.errors import BadInputError

#: Peak memory the loader may add while digesting fuzzed bytes: a 50 MP decode needs ~0.7 GB.
MEMORY_BUDGET_MB = 1024
# memory_watch is function-scoped on purpose: it measures the peak over all of a test's examples.
FUZZ = settings(
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)


def encode(img: Image.Image, fmt: str, **params: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **params)
    return buf.getvalue()


def seed_image() -> Image.Image:
    rng = np.random.default_rng(7)
    return Image.fromarray(rng.integers(0, 256, (24, 32, 3), dtype=np.uint8))


def exif_jpeg() -> bytes:
    exif = Image.Exif()
    exif[0x0112] = 6
    return encode(seed_image(), "JPEG", exif=exif.tobytes())


SEEDS = {
    "jpeg": encode(seed_image(), "JPEG"),
    "jpeg-exif": exif_jpeg(),
    "png": encode(seed_image(), "PNG"),
    "png-rgba": encode(seed_image().convert("RGBA"), "PNG"),
    "png-16-bit": encode(Image.fromarray(np.full((8, 8), 999, np.uint16)), "PNG"),
    "tiff": encode(seed_image(), "TIFF", compression="tiff_deflate"),
    "bmp": encode(seed_image(), "BMP"),
    "webp": encode(seed_image(), "WEBP"),
    "heic": encode(seed_image(), "HEIF"),
    "gif": encode(seed_image(), "GIF"),
    "pdf": encode(seed_image(), "PDF", resolution=10),
}


@st.composite
def damaged(draw: st.DrawFn) -> bytes:
    """A seed image with bytes flipped, cut, inserted, or sizes blown up."""
    data = bytearray(SEEDS[draw(st.sampled_from(sorted(SEEDS)))])
    for _ in range(draw(st.integers(1, 6))):
        at = draw(st.integers(0, max(0, len(data) - 1)))
        match draw(st.sampled_from(["flip", "cut", "insert", "huge"])):
            case "flip":
                data[at : at + 1] = bytes([draw(st.integers(0, 255))])
            case "cut":
                del data[at:]
            case "insert":
                data[at:at] = draw(st.binary(min_size=1, max_size=16))
            case "huge":  # where a width or height may be stored: claim a giant image
                data[at : at + 4] = draw(st.sampled_from([b"\xff\xff", b"\x7f\xff\xff\xff"]))
    return bytes(data)


def peak_rss_mb() -> int:
    with open("/proc/self/status") as f:
        return next(int(line.split()[1]) // 1024 for line in f if line.startswith("VmHWM"))


@pytest.fixture
def memory_watch() -> Iterator[None]:
    """Fail the test if the process's peak memory grows by more than the budget during it."""
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # reset the peak (VmHWM) to the current resident size
    base = peak_rss_mb()
    yield
    assert peak_rss_mb() - base <= MEMORY_BUDGET_MB


def check_outcome(data: bytes) -> None:
    """Load data; pass if it gives sane pixels or a BadInputError, fail on anything else."""
    try:
        image = imageio.load_bytes(data, "<fuzz>")
    except BadInputError as e:
        assert e.path == "<fuzz>"
        assert str(e) == f"<fuzz>: {e.problem}"
        assert e.problem and "\n" not in e.problem and len(e.problem) < 80
        return
    assert image.pixels.dtype == np.uint8
    assert image.pixels.ndim == 3 and image.pixels.shape[2] == 3
    assert 0 < image.width * image.height <= imageio.MAX_PIXELS


linux_only = pytest.mark.skipif(
    not sys.platform.startswith("linux"), reason="peak memory is read from /proc"
)


@linux_only
@FUZZ
@given(data=st.binary(max_size=4096))
def test_random_bytes_never_escape_as_other_errors(data: bytes, memory_watch: None) -> None:
    check_outcome(data)


@linux_only
@FUZZ
@given(data=damaged())
def test_damaged_images_never_escape_as_other_errors(data: bytes, memory_watch: None) -> None:
    check_outcome(data)


@FUZZ
@given(spec=st.text(alphabet="0123456789-, al", max_size=12), count=st.integers(1, 20))
def test_page_specs_give_pages_in_range_or_value_error(spec: str, count: int) -> None:
    try:
        indexes = pdf.parse_pages(spec, count)
    except ValueError:
        return
    assert indexes and len(indexes) == len(set(indexes))
    assert all(0 <= i < count for i in indexes)
