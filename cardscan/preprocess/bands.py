"""Grow a card outline over a coloured band along one of its sides.

Many cards print a band of solid colour along one edge (often with the company in it). The
outline finders see the paper and the band as two regions: a dark red band on a dark green
table has no edge in grey at all, so the outline stops where the paper does and the band,
with whatever is printed on it, is cut off. A band is recognised beyond a side by what a
band is: a strip of one colour, unlike the paper and the table, that runs the whole side and
ends in a straight edge of its own, parallel to it, leaving a card of a card's proportions.
"""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from ..model import Pixels
from .colours import border_colour
from .quads import Quad

#: long / short side of a card once grown (business cards are 1.4-1.9; perspective adds)
MIN_ASPECT, MAX_ASPECT = 1.3, 2.0
#: a band is at least this share of the card's depth across it
MIN_DEPTH = 0.12
#: colour distances (CIELAB): band unlike paper and table; band unlike what lies beyond it;
#: one colour
UNLIKE_PAPER, UNLIKE_BEYOND, SAME_COLOUR = 25.0, 20.0, 14.0
#: share of points along a row of the band that are of the band's colour: in a solid row, and
#: at least, in a row that crosses letters printed on the band
SOLID, LETTERED = 0.6, 0.1


def grow_over_band(quad: Quad, small: Pixels) -> Quad:
    """Return the quad grown over a coloured band beyond one of its sides, or as it is."""
    lab = cv2.cvtColor(cv2.GaussianBlur(small, (3, 3), 0), cv2.COLOR_BGR2LAB).astype(np.float32)
    unlike = (_inside_colour(quad, lab), border_colour(lab))  # a band is neither paper nor table
    best: tuple[float, Quad] | None = None
    for side in range(4):
        grown = _band_beyond(quad, side, lab, unlike)
        if grown is not None:
            depth = float(np.linalg.norm(grown[side] - quad[side]))
            if best is None or depth > best[0]:
                best = (depth, grown)
    return quad if best is None else best[1]


def _band_beyond(
    quad: Quad,
    side: int,
    lab: npt.NDArray[np.float32],
    unlike: tuple[npt.NDArray[np.float32], ...],
) -> Quad | None:
    """Return the quad with side moved outward over a band beyond it, or None if none is."""
    a, b = quad[side], quad[(side + 1) % 4]
    c, d = quad[(side + 2) % 4], quad[(side + 3) % 4]
    length = float(np.linalg.norm(b - a))
    across = (a + b) / 2 - (c + d) / 2  # from the opposite side to this one
    depth = float(np.linalg.norm(across))
    if length < 20 or depth < 10:
        return None
    normal = across / depth
    reach = _max_reach(length, depth)
    if reach < MIN_DEPTH * (depth + reach):
        return None
    first = [_row(a, b, normal * step, lab) for step in (2, 3, 4)]
    if any(row is None for row in first):
        return None
    band = np.median(np.concatenate([r for r in first if r is not None]), axis=0)
    if any(np.linalg.norm(band - colour) < UNLIKE_PAPER for colour in unlike):
        return None  # paper (a margin misjudged) or table (the gap to something beside it)
    rows = first + [_row(a, b, normal * step, lab) for step in range(5, int(reach) + 8)]
    end = _band_end(rows, band)
    # The band's far edge runs parallel to the side, in both halves of it: a side that is not
    # the band's inner edge (an outline gone astray) meets its far edge at an angle.
    halves = [
        _band_end([_row(a, b, normal * step, lab, span) for step in range(2, len(rows) + 2)], band)
        for span in ((0.1, 0.5), (0.5, 0.9))
    ]
    if abs(halves[0] - halves[1]) > max(3, 0.15 * end):
        return None
    steps = end + 2  # rows start 2 px out
    beyond = [r for r in rows[end + 3 : end + 7] if r is not None]
    if not beyond or steps > reach or steps < MIN_DEPTH * (depth + steps):
        return None
    if np.linalg.norm(np.median(np.concatenate(beyond), axis=0) - band) < UNLIKE_BEYOND:
        return None
    grown = quad.copy()
    grown[side] = a + normal * steps
    grown[(side + 1) % 4] = b + normal * steps
    return grown


def _band_end(rows: list[npt.NDArray[np.float32] | None], band: npt.NDArray[np.float32]) -> int:
    """Return the index of the band's last solid row: rows crossing its text (partly band
    colour) are passed over, rows with hardly any of it end the band."""
    end = misses = 0
    for i, row in enumerate(rows):
        share = 0.0 if row is None else _share_like(row, band)
        if share >= SOLID:
            end, misses = i, 0
        elif share < LETTERED:
            misses += 1
            if misses >= 3:
                break
    return end


def _max_reach(length: float, depth: float) -> float:
    """Return how far a side may move out and leave a card of a card's proportions."""
    if length >= depth:  # a long side: the card grows in its short direction
        return max(0.0, length / MIN_ASPECT - depth)
    return max(0.0, depth * MAX_ASPECT - depth)  # a short side: the card grows longer


def _row(
    a: npt.NDArray[np.float32],
    b: npt.NDArray[np.float32],
    offset: npt.NDArray[np.float32],
    lab: npt.NDArray[np.float32],
    span: tuple[float, float] = (0.1, 0.9),
) -> npt.NDArray[np.float32] | None:
    """Return the colours along the side a..b shifted by offset (the span of it: its middle
    80% unless told), or None where that runs off the image."""
    steps = np.linspace(span[0], span[1], 32, dtype=np.float32)[:, None]
    points = np.rint(a + offset + (b - a) * steps).astype(np.int32)
    height, width = lab.shape[:2]
    xs, ys = points[:, 0], points[:, 1]
    if xs.min() < 0 or ys.min() < 0 or xs.max() >= width or ys.max() >= height:
        return None
    return lab[ys, xs]


def _share_like(row: npt.NDArray[np.float32], colour: npt.NDArray[np.float32]) -> float:
    return float(np.mean(np.linalg.norm(row - colour, axis=1) < SAME_COLOUR))


def _inside_colour(quad: Quad, lab: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Return the median colour inside the quad: the paper, text being the smaller part."""
    mask = np.zeros(lab.shape[:2], np.uint8)
    cv2.fillConvexPoly(mask, np.rint(quad).astype(np.int32), 1)
    inside = lab[mask.astype(bool)]
    return np.median(inside, axis=0) if len(inside) else np.zeros(3, np.float32)
