"""One card's fields from its printed lines: contact data first, then name, title and company."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, replace

from ..contact import Address, Contact, Phone
from ..model import OcrWord
from . import confidence, email, folding, phone, vocab, web
from .address import address_region, find_address
from .company import clean as clean_company
from .company import (
    company_score,
    domain_labels,
    has_legal_suffix,
    spelled_hosts,
    with_word_before,
    without_logo_marks,
)
from .folding import letters
from .found import Found
from .lines import Segment, glued
from .name import clean as clean_name
from .name import email_agreement, name_score, repair_with_email, split
from .region import card_region
from .title import continues_title, is_department, proper_case, restore, title_score

#: Confidence factor for a name chosen without agreement from the email.
_UNCONFIRMED_NAME = 0.8
#: a title found by its place under the name, not by its words, is read at most this
#: surely; and only from a line read at least _PLAIN_WORDS surely
_PLACED, _PLAIN_WORDS = 0.7, 0.8
#: a lone character at either end of a name, title or company line, read less surely than
#: this, is a logo or an icon, not a letter of it
EDGE_MARK = 0.5


@dataclass(frozen=True)
class _ContactData:
    """What the card says that is easy to recognise: the first pass."""

    emails: list[Found[str]]
    sites: list[Found[str]]
    socials: list[Found[str]]
    phones: list[Found[Phone]]
    address: Found[Address] | None
    taken: set[int]  # segments these came from


def read_fields(segs: list[Segment], region: str) -> Contact:
    """Return the contact printed on these lines."""
    data = _contact_data(segs, region)
    free = [_unmarked(s) for s in segs if s.index not in data.taken and _has_letters(s.text)]
    labels = domain_labels([e.value for e in data.emails], [s.value for s in data.sites])
    locals_ = [e.value.split("@")[0] for e in data.emails if not email.is_role_mailbox(e.value)]
    free = _name_rejoined(free, locals_)
    name, title, company = _people_lines(free, labels, locals_)
    people = {f.segment for f in (name, title, company) if f is not None}
    department = next(
        (s.text.strip(" ,") for s in free if s.index not in people and is_department(s.text)), None
    )
    parts = split(repair_with_email(clean_name(name.value), locals_)) if name else None
    emails = data.emails
    if parts:
        emails = [email.repair_local(e, parts.given, parts.family) for e in emails]
    fields: dict[str, float | None] = {
        "name": name.confidence if name else None,
        "title": title.confidence if title else None,
        "company": company.confidence if company else None,
        "emails": confidence.of_list(emails),
        "phones": confidence.of_list(data.phones),
        "websites": confidence.of_list(data.sites),
        "address": data.address.confidence if data.address else None,
    }
    scores = {k: round(v, 3) for k, v in fields.items() if v is not None}
    notes = [f.warning for f in [*emails, *data.phones, *data.sites] if f.warning]
    return Contact(
        name=parts.name if parts else None,
        given_name=parts.given if parts else None,
        family_name=parts.family if parts else None,
        title=title.value if title else None,
        company=company.value if company else None,
        department=department,
        emails=tuple(e.value for e in emails),
        phones=tuple(p.value for p in data.phones),
        websites=tuple(s.value for s in data.sites),
        socials=tuple(s.value for s in data.socials),
        address=data.address.value if data.address else None,
        confidence=scores,
        warnings=confidence.warnings(scores, notes),
        item_confidence={p.value.number: p.confidence for p in data.phones},
    )


def _contact_data(segs: list[Segment], region: str) -> _ContactData:
    """Find emails, websites, phones and the address, each repaired with help from the others."""
    sites, socials = web.find_web(segs)
    site_hosts = [web.host(s.value) for s in sites]
    emails = email.find_emails(segs, tuple(site_hosts))
    # A second pass repairs emails against the domains of the valid ones; a printed website
    # counts twice, so it outweighs one address that disagrees with it, and so does a spelling
    # the card's other lines spell out (the company "Royal Cargo" for royalcargo.com).
    read = site_hosts + [_domain(e.value) for e in email.find_emails(segs)]  # none repaired
    held = {f.segment for f in [*emails, *sites]}
    others = [s.text for s in segs if s.index not in held]
    attested = site_hosts + read + spelled_hosts(list(dict.fromkeys(read)), others) * 2
    emails = email.find_emails(segs, tuple(attested))
    sites = [s for s in sites if not _part_of_email(s, emails)]
    sites = web.attested(sites, [_domain(e.value) for e in emails])
    taken = {f.segment for f in [*emails, *sites, *socials]}
    hosts = site_hosts + [_domain(e.value) for e in emails]
    guess = card_region(segs, hosts, None, region)  # the address is not found yet
    address = find_address(segs, taken | _phone_only(segs, guess))
    found_region = card_region(
        segs, hosts, address_region(address.value if address else None), region
    )
    phones = phone.find_phones([s for s in segs if not _is_address(s, address)], found_region)
    taken |= {f.segment for f in phones} | _address_segments(segs, address)
    return _ContactData(emails, sites, socials, phones, address, taken)


def _people_lines(
    free: list[Segment], labels: list[str], locals_: list[str]
) -> tuple[Found[str] | None, Found[str] | None, Found[str] | None]:
    """Return the name, title and company lines among the lines no contact data claimed."""
    if not free:
        return None, None, None
    top = max(s.height for s in free)
    rank = {s.index: i / max(len(free) - 1, 1) for i, s in enumerate(free)}
    name = _best(free, lambda s: name_score(s, locals_, top, rank[s.index], labels))
    rest = [s for s in free if name is None or s.index != name.index]
    title = _best(rest, lambda s: title_score(s.text))
    rest = [s for s in rest if title is None or s.index != title.index]
    company = _best(
        [s for s in rest if not is_department(s.text)], lambda s: company_score(s, labels, top)
    )
    if title is None and name is not None:
        title = _title_by_place(name, [s for s in rest if company is None or s is not company])
    return (
        _found(name, _name_conf(name, locals_)) if name else None,
        _title_found(title, rest) if title else None,
        _company_found(company, rest, labels) if company else None,
    )


def _company_found(company: Segment, rest: list[Segment], labels: list[str]) -> Found[str]:
    """Return the company from its line and the lines that complete it: its legal form set
    under it, a first word printed apart that the domain spells with it; less a logo's marks."""
    others = [
        s
        for s in rest
        if s is not company and not title_score(s.text) and not is_department(s.text)
    ]
    first, last = _company_lines(company, others)
    text = first.text if first is last else f"{first.text} {last.text}"
    before = _printed_before(first, others)
    sure = before is not None and before.confidence >= _PLAIN_WORDS
    if before and (joined := with_word_before(text, before.text, sure, labels)):
        text, first = joined, before
    text = without_logo_marks(clean_company(text), labels)
    return Found(text, first.index, company.confidence)


