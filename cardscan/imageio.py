"""Load any file a user hands us (photo, scan, PDF, stdin bytes) into upright 8-bit BGR pixels.

Every way a file can be bad ends as BadInputError(path, problem); nothing is decoded before its
size is known to fit the pixel budget, so a hostile file cannot exhaust memory.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import math
import warnings
from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np
import pillow_heif
from PIL import Image, ImageOps, UnidentifiedImageError

from . import inputfiles
from .errors import BadInputError
from .model import LoadedImage, Pixels
from .pdf import parse_pages, render_pdf

#: Largest image we decode, in pixels: a 48 MP phone photo fits; a decompression bomb does not.
MAX_PIXELS = 50_000_000
#: Largest file we read into memory (stdin too).
MAX_FILE_BYTES = inputfiles.MAX_IMAGE_BYTES
#: A page of a file: its pixels, or why that page alone could not be read.
Page = LoadedImage | BadInputError

#: File name suffixes worth picking up when walking a folder.
SUPPORTED_SUFFIXES = frozenset(
    {".jpg", ".jpeg", ".png", ".tif", ".tiff", ".bmp", ".webp", ".heic", ".heif", ".pdf"}
)

# The only decoders Pillow may use: fewer parsers facing untrusted bytes, and no EPS (Ghostscript).
# Pillow's JPEG opener returns an "MPO" image for JPEGs that carry a second picture (depth maps).
_PILLOW_FORMATS = ("JPEG", "PNG", "TIFF", "BMP", "WEBP", "HEIF")
_JPEG_FORMATS = frozenset({"JPEG", "MPO"})
_HIGH_DEPTH_MODES = frozenset({"I;16", "I;16L", "I;16B", "I;16N", "I", "F"})
# Content Pillow did not recognise, named for the user: (offset, magic bytes, problem).
_KNOWN_CONTENT = (
    # formats we read, damaged too early for Pillow to recognise them
    (0, b"\xff\xd8\xff", "corrupt image"),
    (0, b"\x89PNG", "corrupt image"),
    (0, b"II*\x00", "corrupt image"),
    (0, b"MM\x00*", "corrupt image"),
    (0, b"BM", "corrupt image"),
    (8, b"WEBP", "corrupt image"),
    (4, b"ftyphei", "corrupt image"),
    (4, b"ftypmif1", "corrupt image"),
    # formats we do not read, and things that are not images
    (0, b"GIF8", "unsupported image format (GIF)"),
    (0, b"\x00\x00\x01\x00", "unsupported image format (ICO)"),
    (0, b"8BPS", "unsupported image format (PSD)"),
    (0, b"\x00\x00\x00\x0cjP  ", "unsupported image format (JPEG 2000)"),
    (0, b"\xff\x4f\xff\x51", "unsupported image format (JPEG 2000)"),
    (4, b"ftypavif", "unsupported image format (AVIF)"),
    (4, b"ftypqt", "not an image (looks like a video)"),
    (4, b"ftypisom", "not an image (looks like a video)"),
    (4, b"ftypmp4", "not an image (looks like a video)"),
    (0, b"PK\x03\x04", "not an image (looks like a zip archive or office document)"),
)

pillow_heif.register_heif_opener()


def is_supported_image(path: str | Path) -> bool:
    """Return whether the file's name says it is a kind of file cardscan reads."""
    return Path(path).suffix.lower() in SUPPORTED_SUFFIXES


def load_image(path: str | Path) -> LoadedImage:
    """Return the pixels (BGR) of the image at path, upright; for a PDF, its first page."""
    return load_bytes(_read_file(path), inputfiles.display_name(path))


def load_bytes(data: bytes, source: str) -> LoadedImage:
    """Return the pixels of an encoded image held in memory (e.g. stdin); source names it."""
    if _is_pdf(data):
        [first_page] = render_pdf(data, source, None, MAX_PIXELS)
        if isinstance(first_page, BadInputError):
            raise first_page
        return first_page
    pixels = _decode_image(data, source)
    return LoadedImage(source=source, pixels=pixels, sha256=hashlib.sha256(data).hexdigest())


def load_pages(path: str | Path, pages: str | None = None) -> list[LoadedImage]:
    """Return the pages of a PDF or multi-page TIFF named by pages ("1-3,5", "2-", "all";
    None: the first page); raise the first page's error, if any.

    An image of one page is one page: [load_image(path)], whatever pages says.
    """
    loaded = []
    for page in iter_pages(path, pages):
        if isinstance(page, BadInputError):
            raise page
        loaded.append(page)
    return loaded


