"""Job titles: lines of title words from the vocabulary; departments, which are not titles."""

from __future__ import annotations

import difflib

from . import folding, vocab
from .company import has_legal_suffix

#: Acronym titles printed in capitals ("CTO", "VP"), folded.
_ACRONYMS = frozenset(w for w in vocab.TITLE_WORDS if len(w) <= 4)


def title_score(line: str) -> float:
    """Return how much a line reads as a job title: 0 none, higher for more title words."""
    line = restore(line)
    if has_legal_suffix(line) or "@" in line or any(c.isdigit() for c in line.replace("II", "")):
        return 0.0
    ws = [folding.ascii_fold(w) for w in folding.words(line)]
    if not ws or len(ws) > 9 or all(w.replace(".", "") in vocab.CREDENTIALS_UNDOTTED for w in ws):
        return 0.0  # "CPA, CFE" after a name: letters after it, not a job
    if ws[0] in _READER_OR_WE:
        return 0.0  # a slogan: "Your partner in growth", "We build trust"
    hits = sum(1 for w in ws if _is_title_word(w))
    if hits == 0:
        return 0.0
    if ws[0] in ("head", "chief", "vp", "director", "professor", "lead"):
        hits += 1
    mods = sum(1 for w in ws if w in vocab.TITLE_MODIFIERS)
    return hits + 0.3 * mods


#: a line that speaks to the reader or for the firm opens a slogan, not a job title
_READER_OR_WE = frozenset({"your", "you", "our", "we", "us"})
_FOLDED_TITLE_WORDS = frozenset(folding.ascii_fold(w) for w in vocab.TITLE_WORDS)
_FOLDED_ENDINGS = tuple(folding.ascii_fold(e) for e in vocab.TITLE_COMPOUND_ENDINGS)


def _is_title_word(word: str) -> bool:
    if word in _FOLDED_TITLE_WORDS:
        return True
    if any(word.endswith(e) and len(word) > len(e) + 3 for e in _FOLDED_ENDINGS):
        return True
    # "co-founder & cto", "sr.-director": parts of a compound
    return any(p in _FOLDED_TITLE_WORDS for p in word.replace("&", "-").split("-") if p)


def is_department(line: str) -> bool:
    """Return True for department lines ("Human Resources", "R&D"): every word a department word."""
    ws = folding.words(line)
    return bool(ws) and all(w in vocab.DEPARTMENT_WORDS for w in ws) and title_score(line) == 0


def continues_title(first: str, second: str) -> bool:
    """Return True if second finishes a title broken over two lines ("Director of" / "Sales")."""
    end = first.rstrip().casefold()
    start = second.lstrip().casefold()
    joiners = (",", "&", " and", " of", " for", " de", " des", " für", "-", "/")
    return end.endswith(joiners) or start.startswith(("&", "and ", "of ", "for ", "/"))


def _canonical() -> dict[str, str]:
    """Return folded spelling -> vocabulary spelling, for words the OCR read without accents.

    A folded spelling shared by two words (German "ingenieur", French "ingénieur") is left out:
    the OCR text cannot tell which was printed.
    """
    spellings: dict[str, set[str]] = {}
    for word in vocab.TITLE_WORDS:
        spellings.setdefault(folding.ascii_fold(word), set()).add(word)
    return {f: next(iter(ws)) for f, ws in spellings.items() if len(ws) == 1}


_CANONICAL = _canonical()
#: Only accented words are guessed from a near miss: the OCR drops accents, and guessing
#: towards a plain English word ("Development" -> "Developer") would invent a title.
_LONG_WORDS = [f for f, w in _CANONICAL.items() if len(f) >= 8 and f != w]


def restore(line: str) -> str:
    """Return a title with words the OCR damaged put back from the vocabulary.

    "GESCHAFTSFUHRER" -> "GESCHÄFTSFÜHRER", "Geschdftsflihrer" -> "Geschäftsführer": a long
    word close to exactly one vocabulary word is taken to be that word.
    """
    return " ".join(_restore_word(w) for w in line.split())


def _restore_word(word: str) -> str:
    core = word.strip(".,;:&()")
    if core.casefold() in vocab.TITLE_WORDS:
        return word
    folded = folding.ascii_fold(core)
    canonical = _CANONICAL.get(folded)
    if canonical is None and len(folded) >= 8 and folded.isalpha():
        close = difflib.get_close_matches(folded, _LONG_WORDS, n=2, cutoff=0.8)
        if len(close) == 1:
            canonical = _CANONICAL[close[0]]
    if canonical is None or canonical == core.casefold():
        return word
    if core.isupper():
        canonical = canonical.upper()
    elif core[:1].isupper():
        canonical = canonical[:1].upper() + canonical[1:]
    return word.replace(core, canonical)


def proper_case(line: str) -> str:
    """Return a title printed in capitals in title case: "HEAD OF R&D" -> "Head of R&D"."""
    if not folding.is_all_caps(line):
        return line
    out = []
    for i, word in enumerate(line.split()):
        core = word.strip(".,;:()").casefold()
        if core in vocab.TITLE_ACRONYMS or not core.isalpha():
            out.append(word)
        elif i > 0 and core in vocab.TITLE_SMALL_WORDS:
            out.append(word.casefold())
        else:
            out.append("-".join(p[:1].upper() + p[1:].casefold() for p in word.split("-")))
    return " ".join(out)
