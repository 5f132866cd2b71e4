"""Card outlines from long straight edges, for tables whose pattern breaks every blob.

On grain, marble or a lighting gradient the card does not come out as one blob, but its four
sides are still the longest straight edges in the frame. Line segments are found with the
probabilistic Hough transform, merged into lines, and every pair of roughly parallel lines is
crossed with every other pair: each crossing is a candidate outline for detect.py to score.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass, replace

import cv2
import numpy as np
import numpy.typing as npt

from ..model import Pixels
from .quads import Quad, order_corners

#: shortest segment that can be a card side, as a share of the frame's short side
MIN_SEGMENT = 0.12
#: at most this many lines (the longest) are combined: 12 lines make ~4,000 outlines
MAX_LINES = 12
#: sides of one card's pair are parallel within this many degrees (perspective tilts them)
PARALLEL = 20.0
#: ... and the two pairs cross at 90 degrees give or take this much
CROSSING = 35.0


@dataclass(frozen=True)
class Line:
    """A straight edge: its direction, its offset from the origin, and the length seen of it."""

    angle: float  # degrees, 0..180
    rho: float  # signed distance from the origin along the normal (angle + 90 degrees)
    length: float  # total length of the segments that lie on it
    mid: tuple[float, float]  # a point on it (the middle of its first segment)


def outline_candidates(small: Pixels) -> list[Quad]:
    """Return four-sided outlines made of the frame's long straight edges (may be empty)."""
    lines = _lines(small)
    quads = []
    for first, second in itertools.combinations(_parallel_pairs(lines), 2):
        if _angle_between(first[0].angle, second[0].angle) < 90 - CROSSING:
            continue
        corners = [_crossing(a, b) for a in first for b in second]
        if any(c is None for c in corners):
            continue
        points = np.array(corners, np.float32)
        height, width = small.shape[:2]
        if points[:, 0].min() < -2 or points[:, 1].min() < -2:
            continue
        if points[:, 0].max() > width + 2 or points[:, 1].max() > height + 2:
            continue
        quads.append(order_corners(points))
    return quads


def _lines(small: Pixels) -> list[Line]:
    # Thickened, a stair-stepped or faint edge is one segment instead of many short ones.
    edges = cv2.dilate(colour_edges(small), np.ones((3, 3), np.uint8))
    shortest = MIN_SEGMENT * min(edges.shape[:2])
    segments = cv2.HoughLinesP(
        edges, 1, np.pi / 180, threshold=40, minLineLength=shortest, maxLineGap=8
    )
    if segments is None:
        return []
    merged: list[Line] = []
    for x1, y1, x2, y2 in segments.reshape(-1, 4).astype(float):
        angle = math.degrees(math.atan2(y2 - y1, x2 - x1)) % 180
        normal = math.radians(angle + 90)
        line = Line(
            angle=angle,
            rho=x1 * math.cos(normal) + y1 * math.sin(normal),
            length=math.hypot(x2 - x1, y2 - y1),
            mid=((x1 + x2) / 2, (y1 + y2) / 2),
        )
        for i, other in enumerate(merged):
            if _angle_between(other.angle, angle) < 3 and _distance(line, other) < 6:
                merged[i] = replace(other, length=other.length + line.length)  # one edge, in pieces
                break
        else:
            merged.append(line)
    merged.sort(key=lambda line: line.length, reverse=True)
    return merged[:MAX_LINES]


def colour_edges(small: Pixels) -> npt.NDArray[np.uint8]:
    """Return the edges of lightness and of colour: a white card on cream differs mostly in hue.

    A median blur first wipes out what is thin (small print, whose baselines would otherwise
    make long straight lines, and the veins of a patterned table) and keeps the step from card
    to table.
    """
    smooth = cv2.medianBlur(small, _odd(min(small.shape[:2]) // 50))
    if smooth.ndim == 2:
        return np.asarray(cv2.Canny(smooth, 15, 45))
    lab = cv2.cvtColor(smooth, cv2.COLOR_BGR2LAB)
    edges = [np.asarray(cv2.Canny(np.ascontiguousarray(lab[:, :, i]), 15, 45)) for i in range(3)]
    return np.asarray(np.maximum.reduce(edges), np.uint8)


def _odd(n: int) -> int:
    return max(3, n | 1)


def _parallel_pairs(lines: list[Line]) -> list[tuple[Line, Line]]:
    return [
        (a, b)
        for a, b in itertools.combinations(lines, 2)
        if _angle_between(a.angle, b.angle) < PARALLEL and _distance(a, b) > 20
    ]


def _distance(line: Line, other: Line) -> float:
    """Return how far line's midpoint lies from other (the gap between near-parallel lines)."""
    normal = math.radians(other.angle + 90)
    x, y = line.mid
    return abs(x * math.cos(normal) + y * math.sin(normal) - other.rho)


def _angle_between(a: float, b: float) -> float:
    d = abs(a - b) % 180
    return min(d, 180 - d)


def _crossing(first: Line, second: Line) -> tuple[float, float] | None:
    n1, n2 = math.radians(first.angle + 90), math.radians(second.angle + 90)
    matrix: npt.NDArray[np.float64] = np.array(
        [[math.cos(n1), math.sin(n1)], [math.cos(n2), math.sin(n2)]]
    )
    if abs(float(np.linalg.det(matrix))) < 1e-3:
        return None
    x, y = np.linalg.solve(matrix, np.array([first.rho, second.rho]))
    return float(x), float(y)
