"""Per-field confidence and the warnings a person should see about doubtful fields."""

from __future__ import annotations

from collections.abc import Sequence

from .found import Found

#: Fields below this confidence get a warning.
WARN_BELOW = 0.6

#: How a field is named in warnings (Contact field -> singular word).
_WORD = {"emails": "email", "phones": "phone", "websites": "website"}


def of_list(found: Sequence[Found[object]]) -> float | None:
    """Return the confidence of a list field: its least sure item, None when empty."""
    return min((f.confidence for f in found), default=None)


def warnings(confidence: dict[str, float], notes: Sequence[str]) -> tuple[str, ...]:
    """Return the repair notes plus one warning per field under WARN_BELOW."""
    out = list(notes)
    for field, value in confidence.items():
        word = _WORD.get(field, field)
        if value < WARN_BELOW and not any(n.startswith(word + ":") for n in notes):
            out.append(f"{word}: low confidence ({value:.2f})")
    return tuple(out)
