"""The person's name: pick the line, fix its case, split it with nameparser."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from nameparser import HumanName

from . import folding, vocab
from .company import domain_agreement, has_legal_suffix
from .lines import Segment
from .people import person_evidence
from .title import is_department, title_score

_NAME_TOKEN = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*\.?)$")
_SPLIT_HYPHEN = re.compile(r"(?<=\w)- (?=[A-ZÀ-Þ])")
#: Pronouns after a name in a signature: "Rachel Kim (she/her)".
_PRONOUNS = re.compile(r"\(\s*(?:she|he|they|ze|xe)\s*/\s*[a-z]+(?:\s*/\s*[a-z]+)?\s*\)", re.I)
#: A comma standing alone between words: OCR debris ("Harpe , Miller").
_LONE_COMMA = re.compile(r"\s+,\s+")
#: Marks the OCR glues to the ends of words: a logo's ®, an icon read as ™ or “.
_GLUED_GLYPHS = '®™©“”„"«»*°•·|¦'
#: A word broken by the OCR: "A gnes", "V an" (a lower-case fragment after a capital).
_GLUE_FRAGMENT = re.compile(r"\b([A-ZÀ-Þ][a-zà-ÿ]{0,3}) ([a-zà-ÿ]{2,})\b")
#: A lower-case "l" read for a capital "I" at the start of a name word ("lyer" -> "Iyer").
_L_FOR_I = re.compile(r"(?<![\w'’-])l(?=[a-zà-ÿ]{2,}\b)")


#: how much probablepeople's person (+1) or organisation (-1) tagging of a line weighs, each
#: in proportion to how well it tells name lines from the card's other lines on the generator's
#: cards (log likelihood ratios, README "Names"): the person tag also fires on many titles, so
#: it says less than the organisation tag does
PERSON_WEIGHT, ORGANISATION_WEIGHT = 0.5, 0.8
#: a line read less surely than this is no name unless an email spells it
GARBLED = 0.3
#: a line that matches a domain name this well (company.domain_agreement) is the company's
DOMAIN_NAMED = 0.8
#: an email's local part that is the initials of a line's words agrees with it this much
INITIALS = 0.75


@dataclass(frozen=True)
class NameParts:
    name: str
    given: str | None
    family: str | None


def clean(line: str) -> str:
    """Return the name part of a printed line: letter-spacing closed, post-nominals dropped.

    An "l" read at the start of a word is taken for an "I" ("lyer" -> "Iyer"): a name word
    starts with a capital, unless it is a particle ("de los", which stays as read).
    """
    line = _PRONOUNS.sub(" ", line)
    line = " ".join(t.strip(_GLUED_GLYPHS) for t in line.split() if t.strip(_GLUED_GLYPHS))
    line = _SPLIT_HYPHEN.sub("-", line)
    line = _LONE_COMMA.sub(" ", close_letter_spacing(line))
    if not folding.is_all_caps(line):
        # the "l" first: "Mei lyer" is Mei Iyer, not a word broken in two ("Meilyer")
        line = " ".join(_initial_i(word) for word in line.split(" "))
        line = _GLUE_FRAGMENT.sub(_glue, line)
    head, _, tail = line.partition(",")
    kept = [head.strip()]
    for part in tail.split(","):
        word = part.strip()
        if word.casefold().strip(".") in {g.strip(".") for g in vocab.GENERATIONAL}:
            kept.append(word)
    tokens = kept[0].split()
    while len(tokens) > 2 and is_credential(tokens[-1]):
        tokens.pop()
    return ", ".join([" ".join(tokens), *kept[1:]])


def _glue(m: re.Match[str]) -> str:
    """Join "A gnes" -> "Agnes", but leave "Jo van" (a particle) alone."""
    if m.group(2).casefold() in vocab.PARTICLES:
        return m.group(0)
    return m.group(1) + m.group(2)


def _initial_i(word: str) -> str:
    """Return the word with an "l" read for a capital "I" at its start put right, unless it is
    a particle."""
    if word.strip(",").casefold() in vocab.PARTICLES:
        return word
    return _L_FOR_I.sub("I", folding.fix_initial_l(word))


def close_letter_spacing(line: str) -> str:
    """Return "JANE DOE" for "J A N E  D O E" (double spaces mark the words)."""
    tokens = line.split()
    if len(tokens) < 4 or sum(len(t) == 1 for t in tokens) < 0.7 * len(tokens):
        return line
    words = re.split(r"\s{2,}", line.strip())
    if len(words) > 1:
        return " ".join(w.replace(" ", "") for w in words)
    return "".join(tokens)


def name_score(
    seg: Segment,
    locals_: list[str],
    max_height: float,
    order: float = 0.0,
    labels: Sequence[str] = (),
) -> float:
    """Return how much a line reads as a person's name (0: it cannot be one).

    order is the line's rank among the candidate lines, 0 (first) to 1 (last): names come
    early. labels are the card's domain names (company.domain_labels): a line that spells one
    is the company ("Rosa's Bakery" on rosasbakery.com), unless an email's local part spells
    it too. probablepeople's person-or-organisation tagging weighs as much as the size of the
    print: a large "BLUE HARBOR Travel" or "Hand Made Pizza" above a smaller personal name
    does not win.
    """
    line = repair_with_email(clean(seg.text), locals_)
    tokens = line.replace(",", " ").split()
    if not 2 <= len(tokens) <= 5 or not _tokens_ok(tokens, line):
        return 0.0
    agreement = email_agreement(line, locals_)
    if agreement < 0.8 and seg.confidence < GARBLED:
        return 0.0  # "TAT LEANEAA" read at 0.00 from a logo: letters, no name
    # the email vouching for it beats word lists: "John Baker", "Anna Kaufmann" are names
    if agreement < 0.8:
        if has_legal_suffix(seg.text) or title_score(line) or is_department(line):
            return 0.0
        folded = [folding.ascii_fold(t).strip(".") for t in tokens]
        named_by_domain = domain_agreement(line, list(labels)) >= DOMAIN_NAMED
        if any(
            w in vocab.COMPANY_WORDS or w in vocab.TITLE_WORDS or w in vocab.STREET_MARKERS
            for w in folded
        ):
            # a business word and the domain's name: the company, though no name was read
            # ("District Digital Agency" on districtdigital.agency)
            return 0.0 if named_by_domain else 0.2
        if named_by_domain:
            return 0.2
    evidence = person_evidence(line)
    score = (
        1.0 + 3.0 * agreement + (PERSON_WEIGHT if evidence > 0 else ORGANISATION_WEIGHT) * evidence
    )
    score += 1.0 * seg.height / max(max_height, 1.0)
    return score - 0.3 * order


def _tokens_ok(tokens: list[str], line: str) -> bool:
    caps = folding.is_all_caps(line)
    for tok in tokens:
        bare = tok.strip(",")
        if is_credential(bare):
            continue
        if not _NAME_TOKEN.match(bare):
            return False
        if bare.casefold() in vocab.PARTICLES or bare.casefold().strip(".") in vocab.GENERATIONAL:
            continue
        if not caps and not bare[:1].isupper():
            return False
    return True


def is_credential(word: str) -> bool:
    """Return whether a word is a post-nominal, however dotted ("PhD", "Ph.D.", "LL.M.")."""
    return word.strip(",").replace(".", "").casefold() in vocab.CREDENTIALS_UNDOTTED


def email_agreement(line: str, locals_: list[str]) -> float:
    """Return 1 when an email's local part spells this name (msmith, mike.smith), else less."""
    parts = [folding.letters(t) for t in clean(line).replace(",", " ").split()]
    parts = [p for p in parts if p and p not in vocab.PARTICLES]
    if len(parts) < 2:
        return 0.0
    given, family = parts[0], parts[-1]
    initials = {
        "".join(w[0] for w in words)
        for words in (parts, [folding.letters(t) for t in clean(line).replace(",", " ").split()])
        if all(words)
    }
    best = 0.0
    for local in locals_:
        loc = folding.letters(local)
        if len(loc) >= 3 and loc in initials:
            # "mrby@" for Mohamed Ramzi Ben Youssef: short of a spelled name (a title's initials
            # can be an address too, "cto@"), so the checks against titles still apply
            best = max(best, INITIALS)
        if len(family) >= 3 and family in loc:
            both = given in loc or loc.startswith(given[0]) or loc.endswith(given[0])
            best = max(best, 1.0 if both else 0.8)
        elif len(given) >= 3 and loc.startswith(given):
            best = max(best, 0.7)
    return best


