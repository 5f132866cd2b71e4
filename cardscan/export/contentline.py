"""vCard content lines: escaping, parameter quoting and folding at 75 octets (RFC 2426 / 6350).

Written by hand rather than with vobject's serializer because vobject 0.9.9 gets two things wrong:
- `vobject.base.foldOneLine` skips folding whenever a line has fewer than 75 *characters*, so a
  line of 60 accented letters (120 octets) goes out unfolded, breaking the 75-octet limit;
- its default behaviour (`VCardTextBehavior.encode` -> `backslashEscape`) escapes every property it
  does not know, URL and X-SOCIALPROFILE included, so `https://x.test/a,b` is written `a\\,b`,
  which is not the URI any more (RFC 6350 section 3.4: escaping applies to text values only).
It also has no vCard 4.0 writer. Reading uses vobject's lexer (see vcard_read.py).
"""

from __future__ import annotations

import re

FOLD_AT = 75  # octets per physical line, CRLF excluded (RFC 6350 section 3.2)
CRLF = "\r\n"

_TEXT_SPECIALS = re.compile(r"\r\n|[\\,;\r\n]")
_TEXT_ESCAPES = {"\\": "\\\\", ",": "\\,", ";": "\\;", "\r\n": "\\n", "\r": "\\n", "\n": "\\n"}
# C0 controls other than tab and line breaks are not allowed in a vCard value (VALUE-CHAR)
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# characters that would end a line or break out of a URI value
_URI_UNSAFE = re.compile(r"[\x00-\x20\x7f\\]")
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)


def clean(text: str) -> str:
    """Return text without the control characters a vCard cannot carry."""
    return _CONTROLS.sub("", text)


def escape_text(text: str) -> str:
    """Return a text value escaped: backslash, comma, semicolon and line breaks."""
    return _TEXT_SPECIALS.sub(lambda m: _TEXT_ESCAPES[m.group()], clean(text))


def escape_uri(uri: str) -> str:
    """Return a URI value as it is, but with spaces and controls percent-encoded.

    URIs are not backslash-escaped; percent-encoding whitespace keeps a stray CR/LF from ending
    the property and starting a forged one.
    """
    return _URI_UNSAFE.sub(lambda m: f"%{ord(m.group()):02X}", uri)


def param_value(value: str, caret: bool) -> str:
    """Return a parameter value, quoted when needed; caret=True applies RFC 6868 (vCard 4.0)."""
    value = clean(value)
    if caret:
        value = value.replace("^", "^^").replace("\r\n", "^n").replace("\n", "^n")
        value = value.replace("\r", "^n").replace('"', "^'")
    else:
        value = value.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace('"', "'")
    return f'"{value}"' if re.search(r"[;:,]", value) or value != value.strip() else value


def unescape_text(text: str) -> str:
    """Return a text value with its backslash escapes undone (\\n and \\N are line breaks)."""
    return _ESCAPED.sub(lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


def split_escaped(value: str, sep: str) -> list[str]:
    """Return the parts of a value split at separators that are not backslash-escaped."""
    parts, current, i = [], [], 0
    while i < len(value):
        char = value[i]
        if char == "\\" and i + 1 < len(value):
            current.append(value[i : i + 2])
            i += 2
            continue
        if char == sep:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        i += 1
    parts.append("".join(current))
    return parts


def unescape_caret(value: str) -> str:
    """Return a parameter value with RFC 6868 caret escapes undone."""
    return re.sub(r"\^([n'^])", lambda m: {"n": "\n", "'": '"', "^": "^"}[m.group(1)], value)


def content_line(name: str, value: str, params: tuple[tuple[str, str], ...] = ()) -> str:
    """Return one property as folded physical lines, each ending in CRLF."""
    head = name + "".join(f";{key}={val}" for key, val in params)
    return fold(f"{head}:{value}")


def fold(line: str) -> str:
    """Return a logical line folded into lines of at most 75 octets, never inside a character.

    A continuation line starts with one space, which counts toward its 75 octets.
    """
    out: list[str] = []
    chunk: list[str] = []
    size, limit = 0, FOLD_AT
    for char in line:
        octets = len(char.encode("utf-8"))
        if size + octets > limit:
            out.append("".join(chunk))
            chunk, size, limit = [], 0, FOLD_AT - 1
        chunk.append(char)
        size += octets
    out.append("".join(chunk))
    return (CRLF + " ").join(out) + CRLF
