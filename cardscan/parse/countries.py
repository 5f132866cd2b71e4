"""Country names as addresses print them, from pycountry's ISO 3166 list and the vocabulary.

pycountry has every country's English short, common and official name, and their
translations: a card prints its country in its own language ("Deutschland", "Italia",
"Tunisie"). vocab.COUNTRIES adds the usual short forms ("UK", "USA").
"""

from __future__ import annotations

import gettext
from functools import cache

import pycountry

from . import vocab

#: country names that are also the name of a US state: on a card, the state
_STATES = frozenset({"georgia"})
#: the languages of the Latin-script cards cardscan reads, whose country names it knows
LANGUAGES = ("de", "fr", "es", "it", "pt", "nl", "pl", "sv", "da", "nb", "fi", "cs", "tr", "id")


@cache
def _names() -> dict[str, str]:
    names: dict[str, str] = {}
    translations = [
        gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=[lang], fallback=True)
        for lang in LANGUAGES
    ]
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            name = getattr(country, attribute, None)
            if not name:
                continue
            for spelled in (name, *(t.gettext(name) for t in translations)):
                if spelled.casefold() not in _STATES:
                    names.setdefault(spelled.casefold(), country.alpha_2)
    return names | dict(vocab.COUNTRIES)


def country_code(text: str) -> str | None:
    """Return the ISO 3166 code of a country name ("Croatia" -> HR), None for anything else."""
    return _names().get(text.strip(" .,").casefold())
