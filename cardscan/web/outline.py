"""Where on a card a field was read: the words of the stored reading that spell its value.

The parser does not say which words it took, so the words are found again by their text:
close spellings count, because the value may be a repaired or corrected form of what was read.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from difflib import SequenceMatcher

import phonenumbers

from ..model import Box, OcrLine, OcrResult, OcrWord

#: how alike a word and a word of the value must be (SequenceMatcher ratio) to count
WORD_ALIKE = 0.6
#: how alike a run of words and a one-piece value (an email, a website) must be
RUN_ALIKE = 0.8
#: how alike the digits of a number must be: one digit in ten misread, not two
DIGITS_ALIKE = 0.9
_ADDRESS_LIKE = re.compile(r"@|^www\.|://", re.IGNORECASE)

#: the share of a line's letters that matched words must hold for the line to be the field's
LINE_SHARE = 0.5


def field_boxes(reading: OcrResult, field: str, value: str) -> list[Box]:
    """Return the boxes of the words a field's value was read from ([] when none fit).

    field is a Contact field name: emails, websites, socials and phones are found as one run
    of adjacent words, the others (name, title, company, address) word by word.
    """
    if field == "phones":
        digits = _national_digits(value)
        return _best_run(reading, digits, _digits, DIGITS_ALIKE, contains=True) if digits else []
    if field in ("emails", "websites", "socials"):
        key = _letters(value)
        return _best_run(reading, key, _letters, RUN_ALIKE, contains=False) if key else []
    return _matched_words(reading, [t for t in map(_letters, value.split()) if t])


def _letters(text: str) -> str:
    return "".join(c for c in text.casefold() if c.isalnum())


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def _national_digits(value: str) -> str:
    """Return the digits of a number as printed at home (a card rarely prints +1)."""
    try:
        return str(phonenumbers.parse(value, None).national_number)
    except phonenumbers.NumberParseException:
        return _digits(value)


def _alike(a: str, b: str) -> float:
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def _best_run(
    reading: OcrResult,
    target: str,
    key: Callable[[str], str],
    alike: float,
    contains: bool,
) -> list[Box]:
    """Return the boxes of the adjacent words on one line that best spell target."""
    best_score, best_run = 0.0, list[OcrWord]()
    for line in reading.lines:
        for start in range(len(line.words)):
            joined = ""
            for end in range(start, len(line.words)):
                joined += key(line.words[end].text)
                if len(joined) > len(target) + 4:
                    break
                score = 1.0 if contains and target in joined else _alike(joined, target)
                run = list(line.words[start : end + 1])
                # the more alike wins; of two alike, the shorter run (no label or stray mark)
                shorter = score == best_score and len(run) < len(best_run)
                if score >= alike and (score > best_score or shorter):
                    best_score, best_run = score, run
    return [w.box for w in best_run]


def _matched_words(reading: OcrResult, tokens: list[str]) -> list[Box]:
    """Return the words alike a word of the value, on lines made mostly of such words."""
    if not tokens:
        return []
    boxes = []
    for line in reading.lines:
        matched = [w for w in line.words if _word_matches(w, tokens)]
        if matched and _share(line, matched) >= LINE_SHARE:
            boxes += [w.box for w in matched]
    return boxes


def _word_matches(word: OcrWord, tokens: list[str]) -> bool:
    if _ADDRESS_LIKE.search(word.text):
        return False  # an email or a website spells the company, but is not where it was read
    key = _letters(word.text)
    return bool(key) and max(_alike(key, t) for t in tokens) >= WORD_ALIKE


def _share(line: OcrLine, matched: list[OcrWord]) -> float:
    total = sum(len(_letters(w.text)) for w in line.words)
    return sum(len(_letters(w.text)) for w in matched) / total if total else 0.0
