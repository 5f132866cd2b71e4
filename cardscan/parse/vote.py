"""A per-field vote between readings of one card: each address and number is taken in the
spelling whose evidence is best, from whichever reading holds it.

Readings of one card (Tesseract's English and Latin-script models, another engine) often read
the same address or number differently: "rwi1liams@" in one, "rwilliams@" in the other. The
spellings of one item are weighed by what the rest of the card says: an address whose local
part spells the person's name (letter for letter best), whose domain is the website's (and,
weighing less, another of the card's addresses'), that more readings read alike, and that
needed no repair; a number that is valid. The first reading wins a tie: it is the one the
engine reads contact data best with. A number only another reading holds is added where
that reading read it surely. Any number of readings can vote.
"""

from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher
from functools import lru_cache

import phonenumbers

from ..contact import Contact, Phone
from .email import confusable_key, spells_name
from .folding import letters
from .name import email_agreement, split

#: two addresses this alike (difflib ratio) are two readings of one printed address
SAME_ADDRESS = 0.8
#: a number another reading alone read this surely is added to the first reading's
SURE_NUMBERS = 0.8
#: what each piece of evidence weighs
_NAME, _EXACT, _SITE, _VOTE, _REPAIRED, _FIRST = 3.0, 1.0, 1.0, 1.0, 0.5, 0.25
#: ... a domain the card's other addresses share: more than the tie-break, less than a website
_SHARED = 0.5
#: ... how surely a number was read (0-1): a reading surer by more than 0.125 outweighs the
#: first reading's tie-break ("555-0163" at 0.82 over "585-0163" at 0.67)
_SURE_DIGITS = 2.0


def vote_emails(readings: Sequence[Contact], name: str, hosts: Sequence[str]) -> tuple[str, ...]:
    """Return the card's addresses: one per address the first reading that found any holds,
    each in the best-supported spelling any reading holds (see the module docstring)."""
    primary = next((r for r in readings if r.emails), None)
    if primary is None:
        return ()
    own = {e.casefold() for e in primary.emails}
    others = [(r, e) for r in readings if r is not primary for e in r.emails]
    chosen = []
    for address in primary.emails:
        # another reading's spelling of this address, not of another one the first reading has
        rivals = [(primary, address)] + [
            (r, e) for r, e in others if e.casefold() not in own and same_address(e, address)
        ]
        best = max(rivals, key=lambda re: _email_evidence(re, readings, primary, name, hosts))
        chosen.append(best[1])
    return tuple(dict.fromkeys(chosen))


def vote_phones(readings: Sequence[Contact]) -> tuple[Phone, ...]:
    """Return the card's numbers: one per number the first reading that found any holds, each
    in the spelling the best evidence supports (valid, read so by more readings, read more
    surely); its kind and extension as the first reading has them (labels are read best by
    it). Then the numbers another reading alone holds, where that reading is sure of them
    (_further_numbers)."""
    primary = next((r for r in readings if r.phones), None)
    if primary is None:
        return ()
    own = {p.number for p in primary.phones}
    numbers = [(p, _sureness(r, p)) for r in readings for p in r.phones]
    chosen = []
    for phone in primary.phones:
        rivals = [(phone, _sureness(primary, phone))] + [
            (p, sure)
            for p, sure in numbers
            if p.number not in own and same_number(p.number, phone.number)
        ]
        best, _ = max(rivals, key=lambda ps: _phone_evidence(ps, phone, numbers))
        chosen.append(Phone(best.number, phone.kind, phone.extension or best.extension))
    for reading in readings:
        if reading is not primary:
            chosen.extend(_further_numbers(reading, primary, [p.number for p in chosen]))
    return tuple(dict.fromkeys(chosen))


def disputed_numbers(readings: Sequence[Contact], kept: Sequence[Phone]) -> tuple[str, ...]:
    """Return a warning for each number kept that another reading read as another valid
    number a digit apart ("555-0163" and "585-0163"): which one is printed, the evidence does
    not settle (the vote took the likelier), so a person should look."""
    held = {p.number for p in kept}
    read = dict.fromkeys(p.number for r in readings for p in r.phones if p.number not in held)
    warnings = []
    for phone in kept:
        others = [n for n in read if _valid(n) and same_number(n, phone.number)]
        if others and _valid(phone.number):
            also = ", ".join(others)
            warnings.append(f"phone: {phone.number} was also read as {also}; check it")
    return tuple(warnings)


def _sureness(reading: Contact, phone: Phone) -> float:
    """Return how surely reading read the number: its own confidence, else its field's."""
    fallback = reading.confidence.get("phones", 0.0)
    return reading.item_confidence.get(phone.number, fallback)


