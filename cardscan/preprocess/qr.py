"""Decode QR codes printed on a card (vCard, MECARD or a URL)."""

from __future__ import annotations

import cv2

from ..model import Pixels


def decode_qr(pixels: Pixels) -> str | None:
    """Return the text of the QR code(s) on the card, joined by newlines, or None."""
    detector = cv2.QRCodeDetector()
    try:
        ok, texts, _, _ = detector.detectAndDecodeMulti(pixels)
    except cv2.error:  # a malformed candidate can make the decoder throw: no readable code
        return None
    if not ok:
        return None
    found = [t for t in texts if t]
    return "\n".join(found) if found else None