def split(line: str) -> NameParts:
    """Return the name in proper case (when printed in capitals) and its given/family parts."""
    line = clean(line)
    human = HumanName(line)
    if folding.is_all_caps(line):
        human.capitalize(force=True)
    given = " ".join(p for p in (human.first,) if p) or None
    family = human.last or None
    name = str(human) if folding.is_all_caps(line) else line
    name = " ".join(name.replace(" ,", ",").split())
    return NameParts(name, given, family)


#: what separates the parts of an address's local part ("lukasz.ly", "bjorn_chatterjee")
_PARTS = re.compile(r"[._\-+]+")
#: Transliterations used in email addresses -> the letter the card printed.
_DIGRAPHS = {"ss": "ß", "ue": "ü", "oe": "ö", "ae": "ä"}


def repair_with_email(line: str, locals_: list[str]) -> str:
    """Return the name with letters the OCR garbled put back where the email spells them.

    "WeifS$" with k.weiss@ -> "Weiß", "Briickner" with j.brueckner@ -> "Brückner": the OCR reads
    plain letters well, so a mismatch exactly where the email has a transliteration (ss, ue, oe,
    ae) means a letter it does not know was printed there.
    """
    out = []
    for token in _initials_joined(line.split(" "), locals_):
        fixed = token
        for local in locals_:
            spelled = folding.letters(local)
            fixed = (
                _repair_token(token, spelled)
                or _without_stray(token, spelled)
                or _without_double(token, spelled)
                or fixed
            )
        out.append(fixed)
    return " ".join(out)


