"""Follow-up drafts: a template filled with a stored contact, as an email or a mailto: link."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime
from urllib.parse import quote

from ..contact import StoredContact
from ..errors import CardscanError, ExitCode
from . import salutation, templates

#: When no next date is given, the draft promises to follow up this long after it is written.
DEFAULT_FOLLOW_UP = timedelta(days=7)
#: Longer mailto: links are cut off by some browsers and mail clients.
MAILTO_LIMIT = 2000
#: "Name <addr>" or a bare addr; stricter than email.utils.parseaddr, which reads "A: b@c <d@e>"
#: as a group and quietly returns b@c.
_SENDER = re.compile(r"^(?:(?P<name>[^<>]*?)\s*<(?P<addr>[^<>\s]+@[^<>\s]+)>|(?P<bare>\S+@\S+))$")


class NoEmailError(CardscanError):
    """A contact with no email address to send a draft to."""

    exit_code = ExitCode.BAD_INPUT


class BadSenderError(CardscanError):
    """A --from / CARDSCAN_FROM value that is not an email address."""

    exit_code = ExitCode.BAD_INPUT


@dataclass(frozen=True)
class Draft:
    """An unsent email: header values already on one line each, the body as plain text."""

    to_name: str
    to_addr: str
    subject: str
    body: str
    sender: Address | None = None


@dataclass(frozen=True)
class Plan:
    """What the draft says about what happens next."""

    follow_up_on: date
    step: str | None = None


def sender_address(text: str | None) -> Address | None:
    """Return the From address in text ("Name <a@b.c>" or "a@b.c"); None for no text."""
    if not text or not text.strip():
        return None
    match = _SENDER.match(salutation.header_safe(text))
    if match is None:
        raise BadSenderError(f"--from: not an email address: {text!r}")
    name, addr = (match["name"] or "").strip('" '), match["addr"] or match["bare"]
    try:
        return Address(display_name=salutation.header_safe(name), addr_spec=addr)
    except (ValueError, IndexError) as e:
        raise BadSenderError(f"--from: not an email address: {text!r}") from e


def build(
    stored: StoredContact,
    template: templates.Template,
    plan: Plan,
    sender: Address | None = None,
) -> Draft:
    """Return the draft of template for a stored contact; raise NoEmailError without an email."""
    contact = stored.contact
    if not contact.emails:
        who = contact.name or "this contact"
        raise NoEmailError(f"#{stored.id} {who} has no email address to write to")
    values = placeholders(stored, plan, sender)
    filled = templates.fill(template, values)
    return Draft(
        to_name=salutation.header_safe(contact.name or ""),
        to_addr=contact.emails[0].strip(),
        subject=salutation.header_safe(filled.subject),
        body=filled.body,
        sender=sender,
    )


def placeholders(stored: StoredContact, plan: Plan, sender: Address | None) -> dict[str, str]:
    """Return every $placeholder a template may use, each a string (empty when unknown)."""
    c = stored.contact
    company = salutation.header_safe(c.company or "")
    title = salutation.header_safe(c.title or "")
    met = salutation.header_safe(stored.met or "")
    return {
        "dear": salutation.dear(c),
        "hi": salutation.hi(c),
        "name": salutation.plain_name(c) or "",
        "given_name": salutation.given_name(c) or "",
        "family_name": salutation.family_name(c) or "",
        "first_name": salutation.given_name(c) or salutation.plain_name(c) or "",
        "title": title,
        "company": company,
        "role": " at ".join(x for x in (title, company) if x),
        "at_company": f" at {company}" if company else "",
        "email": c.emails[0] if c.emails else "",
        "met": met,
        "at_met": f" at {met}" if met else "",
        "met_on": f"{stored.met_on:%B} {stored.met_on.day}" if stored.met_on else "",
        "notes": "\n".join(_bullet(n.text) for n in stored.notes),
        "next_step": salutation.header_safe(plan.step or ""),
        "follow_up_on": long_date(plan.follow_up_on),
        "closing": closing(plan),
        "sender": sender.display_name if sender else "",
    }


def long_date(day: date) -> str:
    """Return a date as written in a letter: "Thursday, December 3" (no locale needed)."""
    return f"{day:%A}, {day:%B} {day.day}"


def closing(plan: Plan) -> str:
    """Return the closing line: the next step, if any, and when you will follow up."""
    when = f"I will follow up by {long_date(plan.follow_up_on)}."
    step = salutation.header_safe(plan.step or "").rstrip(".")
    return f"Next step: {step}. {when}" if step else when


def _bullet(note: str) -> str:
    lines = [ln.strip() for ln in note.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    lines = [ln for ln in lines if ln]
    return "- " + "\n  ".join(lines) if lines else ""


def to_message(draft: Draft, when: datetime) -> EmailMessage:
    """Return the draft as an RFC 5322 message that mail clients open as unsent (X-Unsent: 1)."""
    addr = ascii_domain(draft.to_addr)
    # A non-ASCII local part cannot be written in plain RFC 5322: only as RFC 6532 UTF-8 headers.
    msg = EmailMessage(policy=policy.SMTP if addr.isascii() else policy.SMTPUTF8)
    if draft.sender is not None:
        msg["From"] = draft.sender
    try:
        if addr.isascii():
            msg["To"] = Address(display_name=draft.to_name, addr_spec=addr)
        else:  # the parser behind addr_spec= refuses non-ASCII local parts even under SMTPUTF8
            local, _, domain = addr.rpartition("@")
            msg["To"] = Address(display_name=draft.to_name, username=local, domain=domain)
    except (ValueError, IndexError) as e:
        raise NoEmailError(f"not a usable email address: {draft.to_addr!r}") from e
    msg["Subject"] = draft.subject
    msg["Date"] = format_datetime(when)
    msg["X-Unsent"] = "1"
    msg.set_content(draft.body)
    return msg


def ascii_domain(addr: str) -> str:
    """Return addr with an internationalised domain in its ASCII (IDNA) form."""
    local, at, domain = addr.rpartition("@")
    if not at or domain.isascii():
        return addr
    try:
        return f"{local}@{domain.encode('idna').decode('ascii')}"
    except UnicodeError:
        return addr


def to_text(draft: Draft) -> str:
    """Return the draft as a person reads it: To, Subject, a blank line, the body."""
    to = f'"{draft.to_name}" <{draft.to_addr}>' if draft.to_name else draft.to_addr
    head = [f"From: {draft.sender}"] if draft.sender else []
    head += [f"To: {to}", f"Subject: {draft.subject}"]
    return "\n".join(head) + "\n\n" + draft.body


def mailto(draft: Draft) -> str:
    """Return an RFC 6068 mailto: link: UTF-8 percent-encoded, body lines joined with CRLF."""
    body = "\r\n".join(draft.body.rstrip("\n").split("\n"))
    return (
        f"mailto:{quote(draft.to_addr, safe='@')}"
        f"?subject={quote(draft.subject, safe='')}&body={quote(body, safe='')}"
    )
