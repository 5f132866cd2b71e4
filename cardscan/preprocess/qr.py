"""Decode QR codes printed on a card (vCard, MECARD or a URL)."""

from __future__ import annotations

import cv2
import numpy as np

from ..model import Pixels

#: OpenCV's decoders each miss codes the other reads, and both depend on the module size in
#: pixels; a card without a code costs a few milliseconds for all of these tries together.
_SCALES = (1.0, 0.75)


def decode_qr(pixels: Pixels) -> str | None:
    """Return the text of the QR code(s) on the card, joined by newlines, or None."""
    grey = pixels if pixels.ndim == 2 else np.asarray(cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY))
    for decode in (_aruco, _classic):
        for scale in _SCALES:
            image = grey if scale == 1.0 else cv2.resize(grey, None, fx=scale, fy=scale)
            try:
                texts = [t for t in decode(np.asarray(image)) if t]
            except cv2.error:  # a malformed candidate can make a decoder throw: try the next
                continue
            if texts:
                return "\n".join(texts)
    return None


def _aruco(grey: Pixels) -> list[str]:
    ok, texts, _, _ = cv2.QRCodeDetectorAruco().detectAndDecodeMulti(grey)
    return list(texts) if ok else []


def _classic(grey: Pixels) -> list[str]:
    text, _, _ = cv2.QRCodeDetector().detectAndDecode(grey)
    return [text]
