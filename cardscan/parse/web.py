"""Websites and social handles printed on a card."""

from __future__ import annotations

from . import patterns, vocab
from .found import Found
from .lines import Segment


def find_web(segs: list[Segment]) -> tuple[list[Found[str]], list[Found[str]]]:
    """Return (websites, socials) as printed; social profiles never count as websites."""
    sites: list[Found[str]] = []
    socials: list[Found[str]] = []
    for seg in segs:
        tokens = [t for t in seg.text.split() if "@" not in t or t.startswith("@")]
        text = patterns.WWW_MISREAD.sub("www.", " ".join(tokens))
        for m in patterns.URL.finditer(text):
            url = m.group(1).rstrip(".,;:)")
            if m.group(2).casefold() not in vocab.TLDS and not _has_prefix(url):
                continue
            if _looks_like_abbreviation(url):
                continue
            target = socials if is_social(url) else sites
            if all(f.value.casefold() != url.casefold() for f in target):
                target.append(Found(url, seg.index, seg.confidence))
        for m in patterns.HANDLE.finditer(text):
            handle = m.group(0)
            if all(f.value != handle for f in socials):
                socials.append(Found(handle, seg.index, seg.confidence))
    return sites, socials


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
