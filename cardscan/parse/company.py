"""Company names: legal-form suffixes, agreement with the email/website domain, logo-sized text."""

from __future__ import annotations

import difflib

from . import folding, suffixes, vocab
from .lines import Segment


def clean(line: str) -> str:
    """Return the company as printed, with logo debris dropped and a misread legal form fixed."""
    line = folding.trim_noise(folding.fix_initial_l(line.strip(" ,")))
    head, _, last = line.rpartition(" ")
    fixed = vocab.SUFFIX_MISREADS.get(last)
    return f"{head} {fixed}" if head and fixed else line


def has_legal_suffix(line: str) -> bool:
    """Return True if the line ends with a legal form (Inc., GmbH & Co. KG, Pvt. Ltd., S.A.)."""
    line = clean(line)
    raw = [w for w in line.replace(".", " ").replace(",", " ").split() if w.strip("&")]
    if not raw:
        return False
    last = raw[-1]
    folded = last.casefold()
    if folded in vocab.CAPS_ONLY_SUFFIXES:
        return last.isupper() or (folded == "co" and last[:1].isupper())
    if folded in vocab.COMPANY_SUFFIXES:
        return True
    tail = " ".join(w.casefold() for w in raw[-3:])
    return any(tail.endswith(p) for p in vocab.COMPANY_SUFFIX_PHRASES)


def domain_labels(emails: list[str], sites: list[str]) -> list[str]:
    """Return the organisation part of the card's domains: jane@acme-labs.co.uk -> acmelabs."""
    out = []
    for host in [e.rsplit("@", 1)[-1] for e in emails] + sites:
        host = host.split("://", 1)[-1].split("/", 1)[0].casefold().removeprefix("www.")
        suffix = suffixes.public_suffix(host)
        if suffix:  # the name just before the registry's ending: acme of acme.co.uk
            parts = host.removesuffix("." + suffix).split(".")
        else:
            parts = host.split(".")
            while len(parts) > 1 and (parts[-1] in vocab.TLDS or len(parts[-1]) <= 3):
                parts = parts[:-1]
        label = folding.letters(parts[-1]) if parts else ""
        if label and label not in vocab.FREE_MAIL_DOMAINS and label not in out:
            out.append(label)
    return out


def spelled_hosts(hosts: list[str], lines: list[str]) -> list[str]:
    """Return the hosts whose name one of lines spells out ("Royal Cargo Vietnam" for
    royalcargo.com, not for royaicargo.com): the company printed beside an address is a second
    reading of its domain. Names under four letters are too easily met by chance."""
    spelled = [folding.letters(line) for line in lines]
    return [
        host
        for host in hosts
        if (label := next(iter(domain_labels([], [host])), ""))
        and len(label) >= 4
        and any(label in text for text in spelled)
    ]


def domain_agreement(line: str, labels: list[str]) -> float:
    """Return how well a line matches a domain label: 1 same, 0.8 prefix, 0 unrelated."""
    if not labels:
        return 0.0
    line = clean(line)
    full = folding.letters(line.replace("&", " and "))
    bare = folding.letters(line)
    core = _core(line)
    core_letters = folding.letters(" ".join(core))
    runs = {
        "".join(folding.letters(w) for w in core[i:j])
        for i in range(len(core))
        for j in range(i + 1, len(core) + 1)
    }
    best = 0.0
    for label in labels:
        if label in (full, bare, core_letters):
            return 1.0
        if label in runs and len(label) >= 4:
            best = max(best, 0.9)
        if len(label) >= 4 and (core_letters.startswith(label) or full.startswith(label)):
            best = max(best, 0.8)
        elif core and len(core_letters) >= 4 and label.startswith(core_letters):
            best = max(best, 0.7)
        elif (
            core
            and len(folding.letters(core[0])) >= 4
            and label.startswith(folding.letters(core[0]))
        ):
            best = max(best, 0.5)
    return best


def _core(line: str) -> list[str]:
    """Return the words of a company's name without its legal form."""
    return [w for w in folding.words(line) if w not in vocab.COMPANY_SUFFIXES and w != "&"]


#: how alike an unsure word must be to the part of the domain it stands for, to be spelled so
ALIKE = 0.7


def with_word_before(line: str, before: str, sure: bool, labels: list[str]) -> str | None:
    """Return the company with the word printed before it, where only the domain spells the
    two together: a logo's first word set apart in larger type ("Starling" / "Energy Ltd" on
    starlingenergy.com.au). A word read unsurely is spelled as the domain spells it, where it
    is alike ("Dribiwood" / "Cloud" on driftwoodcloud.co.uk); a sure one is never rewritten."""
    if domain_agreement(line, labels) == 1.0 or len(before.split()) != 1:
        return None
    joined = f"{before.strip()} {line}"
    if domain_agreement(joined, labels) == 1.0:
        return joined
    if sure:
        return None
    core = folding.letters(" ".join(_core(line)))
    word = folding.letters(before)
    for label in labels:
        prefix = label.removesuffix(core) if core and label.endswith(core) else ""
        if len(prefix) >= 4 and difflib.SequenceMatcher(None, word, prefix).ratio() >= ALIKE:
            spelled = prefix.upper() if before.isupper() else prefix.capitalize()
            return f"{spelled} {line}"
    return None


def without_logo_marks(line: str, labels: list[str]) -> str:
    """Return the line without marks of a logo read before the name ("C)) Nimbus Robotics,
    Inc.", "SN Sable Networks plc"): short tokens the domain does not spell, where it spells
    the rest whole."""
    tokens = line.split()
    while (
        len(tokens) > 1
        and len(folding.letters(tokens[0])) <= 3
        and domain_agreement(" ".join(tokens), labels) < 1.0
        and domain_agreement(" ".join(tokens[1:]), labels) == 1.0
    ):
        tokens.pop(0)
    return " ".join(tokens)


def company_score(seg: Segment, labels: list[str], max_height: float) -> float:
    """Return the evidence that a line is the company name (0: none)."""
    line = seg.text
    agreement = domain_agreement(line, labels)
    if agreement == 0.0 and seg.confidence < 0.5:
        return 0.0  # a garbled line ("C55 1 MTA 19 TIA OY") needs the domain to vouch for it
    score = 2.5 * agreement
    if has_legal_suffix(line):
        score += 3.0
    ws = folding.words(line)
    if any(w in vocab.COMPANY_WORDS for w in ws):
        score += 0.5
    if score == 0.0:
        return 0.0
    return score + 0.5 * seg.height / max(max_height, 1.0)
