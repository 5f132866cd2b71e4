"""Postal addresses: the printed lines of one address, joined, and its parts where clear."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..contact import Address
from . import patterns, vocab
from .countries import country_code
from .found import Found
from .lines import Segment
from .postcodes import postcode_line


@dataclass(frozen=True)
class _CityLine:
    city: str | None
    region: str | None
    postcode: str | None
    country: str | None  # ISO region the line's format belongs to, when it is unambiguous
    sure: bool = True  # False: a bare number and a word that many countries' formats fit


#: countries whose city lines patterns.py knows more strictly (a US state, an AU one)
_OWN_PATTERNS = frozenset({"US", "GB", "AU", "IN"})


def find_address(segs: list[Segment], taken: set[int]) -> Found[Address] | None:
    """Return the address printed on the card (lines not already used by other fields)."""
    free = [s for s in segs if s.index not in taken and not patterns.REGNO_LINE.search(s.text)]
    anchors = [s for s in free if _strength(s.text) >= 2]
    if not anchors:
        return None
    chosen = {s.index: s for s in anchors}
    grown = True
    while grown:  # pull in neighbours: "Suite 200" above "12 Main St", then theirs
        grown = False
        for s in free:
            if s.index in chosen or _strength(s.text) < 1:
                continue
            if any(_near(s, a) for a in chosen.values()):
                chosen[s.index] = s
                grown = True
    lines = [chosen[i] for i in sorted(chosen)]
    lines = _one_cluster(lines)
    texts = [_fix_sharp_s(_drop_pin_icon(s.text.strip(" ,"))) for s in lines]
    conf = min(s.confidence for s in lines)
    return Found(parts(texts), lines[0].index, conf)


def parts(lines: list[str]) -> Address:
    """Return an Address from its printed lines, with street/city/region/postcode where clear."""
    text = ", ".join(lines)
    pieces = [p.strip() for line in lines for p in line.split(",") if p.strip()]
    street = next((p for p in pieces if _is_street(p)), None)
    # "Suite 310", "14th Floor": the unit, which vCard, Google and Outlook keep apart
    extended = next(
        (p for p in pieces if p != street and patterns.FLOOR_SUITE.search(p) and len(p) <= 40),
        None,
    )
    city = None
    for candidate in reversed(lines):
        city = city_line(candidate)
        if city is not None:
            break
    country = next((c for p in pieces if (c := _country_at_end(p))), None)
    return Address(
        text=text,
        street=street,
        city=city.city if city else None,
        region=city.region if city else None,
        postcode=city.postcode if city else None,
        country=country,
        extended=extended,
    )


def _country_at_end(piece: str) -> str | None:
    """Return the country name a piece of an address is or ends with ("6789112 Israel")."""
    words = piece.split()
    for n in range(min(len(words), 4), 0, -1):
        name = " ".join(words[-n:])
        if country_code(name):
            return name
    return None


def address_region(address: Address | None) -> str | None:
    """Return the ISO region an address's format or country name gives, if unambiguous."""
    if address is None:
        return None
    if address.country:
        return country_code(address.country)
    for line in reversed(address.text.split(", ")):
        found = city_line(line)
        if found is not None and found.country:
            return found.country
    tail = city_line(address.text)
    return tail.country if tail else None


def city_line(text: str) -> _CityLine | None:
    """Recognise the "city, region, postcode" line of the common Western formats."""
    text = text.strip(" ,")
    if (m := patterns.US_CITY_LINE.search(text)) and m.group("region") in vocab.US_STATES:
        return _CityLine(m.group("city").strip(), m.group("region"), m.group("postcode"), "US")
    if m := patterns.AU_CITY_LINE.search(text):
        return _CityLine(m.group("city").strip(), m.group("region"), m.group("postcode"), "AU")
    if m := patterns.UK_POSTCODE.search(text):
        before = text[: m.start()].strip(" ,").rsplit(",", 1)[-1].strip()
        return _CityLine(before or None, None, m.group(1), "GB")
    if m := patterns.EU_POSTCODE_CITY.search(text):
        return _CityLine(m.group("city").strip(), None, m.group("postcode"), None)
    if m := patterns.IN_PIN.search(text):
        return _CityLine(m.group("city").strip(" -–") or None, None, m.group("postcode"), "IN")
    found = []
    for candidate in _comma_runs(text):  # a whole address on one line: its city part
        if patterns.FLOOR_SUITE.search(candidate):
            continue  # "Suite 1200" fits "city postcode" formats
        line = postcode_line(candidate, _OWN_PATTERNS)
        if line is None or _words(line.city or "") & vocab.STREET_WORDS:
            continue  # not "Av. Paulista, 1578"
        if line.city and country_code(line.city):
            continue  # a postcode and the country's name: "6789112 Israel" is no Chilean city
        (country,) = line.countries if len(line.countries) == 1 else (None,)
        # "1100-053 Lisboa" is surely one; "2058 Riadh" only beside a street
        found.append(_CityLine(line.city, line.region, line.postcode, country, country is not None))
    return max(found, key=lambda c: c.sure, default=None)  # the first sure one, else the first