def _further_numbers(reading: Contact, primary: Contact, kept: list[str]) -> list[Phone]:
    """Return the valid numbers reading holds that none kept is a reading of: a number the
    first reading garbled ("O2+1:650'555.0179") and this one read whole.

    Only a number read surely, from a reading that reads every number the first reading
    does: where it misses one of them, its extra number is likelier that one misread in two
    digits. A number a digit from a kept one is that one misread, unless this reading holds
    the kept one too ("1-202-555-0123" beside "+1.202.555.0124"). A number that is a piece
    of a kept one ("2454632" of "0176 2454632") is none.
    """
    theirs = {p.number for p in reading.phones}
    if not all(any(same_number(n.number, t) for t in theirs) for n in primary.phones):
        return []
    further: list[Phone] = []
    for phone in reading.phones:
        known = kept + [p.number for p in further]
        if phone.number in known or _sureness(reading, phone) < SURE_NUMBERS:
            continue
        if _valid(phone.number) and not any(
            (same_number(phone.number, n) and n not in theirs) or _national_in(phone.number, n)
            for n in known
        ):
            further.append(phone)
    return further


def _national_in(part: str, whole: str) -> bool:
    national = _national(part)
    return national is not None and national in whole


def _email_evidence(
    spelling: tuple[Contact, str],
    readings: Sequence[Contact],
    primary: Contact,
    name: str,
    hosts: Sequence[str],
) -> float:
    reading, address = spelling
    local, _, domain = address.rpartition("@")
    votes = sum(1 for r in readings if address.casefold() in (e.casefold() for e in r.emails))
    # the card's other addresses (another local part) spell its domain: "sales@chandra.co.uk"
    # over "sales@chandra.co" beside m.ruiz@chandra.co.uk
    shared = any(
        e.casefold().rpartition("@")[2] == domain.casefold() and not same_address(e, address)
        for r in readings
        for e in r.emails
    )
    repaired = any(w.startswith("email:") and repr(address) in w for w in reading.warnings)
    return (
        _NAME * (email_agreement(name, [local]) if name else 0.0)
        + _EXACT * _spells(local, name)
        + _SITE * (domain.casefold() in hosts)
        + _SHARED * shared
        + _VOTE * votes
        - _REPAIRED * repaired
        + _FIRST * (reading is primary)
    )


def _spells(local: str, name: str) -> bool:
    """Return whether the local part is a usual pattern of the name, letter for letter: of
    "giulia.kuznetsova@" and "giulia.kkuznetsova@", both of which hold the name, only the
    first spells it."""
    parts = split(name) if name else None
    if parts is None or not parts.given or not parts.family:
        return False
    return spells_name(local, parts.given, parts.family)


def _phone_evidence(
    spelling: tuple[Phone, float], first: Phone, numbers: Sequence[tuple[Phone, float]]
) -> float:
    phone, sure = spelling
    votes = sum(1 for p, _ in numbers if p.number == phone.number)
    first_reading = _FIRST * (phone.number == first.number)
    return 2.0 * _valid(phone.number) + _VOTE * votes + first_reading + _SURE_DIGITS * sure


def same_address(a: str, b: str) -> bool:
    """Return whether two addresses are readings of one printed address: alike in the local
    part and the domain each (jane@acrne.example is jane@acme.example misread; sales@acme.example
    is another address)."""
    if a.casefold() == b.casefold() or confusable_key(a) == confusable_key(b):
        return True
    local_a, _, domain_a = a.casefold().rpartition("@")
    local_b, _, domain_b = b.casefold().rpartition("@")
    if domain_a == domain_b or confusable_key(domain_a) == confusable_key(domain_b):
        return _alike(letters(local_a), letters(local_b))
    return _alike(local_a, local_b) and _alike(domain_a, domain_b)


def _alike(a: str, b: str) -> bool:
    return SequenceMatcher(None, a, b).ratio() >= SAME_ADDRESS


def same_number(a: str, b: str) -> bool:
    """Return whether two E.164 numbers are readings of one printed number: as long and
    differing in one digit; the same national number under a misread country code ("+33 5 99
    00 60 90" read "+352 5 99 00 60 90"); or alike in most digits where one of them is no
    valid number (a digit lost or read twice)."""
    if len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) <= 1:
        return True
    national = _national(a)
    if national is not None and len(national) >= MIN_NATIONAL and national == _national(b):
        return True
    alike = SequenceMatcher(None, a, b).ratio() >= SAME_DIGITS
    return alike and not (_valid(a) and _valid(b))


#: a national number this long, read under two country codes, is one number
MIN_NATIONAL = 7
#: a number no valid one, this alike (difflib ratio) to another reading's, is that one misread
#: (two unrelated numbers of one country seldom are)
SAME_DIGITS = 0.75


@lru_cache(maxsize=1024)
def _national(number: str) -> str | None:
    try:
        return str(phonenumbers.parse(number).national_number)
    except phonenumbers.NumberParseException:
        return None


@lru_cache(maxsize=1024)
def _valid(number: str) -> bool:
    try:
        return phonenumbers.is_valid_number(phonenumbers.parse(number))
    except phonenumbers.NumberParseException:
        return False
