"""The signature in a pasted email: what follows the "-- " separator, without the message's
greeting or quoted lines, which name other people ("Hi Sam," is no contact's name)."""

from __future__ import annotations

import re

#: the line RFC 3676 sets before a signature ("-- "); pasted text often loses its space
_SEPARATOR = "--"
#: a greeting that opens a message: the name in it is the reader's, not the sender's
_GREETING = re.compile(
    r"^\s*(?:hi|hello|hey|dear|good\s+(?:morning|afternoon|evening))\b[\s,]", re.IGNORECASE
)


def signature_lines(lines: list[str]) -> list[str]:
    """Return the lines of the text that can hold the sender's contact: those after the
    signature separator when one is followed by text, less greetings and quoted lines."""
    if _SEPARATOR in (line.strip() for line in lines):
        after = lines[[line.strip() for line in lines].index(_SEPARATOR) + 1 :]
        if any(line.strip() for line in after):
            lines = after
    return [line for line in lines if not _GREETING.match(line) and not line.startswith(">")]
