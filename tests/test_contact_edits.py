"""The checks every hand-typed value goes through, and ContactEdit applied to contacts."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pytest

from cardscan.contact import Contact, Phone
from cardscan.contact_edits import (
    ContactEdit,
    InvalidValueError,
    ListEdit,
    address_value,
    email_value,
    note_value,
    past_day,
    phone_value,
    social_value,
    tag_value,
    text_value,
    website_value,
)
from cardscan.errors import ExitCode

JANE = Contact(
    name="Jane Doe",
    given_name="Jane",
    family_name="Doe",
    title="CTO",
    emails=("jane@acme.example", "j.doe@acme.example"),
    phones=(Phone("+14155550100", "work"), Phone("+14155550199", "fax")),
    websites=("www.acme.example",),
    confidence={"title": 0.3, "emails": 0.4},
    warnings=("title: low confidence (0.30)",),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("+1 415 555 0100", Phone("+14155550100", "work"), id="plain"),
        pytest.param("fax:+1 415 555 0100", Phone("+14155550100", "fax"), id="kind"),
        pytest.param("Mobile: (415) 555-0142", Phone("+14155550142", "mobile"), id="kind-national"),
        pytest.param("+1 415-555-0100 ext. 210", Phone("+14155550100", "work", "210"), id="ext"),
        pytest.param("+44 7911 123456", Phone("+447911123456", "mobile"), id="uk-mobile-range"),
    ],
)
def test_phone_value_reads_kind_and_extension(text: str, expected: Phone) -> None:
    assert phone_value(text, "US") == expected


@pytest.mark.parametrize(
    ("check", "text", "problem"),
    [
        pytest.param(email_value, "not an email", "not an email address", id="email"),
        pytest.param(email_value, "jane@", "not an email address", id="email-no-domain"),
        pytest.param(email_value, "  ", "is blank", id="email-blank"),
        pytest.param(lambda t: phone_value(t, "US"), "12", "not a phone number", id="phone-short"),
        pytest.param(
            lambda t: phone_value(t, "US"), "pager:+1 415 555 0100", "unknown kind", id="kind"
        ),
        pytest.param(website_value, "jane@acme.example", "not a web address", id="web-email"),
        pytest.param(website_value, "acme", "not a web address", id="web-no-dot"),
        pytest.param(social_value, "@", "not a @handle", id="social-empty-handle"),
        pytest.param(tag_value, "", "is blank", id="tag-blank"),
        pytest.param(note_value, " \n ", "is blank", id="note-blank"),
        pytest.param(lambda t: text_value("name", t), "Jane\nDoe", "a line break", id="newline"),
        pytest.param(lambda t: text_value("name", t), "Jane\x1b[31m", "U+001B", id="escape"),
        pytest.param(note_value, "ok\x07", "U+0007", id="note-bell"),
    ],
)
def test_bad_values_are_refused_with_the_field_named(
    check: Callable[[str], object], text: str, problem: str
) -> None:
    with pytest.raises(InvalidValueError) as caught:
        check(text)
    assert problem in str(caught.value)
    assert caught.value.exit_code == ExitCode.USAGE


def test_good_values_pass_stripped() -> None:
    assert text_value("title", "  Head of Data ") == "Head of Data"
    assert text_value("title", "   ") is None
    assert email_value(" jane@acme.example ") == "jane@acme.example"
    assert website_value("https://acme.example/team") == "https://acme.example/team"
    assert social_value("@jane_doe") == "@jane_doe"
    assert social_value("linkedin.com/in/jane") == "linkedin.com/in/jane"
    assert note_value("first line\r\nsecond line ") == "first line\nsecond line"


def test_past_day_refuses_the_future() -> None:
    today = date(2026, 11, 28)
    assert past_day("met_on", today, today) == today
    with pytest.raises(InvalidValueError, match="in the future"):
        past_day("met_on", today + timedelta(days=1), today)


def test_address_value_finds_the_parts() -> None:
    address = address_value("500 Market Street, Suite 12, San Francisco, CA 94105")
    assert address is not None
    assert address.text == "500 Market Street, Suite 12, San Francisco, CA 94105"
    assert (address.street, address.extended) == ("500 Market Street", "Suite 12")
    assert (address.city, address.region, address.postcode) == ("San Francisco", "CA", "94105")
    assert address_value("  ") is None


@pytest.mark.parametrize(
    ("edit", "field", "expected"),
    [
        pytest.param(ContactEdit(title="VP Data"), "title", "VP Data", id="title"),
        pytest.param(ContactEdit(title=""), "title", None, id="clear-title"),
        pytest.param(ContactEdit(department="Platform"), "department", "Platform", id="dept"),
        pytest.param(
            ContactEdit(emails=ListEdit(remove=("JANE@acme.example",))),
            "emails",
            ("j.doe@acme.example",),
            id="remove-email-any-case",
        ),
        pytest.param(
            ContactEdit(emails=ListEdit(add=("new@acme.example", "jane@acme.example"))),
            "emails",
            ("jane@acme.example", "j.doe@acme.example", "new@acme.example"),
            id="add-email-once",
        ),
        pytest.param(
            ContactEdit(emails=ListEdit(replace=("x@acme.example",))),
            "emails",
            ("x@acme.example",),
            id="replace-emails",
        ),
        pytest.param(
            ContactEdit(phones=ListEdit(remove=("fax",))),
            "phones",
            (Phone("+14155550100", "work"),),
            id="remove-phone-by-kind",
        ),
        pytest.param(
            ContactEdit(phones=ListEdit(remove=("+14155550100",))),
            "phones",
            (Phone("+14155550199", "fax"),),
            id="remove-phone-by-number",
        ),
        pytest.param(
            ContactEdit(phones=ListEdit(add=(Phone("+14155550100", "mobile"),))),
            "phones",
            (Phone("+14155550199", "fax"), Phone("+14155550100", "mobile")),
            id="add-phone-replaces-same-number",
        ),
        pytest.param(
            ContactEdit(websites=ListEdit(remove=("WWW.acme.example",))),
            "websites",
            (),
            id="remove-website",
        ),
    ],
)
def test_contact_edit_apply(edit: ContactEdit, field: str, expected: object) -> None:
    assert getattr(edit.apply(JANE), field) == expected


def test_an_edited_field_is_trusted_and_its_warning_goes() -> None:
    edited = ContactEdit(title="Chief Technology Officer").apply(JANE)
    assert edited.confidence["title"] == 1.0
    assert edited.warnings == ()
    assert edited.confidence["emails"] == 0.4  # untouched fields keep their doubt


def test_a_new_name_is_split_again() -> None:
    edited = ContactEdit(name="María José García").apply(JANE)
    assert (edited.name, edited.given_name, edited.family_name) == (
        "María José García",
        "María",
        "García",
    )


@pytest.mark.parametrize(
    ("make", "problem"),
    [
        pytest.param(lambda: ContactEdit(name="Jane\nDoe"), "a line break", id="name-newline"),
        pytest.param(
            lambda: ContactEdit(emails=ListEdit(add=("nope",))), "not an email", id="bad-add"
        ),
        pytest.param(lambda: ContactEdit(add_tags=("\t",)), "a tab", id="tag-tab"),
        pytest.param(
            lambda: ContactEdit(met_on=date.today() + timedelta(days=2)),
            "in the future",
            id="met-future",
        ),
        pytest.param(
            lambda: ContactEdit(emails=ListEdit(remove=("x@y.example",))).apply(JANE),
            "is not one of them",
            id="remove-missing",
        ),
        pytest.param(
            lambda: ContactEdit(phones=ListEdit(remove=("mobile",))).apply(JANE),
            "is not one of them",
            id="remove-missing-kind",
        ),
    ],
)
def test_contact_edit_refuses(make: Callable[[], object], problem: str) -> None:
    with pytest.raises(InvalidValueError, match=problem):
        make()


def test_is_empty() -> None:
    assert ContactEdit().is_empty
    assert not ContactEdit(title="").is_empty
    assert not ContactEdit(remove_notes=(1,)).is_empty
    assert not ContactEdit(phones=ListEdit(remove=("fax",))).is_empty
