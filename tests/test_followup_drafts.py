"""Follow-up drafts: greetings, templates, and messages parsed back with the stdlib email parser."""

from __future__ import annotations

from datetime import UTC, date, datetime
from email import policy
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path
from urllib.parse import unquote

import pytest

from cardscan.contact import Contact, Note, StoredContact
from cardscan.followup import drafts, salutation, templates

WHEN = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)
PLAN = drafts.Plan(date(2026, 12, 3))


def stored(
    name: str | None = "Priya Raman",
    *,
    emails: tuple[str, ...] = ("priya.raman@northwind.test",),
    met: str | None = "PyData 2026",
    notes: tuple[str, ...] = ("Wants a demo of the dashboard",),
    **fields: str,
) -> StoredContact:
    contact = Contact(name=name, emails=emails, id=7, **fields)  # type: ignore[arg-type]
    return StoredContact(
        contact,
        met=met,
        met_on=date(2026, 11, 20),
        notes=tuple(Note(n, "2026-11-20T10:00:00+00:00") for n in notes),
        created_at="2026-11-20T10:00:00+00:00",
    )


def parsed(draft: drafts.Draft) -> EmailMessage:
    raw = bytes(drafts.to_message(draft, WHEN))
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert isinstance(message, EmailMessage)
    return message


@pytest.mark.parametrize(
    ("contact", "dear", "hi"),
    [
        pytest.param(
            Contact(name="Priya Raman", given_name="Priya", family_name="Raman"),
            "Dear Priya Raman,",
            "Hi Priya,",
            id="plain",
        ),
        pytest.param(
            Contact(name="Dr. Anna Müller", given_name="Anna", family_name="Müller"),
            "Dear Dr. Müller,",
            "Hi Anna,",
            id="doctor-keeps-title",
        ),
        pytest.param(
            Contact(name="Prof. Dr. Jonas Weber"),
            "Dear Prof. Dr. Weber,",
            "Hi Jonas,",
            id="stacked-neutral-titles",
        ),
        pytest.param(
            Contact(name="Ms. Jane Q. Doe, PhD"),
            "Dear Jane Q. Doe,",
            "Hi Jane,",
            id="gendered-title-and-credentials-dropped",
        ),
        pytest.param(
            Contact(name="Mr Lee", family_name="Lee"), "Dear Lee,", "Hi Lee,", id="mr-dropped"
        ),
        pytest.param(Contact(name="J. Doe"), "Dear J. Doe,", "Hi J. Doe,", id="initial-not-name"),
        pytest.param(
            Contact(given_name="Kenji", family_name="Sato"),
            "Dear Kenji Sato,",
            "Hi Kenji,",
            id="parts-only",
        ),
        pytest.param(Contact(company="Acme"), "Hello,", "Hello,", id="no-name"),
    ],
)
def test_greetings_never_guess_gender(contact: Contact, dear: str, hi: str) -> None:
    assert salutation.dear(contact) == dear
    assert salutation.hi(contact) == hi


def test_informational_draft_parses_back_with_name_title_and_notes() -> None:
    person = stored(
        "Dr. Anna Müller",
        emails=("anna.mueller@beispiel.test",),
        met="informational interview",
        notes=("Her team is hiring in Q1", "Read the data mesh paper"),
        given_name="Anna",
        family_name="Müller",
        title="Head of Research",
        company="Beispiel GmbH",
    )
    sender = drafts.sender_address("Alex Lee <alex@example.test>")
    message = parsed(drafts.build(person, templates.find("informational"), PLAN, sender))
    to = message["To"].addresses[0]
    assert (to.display_name, to.addr_spec) == ("Dr. Anna Müller", "anna.mueller@beispiel.test")
    assert message["From"].addresses[0].addr_spec == "alex@example.test"
    assert message["X-Unsent"] == "1"
    assert message["Date"].datetime == WHEN
    assert message["Subject"] == "Thank you for your time on November 20"
    body = message.get_content().replace("\r\n", "\n")  # policy SMTP writes CRLF lines
    assert body.startswith("Dear Dr. Müller,\n")
    assert "- Her team is hiring in Q1\n- Read the data mesh paper\n" in body
    assert "experience at Beispiel GmbH." in body
    assert "I will follow up by Thursday, December 3." in body
    assert body.rstrip().endswith("With thanks,\nAlex Lee")


def test_draft_without_sender_has_no_from_and_keeps_sign_off() -> None:
    draft = drafts.build(stored(), templates.find("networking"), PLAN)
    message = parsed(draft)
    assert message["From"] is None
    assert message["Subject"] == "Great to meet you at PyData 2026"
    assert message.get_content().rstrip().endswith("Best,")


def test_closing_names_next_step_and_date() -> None:
    plan = drafts.Plan(date(2026, 12, 1), step="send the slides.")
    body = drafts.build(stored(), templates.find("networking"), plan).body
    assert "Next step: send the slides. I will follow up by Tuesday, December 1." in body


def test_contact_without_email_is_refused() -> None:
    with pytest.raises(drafts.NoEmailError, match="has no email"):
        drafts.build(stored(emails=()), templates.find("networking"), PLAN)


@pytest.mark.parametrize(
    "field",
    [
        pytest.param("name", id="name"),
        pytest.param("company", id="company-in-subject-and-body"),
        pytest.param("met", id="met-in-subject"),
    ],
)
def test_header_injection_is_defused(field: str) -> None:
    evil = "Eve\r\nBcc: x@evil.test\nX-Injected: 1"
    values = {"name": "Eve", "met": "PyData", "company": "Acme"} | {field: evil}
    person = stored(values["name"], met=values["met"], company=values["company"])
    sender = drafts.sender_address("Me <me@example.test>")
    message = parsed(drafts.build(person, templates.find("networking"), PLAN, sender))
    assert message["Bcc"] is None
    assert message["X-Injected"] is None
    headers = "From To Subject Date X-Unsent Content-Type Content-Transfer-Encoding MIME-Version"
    assert sorted(message.keys()) == sorted(headers.split())
    assert [a.addr_spec for a in message["To"].addresses] == ["priya.raman@northwind.test"]
    assert "\n" not in message["Subject"]


