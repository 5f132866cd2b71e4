"""Decode QR codes printed on a card (vCard, MECARD or a URL)."""

from __future__ import annotations

import cv2
import numpy as np

from ..model import Pixels

#: OpenCV's decoders each miss codes the other reads, and both depend on the module size in
#: pixels: each is tried at these scales of the card.
_SCALES = (1.0, 0.75)


def decode_qr(pixels: Pixels) -> str | None:
    """Return the text of the QR code(s) on the card, joined by newlines, or None.

    The ArUco-based decoder is tried first; the classic one, several times slower on a card
    with no code, only where the first found a code it could not read.
    """
    grey = pixels if pixels.ndim == 2 else np.asarray(cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY))
    scaled = [
        grey if scale == 1.0 else cv2.resize(grey, None, fx=scale, fy=scale) for scale in _SCALES
    ]
    seen = False
    for image in scaled:
        texts, found = _aruco(np.asarray(image))
        if texts:
            return "\n".join(texts)
        seen = seen or found
    if not seen:
        return None  # no code on the card: the classic decoder would find none either
    for image in scaled:
        texts = _classic(np.asarray(image))
        if texts:
            return "\n".join(texts)
    return None


def _aruco(grey: Pixels) -> tuple[list[str], bool]:
    """Return the texts decoded, and whether any code was found (decoded or not)."""
    try:
        ok, texts, points, _ = cv2.QRCodeDetectorAruco().detectAndDecodeMulti(grey)
    except cv2.error:  # a malformed candidate can make a decoder throw
        return [], True
    found = points is not None and len(points) > 0
    return ([t for t in texts if t] if ok else []), found


def _classic(grey: Pixels) -> list[str]:
    try:
        text, _, _ = cv2.QRCodeDetector().detectAndDecode(grey)
    except cv2.error:
        return []
    return [text] if text else []
