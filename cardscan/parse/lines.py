"""Regroup OCR words into printed lines ("segments"): one row, one column, one font size.

Tesseract's sparse-text mode splits a printed line wherever the gap is wide, and joins words of
two columns that happen to share a baseline; regrouping from the word boxes gives the parser the
lines a person sees.
"""

from __future__ import annotations

import itertools
import math
import statistics
import unicodedata
from dataclasses import dataclass

from ..model import Box, OcrResult, OcrWord
from . import vocab

#: A gap wider than this many line heights starts a new column segment.
COLUMN_GAP = 2.2
#: A word in a font this many times larger than its neighbour's is a logo or another line,
#: however close; across a gap wider than a line height, this much larger is another field.
LOGO_SIZE, OTHER_SIZE = 1.8, 1.43
#: A word that starts where at least COLUMN_LINES lines start (within EDGE_SLACK line heights),
#: after a gap wider than COLUMN_NEAR line heights, starts a column of its own.
COLUMN_LINES, EDGE_SLACK, COLUMN_NEAR = 3, 0.5, 0.8
#: Words this close (line heights apart) are one word the OCR split: letters, not words.
GLUED = 0.15
#: Inks this far apart (_ink_distance) are two colours; a gap wider than WORD_SPACE line
#: heights is more than a word space. Neither alone is a field edge: a surname is printed in
#: red beside a black given name, and a word space grows where the OCR box misses a letter.
INK_APART, WORD_SPACE = 25.0, 0.8
#: Glyphs of bullets, bars and icons as Tesseract reads them; "&" and "-" are text.
SEPARATOR_GLYPHS = frozenset("•·*«»|¦™©®_{}[]()~=—–<>°¢§¶†‡^`\"'")