def iter_pages(path: str | Path, pages: str | None = None) -> Iterator[Page]:
    """Like load_pages, but render each page only when it is asked for (long PDFs), and yield
    a page that cannot be read as its BadInputError, so the pages after it are still read.

    Errors about the file or the page spec are raised here, before the first page is rendered.
    """
    return iter_pages_bytes(_read_file(path), inputfiles.display_name(path), pages)


def iter_pages_bytes(data: bytes, source: str, pages: str | None = None) -> Iterator[Page]:
    """Like iter_pages, for a file already read (e.g. from stdin)."""
    if _is_pdf(data):
        return render_pdf(data, source, pages, MAX_PIXELS)
    count = _frame_count(data)
    if count > 1:
        try:
            indexes = parse_pages(pages, count, "TIFF")
        except ValueError as e:
            raise BadInputError(source, str(e)) from e
        return _frames(data, source, indexes)
    return _single(data, source)


def _frame_count(data: bytes) -> int:
    """Return the number of pages of a TIFF (1 for anything else, or when unreadable)."""
    if data[:4] not in (b"II*\x00", b"MM\x00*"):
        return 1
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with Image.open(io.BytesIO(data), formats=("TIFF",)) as img:
                return int(getattr(img, "n_frames", 1))
    except Exception:  # a damaged TIFF: decoding it will say what is wrong
        return 1


def _frames(data: bytes, source: str, indexes: list[int]) -> Iterator[Page]:
    sha256 = hashlib.sha256(data).hexdigest()
    for index in indexes:
        name = f"{source}#page={index + 1}"
        try:
            pixels = _decode_image(data, name, frame=index)
        except BadInputError as e:
            yield e
            continue
        yield LoadedImage(source=name, pixels=pixels, sha256=sha256)


def _single(data: bytes, source: str) -> Iterator[Page]:
    # A generator, not iter([...]): a list would keep the decoded photo alive while it is read.
    yield load_bytes(data, source)


