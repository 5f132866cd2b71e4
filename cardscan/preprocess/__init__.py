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

from dataclasses import dataclass, replace

from ..model import CardImage, Layout, LoadedImage, OcrResult, Pixels
from ..trace import Trace, draw_outlines
from .detect import downscale
from .lighting import normalise
from .orient import Reader, rotate, upright
from .outlines import Outline, card_outlines, frame_quad
from .qr import decode_qr
from .quality import advice, measure
from .ranking import rank_by_text
from .warp import card_scale, resize_for_ocr, too_small_to_cut, warp_quad

Corners = tuple[tuple[float, float], ...]

__all__ = [
    "FlatCard",
    "Reader",
    "advice",
    "choose_upright",
    "cut_out",
    "cut_out_with_frame",
    "find_cards",
    "normalise",
    "rotate",
    "turn_upright",
]

#: the long side of the whole photo a second engine reads when the card reads weakly: card
#: text stays legible at it, and the engine's memory stays within a worker's budget
FRAME_SIDE = 2000


@dataclass(frozen=True)
class FlatCard:
    """A card cut out of a photo and flattened, not yet turned upright."""

    pixels: Pixels
    quad: Corners | None
    method: str
    #: pixels of the flattened card per pixel of the photo (2.0: enlarged twice)
    scale: float = 1.0
    #: other outlines that may be this card (a larger one around a logo box, the text's
    #: extent), likeliest first: choose_upright reads them and keeps the one holding most text
    alternatives: tuple[FlatCard, ...] = ()
    #: the whole photo, read when nothing else yields any text
    last_resort: FlatCard | None = None


def find_cards(image: LoadedImage, reader: Reader, trace: Trace | None = None) -> list[CardImage]:
    """Return the cards found in the image, each flattened and upright (at least one)."""
    cards = cut_out(image, trace)
    return [choose_upright(card, number, reader, trace) for number, card in enumerate(cards, 1)]


def cut_out(image: LoadedImage, trace: Trace | None = None) -> list[FlatCard]:
    """Return the cards found in the image, flattened: the one step that needs the photo."""
    cards, _ = _cut_out(image, trace)
    return cards


def cut_out_with_frame(
    image: LoadedImage, trace: Trace | None = None
) -> tuple[list[FlatCard], Pixels]:
    """Return cut_out's cards, and the whole photo at most FRAME_SIDE long, made from the
    pixels the cards were cut from: what a second engine reads when the card found in it
    reads weakly (the outline may have been a logo, not the card)."""
    cards, pixels = _cut_out(image, trace)
    return cards, _whole_frame(pixels, image.pixels)


def _cut_out(image: LoadedImage, trace: Trace | None) -> tuple[list[FlatCard], Pixels]:
    """Return the cards found in the image, flattened, and the pixels they were cut from.

    Outlines are found and ranked on a small copy; only the outlines that may be a card are
    flattened from the full-resolution photo, each straight to the size it is read at. A photo
    given reduced (a big JPEG decoded at half size) is decoded at full size only when one of
    its outlines would have to be enlarged to be read; its outlines are then found again, on
    a copy of the full-size photo, as for a photo not given reduced.
    """
    pixels, reduced = image.pixels, image.reduced
    small, factor = downscale(pixels)
    found = card_outlines(small)
    if image.decode_full is not None and any(
        too_small_to_cut(outline.quad * factor) for outlines in found for outline in outlines
    ):
        pixels, reduced = image.decode_full(), 1.0
        small, factor = downscale(pixels)
        found = card_outlines(small)
    whole = Outline(frame_quad(small), "frame")
    frame = None if len(found) > 1 else _flat(pixels, whole, factor, reduced)
    cards = []
    for outlines in found:
        first, *others = (_flat(pixels, outline, factor, reduced) for outline in outlines)
        cards.append(replace(first, alternatives=tuple(others), last_resort=frame))
    if trace is not None:
        quads = [card.quad for card in cards if card.quad is not None]
        trace("1-outline", draw_outlines(pixels, quads))
    return cards, pixels


