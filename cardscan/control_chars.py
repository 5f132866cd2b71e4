"""Control characters (CR, LF, NUL, ESC...) in text from outside: stripped on the way in, escaped
on the way out, so a shared vCard or a file name cannot move the cursor or retitle a terminal.
"""

from __future__ import annotations

import re

# Unicode's Cc category: C0 (with TAB, LF, CR, ESC), DEL and C1 (0x9B is CSI on some terminals).
_CONTROLS = re.compile("[\x00-\x1f\x7f-\x9f]")
_CONTROLS_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def strip_controls(text: str, multiline: bool = False) -> str:
    """Return text without control characters; line breaks and tabs become spaces.

    multiline keeps line breaks (LF; CR LF and a lone CR become LF), for notes.
    """
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
        return _CONTROLS_BUT_NEWLINE.sub("", text)
    return _CONTROLS.sub("", text.replace("\r\n", " ").translate(_TO_SPACE))


def escape_controls(text: str) -> str:
    """Return text with each control character shown as an escape (\\n, \\x1b), for printing."""
    return _CONTROLS.sub(lambda m: _NAMED.get(m[0]) or f"\\x{ord(m[0]):02x}", text)


def escape_lines(text: str) -> str:
    """Return a text of several lines with the control characters in each line escaped."""
    return "\n".join(escape_controls(line) for line in text.split("\n"))


_TO_SPACE = str.maketrans({"\n": " ", "\r": " ", "\t": " "})
