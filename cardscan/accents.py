"""A second reading with the Latin-script model, for the names the English model misspells.

Tesseract's English model has no accented letters: it reads "Élodie" as "Elodie", "Müller"
as "Muller", and "Raúl" as something no longer name-like. The Latin-script model knows the
letters of every Latin-script language and reads names better (on the shared dev set, names
spelled exactly: 100% vs 97% on flat cards, 95% vs 90% on photos), but it misreads more
e-mail addresses and phone numbers. So a card is read with both, and the contact takes each
field from the reading that is better at it: name, title and company from the Latin-script
reading, contact data from the English one, either falling back to the other when it found
nothing. A field taken from the English reading still gets the accents the Latin-script one
saw, where the words are otherwise the same.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace
from difflib import SequenceMatcher

from . import ocr, parse, tessdata
from .contact import Contact, warned_field
from .errors import OcrError
from .model import CardImage, OcrResult
from .parse import email as email_parse
from .parse import web
from .parse.folding import ascii_fold, letters
from .settings import ScanSettings, cache_dir

#: the Tesseract model that knows the accented letters of every Latin-script language, as
#: Debian installs it and as Homebrew's tesseract-lang does
ACCENTS_LANG = "Latin"
ACCENTS_LANG_NAMES = ("Latin", "script/Latin")
#: a word of the Latin-script reading below this confidence is not trusted to add an accent
MIN_CONFIDENCE = 0.60
#: ... and one below this, to keep one: without its word list the model now and then puts an
#: accent on a letter in grain ("Projeċt" at 0.33), while true accents read at 0.57 and above
DOUBTFUL = 0.40
_PUNCTUATION = ".,;:()\"'’"
#: a name whose letters match a title's this closely (difflib ratio) is that title misread
SAME_LINE = 0.85
#: fields to reach the person, better read by the English model
_CONTACT_DATA = ("emails", "phones", "websites", "address")


def with_second_reading(contact: Contact, card: CardImage, settings: ScanSettings) -> Contact:
    """Return the contact read in English combined with a Latin-script reading of the card.

    Without the Latin-script model, with `--fast`, or when the card was read in another
    language (whose model has its own accented letters), the contact is returned as it is.
    """
    if not settings.second_reading or settings.lang != "eng":
        return contact
    model = accents_model()
    if model is None:
        return contact
    try:
        # One run: a weak card was already given its second try by the English reading.
        reading = replace(settings, lang=model.lang, models=model.folder)
        text = ocr.read_card(card, reading, retry=False)
    except OcrError:
        return contact  # the first reading stands; a failed second one takes nothing from it
    latin = parse.parse_card(text, region=settings.region)
    return combine(contact, latin, accented_spellings(text), doubted_spellings(text))


def latin_model() -> str | None:
    """Return the name under which Tesseract has the Latin-script model, or None."""
    return next((name for name in ACCENTS_LANG_NAMES if ocr.has_language(name)), None)


def accents_model() -> tessdata.Model | None:
    """Return the model the second reading uses: the Latin-script one, lean where it can be."""
    name = latin_model()
    if name is None:
        return None
    folder = ocr.models_folder()
    if folder is None:
        return tessdata.Model(name)
    return tessdata.lean_model(name, folder, cache_dir() / "tessdata")


def combine(
    english: Contact, latin: Contact, spellings: list[str], doubted: Collection[str] = ()
) -> Contact:
    """Return one contact from the two readings of a card, each field from the better reader.

    Name, title and company come from the Latin-script reading, unless only the English one
    agrees with what the card's addresses spell (the email's local part for the name, the
    domains for the company), or the two differ only by accents the Latin-script reading
    doubted (words in doubted: "Projeċt" read in grain); contact data comes from the English
    reading.
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
    for field in ("name", "title", "company"):
        if sources[field] is latin and _only_doubted_accents(latin, english, field, doubted):
            sources[field] = english
    person = sources["name"]
    emails = tuple(_fuller(e, latin.emails, person.name or "") for e in emails)
    # Every address of both readings votes for its domain, and the website twice, as in the
    # parser (parse/card.py): a site outweighs one address that disagrees with it.
    hosts = [web.host(site) for site in sources["websites"].websites]
    emails, repairs = _voted_domains(emails, english.emails + latin.emails + tuple(hosts * 2))
    confidence = {f: src.confidence[f] for f, src in sources.items() if f in src.confidence}
    warnings = tuple(w for f, src in sources.items() for w in src.warnings if warned_field(w) == f)
    warnings += repairs
    return replace(
        english,
        name=_respelled(person.name, spellings),
        given_name=_respelled(person.given_name, spellings),
        family_name=_respelled(person.family_name, spellings),
        title=_respelled(sources["title"].title, spellings),
        company=_respelled(sources["company"].company, spellings),
        emails=emails,
        phones=sources["phones"].phones,
        websites=sources["websites"].websites,
        socials=english.socials or latin.socials,
        address=sources["address"].address,
        confidence=confidence,
        warnings=warnings,
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
        differing = set(latin.name.split()) ^ set(english.name.split())
        spelled = letters(latin.name) != letters(english.name)
        silent = _support(" ".join(differing), evidence) == 0
        surer = english.confidence.get("name", 0.0) > latin.confidence.get("name", 0.0)
        if spelled and silent and surer:
            return english
    return choice


def _lost_words(name: str, other: str, evidence: str) -> bool:
    """Return whether name is other with words lost that the addresses spell out: every word
    of name is in other (but for accents), and other's further words are all in evidence
    ("Søren D." beside "Seren D. Tanaka" and soren_tanaka@)."""
    words, others = name.split(), other.split()
    extra = [w for w in others if not any(_same_word(w, ours) for ours in words)]
    kept = all(any(_same_word(theirs, w) for theirs in others) for w in words)
    return kept and bool(extra) and _support(" ".join(extra), evidence) == len(extra)


def _same_word(plain: str, accented: str) -> bool:
    """Return whether two readings of a word agree, but for accents one of them lost."""
    return letters(plain) == letters(accented) or _same_but_accents(plain, accented)


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
    return any(word.strip(_PUNCTUATION) in doubted for word in ours.split())


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
    """Return how many of value's words (3+ letters) are spelled out in evidence."""
    spelled = letters(evidence)
    return sum(1 for w in value.split() if len(letters(w)) >= 3 and letters(w) in spelled)


def _respelled(value: str | None, spellings: list[str]) -> str | None:
    return respell(value, spellings) if value else value


def accented_spellings(reading: OcrResult) -> list[str]:
    """Return the words of a reading that have an accented letter and were read confidently."""
    return [
        core
        for line in reading.lines
        for word in line.words
        if word.confidence >= MIN_CONFIDENCE
        and not (core := word.text.strip(_PUNCTUATION)).isascii()
        and core.isalpha()
    ]


def doubted_spellings(reading: OcrResult) -> set[str]:
    """Return the words of a reading that have an accented letter but were read unsurely."""
    return {
        core
        for line in reading.lines
        for word in line.words
        if word.confidence < DOUBTFUL and not (core := word.text.strip(_PUNCTUATION)).isascii()
    }


def respell(value: str, spellings: list[str]) -> str:
    """Return value with each word that has an accented spelling among spellings replaced by it.

    A word is respelled when it has the same length as the accented one and the same letters
    wherever the accented one has a plain letter: "Conceigao" (the English model's best guess
    at a cedilla) becomes "Conceição", "Matgorzata" becomes "Małgorzata". The word keeps the
    case it had ("ELODIE" becomes "ÉLODIE").
    """
    out = []
    for token in value.split(" "):
        head = len(token) - len(token.lstrip(_PUNCTUATION))
        tail = len(token.rstrip(_PUNCTUATION))
        core = token[head:tail]
        accented = next((s for s in spellings if _same_but_accents(core, s)), None)
        if accented is not None:
            core = _in_case_of(core, accented)
        out.append(token[:head] + core + token[tail:])
    return " ".join(out)


def _in_case_of(word: str, accented: str) -> str:
    """Return accented in the case word was in: all capitals, capitalised, or as printed."""
    if word.isupper():
        return accented.upper()
    if word[:1].isupper() and word[1:].islower():
        return accented[:1].upper() + accented[1:].lower()
    return accented


def _same_but_accents(word: str, accented: str) -> bool:
    """Return whether word is accented with its accents lost or misread.

    Each accented letter may have been read as one plain letter ("Seren" for "Søren") or, once
    in the word, as its base letter followed by a stray one ("Gracga" for "Graça", but not
    "Group" for "Groß"); every plain letter must agree.
    """
    if len(word) < 2 or word.casefold() == accented.casefold():
        return False
    if sum(a.isascii() for a in accented) < len(accented) / 2:
        return False
    if len(word) == len(accented):
        return all(_agrees(a, w) for a, w in zip(accented, word, strict=True))
    if len(word) == len(accented) + 1:
        return any(
            word[i].casefold() == ascii_fold(a)[:1]
            and _same_but_accents(word[:i] + word[i + 1 :], accented)
            for i, a in enumerate(accented)
            if not a.isascii()
        )
    return False


def _agrees(accented: str, read: str) -> bool:
    return accented.casefold() == read.casefold() or not accented.isascii()