def _company_lines(company: Segment, others: list[Segment]) -> tuple[Segment, Segment]:
    """Return the company's first and last line: a name set over two lines, its legal form
    under the rest ("Hansa Meyer Global" / "Holding GmbH"), joined again; else the line."""
    above = _set_under(company, others, below=False)
    below = _set_under(company, others, below=True)
    if below and _legal_tail(below) and not has_legal_suffix(company.text):
        return company, below
    if above and _legal_tail(company) and not has_legal_suffix(above.text):
        return above, company
    return company, company


def _printed_before(seg: Segment, others: list[Segment]) -> Segment | None:
    """Return the line printed just before seg, of any size: left of it on its row (a logo's
    first word in larger type, split off by its size), else right above it."""
    size = [max(seg.height, s.height) for s in others]
    left = [
        s
        for s, h in zip(others, size, strict=True)
        if 0 <= seg.left - s.right < h and s.top < seg.bottom and seg.top < s.bottom
    ]
    above = [
        s
        for s, h in zip(others, size, strict=True)
        if 0 <= seg.top - s.bottom < h and s.left < seg.right and seg.left < s.right
    ]
    return max(left, key=lambda s: s.right, default=None) or max(
        above, key=lambda s: s.bottom, default=None
    )


def _legal_tail(seg: Segment) -> bool:
    """A legal form alone or after a business word: the end of a company's name, not all of
    it ("Holding GmbH", "Services L.L.C", "Pty Ltd"; not "Ember, Inc.")."""
    words = [w for w in folding.words(seg.text) if len(w) > 1]  # "L.L.C" is letters
    return has_legal_suffix(seg.text) and all(
        w in vocab.COMPANY_WORDS or w in vocab.COMPANY_SUFFIXES for w in words
    )


