"""Dates as people type them: 2026-11-26, today, tomorrow, +3d, -1w, in 2 weeks, 3 days ago."""

from __future__ import annotations

import re
from datetime import date, timedelta

_UNIT_DAYS = {"d": 1, "day": 1, "days": 1, "w": 7, "week": 7, "weeks": 7}
_NAMED = {"today": 0, "tomorrow": 1, "yesterday": -1}
_RELATIVE = re.compile(
    r"^(?:(?P<sign>[+-])|in\s+)?(?P<n>\d+)\s*(?P<unit>d|days?|w|weeks?)(?P<ago>\s+ago)?$"
)


def parse_date(text: str, today: date | None = None) -> date:
    """Return the date text names, relative to today; raise ValueError when it names none."""
    today = today or date.today()
    value = text.strip().lower()
    if value in _NAMED:
        return today + timedelta(days=_NAMED[value])
    match = _RELATIVE.match(value)
    if match:
        days = int(match["n"]) * _UNIT_DAYS[match["unit"]]
        backwards = match["sign"] == "-" or match["ago"] is not None
        return today + timedelta(days=-days if backwards else days)
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"not a date: {text!r} (use YYYY-MM-DD, today, yesterday, +3d, in 2w, 3 days ago)"
        ) from None


def parse_duration(text: str) -> timedelta:
    """Return the span text names: 2d, 1w, 10 days."""
    match = _RELATIVE.match(text.strip().lower())
    if not match or match["sign"] == "-" or match["ago"]:
        raise ValueError(f"not a duration: {text!r} (use e.g. 2d or 1w)")
    return timedelta(days=int(match["n"]) * _UNIT_DAYS[match["unit"]])
