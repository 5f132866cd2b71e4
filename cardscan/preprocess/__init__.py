"""OpenCV preprocessing: find the card(s) in a photo and make each flat, upright and legible.

find_cards is the stage's one entry point; its steps live in their own modules: detect (card
outlines on a small copy), warp (perspective flattening from full-resolution pixels), textregion
(the fallback when no outline is found), orient (which way up), lighting (even illumination for
OCR) and qr (QR codes).
"""

from __future__ import annotations

from pathlib import Path

from .. import debug
from ..model import CardImage, LoadedImage, Pixels
from ..settings import ScanSettings
from .detect import downscale, find_quads
from .lighting import normalise
from .orient import rotate, upright
from .qr import decode_qr
from .textregion import find_text_region
from .warp import crop_region, resize_for_ocr, warp_quad

__all__ = ["find_cards", "normalise", "rotate"]


def find_cards(image: LoadedImage, settings: ScanSettings | None = None) -> list[CardImage]:
    """Return the cards found in the image, each flattened and upright (at least one).

    settings give the language and time budget of the orientation probe, and the folder for
    debug images (`scan --debug-dir`).
    """
    settings = settings or ScanSettings()
    debug_dir = settings.debug_dir
    stem = Path(image.source).stem or "image"
    cards = _flattened(image.pixels)
    quads = [quad for _, quad, _ in cards if quad is not None]
    if debug_dir is not None:
        debug.write_image(debug_dir, stem, "1-outline", debug.draw_outlines(image.pixels, quads))
    found = []
    for number, (pixels, quad, method) in enumerate(cards, start=1):
        way_up = upright(pixels, settings)
        turned = rotate(pixels, way_up.turn)
        if debug_dir is not None:
            debug.write_image(debug_dir, stem, f"2-card{number}-flat", turned)
            debug.write_image(debug_dir, stem, f"3-card{number}-normalised", normalise(turned))
        found.append(
            CardImage(
                pixels=turned,
                quad=quad,
                rotation=way_up.turn,
                method=method,
                qr_payload=decode_qr(turned),
                reading=way_up.reading,
            )
        )
    return found


Corners = tuple[tuple[float, float], ...]


def _flattened(pixels: Pixels) -> list[tuple[Pixels, Corners | None, str]]:
    """Return (card pixels, corners in the photo, method) for each card, by the best method."""
    small, factor = downscale(pixels)
    quads = find_quads(small)
    if quads:
        return [
            (warp_quad(pixels, quad * factor), _corners(quad * factor), "quad") for quad in quads
        ]
    region = find_text_region(small)
    if region is not None:
        region = region * factor
        return [(crop_region(pixels, region), _corners(region), "text-region")]
    return [(resize_for_ocr(pixels), None, "frame")]


def _corners(quad: object) -> Corners:
    return tuple((float(x), float(y)) for x, y in quad)  # type: ignore[attr-defined]
