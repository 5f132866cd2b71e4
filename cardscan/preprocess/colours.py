"""Colour facts about a photo that more than one outline finder uses."""

from __future__ import annotations

import numpy as np
import numpy.typing as npt


def border_colour(lab: npt.NDArray[np.float32]) -> npt.NDArray[np.float32]:
    """Return the median colour along the frame's border: the table's, since a photo of a card
    rarely has the card on all four borders."""
    edge = max(2, min(lab.shape[:2]) // 40)
    strips = (lab[:edge], lab[-edge:], lab[:, :edge], lab[:, -edge:])
    border = np.concatenate([strip.reshape(-1, 3) for strip in strips])
    return np.asarray(np.median(border, axis=0), np.float32)
