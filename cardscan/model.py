"""Plain typed values the image stages pass on: pixels, card images and what OCR read.

image file --load--> LoadedImage --preprocess--> CardImage(s) --ocr--> OcrResult
  --parse--> Contact (contact.py) --store--> id
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

import numpy as np
import numpy.typing as npt

Pixels = npt.NDArray[np.uint8]


class Layout(StrEnum):
    """How the text to read is laid out: a hint to an OCR engine, which may ignore it."""

    SPARSE = "sparse"  # scattered lines, as on a card
    BLOCK = "block"  # one block of text
    LINE = "line"  # a single line


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in pixels of the image it was measured on."""

    left: int
    top: int
    width: int
    height: int

    def __post_init__(self) -> None:
        if self.width < 0 or self.height < 0:
            raise ValueError(f"negative box size: {self}")

    @property
    def right(self) -> int:
        return self.left + self.width

    @property
    def bottom(self) -> int:
        return self.top + self.height

    def union(self, other: Box) -> Box:
        """Return the smallest box holding both."""
        left, top = min(self.left, other.left), min(self.top, other.top)
        right, bottom = max(self.right, other.right), max(self.bottom, other.bottom)
        return Box(left, top, right - left, bottom - top)


#: what may stand around a word read without being part of its spelling ("Åsa," "(Müller)")
WORD_PUNCTUATION = ".,;:()\"'’"


@dataclass(frozen=True)
class OcrWord:
    text: str
    box: Box
    confidence: float  # 0..1, from Tesseract's 0..100
    #: the colour the word is printed in, CIE Lab (ocr/ink.py); None when not measured
    ink: tuple[int, int, int] | None = None

    def __post_init__(self) -> None:
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence out of range: {self.confidence}")


@dataclass(frozen=True)
class OcrLine:
    words: tuple[OcrWord, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def box(self) -> Box:
        box = self.words[0].box
        for w in self.words[1:]:
            box = box.union(w.box)
        return box

    @property
    def confidence(self) -> float:
        """Mean word confidence, weighted by word length."""
        total = sum(len(w.text) for w in self.words)
        if total == 0:
            return 0.0
        return sum(w.confidence * len(w.text) for w in self.words) / total

    @property
    def height(self) -> float:
        """Median word height: a proxy for font size that ignores descenders of single words."""
        heights = sorted(w.box.height for w in self.words)
        return float(heights[len(heights) // 2])


@dataclass(frozen=True)
class OcrResult:
    """Lines in reading order, with the size of the image they were read from."""

    lines: tuple[OcrLine, ...]
    image_width: int
    image_height: int
    #: the engine that read it ("tesseract", "rapidocr"; "text" for plain text)
    engine: str = ""
    #: the engine's model it was read with ("eng", "Latin_lean"); empty when it has one only
    lang: str = ""

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)

    @property
    def confidence(self) -> float:
        words = [w for line in self.lines for w in line.words]
        if not words:
            return 0.0
        return sum(w.confidence for w in words) / len(words)

    @property
    def confident_characters(self) -> float:
        """Letters and digits of words read over 0.5, each counted at its confidence: how much
        a reading holds (what a retry must beat, what settles which way up a card goes)."""
        return sum(
            w.confidence * len(w.text)
            for line in self.lines
            for w in line.words
            if w.confidence > 0.5 and any(c.isalnum() for c in w.text)
        )

    @classmethod
    def from_text(cls, text: str) -> OcrResult:
        """Wrap plain text (no geometry) as lines of fully confident words, for `cardscan parse`."""
        lines = []
        for i, raw in enumerate(text.splitlines()):
            tokens = raw.split()
            if not tokens:
                continue
            words, x = [], 0
            for tok in tokens:
                words.append(OcrWord(tok, Box(x, i * 40, 20 * len(tok), 30), 1.0))
                x += 20 * len(tok) + 20
            lines.append(OcrLine(tuple(words)))
        width = max((ln.box.right for ln in lines), default=0)
        return cls(tuple(lines), width, 40 * max(len(lines), 1), engine="text")


@dataclass(frozen=True)
class LoadedImage:
    """Decoded pixels (BGR, EXIF orientation applied) and where they came from."""

    source: str
    pixels: Pixels
    sha256: str
    #: the photo's working size over these pixels' size: 2.0 when a big JPEG was decoded at
    #: half size first (libjpeg scales while decoding), to find the card on
    reduced: float = 1.0
    #: the pixels at the working size, decoded anew; given with reduced pixels, for a card
    #: too small in them to be read well
    decode_full: Callable[[], Pixels] | None = field(default=None, compare=False, repr=False)

    @property
    def width(self) -> int:
        return int(self.pixels.shape[1])

    @property
    def height(self) -> int:
        return int(self.pixels.shape[0])


@dataclass(frozen=True)
class Quality:
    """How readable a card's photo is (preprocess.quality measures it)."""

    #: width of the letters' edges over the height of the text lines: blur and defocus
    blur: float = 0.0
    #: median height of the text lines in the photo's own pixels
    text_height: float = 0.0
    #: share of the text lines' area under glare
    glare: float = 0.0
    #: what makes the card unreliable to read: "blurred", "small", "glare"
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class CardImage:
    """One card cut out of a photo, flattened and upright, ready for OCR."""

    pixels: Pixels
    #: corners of the card in the source image (tl, tr, br, bl), None when the whole frame was used
    quad: tuple[tuple[float, float], ...] | None = None
    rotation: int = 0  # degrees clockwise applied to make it upright
    method: str = "frame"  # how it was found: "quad", "text-region", "frame"
    #: structured data decoded from a QR code on the card (vCard / MECARD / URL text), if any
    qr_payload: str | None = None
    #: the card as read while deciding which way up it goes, when that reading settled it
    #: (ocr.read_card starts from it instead of reading the card again)
    reading: OcrResult | None = None
    #: the card as the engine of that reading reads it (normalised grey for Tesseract), so the
    #: engine's later readings do not prepare it again (ocr.read_card)
    prepared: Pixels | None = None
    #: how readable the photo of the card is
    quality: Quality = Quality()
