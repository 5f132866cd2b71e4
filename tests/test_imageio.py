"""Loading the files users hand cardscan: every good kind becomes upright BGR, every bad one a
BadInputError naming the file. All inputs are generated here, in tmp_path."""

from __future__ import annotations

import contextlib
import errno
import gc
import hashlib
import io
import os
import struct
import weakref
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path

import cv2
import numpy as np
import pillow_heif
import pytest
from PIL import Image

from cardscan import batch, imageio
from cardscan.errors import BadInputError, ExitCode

RED, WHITE = (255, 0, 0), (255, 255, 255)
BGR_RED, BGR_WHITE = (0, 0, 255), (255, 255, 255)


def encode(img: Image.Image, fmt: str, **params: object) -> bytes:
    buf = io.BytesIO()
    img.save(buf, fmt, **params)
    return buf.getvalue()


def card(size: tuple[int, int] = (64, 40), mode: str = "RGB") -> Image.Image:
    """A white image with a red 16x16 block at its top-left corner."""
    img = Image.new("RGB", size, WHITE)
    img.paste(RED, (0, 0, 16, 16))
    return img.convert(mode)


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def bilevel_png(width: int, height: int) -> bytes:
    """A real, all-black 1-bit PNG: tiny on disk, width*height pixels once decoded."""
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    row = bytes(1 + (width + 7) // 8)  # filter byte, then the packed bits
    packer = zlib.compressobj(9)
    data = b"".join(packer.compress(row * 100) for _ in range(height // 100)) + packer.flush()
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data)


def png_claiming(width: int, height: int) -> bytes:
    """A PNG whose header claims a size its few bytes of data never deliver."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(bytes(100))
    return b"\x89PNG\r\n\x1a\n" + png_chunk(b"IHDR", header) + png_chunk(b"IDAT", data)


def pdf_bytes(*colours: tuple[int, int, int]) -> bytes:
    """A PDF of 8.5x5.5 inch pages, one per colour."""
    pages = [card((850, 550)).convert("RGB") for _ in colours]
    for page, colour in zip(pages, colours, strict=True):
        page.paste(colour, (200, 0, 850, 550))
    return encode(pages[0], "PDF", save_all=True, append_images=pages[1:], resolution=100)


def jpeg_with_orientation(orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    return encode(card(), "JPEG", exif=exif.tobytes(), quality=95)


def truncated(data: bytes) -> bytes:
    return data[: len(data) * 2 // 3]


def colour_at(pixels: np.ndarray, y: int, x: int) -> tuple[int, ...]:
    return tuple(int(v) for v in pixels[y, x])


def close_to(actual: tuple[int, ...], expected: tuple[int, ...], tolerance: int = 40) -> bool:
    return all(abs(a - e) <= tolerance for a, e in zip(actual, expected, strict=True))


# --- bad inputs -------------------------------------------------------------------------------

# Content that is not a readable image, whatever it is called: (bytes, problem).
BAD_CONTENT = [
    pytest.param(b"", "empty file", id="empty"),
    pytest.param(
        b"Jane Doe\nAcme Corp\n+1 555 0100\n", "not an image (looks like text)", id="text"
    ),
    pytest.param(
        b"<!DOCTYPE html>\n<html><body>404</body></html>",
        "not an image (looks like HTML)",
        id="html-saved-as-jpg",
    ),
    pytest.param(
        b'<svg xmlns="http://www.w3.org/2000/svg"/>', "unsupported image format (SVG)", id="svg"
    ),
    pytest.param(bytes(range(256)) * 8, "not an image", id="random-binary"),
    pytest.param(
        encode(card(), "GIF"), "unsupported image format (GIF)", id="gif-unsupported-format"
    ),
    pytest.param(
        encode(card(), "ICO"), "unsupported image format (ICO)", id="ico-unsupported-format"
    ),
    pytest.param(
        b"PK\x03\x04" + bytes(100),
        "not an image (looks like a zip archive or office document)",
        id="zip",
    ),
    pytest.param(
        b"\x00\x00\x00\x14ftypqt  " + bytes(100), "not an image (looks like a video)", id="mov"
    ),
    pytest.param(
        truncated(encode(card((640, 400)), "JPEG")), "truncated image", id="truncated-jpeg"
    ),
    pytest.param(encode(card(), "JPEG")[:200], "truncated image", id="jpeg-cut-in-its-header"),
    pytest.param(encode(card(), "HEIF")[:-20], "truncated image", id="truncated-heic"),
    pytest.param(encode(card(), "WEBP")[:-20], "corrupt image", id="truncated-webp"),
    pytest.param(truncated(encode(card(), "PNG")), "truncated image", id="truncated-png"),
    pytest.param(
        encode(card(), "PNG").replace(b"IDAT", b"IDAX"), "corrupt image", id="png-without-data"
    ),
    pytest.param(
        bilevel_png(30_000, 30_000),
        "image too large: over 178 MP (limit 50 MP)",
        id="decompression-bomb-30000x30000",
    ),
    pytest.param(
        png_claiming(8000, 7000),
        "image too large: 8000x7000 pixels (limit 50 MP)",
        id="over-pixel-budget",
    ),
    pytest.param(png_claiming(0, 10), "corrupt image", id="zero-width"),
    pytest.param(b"%PDF-1.4\nnot really a pdf", "damaged PDF", id="damaged-pdf"),
]


def missing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return tmp_path / "nowhere" / "card.jpg"


def directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "cards.jpg").mkdir()
    return tmp_path / "cards.jpg"


def unreadable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "locked.jpg"
    path.write_bytes(encode(card(), "JPEG"))
    path.chmod(0)
    if os.access(path, os.R_OK):  # root ignores file modes: have open() answer as for a user
        real_open = os.open

        def deny(name: str, *args: int, **kwargs: int) -> int:
            if str(name) == str(path):
                raise PermissionError(errno.EACCES, "Permission denied", str(path))
            return real_open(name, *args, **kwargs)

        monkeypatch.setattr(os, "open", deny)
    return path


def file_under_a_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "notes.txt").write_text("x")
    return tmp_path / "notes.txt" / "card.jpg"


def name_too_long(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return tmp_path / ("card" * 100 + ".jpg")


def nul_in_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return tmp_path / "card\x00.jpg"


BAD_FILES = [
    pytest.param(missing, "no such file", id="missing"),
    pytest.param(name_too_long, "cannot read file (file name too long)", id="name-too-long"),
    pytest.param(nul_in_name, "invalid file name", id="nul-in-name"),
    pytest.param(file_under_a_file, "no such file", id="parent-is-a-file"),
    pytest.param(directory, "is a directory", id="directory"),
    pytest.param(unreadable, "permission denied", id="permission-denied"),
]


@pytest.mark.parametrize(("make", "problem"), BAD_FILES)
def test_unreadable_files_are_refused_by_name(
    make: Callable[[Path, pytest.MonkeyPatch], Path],
    problem: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = make(tmp_path, monkeypatch)
    with pytest.raises(BadInputError) as caught:
        imageio.load_image(path)
    assert (caught.value.path, caught.value.problem) == (str(path), problem)
    assert str(caught.value) == f"{path}: {problem}"
    assert caught.value.exit_code == ExitCode.BAD_INPUT


@pytest.mark.parametrize(("data", "problem"), BAD_CONTENT)
def test_bad_content_named_jpg_is_refused_by_name(
    data: bytes, problem: str, tmp_path: Path
) -> None:
    path = tmp_path / "card.jpg"  # the name says JPEG; the content decides
    path.write_bytes(data)
    with pytest.raises(BadInputError) as caught:
        imageio.load_image(path)
    assert (caught.value.path, caught.value.problem) == (str(path), problem)
    assert str(caught.value) == f"{path}: {problem}"


@pytest.mark.parametrize(("data", "problem"), BAD_CONTENT)
def test_bad_stdin_is_refused_as_stdin(data: bytes, problem: str) -> None:
    with pytest.raises(BadInputError) as caught:
        imageio.load_bytes(data, "<stdin>")
    assert str(caught.value) == f"<stdin>: {problem}"


def test_file_over_the_size_limit_is_refused_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(imageio, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "huge.png"
    path.write_bytes(encode(card(), "PNG") + bytes(2 * 1024 * 1024))
    with pytest.raises(BadInputError, match=r"huge\.png: too large \(over 1 MB\)$"):
        imageio.load_image(path)


# --- good inputs ------------------------------------------------------------------------------


def heic(img: Image.Image, **params: object) -> bytes:
    return encode(img, "HEIF", quality=95, **params)


def mpo() -> bytes:
    return encode(card(), "MPO", save_all=True, append_images=[Image.new("RGB", (64, 40))])


BLACK, GREY_OF_RED = (0, 0, 0), (76, 76, 76)

# Files in every supported format and colour mode: (name, bytes, BGR of the block); each has a
# red block top-left on white, and must load as a 64x40 BGR image that still shows it.
GOOD_FILES = [
    pytest.param("card.jpg", encode(card(), "JPEG", quality=95), BGR_RED, id="jpeg"),
    pytest.param("card.JPEG", encode(card(mode="L"), "JPEG"), GREY_OF_RED, id="jpeg-greyscale"),
    pytest.param(
        "card.jpg", encode(card(mode="CMYK"), "JPEG", quality=95), BGR_RED, id="jpeg-cmyk"
    ),
    pytest.param("card.jpg", mpo(), BGR_RED, id="jpeg-mpo-with-second-picture"),
    pytest.param("card.png", encode(card(), "PNG"), BGR_RED, id="png"),
    pytest.param("card.png", encode(card(mode="P"), "PNG"), BGR_RED, id="png-palette"),
    pytest.param("card.png", encode(card(mode="RGBA"), "PNG"), BGR_RED, id="png-rgba-opaque"),
    pytest.param("card.tif", encode(card(), "TIFF", compression="tiff_lzw"), BGR_RED, id="tiff"),
    pytest.param(
        "card.tif",
        encode(card().convert("1", dither=Image.Dither.NONE), "TIFF", compression="group4"),
        BLACK,
        id="tiff-bilevel-fax",
    ),
    pytest.param("card.bmp", encode(card(), "BMP"), BGR_RED, id="bmp"),
    pytest.param("card.webp", encode(card(), "WEBP", lossless=True), BGR_RED, id="webp"),
    pytest.param("card.heic", heic(card()), BGR_RED, id="heic"),
    pytest.param("card.HEIF", heic(card(mode="RGBA")), BGR_RED, id="heif-rgba"),
    pytest.param(
        "名刺 Müller, Visitenkarte.png", encode(card(), "PNG"), BGR_RED, id="non-ascii-name"
    ),
    pytest.param("my cards/card 1.png", encode(card(), "PNG"), BGR_RED, id="spaces-in-path"),
]


@pytest.mark.parametrize(("name", "data", "block"), GOOD_FILES)
def test_supported_files_load_as_bgr(
    name: str, data: bytes, block: tuple[int, int, int], tmp_path: Path
) -> None:
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    image = imageio.load_image(path)
    assert image.pixels.dtype == np.uint8
    assert image.pixels.shape == (40, 64, 3)
    assert image.source == str(path)
    assert image.sha256 == hashlib.sha256(data).hexdigest()
    assert close_to(colour_at(image.pixels, 4, 4), block)
    assert close_to(colour_at(image.pixels, 30, 50), BGR_WHITE)


def test_undecodable_file_name_loads_with_a_printable_source(tmp_path: Path) -> None:
    raw = os.path.join(os.fsencode(tmp_path), b"card-\xff.png")
    with open(raw, "wb") as f:
        f.write(encode(card(), "PNG"))
    image = imageio.load_image(os.fsdecode(raw))
    assert image.source == f"{tmp_path}/card-\ufffd.png"
    image.source.encode("utf-8")  # printable and storable as it is


def test_stdin_bytes_load_with_stdin_as_source() -> None:
    data = encode(card(), "PNG")
    image = imageio.load_bytes(data, "<stdin>")
    assert (image.source, image.pixels.shape) == ("<stdin>", (40, 64, 3))
    assert image.sha256 == hashlib.sha256(data).hexdigest()


# Where the red block ends up, as (row, column) of a 64x40 card turned upright.
ORIENTATIONS = [
    pytest.param(1, (40, 64, 3), (4, 4), id="1-as-stored"),
    pytest.param(3, (40, 64, 3), (35, 59), id="3-upside-down"),
    pytest.param(6, (64, 40, 3), (4, 35), id="6-turned-right"),
    pytest.param(8, (64, 40, 3), (59, 4), id="8-turned-left"),
]


@pytest.mark.parametrize(("orientation", "shape", "red_at"), ORIENTATIONS)
def test_exif_orientation_is_applied(
    orientation: int, shape: tuple[int, ...], red_at: tuple[int, int]
) -> None:
    image = imageio.load_bytes(jpeg_with_orientation(orientation), "photo.jpg")
    assert image.pixels.shape == shape
    assert close_to(colour_at(image.pixels, *red_at), BGR_RED)


def test_heic_orientation_is_applied() -> None:
    exif = Image.Exif()
    exif[0x0112] = 6
    image = imageio.load_bytes(heic(card(), exif=exif.tobytes()), "photo.heic")
    assert image.pixels.shape == (64, 40, 3)
    assert close_to(colour_at(image.pixels, 4, 35), BGR_RED)


def test_pillow_heif_can_write_heic() -> None:
    """The HEIC cases above need the wheel's x265 encoder; say so plainly if it goes away."""
    assert "x265" in pillow_heif.libheif_info()["encoders"]


def grey_array(mode: str, value: float) -> Image.Image:
    dtypes = {"I;16": np.uint16, "I": np.int32, "F": np.float32}
    return Image.fromarray(np.full((8, 8), value, dtype=dtypes[mode]))


def transparent(mode: str, alpha: int) -> Image.Image:
    return Image.new(mode, (8, 8), (0,) * (len(mode) - 1) + (alpha,))


# Deep, transparent and palette images, and the grey (B=G=R) they must come out as.
TONES = [
    pytest.param(encode(grey_array("I;16", 32896), "PNG"), 128, id="16-bit-grey-png"),
    pytest.param(encode(grey_array("I;16", 65535), "TIFF"), 255, id="16-bit-grey-tiff"),
    pytest.param(encode(grey_array("I", 25700), "TIFF"), 100, id="32-bit-tiff-16-bit-values"),
    pytest.param(encode(grey_array("I", 100), "TIFF"), 100, id="32-bit-tiff-8-bit-values"),
    pytest.param(encode(grey_array("F", 0.5), "TIFF"), 127, id="float-tiff-0-to-1"),
    pytest.param(encode(transparent("RGBA", 0), "PNG"), 255, id="transparent-over-white"),
    pytest.param(encode(transparent("RGBA", 128), "PNG"), 127, id="half-transparent"),
    pytest.param(encode(transparent("LA", 0), "PNG"), 255, id="grey-alpha"),
    pytest.param(
        encode(Image.new("P", (8, 8), 0), "PNG", transparency=0), 255, id="palette-transparency"
    ),
    pytest.param(encode(transparent("RGBA", 0), "WEBP", lossless=True), 255, id="webp-transparent"),
    pytest.param(
        encode(transparent("RGBA", 0), "TIFF", compression="tiff_deflate"), 255, id="tiff-rgba"
    ),
]


@pytest.mark.parametrize(("data", "grey"), TONES)
def test_every_mode_becomes_8_bit_bgr(data: bytes, grey: int) -> None:
    image = imageio.load_bytes(data, "tone")
    assert image.pixels.dtype == np.uint8
    assert image.pixels.shape == (8, 8, 3)
    assert close_to(colour_at(image.pixels, 4, 4), (grey, grey, grey), tolerance=2)


def test_big_jpeg_is_decoded_at_reduced_size(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imageio, "WORK_PIXELS", 1_000_000)
    image = imageio.load_bytes(encode(card((2400, 1600)), "JPEG"), "big.jpg")
    assert image.pixels.shape == (800, 1200, 3)  # decoded at 1/2: 0.96 MP
    assert close_to(colour_at(image.pixels, 2, 2), BGR_RED)


REDUCED_FIRST = [
    # (format, size, REDUCED_SIDE, shape decoded first, reduced)
    pytest.param("JPEG", (640, 400), 100, (100, 160, 3), 4.0, id="jpeg-to-a-quarter"),
    pytest.param("JPEG", (640, 400), 300, (200, 320, 3), 2.0, id="jpeg-to-half"),
    pytest.param("JPEG", (640, 400), 400, (400, 640, 3), 1.0, id="jpeg-kept"),
    pytest.param("JPEG", (4000, 2000), 100, (250, 500, 3), 8.0, id="jpeg-at-most-an-eighth"),
    pytest.param("PNG", (640, 400), 100, (400, 640, 3), 1.0, id="png-kept"),
]


@pytest.mark.parametrize(("fmt", "size", "side", "shape", "reduced"), REDUCED_FIRST)
def test_a_big_jpeg_is_decoded_reduced_first_and_at_full_size_on_request(
    fmt: str,
    size: tuple[int, int],
    side: int,
    shape: tuple[int, int, int],
    reduced: float,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(imageio, "REDUCED_SIDE", side)
    data = encode(card(size), fmt)
    with contextlib.closing(imageio.iter_pages_bytes(data, "card", reduced_first=True)) as pages:
        page = next(pages)
        assert isinstance(page, imageio.LoadedImage)
        assert page.pixels.shape == shape
        assert page.reduced == reduced
        if reduced == 1.0:
            assert page.decode_full is None
        else:
            assert page.decode_full is not None
            full = page.decode_full()
            assert full.shape == (size[1], size[0], 3)
            assert np.array_equal(full, imageio.load_bytes(data, "card").pixels)
    # without reduced_first, the working size at once
    assert imageio.load_bytes(data, "card").pixels.shape == (size[1], size[0], 3)


def test_a_reduced_jpeg_keeps_its_exif_turn(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imageio, "REDUCED_SIDE", 100)
    exif = Image.Exif()
    exif[0x0112] = 6  # turned a quarter: stored landscape, shown portrait
    data = encode(card((640, 400)), "JPEG", exif=exif.tobytes())
    with contextlib.closing(imageio.iter_pages_bytes(data, "card", reduced_first=True)) as pages:
        page = next(pages)
        assert isinstance(page, imageio.LoadedImage) and page.decode_full is not None
        assert page.pixels.shape == (160, 100, 3)  # turned upright: portrait
        assert page.decode_full().shape == (640, 400, 3)


def test_jpeg_too_big_even_at_one_eighth_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imageio, "MAX_PIXELS", 10_000)
    with pytest.raises(BadInputError, match=r"^big\.jpg: image too large: 1200x800 pixels"):
        imageio.load_bytes(encode(card((1200, 800)), "JPEG"), "big.jpg")


def _with_orientation(fmt: str, orientation: int) -> bytes:
    exif = Image.Exif()
    exif[0x0112] = orientation
    params: dict[str, object] = {"quality": 95} if fmt in ("JPEG", "WEBP", "HEIF") else {}
    return encode(card((128, 80)), fmt, exif=exif.tobytes(), **params)


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "TIFF", "WEBP", "HEIF"])
@pytest.mark.parametrize(
    ("orientation", "shape", "red_at"),
    [
        pytest.param(1, (40, 64, 3), (3, 3), id="as-stored"),
        pytest.param(6, (64, 40, 3), (3, 36), id="turned-right"),
    ],
)
def test_an_image_over_the_working_size_is_reduced_and_still_turned_upright(
    fmt: str,
    orientation: int,
    shape: tuple[int, ...],
    red_at: tuple[int, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(imageio, "WORK_PIXELS", 64 * 40)  # a quarter of the 128x80 photo
    image = imageio.load_bytes(_with_orientation(fmt, orientation), f"photo.{fmt.lower()}")
    assert image.pixels.shape == shape
    assert close_to(colour_at(image.pixels, *red_at), BGR_RED)
    assert close_to(colour_at(image.pixels, shape[0] - 3, shape[1] - 3), BGR_WHITE)


def test_big_png_is_refused_not_decoded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(imageio, "MAX_PIXELS", 1_000_000)
    with pytest.raises(BadInputError) as caught:
        imageio.load_bytes(encode(card((2400, 1600)), "PNG"), "big.png")
    assert caught.value.problem == "image too large: 2400x1600 pixels (limit 1 MP)"


# --- PDF --------------------------------------------------------------------------------------

PAGE_COLOURS = ((0, 0, 255), (0, 255, 0), (255, 0, 0))  # RGB, so BGR reversed
BGR_OF_PAGE = {1: (255, 0, 0), 2: (0, 255, 0), 3: (0, 0, 255)}

PAGE_SPECS = [
    pytest.param(None, [1], id="default-first-page"),
    pytest.param("all", [1, 2, 3], id="all"),
    pytest.param("2", [2], id="one-page"),
    pytest.param("1-2,3", [1, 2, 3], id="range-and-page"),
    pytest.param("3,1", [3, 1], id="order-kept"),
    pytest.param("2-", [2, 3], id="open-ended"),
    pytest.param(" 2 , 2-2 ", [2], id="duplicates-and-spaces"),
]


@pytest.mark.parametrize(("spec", "pages"), PAGE_SPECS)
def test_pdf_pages_are_rendered_at_300_dpi(
    spec: str | None, pages: list[int], tmp_path: Path
) -> None:
    path = tmp_path / "scans.pdf"
    data = pdf_bytes(*PAGE_COLOURS)
    path.write_bytes(data)
    images = imageio.load_pages(path, spec)
    assert [i.source for i in images] == [f"{path}#page={n}" for n in pages]
    for image, n in zip(images, pages, strict=True):
        assert abs(image.width - 2550) <= 1 and abs(image.height - 1650) <= 1  # 8.5x5.5 in
        assert close_to(colour_at(image.pixels, 20, 20), BGR_RED)
        assert close_to(colour_at(image.pixels, 800, 1500), BGR_OF_PAGE[n])
        assert image.sha256 == hashlib.sha256(data).hexdigest()


BAD_PAGE_SPECS = [
    pytest.param("0", "bad page range '0'", id="zero"),
    pytest.param("3-1", "bad page range '3-1'", id="backwards"),
    pytest.param("4", "no page 4 (the PDF has 3)", id="past-the-end"),
    pytest.param("1-9", "no page 9 (the PDF has 3)", id="range-past-the-end"),
    pytest.param("first", "bad page range 'first' (use e.g. 1-3,5 or all)", id="words"),
    pytest.param("", "bad page range '' (use e.g. 1-3,5 or all)", id="empty"),
    pytest.param("1,,2", "bad page range '' (use e.g. 1-3,5 or all)", id="empty-part"),
]


@pytest.mark.parametrize(("spec", "problem"), BAD_PAGE_SPECS)
def test_bad_page_specs_are_refused_by_name(spec: str, problem: str, tmp_path: Path) -> None:
    path = tmp_path / "scans.pdf"
    path.write_bytes(pdf_bytes(*PAGE_COLOURS))
    with pytest.raises(BadInputError) as caught:
        imageio.load_pages(path, spec)
    assert str(caught.value) == f"{path}: {problem}"


def test_single_page_pdf_keeps_its_plain_name(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    path.write_bytes(pdf_bytes(PAGE_COLOURS[0]))
    assert [i.source for i in imageio.load_pages(path, "all")] == [str(path)]
    assert imageio.load_image(path).source == str(path)


def test_pdf_is_found_by_content_whatever_its_name(tmp_path: Path) -> None:
    path = tmp_path / "card.jpg"
    path.write_bytes(pdf_bytes(*PAGE_COLOURS))
    image = imageio.load_image(path)
    assert image.source == f"{path}#page=1"
    assert close_to(colour_at(image.pixels, 800, 1500), BGR_OF_PAGE[1])


def test_pdf_from_stdin_renders_its_first_page() -> None:
    image = imageio.load_bytes(pdf_bytes(*PAGE_COLOURS), "<stdin>")
    assert image.source == "<stdin>#page=1"


def test_pdf_page_over_the_pixel_budget_is_rendered_at_lower_resolution(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(imageio, "WORK_PIXELS", 1_000_000)
    image = imageio.load_bytes(pdf_bytes(PAGE_COLOURS[0]), "poster.pdf")
    assert image.width * image.height <= 1_000_000
    assert image.width > 1200  # not more reduced than it had to be


def test_image_file_is_one_page_whatever_the_spec(tmp_path: Path) -> None:
    path = tmp_path / "card.png"
    path.write_bytes(encode(card(), "PNG"))
    assert [i.source for i in imageio.load_pages(path, "2-5")] == [str(path)]


def test_iter_pages_checks_the_spec_before_rendering(tmp_path: Path) -> None:
    path = tmp_path / "scans.pdf"
    path.write_bytes(pdf_bytes(*PAGE_COLOURS))
    with pytest.raises(BadInputError, match="no page 7"):
        imageio.iter_pages(path, "7")  # raised by the call itself, not by the first next()


# --- pages are let go -------------------------------------------------------------------------

KEPT_PAGES = [
    pytest.param(lambda: encode(card(), "PNG"), id="image"),
    pytest.param(
        lambda: encode(card(), "TIFF", save_all=True, append_images=[card()]), id="tiff-pages"
    ),
    pytest.param(lambda: pdf_bytes(*PAGE_COLOURS), id="pdf-pages"),
]


@pytest.mark.parametrize("make", KEPT_PAGES)
def test_a_page_is_not_kept_by_its_reader_while_it_is_read(
    make: Callable[[], bytes], tmp_path: Path
) -> None:
    # The pipeline lets go of a photo once its cards are cut out: the generator it came from
    # must not keep it (36 MB a 12 MP photo) while its cards are read.
    path = tmp_path / "card.bin"
    path.write_bytes(make())
    with contextlib.closing(imageio.iter_pages(path, "all")) as pages:
        page = next(pages)
        assert isinstance(page, imageio.LoadedImage)
        pixels = weakref.ref(page.pixels)
        del page
        gc.collect()
        assert pixels() is None


def test_a_page_is_not_kept_by_the_batch_filter_of_bad_pages() -> None:
    bad = BadInputError("scans.pdf#page=1", "corrupt page")

    def loaded() -> Iterator[imageio.Page]:
        yield bad
        yield imageio.LoadedImage("scans.pdf#page=2", np.zeros((40, 64, 3), np.uint8), "0" * 64)

    problems: list[tuple[str, ExitCode]] = []
    taken = [0]
    with contextlib.closing(batch.readable_pages(loaded(), problems, taken)) as pages:
        page = next(pages)
        pixels = weakref.ref(page.pixels)
        del page
        gc.collect()
        assert pixels() is None
        assert problems == [(str(bad), bad.exit_code)] and taken == [2]


# --- encode_jpeg and is_supported_image -------------------------------------------------------

JPEG_SIZES = [
    pytest.param((3000, 2000), 1600, (1067, 1600), id="landscape-scaled"),
    pytest.param((1000, 4000), 1600, (1600, 400), id="portrait-scaled"),
    pytest.param((300, 200), 1600, (200, 300), id="small-kept"),
    pytest.param((300, 200), 100, (67, 100), id="custom-max-side"),
]


@pytest.mark.parametrize(("size", "max_side", "shape"), JPEG_SIZES)
def test_encode_jpeg_fits_max_side(
    size: tuple[int, int], max_side: int, shape: tuple[int, int]
) -> None:
    pixels = np.full((size[1], size[0], 3), BGR_RED, dtype=np.uint8)
    decoded = cv2.imdecode(
        np.frombuffer(imageio.encode_jpeg(pixels, max_side=max_side), np.uint8), cv2.IMREAD_COLOR
    )
    assert decoded.shape == (*shape, 3)
    assert close_to(colour_at(decoded, 10, 10), BGR_RED, tolerance=8)


def test_encode_jpeg_takes_grey_and_quality() -> None:
    rng = np.random.default_rng(1)
    grey = rng.integers(0, 256, (200, 300), dtype=np.uint8)
    assert len(imageio.encode_jpeg(grey, quality=30)) < len(imageio.encode_jpeg(grey, quality=95))
    with pytest.raises(ValueError, match="empty"):
        imageio.encode_jpeg(np.zeros((0, 0, 3), np.uint8))


SUPPORTED_NAMES = [
    *(
        pytest.param(f"card.{ext}", True, id=ext)
        for ext in ("jpg", "JPEG", "png", "tif", "tiff", "bmp", "webp", "HEIC", "heif", "pdf")
    ),
    pytest.param("dir.d/card.gif", False, id="gif"),
    pytest.param("card.jpg.txt", False, id="txt"),
    pytest.param("card", False, id="no-suffix"),
    pytest.param(".jpg", False, id="hidden-file-no-suffix"),
]


@pytest.mark.parametrize(("name", "supported"), SUPPORTED_NAMES)
def test_is_supported_image_by_name(name: str, supported: bool) -> None:
    assert imageio.is_supported_image(name) is supported
    assert imageio.is_supported_image(Path("folder") / name) is supported
