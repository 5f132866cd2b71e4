"""Company names: legal-form suffixes, agreement with the email/website domain, logo-sized text."""

from __future__ import annotations

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
    ws = folding.words(line)
    core = [w for w in ws if w not in vocab.COMPANY_SUFFIXES and w != "&"]
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
