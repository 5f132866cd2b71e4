"""Websites and social handles printed on a card."""

from __future__ import annotations

from ..contact import web_key
from . import patterns, suffixes, vocab
from .email import REPAIRED_FACTOR, better_attested
from .found import Found
from .lines import Segment


def find_web(segs: list[Segment]) -> tuple[list[Found[str]], list[Found[str]]]:
    """Return (websites, socials) as printed; social profiles never count as websites."""
    sites: list[Found[str]] = []
    socials: list[Found[str]] = []
    for seg in segs:
        tokens, handles = _web_tokens(seg.text)
        text = patterns.WWW_MISREAD.sub("www.", " ".join(tokens))
        for m in patterns.URL.finditer(text):
            read = m.group(1).rstrip(".,;:)")
            url = _mended(read)
            if not _has_prefix(url) and host(url).rpartition(".")[2] not in vocab.TLDS:
                continue
            if _looks_like_abbreviation(url):
                continue
            target = socials if is_social(url) else sites
            if all(_site(f.value) != _site(url) for f in target):
                conf, note = seg.confidence, None
                if url != read:
                    conf, note = conf * REPAIRED_FACTOR, f"website: ending of {read!r} mended"
                target.append(Found(url, seg.index, conf, note))
        for handle in handles:
            if all(f.value != handle for f in socials):
                socials.append(Found(handle, seg.index, seg.confidence))
    return sites, socials


def _web_tokens(line: str) -> tuple[list[str], list[str]]:
    """Return the words of a line that may hold web addresses, and its social handles.

    An email is neither. "@acme.com" is a domain behind a web icon read as "@", not a handle;
    "medium.com/@jane" is a profile address.
    """
    tokens: list[str] = []
    handles: list[str] = []
    for token in line.split():
        if token.startswith("@"):
            body = token.rstrip(".,;:)")
            if _is_domain(body[1:]):
                tokens.append(body[1:])
            elif patterns.HANDLE_TOKEN.fullmatch(body):
                handles.append(body)
        elif "@" not in token or "/@" in token:
            tokens.append(token)
    return tokens, handles


def _site(url: str) -> str:
    """Return what makes two printed addresses one site: "www.acme.com" is "acme.com"."""
    return web_key(url).removeprefix("www.")


def _is_domain(text: str) -> bool:
    return "." in text and text.rsplit(".", 1)[-1].casefold() in vocab.TLDS


def _mended(url: str) -> str:
    """Return the address with an ending the OCR made up mended ("www.acme.co.ip")."""
    name = host(url)
    fixed = suffixes.mend(name, dict(vocab.TLD_MISREADS))
    if fixed is None:
        return url
    start = url.casefold().find(name)
    return url[:start] + fixed + url[start + len(name) :]


def attested(sites: list[Found[str]], domains: list[str]) -> list[Found[str]]:
    """Return the websites, each whose ending is no real one spelled as the card's email
    domains spell it ("www.acme.co.ip" beside jane@acme.co.jp)."""
    out = []
    for site in sites:
        name = host(site.value)
        better = None if suffixes.is_known(name) else better_attested(name, domains)
        if better is not None:
            start = site.value.casefold().find(name)
            value = site.value[:start] + better + site.value[start + len(name) :]
            note = f"website: {site.value!r} read as {value!r}, as the email spells it"
            site = Found(value, site.segment, site.confidence * REPAIRED_FACTOR, note)
        out.append(site)
    return out


def host(url: str) -> str:
    """Return the host of a printed web address, lower case, without www."""
    rest = url.split("://", 1)[-1].split("/", 1)[0].casefold()
    return rest.removeprefix("www.")


def is_social(url: str) -> bool:
    return host(url) in vocab.SOCIAL_HOSTS


def _has_prefix(url: str) -> bool:
    low = url.casefold()
    return low.startswith(("http://", "https://", "www."))


def _looks_like_abbreviation(url: str) -> bool:
    """Reject "Pvt.Ltd", "Co.KG", "e.g": short parts joined by dots, no www, no path."""
    if _has_prefix(url) or "/" in url:
        return False
    parts = url.split(".")
    return any(p[:1].isupper() for p in parts[1:]) or all(len(p) <= 2 for p in parts)
