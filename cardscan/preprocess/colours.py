"""Colour facts about a photo that more than one outline finder uses."""

from __future__ import annotations

import cv2
import numpy as np
import numpy.typing as npt

from ..model import Pixels

#: a frame whose border is mostly (PLAIN_SHARE) this close to its median colour (Lab units)
#: is a plain page: a flatbed's lid, lit evenly, which cards may touch along a side or two
PLAIN_BORDER = 2.5
PLAIN_SHARE = 0.6
#: the least variation a page is taken to have (Lab units): a render's is none at all
PAGE_GRAIN = 0.5


def border_colour(lab: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Return the median colour along the frame's border: the table's, since a photo of a card
    rarely has the card on all four borders."""
    return np.asarray(np.median(_border(lab), axis=0), np.float32)


def page_contrast(small: Pixels) -> npt.NDArray[np.float32] | None:
    """Return how far each pixel's colour lies from the page's, in units of the page's own
    variation, when the frame's border is a plain page (a flatbed scan), else None.

    White or cream cards on a scanner's white lid differ from it by a few levels: too little
    for the thresholds that find a card on a table, but on an evenly lit page nothing else does.
    """
    lab = cv2.cvtColor(cv2.GaussianBlur(small, (7, 7), 0), cv2.COLOR_BGR2LAB).astype(np.float32)
    border = _border(lab)[::4]  # a sample does: a plain page is plain all along
    colour = np.median(border, axis=0)
    spread = np.linalg.norm(border - colour, axis=1)
    plain = spread[spread <= PLAIN_BORDER]
    if len(plain) < PLAIN_SHARE * len(spread):
        return None
    variation = max(float(np.percentile(plain, 95)), PAGE_GRAIN)
    return np.asarray(np.linalg.norm(lab - colour, axis=2) / variation, np.float32)


def _border(lab: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Return the colours of the strips along the frame's four sides, one row each."""
    edge = max(2, min(lab.shape[:2]) // 40)
    strips = (lab[:edge], lab[-edge:], lab[:, :edge], lab[:, -edge:])
    return np.concatenate([strip.reshape(-1, 3) for strip in strips])