def _initials_joined(tokens: list[str], locals_: list[str]) -> list[str]:
    """Return the tokens with a capital letter set apart from the rest of its word joined to
    it, where an address spells the joined word as one of its parts and not the rest alone:
    tracked capitals ("Ł UKASZ" with lukasz.ly@), or a word split where a letter reaches below
    the line ("B Jörn" with bjorn_chatterjee@, the "j" read as a capital). An address of one
    part spells no word apart: "J Smith" with jsmith@ stays an initial."""
    parts = {
        p for local in locals_ if len(ps := _PARTS.split(local.casefold())) > 1 for p in ps if p
    }
    out: list[str] = []
    for token in tokens:
        initial = out[-1] if out else ""
        alone = len(initial) == 1 and initial.isupper()
        joined = folding.letters(initial + token)
        if alone and token.isalpha() and joined in parts and folding.letters(token) not in parts:
            out[-1] = initial + (token if token.isupper() else token.lower())
        else:
            out.append(token)
    return out


def _without_stray(token: str, local: str) -> str | None:
    """Return the word without a stray letter read beside an accented one, where the email
    spells it so: the accent split in two. The stray is the plain letter ("Matłgorzata" with
    malgorzata@ -> "Małgorzata"), unless the accented one is that letter again, then read
    twice ("Roọssi" with rossi@ -> "Rossi")."""
    if len(token) < 5 or not token.isalpha() or token.isascii():
        return None
    folded = folding.ascii_fold(token)
    if len(folded) != len(token) or folded in local:
        return None
    for i, char in enumerate(token):
        if not char.isascii() or folded[:i] + folded[i + 1 :] not in local:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(token) and not token[j].isascii():
                stray = j if folded[j] == folded[i] else i
                return token[:stray] + token[stray + 1 :]
    return None


def _without_double(token: str, local: str) -> str | None:
    """Return the word without a letter the OCR read twice, once as a capital and once not,
    where the email spells it so ("Jjames" with james_cote@ -> "James"). A double of one case
    is left as printed: "Matteo" stays, whatever mateo@ spells."""
    folded = folding.ascii_fold(token).casefold()
    if len(token) < 4 or not token.isalpha() or len(folded) != len(token) or folded in local:
        return None
    for i in range(len(token) - 1):
        one_letter_two_cases = token[i] != token[i + 1] and folded[i] == folded[i + 1]
        if one_letter_two_cases and folded[:i] + folded[i + 1 :] in local:
            drop = i + 1 if token[i].isupper() else i  # the capital stays
            return token[:drop] + token[drop + 1 :]
    return None


def _repair_token(token: str, local: str) -> str | None:
    letters_only = "".join(c for c in token if c.isalpha())
    folded = letters_only.casefold()
    if len(folded) < 3 or not folded.isascii() or folded in local:
        return None
    for i in range(len(local) - 1):
        if local[i : i + 2] != folded[:2]:
            continue
        a = len(_common_prefix(folded, local[i:]))
        digraph = local[i + a : i + a + 2]
        if digraph not in _DIGRAPHS:
            continue
        rest = local[i + a + 2 :]
        for garbled in (1, 2, 3):
            tail = folded[a + garbled :]
            if a + garbled <= len(folded) and rest.startswith(tail):
                letter = _DIGRAPHS[digraph]
                letter = letter.upper() if letters_only.isupper() and letter != "ß" else letter
                return letters_only[:a] + letter + letters_only[a + garbled :]
    return None


def _common_prefix(a: str, b: str) -> str:
    n = 0
    while n < min(len(a), len(b)) and a[n] == b[n]:
        n += 1
    return a[:n]
