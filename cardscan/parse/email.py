"""Email addresses: find them in OCR text, repair common OCR damage, validate them."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from email_validator import EmailNotValidError, validate_email

from . import folding, patterns, suffixes, vocab
from .found import Found
from .lines import Segment

#: Confidence kept by an address whose text had to be repaired.
REPAIRED_FACTOR = 0.7
_GLUED_LABEL = re.compile(r"^(?:e-?mail|mail|email:|e:|em:)[:.]?(?=[\w.])", re.IGNORECASE)


def find_emails(segs: list[Segment], domains: tuple[str, ...] = ()) -> list[Found[str]]:
    """Return the valid email addresses printed on the segments, repaired where needed."""
    found: list[Found[str]] = []
    for seg in segs:
        for raw, fixed, notes in _candidates(seg.text, domains):
            email = _validated(fixed)
            if email is None or any(f.value.casefold() == email.casefold() for f in found):
                continue
            conf = seg.confidence
            warning = None
            if notes:
                conf *= REPAIRED_FACTOR
                warning = f"email: repaired {raw.strip()!r} -> {email!r} ({', '.join(notes)})"
            found.append(Found(email, seg.index, conf, warning))
    return found


def _candidates(text: str, domains: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    """Return (printed, repaired, repairs) for each email-looking run of the text."""
    notes: list[str] = []
    fixed = text
    for pattern, repl, note in (
        (patterns.AT_WORD, "@", "'at' spelled out"),
        (patterns.DOT_WORD, ".", "'dot' spelled out"),
        (patterns.AT_LOOKALIKE, "@", "'@' misread"),
    ):
        new = pattern.sub(repl, fixed)
        if new != fixed:
            notes.append(note)
        fixed = new
    fixed = patterns.SPACE_AROUND_AT.sub(_joined_at, fixed)
    fixed = _ICON_BEFORE_ADDRESS.sub("", fixed)  # an envelope icon read as "q@" or "@"
    unmarked = _STRAY_IN_LOCAL.sub("", fixed)
    if unmarked != fixed:
        notes.append("stray mark dropped")
        fixed = unmarked
    dotted = _COMMA_IN_LOCAL.sub(".", fixed)
    if dotted != fixed:
        notes.append("',' read for '.'")
        fixed = dotted
    piped = _PIPE_IN_EMAIL.sub("l", fixed)
    if piped != fixed:
        notes.append("'|' read for 'l'")
        fixed = piped
    joined = patterns.SPACE_IN_LOCAL.sub(".", fixed)
    if joined != fixed:
        notes.append("space removed")
        fixed = joined
    if "@" not in fixed:
        return _missing_at(fixed, domains)
    completed = _complete_domain(fixed, domains)
    if completed != fixed:
        notes.append("domain completed from another the card prints")
        fixed = completed
    out = []
    for m in patterns.EMAIL.finditer(fixed):
        value, extra = _strip_label(m.group(0))
        value, domain_note = _repair_domain(value, domains)
        if not suffixes.is_known(value.rpartition("@")[2]):
            # an ending no registry has, and no real one it is a misreading of: kept for a
            # person to check, as a doubtful reading
            domain_note = [*domain_note, "no real ending, check it"]
        repairs = notes + extra + domain_note
        out.append((text if repairs else value, value, repairs))
    return out


def _joined_at(m: re.Match[str]) -> str:
    """Return "@" for an at sign set apart by the OCR ("jane @acme.com"), but leave it apart
    between a capitalised word and what follows ("Manager @ acme.io"): a role at a company."""
    before = m.string[: m.start()].split()
    word = before[-1] if before else ""
    apart = m.group(0)[:1].isspace() and m.group(0)[-1:].isspace()
    if apart and word[:1].isupper() and word[1:].islower():
        return m.group(0)
    return "@"


#: an icon read as a mark or a letter or two and an "@", glued to the front of an address
#: ("q@jane@acme.com", "@@jane@acme.com"): an address has one "@"
_ICON_BEFORE_ADDRESS = re.compile(r"(?<![\w.+'-])(?:[^\s@]{0,2}@)+(?=[\w.+'-]+@[\w-])")


#: marks no address holds, read inside one ("f£.blackwood@", "j.-yamamoto@"): a currency or
#: degree sign between letters, a hyphen right after a dot
_STRAY_IN_LOCAL = re.compile(r"(?<=\w)[£€¥¢§°¤](?=[\w.+'-]*@)|(?<=\.)-(?=[\w.+'-]*@)")


#: a comma between the letters of a local part: its dot, read as a comma ("elodie,blackwood@")
_COMMA_IN_LOCAL = re.compile(r"(?<=\w),(?=\w[\w.+'-]*@)")


#: "|" glued into the local part of an address: a misread "l" ("|.vandijk@" for "l.vandijk@")
_PIPE_IN_EMAIL = re.compile(r"(?<![^\s(<:])\|(?=[\w.+'-]*@)|(?<=[\w.])\|(?=[\w.+'|-]*@)")


def _strip_label(value: str) -> tuple[str, list[str]]:
    """Drop a label glued to the local part ("E:jane@..."): it is not part of the address."""
    stripped = patterns.LEADING_GARBAGE.sub("", value)
    m = _GLUED_LABEL.match(stripped)
    if m and len(stripped.split("@")[0]) - m.end() >= 2:
        stripped = stripped[m.end() :]
    return stripped.lstrip(".-'_"), []


def better_attested(domain: str, domains: Sequence[str]) -> str | None:
    """Return the spelling of domain, differing only by OCR confusions or one stray character,
    that domains (which may repeat) hold more often than domain itself; None when none does."""
    seen = Counter(d.casefold() for d in domains)
    key = confusable_key(domain)
    rivals = [
        d
        for d in seen
        if d != domain.casefold()
        and (confusable_key(d) == key or _one_stray(key, confusable_key(d)))
        and suffixes.is_known(d)  # a spelling with a made-up ending is a misreading itself
    ]
    best = max(rivals, key=lambda d: seen[d], default=None)
    return best if best is not None and seen[best] > seen[domain.casefold()] else None


def _one_stray(read: str, printed: str) -> bool:
    """Return whether read is printed with one character too many: a mark read as a letter in
    the name ("ilatticecloud.de", "waittle.ai") or a letter read twice ("belleville.ccom").
    One more letter in the ending is not a slip: "acme.com" is not "acme.co" misread."""
    if len(read) != len(printed) + 1:
        return False
    ending = read.rfind(".")
    for i, char in enumerate(read):
        if read[:i] + read[i + 1 :] == printed:
            doubled = read[i - 1 : i] == char or read[i + 1 : i + 2] == char
            if i < ending or doubled:
                return True
    return False


def _repair_domain(email: str, domains: tuple[str, ...]) -> tuple[str, list[str]]:
    """Replace a domain that differs from a better-attested one only by OCR confusions.

    domains may repeat: a spelling seen more often (a website, several addresses) wins over
    one seen less; two spellings seen as often are both left as read.
    """
    local, _, domain = email.rpartition("@")
    known = better_attested(domain, domains)
    if known is not None:
        return f"{local}@{known}", [f"domain read as {domain!r}"]
    mended = suffixes.mend(domain, dict(vocab.TLD_MISREADS))
    if mended is not None:
        return f"{local}@{mended}", [f"ending read as {domain.rpartition('.')[2]!r}"]
    return email, []


#: An address whose domain stops before its ending: "jane@acme." or "jane@acme".
_CUT_DOMAIN = re.compile(r"(?<=@)([\w-]+)\.?(?=$|\s)")
#: ... or inside it: "jane@acme.a", "jane@acme.c" (a domain with an ending of a letter or two)
_CUT_ENDING = re.compile(r"(?<=@)((?:[\w-]+\.)+[a-zA-Z]{1,2})(?=$|\s)")


def _complete_domain(text: str, domains: tuple[str, ...]) -> str:
    """Return text with a cut-off email domain completed from a domain the card prints
    elsewhere, a website's or another address's ("jane@acme." + www.acme.com -> jane@acme.com,
    "aoife@vireo-foods.a" + info@vireo-foods.ai); the card's edge or glare took its end. A
    domain whose dot was lost ("mia@kestrelnet" + info@kestrel.net) is completed alike. An
    ending read whole (a real one) is left as read, and so is one that two domains complete."""

    def complete(m: re.Match[str]) -> str:
        cut = m.group(1).casefold() + "."
        for known in domains:
            # the ending may have two parts (acme.com.au, acme.co.uk), never more
            if known.casefold().startswith(cut) and known[len(cut) :].count(".") <= 1:
                return known
        for known in domains:
            if known.casefold().replace(".", "") == m.group(1).casefold():
                return known  # its dots lost: "kestrelnet" beside info@kestrel.net
        return m.group(0)

    def complete_ending(m: re.Match[str]) -> str:
        read = m.group(1)
        if suffixes.is_known(read):
            return read
        fits = {k.casefold() for k in domains if _cut_ending_of(read.casefold(), k.casefold())}
        return fits.pop() if len(fits) == 1 else read

    return _CUT_ENDING.sub(complete_ending, _CUT_DOMAIN.sub(complete, text))


def _cut_ending_of(read: str, known: str) -> bool:
    """Return whether read is known cut inside its ending: "vireo-foods.a" of vireo-foods.ai,
    "brightline.c" of brightline.co.uk; the name before the ending read whole."""
    ending = suffixes.public_suffix(known)
    if ending is None or not known.endswith("." + ending):
        return False
    name = known[: -len(ending) - 1]
    return read.startswith(name + ".") and ending.startswith(read[len(name) + 1 :])


def confusable_key(text: str) -> str:
    """Fold characters Tesseract confuses (rn/m, 0/o, 1/l/i) to one spelling."""
    t = text.casefold().replace("rn", "m").replace("vv", "w")
    return t.translate(str.maketrans("01|ij", "ollll"))


def _missing_at(text: str, domains: tuple[str, ...]) -> list[tuple[str, str, list[str]]]:
    """Find "jane.doeacme.com" when acme.com is printed elsewhere: the '@' was lost."""
    out = []
    for token in text.split():
        token = token.strip(",;")
        for known in domains:
            low = token.casefold()
            if low.endswith(known.casefold()) and len(token) > len(known) + 1:
                local = token[: -len(known)]
                if local.endswith(".") or local.casefold().startswith(("www", "http")):
                    continue  # a subdomain or the website itself
                if "/" in local:
                    continue  # a page of a site: a social handle "fb/acme.tn"
                local, _ = _strip_label(local + "@x.io")
                local = local[: -len("@x.io")]
                out.append((token, f"{local}@{token[-len(known) :]}", ["'@' missing"]))
    return out


def _validated(email: str) -> str | None:
    """Return the address if it is syntactically valid, else None. A domain starting "www."
    is a website behind an icon read as "@" ("e@ www.acme.tn"), not a mail domain."""
    local, _, domain = email.partition("@")
    if not local or not any(c.isalnum() for c in local) or domain.casefold().startswith("www."):
        return None
    try:
        validate_email(email, check_deliverability=False)
    except EmailNotValidError:
        return None
    return email


def is_role_mailbox(email: str) -> bool:
    """Return True for info@, careers@ and other addresses that are not a person's."""
    return email.split("@", 1)[0].casefold() in vocab.ROLE_MAILBOXES


