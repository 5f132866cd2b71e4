"""Simulated flatbed scans for scripts/make_samples.py: cards side by side on a white lid."""

from __future__ import annotations

from typing import Any

import cv2
import numpy as np
from PIL import Image

Json = dict[str, Any]
#: a scanner's lid: near white, evenly lit, with a little sensor noise
LID = 244.0
LID_NOISE = 1.2
#: the scan's resolution, and how far from the page's corner the cards are laid (pixels)
DPI = 300
MARGIN = 90


def scan_page(flats: list[Image.Image], spec: Json, rng: np.random.Generator) -> np.ndarray:
    """Return a page (BGR, uint8) with the flat cards laid in rows, spec["gap_mm"] apart,
    each turned by up to spec["turn"] degrees, with the thin shadow a card's edge casts."""
    gap = round(spec["gap_mm"] / 25.4 * DPI)
    width, height = spec["size"]
    page = np.full((height, width, 3), LID, np.float32)
    x, y, row_height = MARGIN, MARGIN, 0
    for flat in flats:
        card = cv2.cvtColor(np.asarray(flat.convert("RGB")), cv2.COLOR_RGB2BGR).astype(np.float32)
        h, w = card.shape[:2]
        if x + w > width - MARGIN:
            x, y, row_height = MARGIN, y + row_height + gap, 0
        turn = rng.uniform(-spec["turn"], spec["turn"])
        lay_turned(page, card, (x, y), turn)
        x, row_height = x + w + gap, max(row_height, h)
    page += rng.normal(0, LID_NOISE, page.shape).astype(np.float32)
    return page.clip(0, 255).astype(np.uint8)


def lay_turned(page: np.ndarray, card: np.ndarray, at: tuple[int, int], turn: float) -> None:
    """Lay the card on the page with its top-left corner near at, turned by turn degrees."""
    h, w = card.shape[:2]
    pad = round(0.08 * max(w, h))
    matrix = cv2.getRotationMatrix2D((w / 2, h / 2), turn, 1.0)
    matrix[:, 2] += pad
    size = (w + 2 * pad, h + 2 * pad)
    turned = cv2.warpAffine(card, matrix, size)
    cover = cv2.warpAffine(np.ones((h, w), np.float32), matrix, size)[..., None]
    shadow = np.roll(cover, (3, 3), axis=(0, 1)) * (1 - cover)  # the lamp lights it at a slant
    x, y = at[0] - pad, at[1] - pad
    region = page[y : y + size[1], x : x + size[0]]
    region *= 1 - 0.12 * shadow
    region[:] = region * (1 - cover) + turned * cover