def choose_upright(
    card: FlatCard, number: int, reader: Reader, trace: Trace | None = None
) -> CardImage:
    """Return the flattened card upright, read once; of its outline and its alternatives, the
    one whose reading holds the most text (ranking.rank_by_text).

    The reading is the card's first reading (CardImage.reading): ocr.read_card goes on from it.
    """
    options = [replace(card, alternatives=(), last_resort=None), *card.alternatives]
    if len(options) == 1 and card.last_resort is None:
        return turn_upright(card, number, reader, trace)
    upright_cards: dict[int, CardImage] = {}

    def read(index: int) -> OcrResult:
        found = options[index] if index < len(options) else card.last_resort
        assert found is not None
        upright_cards[index] = _read_upright(found, reader)
        reading = upright_cards[index].reading
        assert reading is not None
        return reading

    last_resort = len(options) if card.last_resort is not None else None
    ranked = rank_by_text(list(range(len(options))), read, last_resort)
    found = options[ranked.choice] if ranked.choice < len(options) else card.last_resort
    assert found is not None
    chosen = upright_cards[ranked.choice]
    chosen = replace(chosen, quality=measure(chosen.pixels, found.scale))
    if trace is not None:
        _show(chosen, number, reader, trace)
    return chosen


def turn_upright(
    card: FlatCard, number: int, reader: Reader, trace: Trace | None = None
) -> CardImage:
    """Return the flattened card (the number-th of its photo) upright, its QR code decoded.

    Deciding which way up reads the card with reader (orient.upright).
    """
    upright_card = _upright(card, reader)
    upright_card = replace(upright_card, quality=measure(upright_card.pixels, card.scale))
    if trace is not None:
        _show(upright_card, number, reader, trace)
    return upright_card


def _upright(card: FlatCard, reader: Reader) -> CardImage:
    way_up = upright(card.pixels, reader)
    turned = rotate(card.pixels, way_up.turn)
    return CardImage(
        pixels=turned,
        quad=card.quad,
        rotation=way_up.turn,
        method=card.method,
        qr_payload=decode_qr(turned),
        reading=way_up.reading,
        prepared=way_up.prepared,
    )


def _read_upright(card: FlatCard, reader: Reader) -> CardImage:
    """Return the card upright with its first reading made (sparse text, no retry)."""
    upright_card = _upright(card, reader)
    if upright_card.reading is not None:
        return upright_card
    prepared = upright_card.prepared
    prepared = reader.prepare(upright_card.pixels) if prepared is None else prepared
    first = reader.read(prepared, Layout.SPARSE)
    return replace(upright_card, reading=first, prepared=prepared)


def _show(card: CardImage, number: int, reader: Reader, trace: Trace) -> None:
    trace(f"2-card{number}-flat", card.pixels)
    prepared = card.prepared if card.prepared is not None else reader.prepare(card.pixels)
    trace(f"3-card{number}-normalised", prepared)


def _flat(pixels: Pixels, outline: Outline, factor: float, reduced: float) -> FlatCard:
    """Return the outline (found on a copy `factor` times smaller) flattened from the photo
    (its pixels `reduced` times smaller than its working size: the card's scale is to that)."""
    if outline.method == "frame":
        scale = card_scale(frame_quad(pixels) * reduced)
        return FlatCard(resize_for_ocr(pixels), None, "frame", scale)
    quad = outline.quad * factor
    return FlatCard(
        warp_quad(pixels, quad), _corners(quad), outline.method, card_scale(quad * reduced)
    )


def _whole_frame(pixels: Pixels, page: Pixels) -> Pixels:
    """Return pixels at most FRAME_SIDE long, never the page's own array (it is let go)."""
    small, _ = downscale(pixels, FRAME_SIDE)
    return small.copy() if small is page else small


def _corners(quad: object) -> Corners:
    return tuple((float(x), float(y)) for x, y in quad)  # type: ignore[attr-defined]