def test_non_ascii_names_are_rfc2047_encoded_and_round_trip() -> None:
    person = stored("Zoë Ångström", emails=("zoe@bücher.test",), given_name="Zoë")
    raw = bytes(drafts.to_message(drafts.build(person, templates.find("networking"), PLAN), WHEN))
    assert raw.isascii()
    assert b"=?utf-8?" in raw
    message = BytesParser(policy=policy.default).parsebytes(raw)
    assert message["To"].addresses[0].display_name == "Zoë Ångström"
    assert message["To"].addresses[0].domain == "xn--bcher-kva.test"
    assert message.get_content().startswith("Hi Zoë,\r\n")


def test_mailto_is_percent_encoded_with_crlf_lines() -> None:
    draft = drafts.build(stored("Zoë Å"), templates.find("networking"), PLAN)
    link = drafts.mailto(draft)
    assert link.startswith("mailto:priya.raman@northwind.test?subject=Great%20to%20meet")
    query = link.split("?", 1)[1]
    subject, body = (part.split("=", 1)[1] for part in query.split("&"))
    assert " " not in link and "\n" not in link and "+" not in link
    assert "Hi%20Zo%C3%AB%2C%0D%0A%0D%0AIt%20was" in body
    assert unquote(body) == draft.body.rstrip("\n").replace("\n", "\r\n")
    assert unquote(subject) == draft.subject


@pytest.mark.parametrize(
    ("met", "expected"),
    [
        pytest.param("Job interview, data role", "interview", id="interview"),
        pytest.param("Informational interview over coffee", "informational", id="informational"),
        pytest.param("INFORMATIONAL chat", "informational", id="case-blind"),
        pytest.param("PyData booth", "networking", id="other"),
        pytest.param(None, "networking", id="none"),
    ],
)
def test_default_template_follows_the_meeting(met: str | None, expected: str) -> None:
    assert templates.default_name(met) == expected


def test_every_builtin_fills_without_notes_or_meeting() -> None:
    bare = stored(None, met=None, notes=(), given_name="Ola")
    for name in templates.BUILTIN_NAMES:
        body = drafts.build(bare, templates.find(name), PLAN).body
        assert "$" not in body
        assert ":\n\n" not in body  # headings of empty sections are left out
        assert "  " not in body.replace("\n  ", "")


def test_user_template_overrides_and_adds(isolated_env: Path) -> None:
    folder = isolated_env / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "conference.txt").write_text(
        "Subject: About $company, $$5 coffee\n\n$hi\n$notes\nSee you on $follow_up_on.\n$sender\n",
        encoding="utf-8",
    )
    (folder / "networking.txt").write_text("Subject: Mine\n\nHi\n", encoding="utf-8")
    names = {t.name: t.origin for t in templates.available()}
    assert names["networking"].endswith("networking.txt")
    assert names["interview"] == "built-in"
    draft = drafts.build(stored(company="Acme Inc."), templates.find("conference"), PLAN)
    assert draft.subject == "About Acme Inc., $5 coffee"
    assert draft.body == (
        "Hi Priya,\n- Wants a demo of the dashboard\nSee you on Thursday, December 3.\n"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param("Hello\n\nbody\n", "first line must be 'Subject: ...'", id="no-subject"),
        pytest.param("Subject: x\n\n$nope\n", r"unknown placeholder \$nope", id="unknown"),
        pytest.param("Subject: x\n\ncosts $5\n", "write \\$\\$ for a dollar", id="bare-dollar"),
        pytest.param(
            "Subject: x\n\n${company.__class__}\n", "write \\$\\$", id="no-attribute-access"
        ),
    ],
)
def test_bad_user_templates_fail_clearly(isolated_env: Path, text: str, message: str) -> None:
    folder = isolated_env / "config" / "templates"
    folder.mkdir(parents=True)
    (folder / "bad.txt").write_text(text, encoding="utf-8")
    with pytest.raises(templates.TemplateError, match=message):
        drafts.build(stored(), templates.find("bad"), PLAN)


def test_unknown_template_lists_known_ones() -> None:
    with pytest.raises(templates.TemplateError, match="known: informational, interview"):
        templates.find("../../etc/passwd")


@pytest.mark.parametrize(
    ("text", "name", "addr"),
    [
        pytest.param("me@example.test", "", "me@example.test", id="bare"),
        pytest.param("Alex Lee <alex@example.test>", "Alex Lee", "alex@example.test", id="named"),
        pytest.param(
            '"Lee, Alex" <alex@example.test>', "Lee, Alex", "alex@example.test", id="quoted"
        ),
        pytest.param(
            "Al\r\nBcc: x@e.test <a@example.test>", "Al Bcc: x@e.test", "a@example.test", id="group"
        ),
    ],
)
def test_sender_address(text: str, name: str, addr: str) -> None:
    sender = drafts.sender_address(text)
    assert sender is not None
    assert (sender.display_name, sender.addr_spec) == (name, addr)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("just a name", id="no-at"),
        pytest.param("Al <a@b.test> <c@d.test>", id="two-addresses"),
        pytest.param("Al <not an address>", id="spaces"),
    ],
)
def test_sender_must_be_one_address(text: str) -> None:
    with pytest.raises(drafts.BadSenderError):
        drafts.sender_address(text)
