"""Domain endings checked against the Public Suffix List (publicsuffixlist's bundled copy).

The package ships the list inside itself and never fetches it: nothing here touches the
network. It knows every ending in use, multi-label ones too (co.jp, ne.jp, com.au, co.uk), so
an ending the OCR made up (".ip" for ".jp", ".c0m") can be told from a real one.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from functools import cache

from publicsuffixlist import PublicSuffixList

from . import vocab

#: country endings whose ISO 3166 code is another
_ISO = {"uk": "GB"}


@cache
def _list() -> PublicSuffixList:
    return PublicSuffixList()


def public_suffix(host: str) -> str | None:
    """Return the host's public suffix ("co.jp" for "acme.co.jp"), None when its ending is
    not a real one ("acme.ip")."""
    host = host.casefold().strip(".")
    last = host.rpartition(".")[2]
    if last in vocab.RESERVED_ENDINGS:
        return last
    if "." not in host:
        return None
    suffix: str | None = _list().publicsuffix(host, accept_unknown=False)
    return suffix if suffix != host else None


def is_known(host: str) -> bool:
    """Return whether the host ends in a real public suffix, with a name before it."""
    return public_suffix(host) is not None


def country(host: str) -> str | None:
    """Return the ISO region a host's country ending names ("de" -> DE, "co.uk" -> GB),
    None for generic endings and country endings sold as generic ones (.io, .ai, .co)."""
    suffix = public_suffix(host)
    if suffix is None:
        return None
    last = suffix.rpartition(".")[2]
    if len(last) != 2 or (last in vocab.GENERIC_COUNTRY_ENDINGS and "." not in suffix):
        return None
    return _ISO.get(last, last.upper())


#: Letters Tesseract reads for one another in a domain's ending (read -> what may be printed).
_CONFUSED = {
    "0": "o", "o": "0", "1": "il", "l": "ij1", "i": "lj", "j": "i", "c": "e", "e": "c",
    "rn": "m", "m": "rn", "cl": "d", "vv": "w", "5": "s", "8": "b", "q": "g",
}  # fmt: skip


def mend(host: str, preferred: dict[str, str] | None = None) -> str | None:
    """Return the host with an ending the OCR made up mended to the one real ending it is a
    misreading of ("acme.c0m" -> "acme.com", "acme.co.ip" -> "acme.co.jp", "acme.ijp" ->
    "acme.jp"), None when the ending is real already or no single real one fits.

    preferred settles a read ending that fits several (vocab.TLD_MISREADS: "lo" is "io").
    """
    if is_known(host):
        return None
    name, _, ending = host.rpartition(".")
    if not name:
        return None
    wanted = (preferred or {}).get(ending)
    fits = {e for e in _misreadings_of(ending.casefold()) if is_known(f"{name}.{e}")}
    if wanted in fits:
        return f"{name}.{wanted}"
    return f"{name}.{fits.pop()}" if len(fits) == 1 else None


def _misreadings_of(ending: str) -> set[str]:
    """Return what may have been printed where ending was read: one or two letters confused,
    or one letter too many (a mark read as a letter)."""
    once = set(_confusions(ending)) | {ending[:i] + ending[i + 1 :] for i in range(len(ending))}
    return once | {twice for e in once for twice in _confusions(e)}


def _confusions(text: str) -> Iterable[str]:
    for i, (read, printed) in itertools.product(range(len(text)), _CONFUSED.items()):
        if text.startswith(read, i):
            for letter in printed if len(read) == 1 else (printed,):
                yield text[:i] + letter + text[i + len(read) :]
