"""The four corners of a card in an image, the shape every outline finder returns."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

Quad = npt.NDArray[np.float32]  # 4x2 corners: tl, tr, br, bl


def order_corners(points: npt.NDArray[np.float32]) -> Quad:
    """Return four points ordered top-left, top-right, bottom-right, bottom-left."""
    pts = points.reshape(4, 2).astype(np.float32)
    centre = pts.mean(axis=0)
    angles = np.arctan2(pts[:, 1] - centre[1], pts[:, 0] - centre[0])
    pts = pts[np.argsort(angles)]  # clockwise on screen, starting near the left
    start = int(np.argmin(pts.sum(axis=1)))  # top-left has the smallest x + y
    return np.roll(pts, -start, axis=0)


def reading_order(quad: Quad) -> tuple[float, float]:
    """Return a key that sorts quads row by row (rows 50 px apart), left to right."""
    return float(quad[:, 1].min() // 50), float(quad[:, 0].min())
