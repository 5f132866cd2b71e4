"""Several readings of one card made into one contact, each field from the reading that
reads it better. Pure: the readings arrive as contacts and OCR results (cardscan/reading.py
makes them).

Tesseract's English model has no accented letters: it reads "Élodie" as "Elodie", "Müller"
as "Muller", and "Raúl" as something no longer name-like. The Latin-script model knows the
letters of every Latin-script language and reads names better, but it misreads more e-mail
addresses and phone numbers. So a card is read with both, and the contact takes each field
from the reading that is better at it: name, title and company from the Latin-script reading,
contact data from the English one, either falling back to the other when it found nothing.
A field taken from the English reading still gets the accents the Latin-script one saw,
where the words are otherwise the same (parse/accents.py). A reading by another engine
(with_other_engine) fills what the first engine's readings did not find, and votes on what
both read.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from difflib import SequenceMatcher
from typing import Any

from ..contact import Contact, warned_field
from ..model import OcrResult
from . import email as email_parse
from . import suffixes, web
from .accents import (
    PUNCTUATION,
    accented_spellings,
    doubted_spellings,
    respell,
    same_but_accents,
    without_grain_marks,
)
from .card import read_fields
from .company import spelled_hosts
from .folding import letters
from .lines import segments
from .name import email_agreement
from .vote import disputed_numbers, same_address, same_number, vote_emails, vote_phones

#: a name whose letters match a title's this closely (difflib ratio) is that title misread
SAME_LINE = 0.85
#: fields to reach the person, better read by the English model
_CONTACT_DATA = ("emails", "phones", "websites", "address")


def with_accents(english: Contact, latin_text: OcrResult, region: str) -> Contact:
    """Return the contact read in English combined with a Latin-script reading of the card."""
    latin_text = without_grain_marks(latin_text)
    latin = read_fields(segments(latin_text), region.upper())
    return combine(english, latin, accented_spellings(latin_text), doubted_spellings(latin_text))


#: the fields another engine's reading may fill when the first engine found nothing for them
_FILLABLE = ("name", "title", "company", "emails", "phones", "websites", "address")


def with_other_engine(first: Contact, other: Contact) -> Contact:
    """Return first with what another engine's reading of the card adds to it.

    A field first lacks is taken whole. Each email and phone first holds is voted on with the
    other reading's spelling of it (parse/vote.py: the name, the website, validity decide, and
    first wins a tie: a confident reading is never overwritten by a guess; where first read
    the field unsurely and the other surely, the other leads and wins ties), and the other
    reading's further ones are added unless they are a misreading of one first holds (and
    then first's addresses with a made-up ending, undeliverable, give way to them). The
    other reading's name wins only where the card's addresses spell it and not first's, its
    company only where the domains spell more of it; the title has no such evidence and stays.
    """
    both = (first, other)
    hosts = _spelled_out(both, first.websites + other.websites)
    taken = [f for f in _FILLABLE if not getattr(first, f) and getattr(other, f)]
    taken += _better_evidenced(first, other, hosts)
    values: dict[str, Any] = {f: getattr(other, f) for f in taken}
    if "name" in taken:
        values |= {"given_name": other.given_name, "family_name": other.family_name}
    if first.emails:
        lead, follow = (other, first) if _surer(other, first, "emails") else both
        name = first.name or other.name or ""
        voted = vote_emails((lead, follow), name, hosts)
        # "ly@" where the underscore of "karlheinz_ly@" was lost: one address, read whole
        voted = tuple(_fuller(e, follow.emails, name) for e in voted)
        more = tuple(e for e in follow.emails if e not in voted and _further(e, lead.emails))
        if more:  # an address no registry could deliver yields to one the other engine read
            voted = tuple(e for e in voted if suffixes.is_known(e.rpartition("@")[2]))
        values["emails"] = tuple(dict.fromkeys((*voted, *more)))
    if first.phones:
        lead, follow = (other, first) if _surer(other, first, "phones") else both
        kept = [p.number for p in lead.phones]
        extra = (p for p in follow.phones if not any(same_number(p.number, n) for n in kept))
        values["phones"] = tuple(dict.fromkeys((*vote_phones((lead, follow)), *extra)))
    # Both engines' addresses and the sites vote on each domain, as in combine: one engine's
    # "coastaicargo" yields to the other's "coastalcargo" where the website or the company
    # spells it so.
    read = first.emails + other.emails + tuple(hosts * 2)
    voted_emails, repairs = _voted_domains(values.get("emails", first.emails), read)
    values["emails"] = voted_emails
    numbers = values.get("phones", first.phones)
    disputes = tuple(w for w in disputed_numbers(both, numbers) if w not in first.warnings)
    values = {f: v for f, v in values.items() if v != getattr(first, f)}
    if not values and not disputes:
        return first
    confidence = dict(first.confidence) | {
        f: other.confidence[f] for f in taken if f in other.confidence
    }
    warnings = tuple(w for w in first.warnings if warned_field(w) not in taken)
    warnings += tuple(w for w in other.warnings if warned_field(w) in taken)
    warnings += disputes
    sureness = _item_confidence(first, other)
    return replace(
        first,
        **values,
        confidence=confidence,
        warnings=warnings + repairs,
        item_confidence=sureness,
    )


#: a field first read less surely than this (what makes auto ask the other engine) ...
UNSURE = 0.60
#: ... that the other engine read at least this surely is led by the other's reading
SURE = 0.90


def _surer(other: Contact, first: Contact, field: str) -> bool:
    """Return whether the other engine read field surely where first read it unsurely: then
    the other's spellings lead the vote and win its ties (first's reading was no confident
    one to keep)."""
    doubted = first.confidence.get(field, 1.0) < UNSURE
    return doubted and bool(getattr(other, field)) and other.confidence.get(field, 0.0) >= SURE


def _further(address: str, kept: tuple[str, ...]) -> bool:
    """Return whether another engine's address is one more of the card's: none of kept
    misread or cut short, and ending in a real public suffix (a made-up ending is a
    misreading itself)."""
    real = suffixes.is_known(address.rpartition("@")[2])
    return real and not any(same_address(address, k) or _fragment(address, k) for k in kept)


def _fragment(address: str, whole: str) -> bool:
    """Return whether address is what is left of whole where the OCR lost a separator and
    the word before or after it ("ly@" of "karlheinz_ly@"): same domain, the local part a
    shorter head or tail of whole's."""
    local, _, domain = address.casefold().rpartition("@")
    whole_local, _, whole_domain = whole.casefold().rpartition("@")
    shorter = 0 < len(local) < len(whole_local)
    ends = whole_local.endswith(local) or whole_local.startswith(local)
    return domain == whole_domain and shorter and ends


