"""Country names as addresses print them, from pycountry's ISO 3166 list and the vocabulary.

pycountry has every country's English short, common and official name; vocab.COUNTRIES adds
the names a card prints in its own language ("Deutschland", "España") and the usual short
forms ("UK", "USA").
"""

from __future__ import annotations

from functools import cache

import pycountry

from . import vocab

#: country names that are also the name of a US state: on a card, the state
_STATES = frozenset({"georgia"})


@cache
def _names() -> dict[str, str]:
    names = {}
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if name and name.casefold() not in _STATES:
                names[name.casefold()] = country.alpha_2
    return names | dict(vocab.COUNTRIES)


def country_code(text: str) -> str | None:
    """Return the ISO 3166 code of a country name ("Croatia" -> HR), None for anything else."""
    return _names().get(text.strip(" .,").casefold())
