"""OCR engines behind one seam (engine.py): Tesseract, the required default, and RapidOCR.

Each engine lives in one module and is the only code that knows its library; everything else
asks engine_named() for one and reads through engine.py's CardReader and read_card.
"""

from __future__ import annotations

from ..errors import MissingDependencyError
from .engine import CardReader, Deadline, Engine, EngineInfo, read_card, reading_weight, self_test

__all__ = [
    "ENGINE_NAMES",
    "CardReader",
    "Deadline",
    "Engine",
    "EngineInfo",
    "engine_named",
    "read_card",
    "reading_weight",
    "self_test",
]

#: the engines a card can be read with, the default first
ENGINE_NAMES = ("tesseract", "rapidocr")


def engine_named(name: str) -> Engine:
    """Return the engine called name; its library is imported only when it is asked for."""
    if name == "tesseract":
        from .tesseract import TesseractEngine

        return TesseractEngine()
    if name == "rapidocr":
        from .rapidocr import RapidOcrEngine

        return RapidOcrEngine()
    raise MissingDependencyError(
        f"no OCR engine called {name!r} (known: {', '.join(ENGINE_NAMES)})"
    )