def _better_evidenced(first: Contact, other: Contact, hosts: list[str]) -> list[str]:
    """Return the fields both readings hold where the other's is better supported by the
    card's addresses: the name their local parts spell, the company their domains spell."""
    emails = first.emails + other.emails
    locals_ = [e.rpartition("@")[0] for e in emails]
    domains = " ".join(hosts + [e.rpartition("@")[2] for e in emails])
    named = [email_agreement(r.name or "", locals_) for r in (first, other)]
    supported = [_support(r.company or "", domains) for r in (first, other)]
    out = ["name"] if first.name and named[1] > named[0] else []
    return out + (["company"] if first.company and supported[1] > supported[0] else [])


def combine(
    english: Contact, latin: Contact, spellings: list[str], doubted: Collection[str] = ()
) -> Contact:
    """Return one contact from the two readings of a card, each field from the better reader.

    Name, title and company come from the Latin-script reading, unless only the English one
    agrees with what the card's addresses spell (the email's local part for the name, the
    domains for the company), the two differ only by accents the Latin-script reading
    doubted (words in doubted: "Projeċt" read in grain), or they differ beyond accents, the
    addresses spell neither, and the English reading read it more surely ("TEGHNICAL" read
    at 0.60); contact data comes from the English reading.
    """
    sources: dict[str, Contact] = {}
    for field in _CONTACT_DATA:
        sources[field] = english if getattr(english, field) else latin
    emails = sources["emails"].emails
    locals_ = " ".join(_locals(emails, latin.emails))
    domains = " ".join([e.split("@")[-1] for e in emails] + list(sources["websites"].websites))
    sources["name"] = _better_name(latin, english, locals_)
    sources["title"] = _better(latin, english, "title", "")
    sources["company"] = _better(latin, english, "company", domains)
    for field, evidence in (("title", ""), ("company", domains)):
        if sources[field] is latin and _surer_spelling(english, latin, field, evidence):
            sources[field] = english  # respelled with the Latin-script reading's accents
    for field in ("name", "title", "company"):
        if sources[field] is latin and _only_doubted_accents(latin, english, field, doubted):
            sources[field] = english
    person = sources["name"]
    hosts = _spelled_out((english, latin), sources["websites"].websites)
    emails = vote_emails((english, latin), person.name or "", hosts)
    emails = tuple(_fuller(e, latin.emails, person.name or "") for e in emails)
    phones = vote_phones((english, latin))
    # Every address of both readings votes for its domain, and the website (or the company
    # spelling it) twice, as in the parser (parse/card.py): it outweighs one address that
    # disagrees with it.
    emails, repairs = _voted_domains(emails, english.emails + latin.emails + tuple(hosts * 2))
    confidence = {f: src.confidence[f] for f, src in sources.items() if f in src.confidence}
    warnings = tuple(
        w
        for f, src in sources.items()
        for w in src.warnings
        if warned_field(w) == f and f not in ("emails", "phones")
    )
    both = (english, latin)
    read = [repr(e) for r in both for e in r.emails]
    warnings += _about(both, sources["emails"], "emails", [repr(e) for e in emails], read)
    read = [p.number for r in both for p in r.phones]
    warnings += _about(both, sources["phones"], "phones", [p.number for p in phones], read)
    warnings += repairs + disputed_numbers(both, phones)
    return replace(
        english,
        name=_respelled(person.name, spellings),
        given_name=_respelled(person.given_name, spellings),
        family_name=_respelled(person.family_name, spellings),
        title=_respelled(sources["title"].title, spellings),
        company=_respelled(sources["company"].company, spellings),
        emails=emails,
        phones=phones,
        websites=sources["websites"].websites,
        socials=english.socials or latin.socials,
        address=sources["address"].address,
        confidence=confidence,
        warnings=warnings,
        item_confidence=_item_confidence(english, latin),
    )