def _comma_runs(text: str) -> list[str]:
    """Return the line, then each run of its comma-separated parts, longest first
    ("Rua Augusta 120, 1100-053 Lisboa, Portugal": "1100-053 Lisboa" among them)."""
    parts = [p.strip() for p in text.split(",") if p.strip()]
    runs = [
        ", ".join(parts[i : i + n])
        for n in range(len(parts) - 1, 0, -1)
        for i in range(len(parts) - n + 1)
    ]
    return [text, *runs]


def _fix_sharp_s(line: str) -> str:
    """Put back the "ß" of "-straße" that the English OCR model reads as B, f, k or &."""
    line = patterns.SHARP_S_BEFORE_STRASSE.sub("ß", line)
    return patterns.STRASSE_MISREAD.sub("ß", line)


def looks_like_address(line: str) -> bool:
    """Return True for a street or "city postcode" line."""
    return _strength(line) >= 2


def _drop_pin_icon(line: str) -> str:
    """Drop a map-pin icon read as "9" or "Q" before the street ("9 4636 Elm St")."""
    m = patterns.PIN_ICON.match(line)
    return line[m.end() :] if m else line


def _strength(text: str) -> int:
    """2: surely an address line; 1: an address line next to one; 0: not one."""
    text = _drop_pin_icon(text)
    city = city_line(text)
    if (city is not None and city.sure) or _is_street(text):
        return 2
    if city is not None:
        # a street and its city on one line ("Drottninggatan 25, 111 51 Stockholm")
        return 2 if any(_is_street(part) for part in text.split(",")) else 1
    if patterns.FLOOR_SUITE.search(text) or country_code(text):
        return 1
    words = text.casefold().split()
    if len(words) >= 2 and words[-1] in vocab.STREET_WORDS and not any(c.isdigit() for c in text):
        return 1  # a street whose number was lost, or a named building
    return 0


_WORD = re.compile(r"[\wÀ-ÿ.]+")


#: the ends of one-word street names: German, Nordic, Dutch ("Königsallee", "Drottninggatan")
_STREET_ENDINGS = (
    *("straße", "strasse", "str", "allee", "weg", "platz", "gasse", "ring", "damm"),
    *("gatan", "vägen", "gade", "straat", "gracht", "veien", "vej"),
)


def _words(text: str) -> set[str]:
    return {w.casefold().strip(".") for w in _WORD.findall(text)}


def _is_street(text: str) -> bool:
    """A number and a street word, or a German-style "Königsallee 108"."""
    words = _words(text)
    has_street_word = bool(words & vocab.STREET_WORDS) or any(
        w.endswith(_STREET_ENDINGS) for w in words
    )
    text = _drop_pin_icon(text)
    named = sum(1 for w in words if w.isalpha() and len(w) >= 2)
    if patterns.STREET_NUMBER_FIRST.match(text) and (has_street_word or named >= 2):
        return True
    return bool(patterns.STREET_NUMBER_LAST.match(text))


def _near(s: Segment, anchor: Segment) -> bool:
    gap = max(s.top - anchor.bottom, anchor.top - s.bottom)
    size = max(s.height, anchor.height)
    aligned = min(
        abs(s.left - anchor.left),
        abs(s.right - anchor.right),
        abs((s.left + s.right) - (anchor.left + anchor.right)) / 2,
    )
    return gap < 1.8 * size and aligned < 4 * size


def _one_cluster(lines: list[Segment]) -> list[Segment]:
    """Keep the largest run of address lines printed close together (one address per card)."""
    clusters: list[list[Segment]] = []
    for s in sorted(lines, key=lambda s: s.top):
        if clusters and any(_near(s, t) for t in clusters[-1]):
            clusters[-1].append(s)
        else:
            clusters.append([s])
    best = max(clusters, key=len)
    return sorted(best, key=lambda s: s.index)
