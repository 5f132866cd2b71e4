"""The card's country, for the numbers it prints in national format: from the card itself.

Evidence, strongest first: a number written with its country code (+44, 0044); a number that
only makes sense with the country code printed before it without a "+" ("81-3-5555-0123",
"65 6123 4567"); the address (a country name, a postcode format); the country ending of the
card's emails and websites (.de, .co.uk). The user's region (--region, CARDSCAN_REGION, the
locale) is used only when the card gives none of these.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher

from . import patterns, suffixes, vocab
from .company import has_legal_suffix
from .lines import Segment
from .phone import digit_normalised, valid_in

#: a run of digits that may be one phone number, its grouping kept ("(216) 71 000 000")
_DIGIT_RUN = re.compile(r"(?<![\d+])\(?\d[\d ().-]{6,}\d")


def card_region(
    segs: list[Segment], hosts: Iterable[str], address_region: str | None, default: str
) -> str:
    """Return the region the card's national-format numbers are to be read in.

    Where none of the numbers is a valid number of the region the evidence above gives (or of
    the user's), the regions the card's legal form ("Ltd.", "GmbH") and its phone labels'
    language ("Tél.") point to are tried: the one in which most of them are valid wins.
    """
    texts = [digit_normalised(s.text) for s in segs if not patterns.REGNO_LINE.search(s.text)]
    written = _most_common(_with_country_code(texts))
    if written:
        return written
    fallback = address_region or host_region(hosts) or default
    bare = _most_common(_bare_country_code(texts, fallback))
    if bare:
        return bare
    runs = [run for text in texts for run in _DIGIT_RUN.findall(text)]
    if not runs or _count_valid(runs, fallback):
        return fallback  # one number valid there bears the region out
    best, valid = fallback, 0
    for hint in _hints(segs):
        count = _count_valid(runs, hint)
        if count > valid:
            best, valid = hint, count
    return best


def _hints(segs: list[Segment]) -> list[str]:
    """Return the regions the card's legal forms, phone labels and street words suggest,
    likeliest first."""
    hints: list[str] = []
    for seg in segs:
        words = [w.strip(".,:;()").casefold() for w in seg.text.split()]
        if words and has_legal_suffix(seg.text):
            # "Pty. Ltd.": the word before "Ltd" names the country (AU) before "Ltd" does
            for word in words[-2:]:
                # "S.A." as "SA", "B.V." as "BV"; "S.A.C." and "s.r.o." are listed dotted
                regions = vocab.LEGAL_FORM_REGIONS.get(word)
                hints += regions or vocab.LEGAL_FORM_REGIONS.get(word.replace(".", ""), ())
        for word in words:
            hints += vocab.LABEL_REGIONS.get(word, ())
            hints += vocab.STREET_REGIONS.get(_street_word(word), ())
    return list(dict.fromkeys(hints))


def _street_word(word: str) -> str:
    """Return the street word a word is or ends in ("königstraße": "straße")."""
    return next((end for end in vocab.STREET_ENDINGS if word.endswith(end)), word)


def _count_valid(runs: list[str], region: str) -> int:
    return sum(valid_in(run, region) for run in runs)


def host_region(hosts: Iterable[str]) -> str | None:
    """Return the region most of the hosts' country endings name (jane@acme.co.uk: GB)."""
    return _most_common(r for r in map(suffixes.country, hosts) if r)


def _with_country_code(texts: list[str]) -> list[str]:
    """Return the region of each valid number written with a "+" country code."""
    regions = []
    for text in texts:
        if "+" not in text:
            continue
        for match in PhoneNumberMatcher(text, "ZZ", leniency=Leniency.VALID):
            code = phonenumbers.region_code_for_number(match.number)
            if code and code != "ZZ":
                regions.append(code)
    return regions


def _bare_country_code(texts: list[str], fallback: str) -> list[str]:
    """Return the region of each number that is no number of fallback, but is one with a "+"
    before it, grouped as that country groups its numbers ("65 6123 4567": SG)."""
    regions = []
    for text in texts:
        for run in _DIGIT_RUN.findall(text):
            if run.startswith("0") or valid_in(run, fallback):
                continue
            matches = list(PhoneNumberMatcher("+" + run.replace("(", "").replace(")", ""), "ZZ",
                                              leniency=Leniency.EXACT_GROUPING))  # fmt: skip
            if len(matches) == 1:
                code = phonenumbers.region_code_for_number(matches[0].number)
                if code and code != "ZZ":
                    regions.append(code)
    return regions


def _most_common(regions: Iterable[str]) -> str | None:
    counts = Counter(regions)
    return counts.most_common(1)[0][0] if counts else None
