"""Option types that turn what people type into values, with a clear message when they can't."""

from __future__ import annotations

from datetime import date
from typing import Annotated

import typer

from ..dates import parse_date


def _date(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def past_date(text: str) -> date:
    """Parse a day that has happened (a meeting, a follow-up sent): a future one is refused."""
    day = _date(text)
    if day > date.today():
        raise typer.BadParameter(f"{text!r} is {day}, in the future (today is {date.today()})")
    return day


DateOption = Annotated[
    date | None,
    typer.Option(
        "--on",
        parser=past_date,
        metavar="DATE",
        help="When you met: YYYY-MM-DD, today, yesterday, 3 days ago (default: today).",
        show_default=False,
    ),
]
