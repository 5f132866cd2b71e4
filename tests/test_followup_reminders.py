"""Calendar reminders parsed back with icalendar."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from icalendar import Calendar

from cardscan.contact import Contact, Note, StoredContact
from cardscan.followup import reminders

STAMP = datetime(2026, 11, 26, 9, 30, tzinfo=UTC)


def person(name: str = "Dr. Anna Müller") -> StoredContact:
    contact = Contact(
        id=3,
        name=name,
        title="Head of Research",
        company="Beispiel GmbH",
        emails=("anna.mueller@beispiel.test",),
    )
    return StoredContact(
        contact,
        met="informational interview",
        met_on=date(2026, 11, 20),
        notes=(Note("Hiring in Q1; ask about, the team", "2026-11-20T10:00:00+00:00"),),
        created_at="2026-11-20T10:00:00+00:00",
    )


def test_reminder_is_an_all_day_event_a_calendar_can_import() -> None:
    ics = reminders.reminder(person(), date(2026, 12, 3), "send my portfolio", STAMP)
    calendar = Calendar.from_ical(ics)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == reminders.PRODID
    (event,) = calendar.walk("VEVENT")
    assert event.decoded("DTSTART") == date(2026, 12, 3)
    assert event["DTSTART"].params["VALUE"] == "DATE"
    assert event.decoded("DTEND") == date(2026, 12, 4)
    assert event.decoded("DTSTAMP") == STAMP
    assert str(event["SUMMARY"]) == "Follow up with Anna Müller"
    assert str(event["DESCRIPTION"]).splitlines() == [
        "Next step: send my portfolio",
        "Email: anna.mueller@beispiel.test",
        "Head of Research, Beispiel GmbH",
        "Met: informational interview on 2026-11-20",
        "Notes:",
        "- Hiring in Q1; ask about, the team",
    ]
    assert str(event["UID"]).endswith("@cardscan")


def test_uid_is_stable_for_a_contact_and_day() -> None:
    def uid(day: date) -> str:
        ics = reminders.reminder(person(), day, None, STAMP)
        return str(Calendar.from_ical(ics).walk("VEVENT")[0]["UID"])

    assert uid(date(2026, 12, 3)) == uid(date(2026, 12, 3))
    assert uid(date(2026, 12, 3)) != uid(date(2026, 12, 4))


def test_summary_stays_on_one_line() -> None:
    ics = reminders.reminder(person("Eve\r\nEND:VEVENT"), date(2026, 12, 3), None, STAMP)
    (event,) = Calendar.from_ical(ics).walk("VEVENT")
    assert str(event["SUMMARY"]) == "Follow up with Eve END:VEVENT"
    assert ics.split(b"\r\n").count(b"END:VEVENT") == 1


def test_reminder_alerts_the_morning_it_is_due_by_default() -> None:
    ics = reminders.reminder(person(), date(2026, 12, 3), None, STAMP)
    (alarm,) = Calendar.from_ical(ics).walk("VALARM")
    assert alarm["ACTION"] == "DISPLAY"
    assert alarm.decoded("TRIGGER") == timedelta(hours=9)
    assert "Anna Müller" in str(alarm["DESCRIPTION"])


def test_reminder_alarm_time_or_none() -> None:
    early = reminders.reminder(person(), date(2026, 12, 3), None, STAMP, time(7, 30))
    (alarm,) = Calendar.from_ical(early).walk("VALARM")
    assert alarm.decoded("TRIGGER") == timedelta(hours=7, minutes=30)
    silent = reminders.reminder(person(), date(2026, 12, 3), None, STAMP, None)
    assert Calendar.from_ical(silent).walk("VALARM") == []
