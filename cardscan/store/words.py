"""The words OCR read on a card, with their boxes, as the JSON kept in cards.words.

{"width": W, "height": H, "lines": [[[text, left, top, width, height, confidence], ...], ...]}
Boxes are in pixels of the W x H image that was read; the stored JPEG may be smaller, so
readers scale by W and H.
"""

from __future__ import annotations

import json
from typing import Any

from ..model import Box, OcrLine, OcrResult, OcrWord


def dump_words(reading: OcrResult) -> str:
    """Return a reading's words and boxes as compact JSON."""
    lines = [
        [[w.text, *_box(w.box), round(w.confidence, 3)] for w in line.words]
        for line in reading.lines
    ]
    data = {"width": reading.image_width, "height": reading.image_height, "lines": lines}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def load_words(text: str) -> OcrResult:
    """Return the reading kept as JSON by dump_words."""
    data: dict[str, Any] = json.loads(text)
    lines = tuple(
        OcrLine(
            tuple(
                OcrWord(str(t), Box(int(x), int(y), int(w), int(h)), float(c))
                for t, x, y, w, h, c in line
            )
        )
        for line in data["lines"]
        if line
    )
    return OcrResult(lines, int(data["width"]), int(data["height"]))


def _box(box: Box) -> tuple[int, int, int, int]:
    return box.left, box.top, box.width, box.height