def _item_confidence(*readings: Contact) -> dict[str, float]:
    """Return how surely any of the readings read each number: the surest reading of it."""
    out: dict[str, float] = {}
    for reading in readings:
        for item, sure in reading.item_confidence.items():
            out[item] = max(sure, out.get(item, 0.0))
    return out


def _about(
    readings: tuple[Contact, ...], source: Contact, field: str, kept: list[str], read: list[str]
) -> tuple[str, ...]:
    """Return the warnings about field: the readings' about a value kept, and the source
    reading's about no one value read ("email: low confidence")."""
    return tuple(
        dict.fromkeys(
            w
            for r in readings
            for w in r.warnings
            if warned_field(w) == field
            and (any(v in w for v in kept) or (r is source and not any(v in w for v in read)))
        )
    )


def _better(latin: Contact, english: Contact, field: str, evidence: str) -> Contact:
    """Return the reading to take field from: the Latin-script one, unless evidence says not."""
    ours, theirs = getattr(latin, field), getattr(english, field)
    if not ours:
        return english
    if not theirs or not evidence:
        return latin
    if _support(theirs, evidence) > _support(ours, evidence):
        return english
    return latin


def _better_name(latin: Contact, english: Contact, evidence: str) -> Contact:
    """Return the reading to take the name from: as _better, with two more checks.

    A name that either reading holds as the title is the title line glued or misjudged
    ("Headof Partnerships"): the other reading's name is taken. And where the two spell the
    name differently beyond accents, and the addresses spell none of the words they differ in,
    the more confident reading wins: the Latin-script model reads without a word list (see
    tessdata.py) and now and then doubles a letter ("Iivanova"), at a lower confidence.
    """
    titles = [t for t in (latin.title, english.title) if t]
    latin_titled = _is_one_of(latin.name, titles)
    english_titled = _is_one_of(english.name, titles)
    if latin_titled and not english_titled:
        return english  # even with no name: a title is not one
    if english_titled and not latin_titled and latin.name:
        return latin
    choice = _better(latin, english, "name", evidence)
    if choice is latin and english.name and latin.name:
        if _lost_words(latin.name, english.name, evidence):
            return english  # respelled with the Latin-script reading's accents afterwards
        if _surer_spelling(english, latin, "name", evidence):
            return english
    return choice


def _surer_spelling(english: Contact, latin: Contact, field: str, evidence: str) -> bool:
    """Return whether the English reading's field wins: the two spell it differently beyond
    accents ("TECHNICAL" / "TEGHNICAL"), the addresses spell none of the words they differ
    in, and the English reading read it more surely."""
    ours, theirs = getattr(english, field), getattr(latin, field)
    if not ours or not theirs or letters(ours) == letters(theirs):
        return False
    differing = set(ours.split()) ^ set(theirs.split())
    silent = _support(" ".join(differing), evidence) == 0
    return silent and english.confidence.get(field, 0.0) > latin.confidence.get(field, 0.0)


