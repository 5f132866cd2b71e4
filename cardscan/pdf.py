"""PDF scans: choosing pages and rendering them to pixels with PDFium (pypdfium2)."""

from __future__ import annotations

import hashlib
import math
import re
from collections.abc import Generator

import numpy as np
import pypdfium2 as pdfium  # type: ignore[import-untyped]

from .errors import BadInputError
from .model import LoadedImage, Pixels

#: Resolution PDF pages are rendered at: what a flatbed scan of a card would have.
PDF_DPI = 300
_PAGE_RANGE = re.compile(r"^\s*(\d+)\s*(?:(-)\s*(\d*)\s*)?$")


def parse_pages(spec: str | None, count: int, kind: str = "PDF") -> list[int]:
    """Return the 0-based page indexes named by spec, in the order given; ValueError if bad."""
    if spec is None:
        return [0]
    if spec.strip().lower() == "all":
        return list(range(count))
    indexes: dict[int, None] = {}  # ordered set: "1,1" renders page 1 once
    for part in spec.split(","):
        m = _PAGE_RANGE.match(part)
        if m is None:
            raise ValueError(f"bad page range {part.strip()!r} (use e.g. 1-3,5 or all)")
        first = int(m[1])
        last = first if m[2] is None else int(m[3]) if m[3] else count
        if first < 1 or last < first:
            raise ValueError(f"bad page range {part.strip()!r}")
        if last > count:
            raise ValueError(f"no page {last} (the {kind} has {count})")
        indexes.update(dict.fromkeys(range(first - 1, last)))
    return list(indexes)


def render_pdf(
    data: bytes, source: str, pages: str | None, max_pixels: int
) -> Generator[LoadedImage | BadInputError, None, None]:
    """Open the PDF and check the page spec now; return a generator rendering the pages.

    A page that cannot be rendered is yielded as its BadInputError, so the pages after it
    are still read.
    """
    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        password = "password" in str(e).lower()
        problem = "PDF is password-protected" if password else "damaged PDF"
        raise BadInputError(source, problem) from e
    try:
        if len(pdf) == 0:
            raise BadInputError(source, "PDF has no pages")
        indexes = parse_pages(pages, len(pdf))
    except ValueError as e:
        pdf.close()
        raise BadInputError(source, str(e)) from e
    except BadInputError:
        pdf.close()
        raise
    return _rendered_pages(pdf, indexes, source, hashlib.sha256(data).hexdigest(), max_pixels)


def _rendered_pages(
    pdf: pdfium.PdfDocument, indexes: list[int], source: str, sha256: str, max_pixels: int
) -> Generator[LoadedImage | BadInputError, None, None]:
    try:
        for index in indexes:
            name = f"{source}#page={index + 1}" if len(pdf) > 1 else source
            try:
                pixels = _render_page(_page(pdf, index, name), name, max_pixels)
            except BadInputError as e:
                yield e
                continue
            page = [LoadedImage(source=name, pixels=pixels, sha256=sha256)]
            del pixels  # not kept by this generator while the page is read (imageio._decoded)
            yield page.pop()
    finally:
        pdf.close()


def _page(pdf: pdfium.PdfDocument, index: int, name: str) -> pdfium.PdfPage:
    try:
        return pdf[index]
    except pdfium.PdfiumError as e:
        raise BadInputError(name, "damaged PDF page") from e


def _render_page(page: pdfium.PdfPage, source: str, max_pixels: int) -> Pixels:
    """Return the page at PDF_DPI, or at whatever lower resolution fits the pixel budget."""
    width, height = page.get_size()  # in points, 1/72 inch
    if width * height < 1:
        raise BadInputError(source, "empty PDF page")
    scale = min(PDF_DPI / 72, math.sqrt(max_pixels / (width * height)))
    while math.ceil(width * scale) * math.ceil(height * scale) > max_pixels:
        scale *= 0.99  # PDFium rounds the bitmap's sides up
    try:
        bitmap = page.render(scale=scale)  # white background, BGR: what OpenCV wants
    except pdfium.PdfiumError as e:
        raise BadInputError(source, "cannot render PDF page") from e
    pixels = np.array(bitmap.to_numpy(), dtype=np.uint8)  # a copy: the bitmap's memory is PDFium's
    return pixels[:, :, :3] if pixels.ndim == 3 else np.repeat(pixels[:, :, np.newaxis], 3, axis=2)