def _set_under(seg: Segment, others: list[Segment], below: bool) -> Segment | None:
    """Return the line set right under seg (or right above it), aligned with it, of a
    like size: the next line of one block of print, however the OCR ordered the lines."""
    for other in others:
        upper, lower = (seg, other) if below else (other, seg)
        gap = lower.top - upper.bottom
        size = max(seg.height, other.height)
        centres = abs((seg.left + seg.right) - (other.left + other.right)) / 2
        aligned = min(abs(seg.left - other.left), centres) < size
        sure = other.confidence >= _PLAIN_WORDS  # not a logo read as letters ("EEE")
        if 0 <= gap < 0.8 * size and aligned and sure and _same_size(seg, other, 0.35):
            return other
    return None


def _name_rejoined(free: list[Segment], locals_: list[str]) -> list[Segment]:
    """Return the lines with a name printed or read over two lines joined again: a word the
    OCR broke ("Alessand" / "ro Tanaka", the second going on in lower case) or a given name
    set above the family name ("Alessandro" / "Tanaka"). The email must bear it out: its
    local part spells the joined words (alessandro.tanaka@), and the name only when joined."""
    spelled = " ".join(letters(local) for local in locals_)
    for first, second in itertools.pairwise(free):
        if second.index != first.index + 1:
            continue
        if second.text[:1].islower():
            whole = glued(first, second)
            joined = [whole.words[len(first.words) - 1]]
        elif len(first.words) == len(second.words) == 1:
            words = first.words + second.words
            if _spelled_after(first.text, second.text, locals_):
                words = words[::-1]  # "YAMAMOTO" over "AVA" on ava.yamamoto@: Ava Yamamoto
            whole = Segment(first.index, words)
            joined = list(whole.words)
        else:
            continue
        borne_out = all(letters(w.text) in spelled for w in joined)
        named = email_agreement(whole.text, locals_) >= 0.8 > email_agreement(first.text, locals_)
        if borne_out and named:  # in the first line's place: names come early
            return [whole if s is first else s for s in free if s is not second]
    return free


def _spelled_after(first: str, second: str, locals_: list[str]) -> bool:
    """Return True where an email spells the second word first: the family name printed above
    the given name (ava.yamamoto@ for "YAMAMOTO" / "AVA")."""
    a, b = letters(first), letters(second)
    return any(a and b and 0 <= local.find(b) < local.find(a) for local in map(letters, locals_))


def _title_by_place(name: Segment, rest: list[Segment]) -> Segment | None:
    """Return the line set right under the name, in smaller print, when it is plain words
    and no other field's: a title the vocabulary does not know ("Scrum Master"). Read less
    surely than one whose words are titles' words."""
    below = [
        s
        for s in rest
        if 0 <= s.top - name.bottom < 1.5 * name.height
        and s.left < name.right
        and name.left < s.right
        and s.height <= name.height
    ]
    line = min(below, key=lambda s: s.top, default=None)
    if line is None or line.confidence < _PLAIN_WORDS or is_department(line.text):
        return None
    words = line.text.replace(",", " ").split()
    if not 1 <= len(words) <= 5 or not all(w.isalpha() for w in words):
        return None
    return replace(
        line, words=tuple(replace(w, confidence=w.confidence * _PLACED) for w in line.words)
    )


