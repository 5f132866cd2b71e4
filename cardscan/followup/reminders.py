"""Calendar reminders: an all-day VEVENT to follow up with a contact, as an .ics file."""

from __future__ import annotations

import uuid
from datetime import date, datetime, time, timedelta

from icalendar import Alarm, Calendar, Event

from ..contact import StoredContact
from . import salutation

PRODID = "-//cardscan//follow-up reminders//EN"
#: Namespace of reminder UIDs: the same contact and day always give the same UID, so importing
#: a reminder again updates the event instead of adding a second one.
_UID_NAMESPACE = uuid.UUID("5b0c6d0e-8f3a-4d4e-9a51-6f1d2c7e9b10")
#: when the calendar alerts, unless told otherwise: the morning the follow-up is due
DEFAULT_ALARM = time(9, 0)


def reminder(
    stored: StoredContact,
    day: date,
    step: str | None,
    stamp: datetime,
    alarm: time | None = DEFAULT_ALARM,
) -> bytes:
    """Return an iCalendar file holding one all-day event on day to follow up with a contact,
    with an alarm at alarm o'clock that day (local time; None: no alarm)."""
    contact = stored.contact
    name = salutation.plain_name(contact) or (contact.emails[0] if contact.emails else "contact")
    event = Event()
    key = f"{stored.id}/{stored.created_at}/{day.isoformat()}"
    event.add("uid", f"{uuid.uuid5(_UID_NAMESPACE, key)}@cardscan")
    event.add("dtstamp", stamp)
    event.add("dtstart", day)
    event.add("dtend", day + timedelta(days=1))
    event.add("summary", f"Follow up with {name}")
    event.add("description", description(stored, step))
    event.add("transp", "TRANSPARENT")  # a reminder, not a meeting: the day stays free
    if alarm is not None:
        # An all-day event starts at midnight local time, so the offset is the time of day.
        ring = Alarm()
        ring.add("action", "DISPLAY")
        ring.add("description", f"Follow up with {name}")
        ring.add("trigger", timedelta(hours=alarm.hour, minutes=alarm.minute))
        event.add_component(ring)
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add_component(event)
    return calendar.to_ical()


def description(stored: StoredContact, step: str | None) -> str:
    """Return the event text: next step, how to reach them, the meeting and its notes."""
    contact = stored.contact
    lines = []
    if step:
        lines.append(f"Next step: {salutation.header_safe(step)}")
    if contact.emails:
        lines.append(f"Email: {contact.emails[0]}")
    role = ", ".join(x for x in (contact.title, contact.company) if x)
    if role:
        lines.append(salutation.header_safe(role))
    met = " on ".join(
        x for x in (stored.met, stored.met_on.isoformat() if stored.met_on else None) if x
    )
    if met:
        lines.append(f"Met: {salutation.header_safe(met)}")
    if stored.notes:
        lines.append("Notes:")
        lines += [f"- {salutation.header_safe(n.text)}" for n in stored.notes]
    return "\n".join(lines)