@dataclass(frozen=True)
class Segment:
    """One printed line (or one column of a row) with the signals the field parsers use."""

    index: int  # reading order
    words: tuple[OcrWord, ...]

    @property
    def text(self) -> str:
        return " ".join(w.text for w in self.words)

    @property
    def height(self) -> float:
        heights = sorted(w.box.height for w in self.words)
        return float(heights[len(heights) // 2])

    @property
    def top(self) -> int:
        return min(w.box.top for w in self.words)

    @property
    def bottom(self) -> int:
        return max(w.box.bottom for w in self.words)

    @property
    def left(self) -> int:
        return min(w.box.left for w in self.words)

    @property
    def right(self) -> int:
        return max(w.box.right for w in self.words)

    @property
    def confidence(self) -> float:
        total = sum(len(w.text) for w in self.words)
        if not total:
            return 0.0
        return sum(w.confidence * len(w.text) for w in self.words) / total


def segments(ocr: OcrResult) -> list[Segment]:
    """Return the printed lines of an OCR result in reading order (top to bottom, left to right)."""
    geometry = ocr.engine != "text"
    # plain text has no geometry worth regrouping: its lines are the lines
    pieces = _pieces(ocr) if geometry else [list(line.words) for line in ocr.lines]
    rows = _rows(pieces, _slope(ocr)) if geometry else pieces
    out: list[list[OcrWord]] = []
    parts = [part for row in rows for part in _split_columns(row, geometry)]
    if geometry:
        parts = _split_at_column_edges(parts)
        piece_of = {id(w): i for i, piece in enumerate(pieces) for w in piece}
        parts = [_glue_split_letters(part, piece_of) for part in parts]
    out.extend(_join_spaced_letters(part) for part in parts)
    out.sort(key=lambda ws: (min(w.box.top for w in ws), min(w.box.left for w in ws)))
    return [Segment(i, tuple(ws)) for i, ws in enumerate(out) if ws]


def _slope(ocr: OcrResult) -> float:
    """Return the text's median slope (dy/dx): a photo taken a little askew tilts every line.

    Measured between neighbouring words of Tesseract's lines, so a line it joined across two
    columns does not count more than any other pair of words.
    """
    slopes = []
    for line in ocr.lines:
        for a, b in itertools.pairwise(line.words):
            dx = (b.box.left + b.box.width / 2) - (a.box.left + a.box.width / 2)
            near = b.box.left - a.box.right < 1.5 * line.height
            if near and dx > line.height and 0.7 < a.box.height / max(b.box.height, 1) < 1.4:
                dy = (b.box.top + b.box.height / 2) - (a.box.top + a.box.height / 2)
                slopes.append(dy / dx)
    if len(slopes) < 5:
        return 0.0
    slope = statistics.median(slopes)
    return slope if abs(slope) < 0.3 else 0.0


def _centre(word: OcrWord, slope: float) -> float:
    """Return the word's vertical centre, corrected for the tilt of the text."""
    return word.box.top + word.box.height / 2 - slope * (word.box.left + word.box.width / 2)


def _pieces(ocr: OcrResult) -> list[list[OcrWord]]:
    """Return Tesseract's lines, split where a gap is too wide for one printed line.

    Words Tesseract put on one line stay together even when their boxes sit at different
    heights (an accent or a descender moves a box: "Santiago Bérubé").
    """
    pieces = []
    for line in ocr.lines:
        words = [w for w in line.words if w.text.strip()]
        if words:
            pieces.extend(_split_columns(words))
    return pieces


def _rows(pieces: list[list[OcrWord]], slope: float) -> list[list[OcrWord]]:
    """Group pieces of lines whose (tilt-corrected) centres and font sizes match into rows."""
    rows: list[list[OcrWord]] = []
    for piece in sorted(pieces, key=lambda p: _piece_centre(p, slope)):
        centre = _piece_centre(piece, slope)
        height = statistics.median(w.box.height for w in piece)
        best, best_offset = None, 0.0
        for row in rows:
            ref = statistics.median(_centre(w, slope) for w in row)
            size = statistics.median(w.box.height for w in row)
            offset = abs(centre - ref)
            # A piece in another font size on the same row is another field (a big name
            # beside a column of contact lines), however close the two come.
            similar = 0.75 < height / max(size, 1) < 1.33
            fits = similar and offset < 0.5 * min(size, height)
            if fits and (best is None or offset < best_offset):
                best, best_offset = row, offset
        if best is None:
            rows.append(list(piece))
        else:
            best.extend(piece)
    return rows


def _piece_centre(piece: list[OcrWord], slope: float) -> float:
    return statistics.median(_centre(w, slope) for w in piece)


def _split_columns(row: list[OcrWord], geometry: bool = True) -> list[list[OcrWord]]:
    """Split one row at separators, and (with real word boxes) at gaps far wider than a word
    space, where the font size changes, or where the ink colour changes across a wide space."""
    row = sorted(row, key=lambda w: w.box.left)
    size = statistics.median(w.box.height for w in row)
    parts: list[list[OcrWord]] = [[]]
    for i, word in enumerate(row):
        beside = (row[i - 1] if i else None, row[i + 1] if i + 1 < len(row) else None)
        if _is_separator(word.text) or _is_icon(word, *beside):
            parts.append([])  # "•", "|", an icon read as "™": the items either side are apart
            continue
        prev = parts[-1][-1] if parts[-1] else None
        if geometry and prev is not None and _field_edge(parts[-1], word, size):
            parts.append([])
        parts[-1].append(word)
    return [p for p in parts if p]


def _apart(prev: OcrWord, word: OcrWord, size: float) -> bool:
    """Return whether two neighbouring words of a row belong to different printed lines."""
    gap = word.box.left - prev.box.right
    # "jane @acme.com" set wide by the OCR is still one address
    at_joint = word.text.startswith("@") or prev.text.endswith("@")
    if gap > (3 * COLUMN_GAP if at_joint else COLUMN_GAP) * size:
        return True
    if _size_ratio(prev, word) > LOGO_SIZE:
        return True
    return gap > size and _another_field(prev, word)


def _field_edge(part: list[OcrWord], word: OcrWord, size: float) -> bool:
    """Return whether word, the next word of a row after part, starts another printed line."""
    return _apart(part[-1], word, size) or _inks_apart(part, word, size)


def _inks_apart(part: list[OcrWord], word: OcrWord, size: float) -> bool:
    """Return whether word, printed in another colour than the last word of part, starts
    another field ("MARIA OKONJO   Northwind Labs", the name blue and the company orange).

    Colour alone is no field edge (a family name in red beside a black given name): the
    word must also stand more than a word space away, or half that in a clearly other font
    size (not less: in a poor photo the boxes of one line's words, a word space apart,
    differ in height that much). Nor is a colour change after a label or an icon printed in
    an accent colour before its value ("Tel.", "E-mail:", "Office 040…", a phone glyph read
    as "&"): a part of one word that labels the next keeps it.
    """
    prev = part[-1]
    if prev.ink is None or word.ink is None or _ink_distance(prev.ink, word.ink) < INK_APART:
        return False
    if len(part) == 1 and _labels(prev.text, word.text):
        return False
    if _is_legal_form(word.text):
        return False  # "BEACON SOLUTIONS  PLC": the legal form ends the company's name
    gap = word.box.left - prev.box.right
    resized = _size_ratio(prev, word) > OTHER_SIZE
    return gap > (WORD_SPACE / 2 if resized else WORD_SPACE) * size


def _ink_distance(one: tuple[int, int, int], other: tuple[int, int, int]) -> float:
    """Return how far apart two inks (CIE Lab) are, lightness counted half: a word's measured
    lightness shifts with blur and stroke width (thin letters blend into the paper), its hue
    far less."""
    (l1, a1, b1), (l2, a2, b2) = one, other
    return math.dist(((l1 - l2) / 2, a1, b1), (0, a2, b2))


def _is_legal_form(text: str) -> bool:
    word = text.strip(".,").casefold()
    return word in vocab.COMPANY_SUFFIXES or word in vocab.CAPS_ONLY_SUFFIXES


def _labels(text: str, value: str) -> bool:
    """Return whether a word alone can be the label or icon of the word after it: a short
    word, a known label, one ending in a colon, or any word before a number or an address."""
    known = _is_label(text) or text.endswith(":")
    return len(text) <= 5 or known or _is_value(value) or _is_address(value)


def _split_at_column_edges(parts: list[list[OcrWord]]) -> list[list[OcrWord]]:
    """Split a line where, after a gap wider than a word space, a word starts at the left edge
    that several other lines start at: a two-column card read across ("Nguyen DeMarco" beside
    "617-555-0192", whose column holds the email and the address too). A label after such a
    gap ("Jane Doe   E-mail: jane@acme.com") starts another field as well."""
    edges = [part[0].box.left for part in parts]
    out = []
    for part in parts:
        size = statistics.median(w.box.height for w in part)
        pieces: list[list[OcrWord]] = [[part[0]]]
        for i, (prev, word) in enumerate(itertools.pairwise(part), start=1):
            gap = word.box.left - prev.box.right
            shared = sum(abs(edge - word.box.left) <= EDGE_SLACK * size for edge in edges)
            value = part[i + 1].text if i + 1 < len(part) else ""
            label = _is_label(word.text) and gap > size and _is_value(value)
            if gap > COLUMN_NEAR * size and (shared >= COLUMN_LINES or label):
                pieces.append([])
            pieces[-1].append(word)
        out.extend(pieces)
    return out


def _is_label(text: str) -> bool:
    return text.rstrip(":.").casefold() in vocab.FIELD_LABELS


def _is_value(text: str) -> bool:
    """Return whether a word can be what a label labels: a number, an address, a website (not
    the next letter of "A N S E L M" set wide)."""
    return any(c.isdigit() for c in text) or "@" in text or text.casefold().startswith("www")


def _size_ratio(a: OcrWord, b: OcrWord) -> float:
    """Return how many times larger the font of one of two words is than the other's.

    Two groups of digits side by side on one line count as one size: in old-style figures
    "121" sits at x-height while "496" rises and falls, so the boxes of one phone number
    differ twice over (but around one middle).
    """
    if _is_digit_group(a.text) and _is_digit_group(b.text) and _level(a.box, b.box):
        return 1.0
    small, big = sorted((_font_size(a), _font_size(b)))
    return big / small


def _is_digit_group(text: str) -> bool:
    return any(c.isdigit() for c in text) and all(c.isdigit() or c in "+()-./" for c in text)


def _level(a: Box, b: Box) -> bool:
    """Return whether two boxes have their middles at one height, as words of one line do."""
    return abs((a.top + a.bottom) - (b.top + b.bottom)) / 2 < min(a.height, b.height) / 2


_ASCENDING = frozenset("bdfhiklt0123456789!?/\\|()[]{}'\"#$%&@")
_DESCENDING = frozenset("gjpqy,;()[]{}@|")
#: combining marks that hang below the baseline like a descender: cedilla, ogonek
_MARKS_BELOW = frozenset("\u0327\u0328")


def _font_size(word: OcrWord) -> float:
    """Return the word's font size, estimated from its box and the shapes of its letters.

    A box is as tall as the word's tallest and lowest letters: "at" is half as tall as
    "Attorney" in the same font. Dividing by the share of the font size the letters span
    (x-height only, with ascenders or capitals, with descenders) makes the two comparable.
    """
    text = word.text
    tall = any(c.isupper() or c in _ASCENDING or not c.isascii() for c in text)
    share = 0.72 if tall or not any(c.isalpha() for c in text) else 0.5
    marks = [(c, m) for c in text for m in unicodedata.normalize("NFD", c)[1:]]
    if any(c.isupper() and m not in _MARKS_BELOW for c, m in marks):
        share += 0.2  # an accent over a capital stands above the capitals ("CONCEIÇÃO")
    if any(c in _DESCENDING for c in text) or any(m in _MARKS_BELOW for _, m in marks):
        share += 0.22
    return max(word.box.height, 1) / share


def _another_field(a: OcrWord, b: OcrWord) -> bool:
    """Return whether two words a wide space apart belong to different fields: a different
    font size, or an address (email, web) beside words that are not one."""
    return _size_ratio(a, b) > OTHER_SIZE or _is_address(a.text) != _is_address(b.text)


def _is_address(text: str) -> bool:
    lowered = text.casefold()
    return "@" in lowered or lowered.startswith(("www.", "http"))


def _glue_split_letters(words: list[OcrWord], piece_of: dict[int, int]) -> list[OcrWord]:
    """Return the words with a lower-case letter or two that the OCR split off the end of a
    word onto a line of its own glued back where they touch: "Cost" + "a" is "Costa". Words
    the OCR read on one line stay as it spaced them ("Professor of", "Chloé da Silva")."""
    out = [words[0]]
    for word in words[1:]:
        prev = out[-1]
        size = min(prev.box.height, word.box.height)
        touching = word.box.left - prev.box.right < GLUED * size
        fragment = len(word.text) <= 2 and word.text.isalpha() and word.text.islower()
        apart = piece_of.get(id(prev)) != piece_of.get(id(word))
        if touching and fragment and apart and prev.text[-1:].isalpha():
            out[-1] = _merged([prev, word])
            piece_of[id(out[-1])] = piece_of.get(id(prev), -1)
        else:
            out.append(word)
    return out


def _join_spaced_letters(words: list[OcrWord]) -> list[OcrWord]:
    """Join "J A N E   D O E" read letter by letter into words, breaking at the wider gaps."""
    if len(words) < 4 or sum(len(w.text) == 1 for w in words) < 0.7 * len(words):
        return words
    gaps = [b.box.left - a.box.right for a, b in itertools.pairwise(words)]
    limit = 1.6 * max(statistics.median(gaps), 1)
    joined: list[list[OcrWord]] = [[words[0]]]
    for gap, word in zip(gaps, words[1:], strict=False):
        if gap > limit:
            joined.append([])
        joined[-1].append(word)
    return [_merged(group) for group in joined]


def glued(first: Segment, second: Segment) -> Segment:
    """Return one segment of two, the first word of second glued to the last of first: a
    word the OCR broke over two lines ("Alessand" / "ro Tanaka")."""
    word = _merged([first.words[-1], second.words[0]])
    return Segment(first.index, (*first.words[:-1], word, *second.words[1:]))


def _merged(group: list[OcrWord]) -> OcrWord:
    box = group[0].box
    for w in group[1:]:
        box = box.union(w.box)
    conf = min(w.confidence for w in group)
    return OcrWord("".join(w.text for w in group), box, conf, group[0].ink)


def _is_icon(word: OcrWord, before: OcrWord | None, after: OcrWord | None) -> bool:
    """Return whether a mark standing alone between words is an icon printed in an accent
    colour ("Bergmann Capital SARL @ https://…", a globe read as "@"; "Hiroshi Whitaker & +33…",
    a phone read as "&"): not alphanumeric, and in another ink than the words either side.
    A "&" or "@" in the ink of its words is text ("Quill & Chandra", "jane @ acme.com")."""
    if len(word.text) > 2 or any(c.isalnum() for c in word.text) or word.ink is None:
        return False
    ink = word.ink
    return all(
        other is not None and other.ink is not None and _ink_distance(ink, other.ink) >= INK_APART
        for other in (before, after)
    )


def _is_separator(text: str) -> bool:
    """Return True for a word of separator or icon glyphs only ("•", "|", "™", "_", "{]")."""
    return all(c in SEPARATOR_GLYPHS for c in text)
