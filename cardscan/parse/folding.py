"""Small text foldings shared by the field parsers (names, titles, companies, domains)."""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r"[\wÀ-ÿ&'’.-]+", re.UNICODE)


def ascii_fold(text: str) -> str:
    """Return text without accents, lower case: "Conceição" -> "conceicao"."""
    text = text.replace("ß", "ss").replace("ø", "o").replace("Ø", "o").replace("ł", "l")
    text = text.replace("Ł", "l").replace("æ", "ae").replace("œ", "oe")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def letters(text: str) -> str:
    """Return only the ASCII letters of a folded text: "Meridian & Harbor" -> "meridianharbor"."""
    return re.sub(r"[^a-z]", "", ascii_fold(text))


def words(text: str) -> list[str]:
    """Return the folded words of a line, dots and commas stripped: "Pvt. Ltd." -> [pvt, ltd]."""
    return [w.strip(".,:;'’-").casefold() for w in _TOKEN.findall(text) if w.strip(".,:;'’-")]


def is_all_caps(text: str) -> bool:
    letters_only = [c for c in text if c.isalpha()]
    return len(letters_only) >= 2 and all(c.isupper() for c in letters_only)


#: A lower-case "l" read for a capital "I" at a word start before a consonant ("lronbridge").
_L_BEFORE_CONSONANT = re.compile(r"(?<![\w'’-])l(?=[bcdfghjkmnpqrstvwxz])")


def fix_initial_l(line: str) -> str:
    """Return line with "l" read for "I" at word starts fixed: no Latin word starts "lr", "lt"."""
    return _L_BEFORE_CONSONANT.sub("I", line)


def trim_noise(line: str) -> str:
    """Drop logo and icon debris at the ends of a line ("a) Apex Holdings" -> "Apex Holdings")."""
    tokens = line.split()

    def noise(tok: str) -> bool:
        word = tok.strip(".,")
        for mark in "'’-":  # "Rosa's", "Saint-Gobain" are words
            word = word.replace(mark, "")
        return tok != "&" and (not word.isalpha() or (len(tok) <= 2 and not tok.isupper()))

    while len(tokens) > 1 and noise(tokens[0]):
        tokens.pop(0)
    return " ".join(tokens)