def repair_local(found: Found[str], given: str | None, family: str | None) -> Found[str]:
    """Return the email with its local part fixed where the person's name shows an OCR slip.

    "rwillliams@" on Renée Williams's card is "rwilliams@": the local part matches a usual
    pattern of her name (initial + family, given.family, ...) once I, l, 1 and | and runs of
    them, which Tesseract confuses, are folded. Other letters stay as printed ("nnasser"). A
    label glued in front of such a pattern is dropped ("Es.dasilva@" for "E s.dasilva@").
    """
    local, _, domain = found.value.rpartition("@")
    if not (given and family):
        return found
    usual = _local_patterns(folding.ascii_fold(given), folding.ascii_fold(family))
    if local.casefold() in usual:
        return found  # read as one of them already: "li.wei@" is not "l.wei@" misread
    for pattern in usual:
        slipped = pattern != local.casefold() and _slip_key(pattern) == _slip_key(local)
        labelled = local.casefold() not in usual and local.casefold() in {
            label + pattern for label in _GLUED_LABELS
        }
        if slipped or labelled:
            fixed = f"{pattern}@{domain}"
            note = f"email: repaired {found.value!r} -> {fixed!r} (letters misread, per the name)"
            return Found(fixed, found.segment, found.confidence * REPAIRED_FACTOR, note)
    return found


