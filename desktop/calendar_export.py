"""Follow-ups as an iCalendar file, for the calendar the user already looks at.

Each reminder is a short VEVENT with an alarm at its due time. Events rather than
VTODOs because Google Calendar and Outlook import only events. Each UID is derived from
what the reminder is about (its source key, or its id for one set by hand), so
importing a newer export updates the entries instead of adding copies.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from icalendar import Alarm, Calendar, Event

from desktop.services.reminders import ReminderRecord

PRODID = "-//Rapport//Follow-ups//EN"
# Fixed forever: changing it would change every UID and duplicate every imported entry.
UID_NAMESPACE = uuid.UUID("5d0c3f4e-8a51-4d7e-9b0e-52a1f0c6b7d2")
UID_DOMAIN = "rapport.invalid"
EVENT_LENGTH = timedelta(minutes=15)

_KIND_LABELS = {
    "after_event": "after an event",
    "keep_in_touch": "keep in touch",
    "reciprocity": "return a favour",
    "promise": "promise",
    "intro_checkin": "introduction check-in",
    "manual": "reminder",
}


def reminder_uid(reminder: ReminderRecord) -> str:
    """Return the stable iCalendar UID of a reminder."""
    basis = f"source:{reminder.source_key}" if reminder.source_key else f"id:{reminder.id}"
    return f"{uuid.uuid5(UID_NAMESPACE, basis)}@{UID_DOMAIN}"


def reminders_to_ics(reminders: Sequence[ReminderRecord], *, now: datetime) -> bytes:
    """Return an iCalendar file with one event and alarm per reminder, times in UTC."""
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", "Rapport follow-ups")
    stamp = now.astimezone(UTC)
    for reminder in reminders:
        calendar.add_component(_event(reminder, stamp))
    data: bytes = calendar.to_ical()
    return data


def _event(reminder: ReminderRecord, stamp: datetime) -> Event:
    start = reminder.effective_due.astimezone(UTC)
    event = Event()
    event.add("uid", reminder_uid(reminder))
    event.add("dtstamp", stamp)
    event.add("dtstart", start)
    event.add("dtend", start + EVENT_LENGTH)
    event.add("summary", reminder.reason)
    event.add("description", _description(reminder))
    event.add("categories", ["Rapport"])
    # A reminder is not a meeting: it must not make the user look busy.
    event.add("transp", "TRANSPARENT")

    alarm = Alarm()
    alarm.add("action", "DISPLAY")
    alarm.add("description", reminder.reason)
    alarm.add("trigger", timedelta(0))
    event.add_component(alarm)
    return event


def _description(reminder: ReminderRecord) -> str:
    kind = _KIND_LABELS.get(reminder.kind, reminder.kind.replace("_", " "))
    lines = [f"Rapport follow-up ({kind})."]
    if reminder.contact:
        lines.append(f"Contact: {reminder.contact}")
    if reminder.rrule:
        lines.append(f"Repeats: {reminder.rrule}")
    return "\n".join(lines)
