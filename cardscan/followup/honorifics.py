"""Honorifics as data: which ones a formal greeting may keep, and which ones it must drop."""

from __future__ import annotations

#: Titles that say nothing about gender: "Dear Dr. Müller," is correct whoever Dr. Müller is.
NEUTRAL = {
    "dr": "Dr.",
    "doctor": "Dr.",
    "prof": "Prof.",
    "professor": "Professor",
}

#: Titles we drop: a greeting built from them would guess at (or misstate) a person's gender.
GENDERED = frozenset(
    {"mr", "mrs", "ms", "miss", "mx", "sir", "madam", "dame", "lady", "lord"}
    | {"herr", "frau", "m", "mme", "mlle", "sr", "sra", "srta"}
)