#: a label glued to the address ("Es.dasilva@" for "E s.dasilva@"): dropped only where what
#: follows it is a usual pattern of the person's name
_GLUED_LABELS = ("e", "m", "em", "email", "mail")


def spells_name(local: str, given: str, family: str) -> bool:
    """Return whether a local part is exactly one of the usual patterns of a person's name
    (jane.doe, jdoe, doe.jane, ...), accents folded."""
    usual = _local_patterns(folding.ascii_fold(given), folding.ascii_fold(family))
    return local.casefold() in usual


def _local_patterns(given: str, family: str) -> list[str]:
    given = re.sub(r"[^a-z]", "", given.split()[0]) if given.split() else ""
    family_plain = re.sub(r"[^a-z-]", "", family.replace(" ", ""))
    if not given or not family_plain:
        return []
    out = []
    for fam in dict.fromkeys((family_plain, family_plain.replace("-", ""))):
        out += [f"{given}.{fam}", f"{given}_{fam}", f"{given}{fam}", f"{given[0]}{fam}"]
        out += [f"{given[0]}.{fam}", f"{fam}{given[0]}", f"{fam}.{given}", fam]
    return out


def _slip_key(local: str) -> str:
    """Fold I/l/1/| to one letter and squeeze runs of it: "rwillliams" ~ "rwilliams"."""
    folded = local.casefold().translate(str.maketrans("1|i", "lll"))
    return re.sub(r"l+", "l", folded)