def _lost_words(name: str, other: str, evidence: str) -> bool:
    """Return whether name is other with words lost that the addresses spell out: every word
    of name is in other (but for accents), and other's further words are all in evidence
    ("Søren D." beside "Seren D. Tanaka" and soren_tanaka@)."""
    words, others = name.split(), other.split()
    extra = [w for w in others if not any(_same_word(w, ours) for ours in words)]
    kept = all(any(_same_word(theirs, w) for theirs in others) for w in words)
    return kept and bool(extra) and all(_support(w, evidence) for w in extra)


def _same_word(plain: str, accented: str) -> bool:
    """Return whether two readings of a word agree, but for accents one of them lost."""
    return letters(plain) == letters(accented) or same_but_accents(plain, accented)


def _is_one_of(name: str | None, titles: list[str]) -> bool:
    """Return whether name is one of the titles, give or take a misread letter or a lost space
    ("Headof Partnerships", "Projeċt Managor" for "Project Manager")."""
    if not name:
        return False
    spelled = letters(name)
    return any(SequenceMatcher(None, spelled, letters(t)).ratio() >= SAME_LINE for t in titles)


def _only_doubted_accents(
    latin: Contact, english: Contact, field: str, doubted: Collection[str]
) -> bool:
    """Return whether the readings' field differs only by accents on words the Latin-script
    reading doubted."""
    ours, theirs = getattr(latin, field), getattr(english, field)
    if not ours or not theirs or ours == theirs or letters(ours) != letters(theirs):
        return False
    return any(word.strip(PUNCTUATION) in doubted for word in ours.split())


def _spelled_out(readings: tuple[Contact, ...], websites: tuple[str, ...]) -> list[str]:
    """Return the hosts the card spells out apart from its addresses: the websites' and each
    address domain that a reading's company name spells ("Royal Cargo" for royalcargo.com)."""
    domains = [e.rpartition("@")[2].casefold() for r in readings for e in r.emails]
    companies = [r.company for r in readings if r.company]
    spelled = spelled_hosts(list(dict.fromkeys(domains)), companies)
    return [web.host(site) for site in websites] + spelled


def _voted_domains(
    emails: tuple[str, ...], read: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the addresses with each domain spelled as most of read (addresses of both
    readings, and hosts) spell it ("saffronieaf" once, "saffronleaf" three times), and a
    warning for each change."""
    domains = [e.rpartition("@")[2] for e in read]
    out, warnings = [], []
    for address in emails:
        local, _, domain = address.rpartition("@")
        best = email_parse.better_attested(domain, domains)
        if best is not None:
            warnings.append(f"email: domain {domain!r} read as {best!r} by most readings")
            address = f"{local}@{best}"
        out.append(address)
    return tuple(dict.fromkeys(out)), tuple(warnings)


def _fuller(email: str, others: tuple[str, ...], name: str) -> str:
    """Return the other reading's spelling of an address when it holds more of the person's
    name ("noemie_crepeau@" where the English reading lost the underscore: "crepeau@")."""
    local, _, domain = email.rpartition("@")
    for other in others:
        their_local, _, their_domain = other.rpartition("@")
        same = letters(local) in letters(their_local) or _confusable(local, their_local)
        if (
            their_domain.casefold() == domain.casefold()
            and same
            and _support(name, their_local) > _support(name, local)
        ):
            return other
    return email


def _locals(emails: tuple[str, ...], others: tuple[str, ...]) -> list[str]:
    """Return the local parts of emails, and of the other reading's spellings of the same
    addresses where the two differ by confusable letters (maigorzata@ / malgorzata@): either
    may be the one that spells the name right."""
    ours = [e.rpartition("@")[0] for e in emails]
    theirs = [o.rpartition("@")[0] for o in others]
    return list(dict.fromkeys(ours + [t for t in theirs if any(_confusable(t, o) for o in ours)]))


def _confusable(local: str, other: str) -> bool:
    """Return whether two local parts differ only by letters Tesseract confuses (i/l/1)."""
    return email_parse.confusable_key(local) == email_parse.confusable_key(other)


def _support(value: str, evidence: str) -> int:
    """Return how many letters of value's words (3+ letters) evidence spells out: letters,
    not words, as the OCR splits a word now and then ("CREP EAU" is no better spelled by
    crepeau@ than "CRÉPEAU")."""
    spelled = letters(evidence)
    return sum(
        len(letters(w)) for w in value.split() if len(letters(w)) >= 3 and letters(w) in spelled
    )


def _respelled(value: str | None, spellings: list[str]) -> str | None:
    return respell(value, spellings) if value else value
