"""Which outlines in a photo may be the card, likeliest first: the pure half of finding it.

An outline found by its edges is not always the card: a logo box, a QR code, a dark band or a
photo printed on the card has straight edges too, and a card that fills the frame or runs off
its edge has none. So each card gets its outline from the edges and, when text lies beyond
it, the rectangle around all the text (turned level with the lines; the whole frame when the
text is everywhere). Which of them is the card is settled by reading them (ranking.py). An
outline inside a larger card-like one is dropped here, before anything is read. A flatbed
scan is searched once more, for cards barely lighter than the lid and lying close together.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from ..model import Pixels
from .colours import border_colour, page_contrast
from .detect import find_quads, find_quads_on_page
from .quads import Quad, order_corners, reading_order
from .textregion import find_text_region, text_marks

#: the text region is an alternative to an outline when it is at least this much bigger
BIGGER = 1.3
#: ... and this share of the text marks lies outside the outline
TEXT_BEYOND = 0.15
#: an outline holding at least this share of its own area inside another is nested in it
NESTED = 0.9
#: outlines closer than this share of the image's long side are pieces of one card
TOUCHING = 0.02
#: a card found on a page is covered this share of the image's long side beyond its outline
#: before the text left over is looked for
COVER = 0.012


@dataclass(frozen=True)
class Outline:
    """Four corners in the small image searched, and what found them."""

    quad: Quad
    #: "quad" (edges), "text-region" (the text's extent), "frame" (the whole photo)
    method: str


def card_outlines(small: Pixels) -> list[list[Outline]]:
    """Return, for each card in a small BGR image, the outlines that may be it, likeliest first.

    Several cards in one photo, or on a scanner's lid, each get their outline alone; one card
    (or none found) gets the text's extent as well, or the whole frame.
    """
    on_page = _cards_on_a_page(small)
    if on_page:
        return [[outline] for outline in on_page]
    quads = drop_nested(find_quads(small))
    if len(quads) > 1 and not _touching(quads, TOUCHING * max(small.shape[:2])):
        return [[Outline(quad, "quad")] for quad in quads]
    if len(quads) > 1:
        # Outlines that overlap are pieces of one card that a shadow or a band cut apart:
        # separate cards have table between them.
        quads = [_around(quads)]
    region = find_text_region(small, whole=True)
    outlines = [Outline(quad, "quad") for quad in quads]
    if region is not None and (not quads or _text_beyond(small, quads[0], region)):
        outlines.append(Outline(region, "text-region"))
    if not outlines:
        outlines.append(Outline(frame_quad(small), "frame"))
    return [outlines]


def _cards_on_a_page(small: Pixels) -> list[Outline]:
    """Return the outlines of the cards lying on a plain page (a flatbed scan of several
    white cards on a white lid, side by side), or [] when the frame is no plain page.

    Only several cards are taken from here: one outline on a plain page is as likely a
    block of text on a card that fills the frame (a render) as a card on a page, and the
    usual search, with the text's extent beside it, reads either right. Text lying outside
    every card found is a card too (one of the lid's own colour), boxed by its text.
    """
    page = page_contrast(small)
    if page is None:
        return []
    quads = drop_nested(find_quads_on_page(small, page))
    if len(quads) < 2:
        return []
    cards = [Outline(quad, "quad") for quad in quads]
    rest = _text_left_over(small, quads)
    if rest is not None:
        cards.append(Outline(rest, "text-region"))
    return sorted(cards, key=lambda outline: reading_order(outline.quad))


def _text_left_over(small: Pixels, quads: list[Quad]) -> Quad | None:
    """Return the rectangle around the text lying outside every card found on a page (a card
    of the lid's own colour shows no outline, but its print shows), or None."""
    rest = small.copy()
    lid = tuple(int(v) for v in border_colour(small.astype(np.float32)))  # BGR, as small is
    margin = COVER * max(small.shape[:2])  # the thin shadow along a card's edge is no text
    for quad in quads:
        grown = _grown(quad, margin)
        cv2.fillConvexPoly(rest, np.rint(grown).astype(np.int32), lid)
    return find_text_region(rest, pad=round(margin))


def drop_nested(quads: list[Quad]) -> list[Quad]:
    """Return the quads without those lying inside a larger one (a logo box inside the card)."""
    areas = [float(cv2.contourArea(q)) for q in quads]
    kept = []
    for i, quad in enumerate(quads):
        inside_larger = any(
            areas[j] > areas[i] and _inside_share(quad, other) >= NESTED
            for j, other in enumerate(quads)
            if j != i
        )
        if not inside_larger:
            kept.append(quad)
    return kept


def _touching(quads: list[Quad], gap: float) -> bool:
    """Return whether any two of the quads overlap or come within gap pixels of each other."""
    return any(_distance(a, b) < gap for i, a in enumerate(quads) for b in quads[i + 1 :])


def _distance(a: Quad, b: Quad) -> float:
    """Return how far apart two convex quads are (0 when they overlap)."""
    if cv2.intersectConvexConvex(a, b)[0] > 0:
        return 0.0
    return min(
        abs(cv2.pointPolygonTest(poly, (float(x), float(y)), True))
        for poly, other in ((a, b), (b, a))
        for x, y in other
    )


def _grown(quad: Quad, margin: float) -> Quad:
    """Return the quad moved margin pixels outwards from its centre at each corner."""
    centre = quad.mean(axis=0)
    away = quad - centre
    lengths = np.maximum(np.linalg.norm(away, axis=1, keepdims=True), 1e-6)
    return np.asarray(quad + away / lengths * margin, np.float32)


def _around(quads: list[Quad]) -> Quad:
    """Return the smallest rotated rectangle around all the quads."""
    corners = cv2.boxPoints(cv2.minAreaRect(np.concatenate(quads).astype(np.float32)))
    return order_corners(np.asarray(corners, np.float32))


def frame_quad(small: Pixels) -> Quad:
    """Return the corners of the whole image."""
    height, width = small.shape[:2]
    return np.array([[0, 0], [width - 1, 0], [width - 1, height - 1], [0, height - 1]], np.float32)


def _text_beyond(small: Pixels, quad: Quad, region: Quad) -> bool:
    """Return whether a region much bigger than the quad holds text the quad does not."""
    if float(cv2.contourArea(region)) < BIGGER * float(cv2.contourArea(quad)):
        return False
    marks = text_marks(small)
    inside = np.zeros(marks.shape, np.uint8)
    cv2.fillConvexPoly(inside, np.rint(quad).astype(np.int32), 1)
    total = int(np.count_nonzero(marks))
    beyond = total - int(np.count_nonzero(marks & inside.astype(bool)))
    return total > 0 and beyond >= TEXT_BEYOND * total


def _inside_share(inner: Quad, outer: Quad) -> float:
    """Return the share of inner's area that lies inside outer."""
    overlap, _ = cv2.intersectConvexConvex(inner, outer)
    return float(overlap) / max(float(cv2.contourArea(inner)), 1e-6)
