"""Draft templates: built-in ones shipped as package data, user ones in the config directory.

A template is a text file: a "Subject: ..." first line, a blank line, then the body. Values go in
as string.Template placeholders ($given_name, ${company}); "$$" is a literal dollar sign. A line
made only of placeholders that all came out empty is left out, and so is a heading (a paragraph
of one line ending in ":") that is left with nothing under it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from string import Template as _StringTemplate

from .. import inputfiles
from ..errors import BadInputError, CardscanError, ExitCode
from ..settings import config_dir

BUILTIN_NAMES = ("interview", "informational", "networking")
#: Words in a contact's `met` text that pick a built-in template, checked in this order.
_MET_KEYWORDS = (("informational", "informational"), ("interview", "interview"))
_SUBJECT = re.compile(r"^Subject:[ \t]*(?P<subject>.*)$", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
#: A period doubled where a value ending in one ("Acme Inc.") meets the template's own.
_DOUBLED_PERIOD = re.compile(r"(?<=\w\.)\.(?!\.)")


class TemplateError(CardscanError):
    """A template that does not exist, cannot be read, or does not fit the format."""

    exit_code = ExitCode.BAD_INPUT


@dataclass(frozen=True)
class Template:
    name: str
    subject: str
    body: str
    origin: str  # "built-in" or the path of the user's file


@dataclass(frozen=True)
class Filled:
    subject: str
    body: str


def user_dir() -> Path:
    """Return the directory of user templates (config dir / templates)."""
    return config_dir() / "templates"


def parse(name: str, text: str, origin: str) -> Template:
    """Return the template in text; raise TemplateError when it lacks the Subject line."""
    first, _, rest = text.replace("\r\n", "\n").partition("\n")
    match = _SUBJECT.match(first.strip())
    if match is None:
        raise TemplateError(f"template {origin}: the first line must be 'Subject: ...'")
    return Template(name, match["subject"].strip(), rest.strip("\n") + "\n", origin)


def builtin(name: str) -> Template:
    """Return a built-in template by name."""
    text = resources.files(__package__).joinpath("templates", f"{name}.txt").read_text("utf-8")
    return parse(name, text, "built-in")


def available() -> list[Template]:
    """Return every template by name: user files override built-ins of the same name."""
    found = {name: builtin(name) for name in BUILTIN_NAMES}
    folder = user_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.txt")):
            found[path.stem] = _read_user(path)
    return sorted(found.values(), key=lambda t: t.name)


def find(name: str) -> Template:
    """Return the template called name; raise TemplateError listing the known ones."""
    path = user_dir() / f"{name}.txt"
    if "/" not in name and "\\" not in name and path.is_file():
        return _read_user(path)
    if name in BUILTIN_NAMES:
        return builtin(name)
    known = ", ".join(t.name for t in available())
    raise TemplateError(f"no template named {name!r} (known: {known})")


def default_name(met: str | None) -> str:
    """Return the built-in template a meeting suggests: interview, informational or networking."""
    text = (met or "").casefold()
    for keyword, name in _MET_KEYWORDS:
        if keyword in text:
            return name
    return "networking"


def fill(template: Template, values: dict[str, str]) -> Filled:
    """Return the subject and body with values put in; raise TemplateError on a bad placeholder."""
    return Filled(
        _DOUBLED_PERIOD.sub("", _substitute(template, template.subject, values)).strip(),
        _drop_empty_headings(_fill_lines(template, template.body, values)),
    )


def _read_user(path: Path) -> Template:
    try:  # bounded and regular files only: a FIFO named *.txt must not hang `templates`
        text = inputfiles.read_file(path, inputfiles.MAX_TEXT_BYTES).decode("utf-8")
    except BadInputError as e:
        raise TemplateError(f"template {path}: cannot read it ({e.problem})") from e
    except UnicodeDecodeError as e:
        raise TemplateError(f"template {path}: cannot read it ({e})") from e
    return parse(path.stem, text, str(path))


def _substitute(template: Template, text: str, values: dict[str, str]) -> str:
    try:
        return _StringTemplate(text).substitute(values)
    except KeyError as e:
        known = " ".join(f"${k}" for k in sorted(values))
        raise TemplateError(
            f"template {template.origin}: unknown placeholder ${e.args[0]} (known: {known})"
        ) from None
    except ValueError as e:
        raise TemplateError(f"template {template.origin}: {e} (write $$ for a dollar sign)") from e


def _fill_lines(template: Template, body: str, values: dict[str, str]) -> str:
    out = []
    for line in body.splitlines():
        filled = _DOUBLED_PERIOD.sub("", _substitute(template, line, values))
        only_placeholders = not _substitute(template, line, dict.fromkeys(values, "")).strip()
        if only_placeholders and line.strip() and not filled.strip():
            continue
        out.append(filled.rstrip())
    return "\n".join(out)


def _drop_empty_headings(body: str) -> str:
    paragraphs = [p.strip("\n") for p in _PARAGRAPH_BREAK.split(body)]
    kept = [p for p in paragraphs if p.strip() and not ("\n" not in p and p.endswith(":"))]
    return "\n\n".join(kept) + "\n"
