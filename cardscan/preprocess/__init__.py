"""OpenCV preprocessing: find the card(s) in a photo and make each flat, upright and legible.

The stage is pure: pixels in, pixels and geometry out. It reads text only through the reader
it is given (to decide which way up a card goes) and shows what it saw only through a trace
callback. find_cards is its entry point: cut_out, then turn_upright on each card (two calls
for a caller that lets go of the photo in between). Its steps live in their own modules:
detect (card outlines on a small copy), bands (an outline grown over a coloured band), warp
(perspective flattening from full-resolution pixels), textregion (the fallback when no outline
is found), orient (which way up, by reading), lighting (even illumination for OCR) and qr
(QR codes).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import CardImage, LoadedImage, Pixels
from ..trace import Trace, draw_outlines
from .detect import downscale, find_quads
from .lighting import normalise
from .orient import Reader, rotate, upright
from .qr import decode_qr
from .textregion import find_text_region
from .warp import crop_region, resize_for_ocr, warp_quad

Corners = tuple[tuple[float, float], ...]

__all__ = ["FlatCard", "Reader", "cut_out", "find_cards", "normalise", "rotate", "turn_upright"]


@dataclass(frozen=True)
class FlatCard:
    """A card cut out of a photo and flattened, not yet turned upright."""

    pixels: Pixels
    quad: Corners | None
    method: str


def find_cards(image: LoadedImage, reader: Reader, trace: Trace | None = None) -> list[CardImage]:
    """Return the cards found in the image, each flattened and upright (at least one)."""
    cards = cut_out(image, trace)
    return [turn_upright(card, number, reader, trace) for number, card in enumerate(cards, 1)]


def cut_out(image: LoadedImage, trace: Trace | None = None) -> list[FlatCard]:
    """Return the cards found in the image, flattened: the one step that needs the photo."""
    cards = [FlatCard(*found) for found in _flattened(image.pixels)]
    if trace is not None:
        quads = [card.quad for card in cards if card.quad is not None]
        trace("1-outline", draw_outlines(image.pixels, quads))
    return cards


def turn_upright(
    card: FlatCard, number: int, reader: Reader, trace: Trace | None = None
) -> CardImage:
    """Return the flattened card (the number-th of its photo) upright, its QR code decoded.

    Deciding which way up reads the card with reader (orient.upright).
    """
    way_up = upright(card.pixels, reader)
    turned = rotate(card.pixels, way_up.turn)
    if trace is not None:
        trace(f"2-card{number}-flat", turned)
        prepared = way_up.prepared if way_up.prepared is not None else reader.prepare(turned)
        trace(f"3-card{number}-normalised", prepared)
    return CardImage(
        pixels=turned,
        quad=card.quad,
        rotation=way_up.turn,
        method=card.method,
        qr_payload=decode_qr(turned),
        reading=way_up.reading,
        prepared=way_up.prepared,
    )


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