def encode_jpeg(pixels: Pixels, quality: int = 85, max_side: int = 1600) -> bytes:
    """Return pixels (BGR or grey) as JPEG bytes, scaled down to fit max_side if larger."""
    if pixels.size == 0:
        raise ValueError("cannot encode an empty image")
    height, width = pixels.shape[:2]
    if max(height, width) > max_side:
        scale = max_side / max(height, width)
        size = (max(1, round(width * scale)), max(1, round(height * scale)))
        pixels = np.asarray(cv2.resize(pixels, size, interpolation=cv2.INTER_AREA))
    ok, encoded = cv2.imencode(".jpg", pixels, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise ValueError(f"cannot encode pixels of shape {pixels.shape} as JPEG")
    return encoded.tobytes()


def _read_file(path: str | Path) -> bytes:
    return inputfiles.read_file(path, MAX_FILE_BYTES)


def _is_pdf(data: bytes) -> bool:
    # PDF readers accept the header anywhere in the first KB.
    return b"%PDF-" in data[:1024]


def _decode_image(data: bytes, source: str, frame: int = 0) -> Pixels:
    if not data:
        raise BadInputError(source, "empty file")
    # Pillow warns about odd files (damaged EXIF, big sizes) on stderr; none of it is actionable
    # by the user, and the size warning is superseded by our own, lower, budget.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        with _open(data, source) as img:
            if frame:
                _seek(img, frame, source)
            _fit_budget(img, source)
            _load(img, source)
            _make_upright(img)
            return _to_bgr(img, source)


def _open(data: bytes, source: str) -> Image.Image:
    """Return the image with only its header read."""
    try:
        return Image.open(io.BytesIO(data), formats=_PILLOW_FORMATS)
    except UnidentifiedImageError as e:
        raise BadInputError(source, _what_it_is(data)) from e
    except Image.DecompressionBombError as e:
        raise BadInputError(source, _too_large_for_pillow()) from e
    except MemoryError:
        raise  # the machine is short of memory: the file is not to blame
    except Exception as e:  # a parser fed hostile bytes can fail in any way: all mean "bad file"
        raise BadInputError(source, _damage(e)) from e


def _seek(img: Image.Image, frame: int, source: str) -> None:
    try:
        img.seek(frame)
    except Exception as e:  # a page of a damaged TIFF
        raise BadInputError(source, _damage(e)) from e


def _fit_budget(img: Image.Image, source: str) -> None:
    """Refuse an image too large to decode, or have a big JPEG decoded at 1/2, 1/4 or 1/8 size."""
    width, height = img.size
    if width < 1 or height < 1:
        raise BadInputError(source, "image has no pixels")
    if width * height <= MAX_PIXELS:
        return
    if img.format in _JPEG_FORMATS:
        # libjpeg can scale while decoding, so a 108 MP phone photo never exists at full size.
        scale = 2 ** math.ceil(math.log2(math.sqrt(width * height / MAX_PIXELS)))
        img.draft(img.mode, (math.ceil(width / scale), math.ceil(height / scale)))
        if img.size[0] * img.size[1] <= MAX_PIXELS:
            return
    raise BadInputError(source, _too_large(f"{width}x{height} pixels"))


def _too_large(size: str) -> str:
    return f"image too large: {size} (limit {MAX_PIXELS // 1_000_000} MP)"


def _too_large_for_pillow() -> str:
    # Pillow refuses these before telling us their size (at twice its MAX_IMAGE_PIXELS).
    return _too_large(f"over {2 * (Image.MAX_IMAGE_PIXELS or 0) // 1_000_000} MP")


def _load(img: Image.Image, source: str) -> None:
    try:
        img.load()
    except MemoryError:
        raise  # the machine is short of memory: the file is not to blame
    except Image.DecompressionBombError as e:  # e.g. a TIFF whose tiles are far larger than it
        raise BadInputError(source, _too_large_for_pillow()) from e
    except Exception as e:  # a decoder fed hostile bytes can fail in any way
        raise BadInputError(source, _damage(e)) from e


def _damage(e: Exception) -> str:
    # Refuse a truncated file rather than decode what is there: half a card reads as a wrong
    # contact. Pillow says "image file is truncated" or "Truncated File Read"; libheif says
    # "Unexpected end of file".
    message = str(e).lower()
    truncated = "truncated" in message or "end of file" in message
    return "truncated image" if truncated else "corrupt image"


def _make_upright(img: Image.Image) -> None:
    # A damaged EXIF block must not cost the user an otherwise good photo.
    with contextlib.suppress(Exception):
        ImageOps.exif_transpose(img, in_place=True)


def _to_bgr(img: Image.Image, source: str) -> Pixels:
    """Return 8-bit BGR pixels for any mode: deep greys scaled, transparency over white."""
    if img.mode in _HIGH_DEPTH_MODES:
        grey = np.array(img, dtype=np.float32)  # a copy, so in-place maths keeps the peak small
        if img.mode.startswith("I;16") or grey.max(initial=0) > 255:
            grey /= 257  # 16-bit range (Pillow's "I" also holds 16-bit greys)
        elif img.mode == "F" and grey.max(initial=0) <= 1:
            grey *= 255  # floating point images are usually 0..1
        return _grey_to_bgr(np.clip(grey, 0, 255, out=grey).astype(np.uint8))
    try:
        if img.has_transparency_data:
            rgba = img if img.mode == "RGBA" else img.convert("RGBA")
            rgb = Image.new("RGB", img.size, (255, 255, 255))
            rgb.paste(rgba, mask=rgba.getchannel("A"))
        else:
            rgb = img if img.mode == "RGB" else img.convert("RGB")
    except ValueError as e:  # e.g. a LAB TIFF Pillow cannot convert
        raise BadInputError(source, f"unsupported colour mode ({img.mode})") from e
    # np.asarray shares Pillow's exported bytes (read-only); cvtColor writes the one copy we
    # keep. np.array would copy once more, then convert in place: 80 ms instead of 45 at 12 MP.
    return np.asarray(cv2.cvtColor(np.asarray(rgb), cv2.COLOR_RGB2BGR))


def _grey_to_bgr(grey: Pixels) -> Pixels:
    return np.repeat(grey[:, :, np.newaxis], 3, axis=2)


def _what_it_is(data: bytes) -> str:
    """Return the problem with bytes no allowed decoder recognised, named as well as we can."""
    head = data[:4096]
    text = head.decode("utf-8", "replace")
    unprintable = sum(not (c.isprintable() or c in "\t\n\r\f") for c in text)
    if b"\x00" not in head and unprintable <= len(text) // 100:
        lowered = text.lstrip().lower()
        if lowered.startswith("<") and "<svg" in lowered:
            return "unsupported image format (SVG)"
        if lowered.startswith("<") and "<html" in lowered:
            return "not an image (looks like HTML)"
        return "not an image (looks like text)"
    for offset, magic, problem in _KNOWN_CONTENT:
        if data[offset : offset + len(magic)] == magic:
            return problem
    return "not an image"
