"""Whether a line reads as a person's name or as an organisation's: probablepeople's tagging.

probablepeople (datamade) is a conditional random field trained on US person and corporation
names: it tells "Rosa Delgado" (a person) from "Rosa's Bakery", "BLUE HARBOR Travel" or
"Hand Made Pizza" (organisations) by the words and their shapes. On the shared generator's
names it tags 95% of name lines as a person and 5% of company lines, no tagline; it was chosen
over gender-guesser's given-name list (93% of names, but 10% of companies and 22% of taglines
start with a word it lists: "Nova", "Key", "Made"), which has not been released since 2016.
It knows no accents, so lines are folded to ASCII first ("Søren" reads as a corporation,
"Soren" as a person).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

#: what person_evidence returns for a person's name, an organisation's, and neither
PERSON, ORGANISATION, UNSURE = 1.0, -1.0, 0.0


@lru_cache(maxsize=4096)
def person_evidence(line: str) -> float:
    """Return PERSON when the line is tagged a person's name, ORGANISATION when it is tagged a
    corporation's, UNSURE when neither (a household, or a line the tagger cannot parse)."""
    import probablepeople  # loaded on first use: half a second, for name lines only

    try:
        _, kind = probablepeople.tag(_ascii(line))
    except probablepeople.RepeatedLabelError:
        return UNSURE
    return {"Person": PERSON, "Corporation": ORGANISATION}.get(kind, UNSURE)


def _ascii(text: str) -> str:
    """Return text without accents, case kept: "Søren Côté" -> "Soren Cote"."""
    for letter, plain in (("ß", "ss"), ("ø", "o"), ("Ø", "O"), ("ł", "l"), ("Ł", "L")):
        text = text.replace(letter, plain)
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