def _best(segs: list[Segment], score: object) -> Segment | None:
    scored = [(score(s), s) for s in segs]  # type: ignore[operator]
    scored = [(v, s) for v, s in scored if v > 0]
    return max(scored, key=lambda vs: vs[0])[1] if scored else None


def _name_conf(seg: Segment, locals_: list[str]) -> float:
    agreed = email_agreement(seg.text, locals_) >= 0.7 or not locals_
    return seg.confidence * (1.0 if agreed else _UNCONFIRMED_NAME)


def _found(seg: Segment, conf: float) -> Found[str]:
    return Found(seg.text, seg.index, conf)


def _title_found(title: Segment, rest: list[Segment]) -> Found[str]:
    """Join a title broken over two lines, whichever of them has the title words ("Director
    of" / "Sales", "Co-Founder &" / "Managing Director")."""
    text, first = title.text.strip(" ,"), title
    prev, nxt = _beside(title, rest, -1), _beside(title, rest, 1)
    # a line before it ending in a comma is no start of it ("Thanks," is a sign-off), nor one
    # read unsurely (a logo read as "imi &")
    before = prev if prev and not prev.text.rstrip().endswith(",") else None
    before = before if before and before.confidence >= _PLAIN_WORDS else None
    if before and continues_title(before.text, title.text) and _same_size(before, title):
        text, first = f"{before.text.strip()} {text}", before
    if nxt and continues_title(title.text, nxt.text) and _same_size(nxt, title):
        text = f"{text} {nxt.text.strip()}"
    return Found(proper_case(restore(text)), first.index, title.confidence)


def _beside(seg: Segment, rest: list[Segment], step: int) -> Segment | None:
    """Return the free line printed just before (step -1) or after (1) seg, passing over one
    line between them that is a lone mark or no free line (a logo's stroke read as "L")."""
    for index in (seg.index + step, seg.index + 2 * step):
        line = next((s for s in rest if s.index == index), None)
        if line is not None and len(line.text.strip()) > 1:
            return line
    return None


def _same_size(a: Segment, b: Segment, share: float = 0.2) -> bool:
    """Two lines of one field: letters of about one height (descenders make a few pixels)."""
    return abs(a.height - b.height) < max(4.0, share * max(a.height, b.height))


def _part_of_email(site: Found[str], emails: list[Found[str]]) -> bool:
    """A bare host on the line of a repaired "jane(at)acme.com" is the email's domain."""
    if site.value.casefold().startswith(("www.", "http://", "https://")):
        return False
    return any(
        e.segment == site.segment and _domain(e.value).casefold() == site.value.casefold()
        for e in emails
    )


def _unmarked(seg: Segment) -> Segment:
    """Return the line without a mark read as a lone, doubtful letter at either end: a logo
    or an icon beside a name, title or company ("D Lattice Cloud", "Engineer Œ")."""
    words = list(seg.words)

    def mark(word: OcrWord) -> bool:
        return len(word.text) == 1 and word.text != "&" and word.confidence < EDGE_MARK

    while len(words) > 1 and mark(words[0]):
        words.pop(0)
    while len(words) > 1 and mark(words[-1]):
        words.pop()
    return replace(seg, words=tuple(words))


def _domain(value: str) -> str:
    return value.rsplit("@", 1)[-1]


def _phone_only(segs: list[Segment], region: str) -> set[int]:
    return {f.segment for f in phone.find_phones(segs, region)}


def _address_segments(segs: list[Segment], address: Found[object] | None) -> set[int]:
    return {s.index for s in segs if _is_address(s, address)}


def _is_address(seg: Segment, address: Found[object] | None) -> bool:
    if address is None:
        return False
    text = getattr(address.value, "text", "")
    return seg.text.strip(" ,") in text.split(", ") or seg.text.strip(" ,") in text


def _has_letters(text: str) -> bool:
    return sum(c.isalpha() for c in text) >= 2
