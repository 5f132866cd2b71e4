"""OpenCV preprocessing: find the card(s) in a photo and make each flat, upright and legible.

find_cards is the stage's entry point: cut_out, then turn_upright (two calls for a caller that
lets go of the photo in between). Its steps live in their own modules: detect (card outlines on
a small copy), bands (an outline grown over a coloured band), warp (perspective flattening from
full-resolution pixels), textregion (the fallback when no outline is found), orient (which way
up, by reading), lighting (even illumination for OCR) and qr (QR codes).
"""

from __future__ import annotations

from dataclasses import dataclass
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

Corners = tuple[tuple[float, float], ...]

__all__ = ["FlatCard", "cut_out", "find_cards", "normalise", "rotate", "turn_upright"]


@dataclass(frozen=True)
class FlatCard:
    """A card cut out of a photo and flattened, not yet turned upright."""

    pixels: Pixels
    quad: Corners | None
    method: str
    #: the name debug images are written under (the photo's file name without suffix)
    stem: str


def find_cards(image: LoadedImage, settings: ScanSettings | None = None) -> list[CardImage]:
    """Return the cards found in the image, each flattened and upright (at least one).

    settings give the language and time budget of the orientation reading, and the folder for
    debug images (`scan --debug-dir`).
    """
    return turn_upright(cut_out(image, settings), settings)


def cut_out(image: LoadedImage, settings: ScanSettings | None = None) -> list[FlatCard]:
    """Return the cards found in the image, flattened: the one step that needs the photo."""
    settings = settings or ScanSettings()
    stem = Path(image.source).stem or "image"
    cards = [FlatCard(*found, stem=stem) for found in _flattened(image.pixels)]
    if settings.debug_dir is not None:
        quads = [card.quad for card in cards if card.quad is not None]
        outlines = debug.draw_outlines(image.pixels, quads)
        debug.write_image(settings.debug_dir, stem, "1-outline", outlines)
    return cards


def turn_upright(cards: list[FlatCard], settings: ScanSettings | None = None) -> list[CardImage]:
    """Return the flattened cards turned upright, with their QR codes decoded.

    Deciding which way up reads the card with Tesseract (orient.upright).
    """
    settings = settings or ScanSettings()
    found = []
    for number, card in enumerate(cards, start=1):
        way_up = upright(card.pixels, settings)
        turned = rotate(card.pixels, way_up.turn)
        if settings.debug_dir is not None:
            folder, stem = settings.debug_dir, card.stem
            grey = way_up.grey if way_up.grey is not None else normalise(turned)
            debug.write_image(folder, stem, f"2-card{number}-flat", turned)
            debug.write_image(folder, stem, f"3-card{number}-normalised", grey)
        found.append(
            CardImage(
                pixels=turned,
                quad=card.quad,
                rotation=way_up.turn,
                method=card.method,
                qr_payload=decode_qr(turned),
                reading=way_up.reading,
                normalised=way_up.grey,
            )
        )
    return found


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
