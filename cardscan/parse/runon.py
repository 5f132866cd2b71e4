"""Text that arrives on one line: an email signature or a card pasted with its fields run
together ("Dana Whitfield Data Analyst Northwind Labs 45 Elm Street Suite 3 Denver, CO 80202
Tel: +1 (303) 555-0142 dana@northwind.example") is cut into the lines a card would print.

The cuts come from what is easy to recognise: addresses and websites, phone numbers with the
label before them, a street that starts with its number and ends at the city's postcode. What
is left before them (name, title, company) is cut where the parts read best as one of each:
a person's name, a title, a company.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from phonenumbers import Leniency, PhoneNumberMatcher, is_valid_number

from . import patterns, vocab
from .address import city_line
from .company import domain_agreement, domain_labels, has_legal_suffix
from .people import PERSON, person_evidence
from .title import title_score

#: an address or a website, with a label glued or set before it ("E-mail: jane@acme.com")
_WEB = re.compile(
    r"(?:\b(?:e-?mail|email|mail|e|web|w|website|url)\s*[:.]?\s*)?"
    r"(?:\S+@\S+\.\w+|(?:https?://|www\.)\S+)",
    re.IGNORECASE,
)
#: the city line a street runs up to: "Denver, CO 80202", "London EC1A 1BB", "80331 München"
_CITY_END = re.compile(
    r"[A-Z][\w .'-]*,?\s+[A-Z]{2}\s+\d{5}(?:-\d{4})?\b"
    r"|[A-Z][\w .'-]*\s+[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}\b"
    r"|\b\d{4,5}\s+[A-ZÀ-Þ][\w-]+"
)
#: a street number followed by the street's words: where an address starts
_STREET_START = re.compile(r"\b\d{1,5}[A-Za-z]?\s+(?=[A-ZÀ-Þ])")
#: the words a signature starts with before the name ("Best regards, Tom Becker")
_SIGN_OFF = re.compile(
    r"^\s*(?:(?:best|kind|warm|many)\s+(?:regards|wishes)|regards|thanks|thank you|cheers|"
    r"sincerely|best|mit freundlichen grüßen|viele grüße|cordialement|saludos)\s*[,:-]?\s+",
    re.IGNORECASE,
)
#: a run-on line holds at least this many words before it is cut
MIN_WORDS = 6


def split_run_on(line: str, region: str, labels: Sequence[str] = ()) -> list[str]:
    """Return the line cut into the lines a card prints, or [line] when it is one already.

    labels are the domain names of the text's addresses and websites (company.domain_labels):
    they tell a company ("Senior Product Manager, Northwind Analytics" on northwind.com).
    """
    items = [i for i in patterns.ITEM_SEPARATOR.split(line) if i.strip()]
    if len(items) > 1:  # "Name | Title | Company": the separators cut it first
        return [part for item in items for part in split_run_on(item, region, labels)]
    line = _SIGN_OFF.sub("", line)
    if len(line.split()) < MIN_WORDS:
        return _at_joint(line, list(labels))
    spans = sorted(_anchors(line, region))
    rest = line
    for begin, end in reversed(spans):
        rest = rest[:begin] + " " + rest[end:]
    words = [w for w in rest.split() if any(c.isalpha() for c in w)]
    if not spans:
        return _at_joint(line, list(labels))
    if len(spans) == 1 and len(words) < 3:
        return [line]  # one field with its label ("Standard : 01 99 00 22 33")
    pieces, start = [], 0
    for begin, end in spans:
        if begin < start:
            continue  # a number inside an address already taken
        pieces.append(line[start:begin])
        pieces.append(line[begin:end])
        start = end
    pieces.append(line[start:])
    labels = [*labels, *domain_labels([t for t in line.split() if "@" in t], [])]
    out: list[str] = []
    for piece in (p.strip(" ,;|·•") for p in pieces):
        if not piece:
            continue
        if _is_free(piece, spans, line):
            # "Sales Director," keeps no comma: a title ending in one runs on into the next line
            out.extend(part.strip(" ,;") for part in _people_parts(piece, labels))
        else:
            out.extend(_street_and_city(piece))
    return out


#: where a signature joins two fields on one line: "Priya Raman, Senior Product Manager",
#: "Senior Product Manager at Northwind Analytics", "Head of Sales @ Acme"
_JOINT = re.compile(r",\s+|\s+(?:at|@|-|–|—)\s+")


def _at_joint(line: str, labels: list[str]) -> list[str]:
    """Return the line cut at commas, dashes or an "at" where it joins a name and the title
    after it, a title and the company after it, or all three ("Jamal Idris - Head of Data -
    Lagos Fintech Ltd"), and the parts read so better than the whole line reads as one
    field. A title and its place ("Sales Manager, Tokyo Office") stay together: what follows
    a title must be a company (a legal form, the domain's name)."""
    best, best_score = [line], _score([line], labels)
    joints = list(_JOINT.finditer(line))
    for cuts in itertools.chain(
        itertools.combinations(joints, 1), itertools.combinations(joints, 2)
    ):
        bounds = [0, *(b for m in cuts for b in m.span()), len(line)]
        parts = [line[a:b].strip() for a, b in zip(bounds[::2], bounds[1::2], strict=True)]
        score = max((_in_roles(parts, roles, labels) for roles in _ROLES[len(parts)]), default=0)
        if score > best_score:
            best, best_score = parts, score
    return best


#: the orders a signature line joins fields in, by how many parts it has
_ROLES = {2: (("name", "title"), ("title", "company")), 3: (("name", "title", "company"),)}


def _in_roles(parts: list[str], roles: tuple[str, ...], labels: list[str]) -> float:
    """Return how well each part reads as its role, 0 when one of them does not at all."""
    scores = [
        _as_name(p) if r == "name" else _as_title(p) if r == "title" else _as_company(p, labels)
        for p, r in zip(parts, roles, strict=True)
    ]
    return sum(scores) if all(scores) else 0.0


def _street_and_city(piece: str) -> list[str]:
    """Return an address run together cut before its city line ("45 Elm Street Suite 3" /
    "Denver, CO 80202"): the longest city line that starts with its city, a city with no
    number or street word in it."""
    words = piece.split()
    for n in range(1, len(words)):
        tail = " ".join(words[n:])
        found = city_line(tail)
        city = (found.city or "") if found else ""
        if not city or not tail.startswith(city) or _has_street_word(city):
            continue
        if not any(c.isdigit() for c in city):
            return [" ".join(words[:n]).rstrip(","), tail]
    return [piece]


def _has_street_word(text: str) -> bool:
    return any(w.strip(".,").casefold() in vocab.STREET_WORDS for w in text.split())


def _anchors(line: str, region: str) -> list[tuple[int, int]]:
    """Return the spans of the line's addresses, websites, phone numbers and postal address."""
    spans = [m.span() for m in _WEB.finditer(line)]
    for match in PhoneNumberMatcher(line, region, leniency=Leniency.POSSIBLE):
        start = _label_start(line, match.start)
        # a number that is none by itself and has no label is a street's or a postcode
        if start < match.start or is_valid_number(match.number) or "+" in match.raw_string:
            spans.append((start, match.end))
    street = _STREET_START.search(line)
    city = _CITY_END.search(line, street.end()) if street else None
    if street and city and not any(b <= street.start() < e for b, e in spans):
        spans.append((street.start(), city.end()))
    return _outermost(spans)


def _label_start(line: str, start: int) -> int:
    """Return where the phone label before start begins ("Tel: ", "Fax : "), or start."""
    before = line[:start].rstrip(" :.-")
    word = before.split()[-1] if before.split() else ""
    if word.strip(".:()").casefold() in vocab.PHONE_LABELS:
        return len(before) - len(word)
    return start


def _outermost(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Return the spans not inside another one (a postcode read as a number inside the address)."""
    return [s for s in spans if not any(o != s and o[0] <= s[0] and s[1] <= o[1] for o in spans)]


def _is_free(piece: str, spans: list[tuple[int, int]], line: str) -> bool:
    return all(piece != line[b:e].strip(" ,;|·•") for b, e in spans)


def _people_parts(text: str, labels: list[str]) -> list[str]:
    """Return the words cut into up to three parts that read best as a name, a title and a
    company, each part at most one of them, in the order printed."""
    words = text.split()
    if len(words) < 3:
        return [text]
    best, best_score = [text], _score([text], labels)
    for cuts in itertools.chain(
        itertools.combinations(range(1, len(words)), 1),
        itertools.combinations(range(1, len(words)), 2),
    ):
        bounds = [0, *cuts, len(words)]
        parts = [" ".join(words[a:b]) for a, b in itertools.pairwise(bounds)]
        score = _score(parts, labels)
        if score > best_score:
            best, best_score = parts, score
    return best


def _score(parts: list[str], labels: list[str]) -> float:
    """Return how well the parts read as distinct fields: the best assignment of the roles."""
    roles = [(_as_name(p), _as_title(p), _as_company(p, labels)) for p in parts]
    best = 0.0
    for order in itertools.permutations(range(3), len(parts)):
        best = max(best, sum(r[role] for r, role in zip(roles, order, strict=True)))
    return best


def _as_name(part: str) -> float:
    words = part.split()
    if not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return 0.0
    return 2.0 if person_evidence(part) == PERSON and not title_score(part) else 0.0


def _as_title(part: str) -> float:
    """A title takes the words around its title word ("Product Lead", not "Lead")."""
    return 1.5 + 0.1 * len(part.split()) if title_score(part) else 0.0


def _as_company(part: str, labels: list[str]) -> float:
    """A legal form with a name before it, and the more so a name the card's domain spells."""
    legal = has_legal_suffix(part) and len(part.split()) > 1
    agreement = domain_agreement(part, labels) if patterns.EMAIL.search(part) is None else 0.0
    return 2.0 * legal + 2.0 * agreement * (agreement >= 0.7)
