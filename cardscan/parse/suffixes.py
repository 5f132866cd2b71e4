"""Domain endings checked against the Public Suffix List (publicsuffixlist's bundled copy).

The package ships the list inside itself and never fetches it: nothing here touches the
network. It knows every ending in use, multi-label ones too (co.jp, ne.jp, com.au, co.uk), so
an ending the OCR made up (".ip" for ".jp", ".c0m") can be told from a real one.
"""

from __future__ import annotations

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
