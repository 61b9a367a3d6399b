"""Follow-ups as iCalendar: read back with icalendar, UIDs stable, times in UTC, alarms."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from typing import Any

from icalendar import Calendar

from desktop.app import Services
from desktop.calendar_export import reminder_uid, reminders_to_ics
from desktop.services.followups import FollowUpService
from desktop.services.reminders import ReminderRecord
from tests.support.followup_world import LONDON, NOW, add_contact, add_event, utc

KEEP = ReminderRecord(
    id=4,
    contact_id=7,
    contact="Ann Smith",
    kind="keep_in_touch",
    reason="Keep in touch with Ann Smith (every 30 days; last contact 2 Oct)",
    due_at=utc(2026, 11, 1, 9),
    status="open",
    source_key="keep_in_touch:contact=7:since=2026-10-02",
)
SNOOZED = ReminderRecord(
    id=5,
    contact_id=8,
    contact="Bob Brown",
    kind="after_event",
    reason="Follow up with Bob Brown after Design Meetup",
    due_at=utc(2026, 11, 18, 9),
    status="snoozed",
    snoozed_until=utc(2026, 11, 30, 12),
    source_key="after_event:event=2:contact=8",
)
MANUAL = ReminderRecord(
    id=6,
    contact_id=None,
    contact=None,
    kind="manual",
    reason="Renew the domain; ask about DNS, too\nand the certificate",
    # 10:00 at UTC+2 is 08:00 UTC.
    due_at=datetime(2026, 12, 1, 10, 0, tzinfo=timezone(timedelta(hours=2))),
    status="open",
    rrule="FREQ=YEARLY",
)


def events(data: bytes) -> list[Any]:
    calendar = Calendar.from_ical(data)
    return list(calendar.walk("VEVENT"))


def test_each_reminder_is_an_event_with_its_reason_and_due_time_in_utc() -> None:
    data = reminders_to_ics([KEEP, SNOOZED, MANUAL], now=NOW)
    calendar = Calendar.from_ical(data)
    assert calendar["VERSION"] == "2.0"
    found = events(data)
    assert [str(e["SUMMARY"]) for e in found] == [KEEP.reason, SNOOZED.reason, MANUAL.reason]
    starts = [e.decoded("DTSTART") for e in found]
    # A snoozed reminder is due when the snooze ends.
    assert starts == [utc(2026, 11, 1, 9), utc(2026, 11, 30, 12), utc(2026, 12, 1, 8)]
    assert all(start.utcoffset() == timedelta(0) for start in starts)
    assert b"DTSTART:20261201T080000Z" in data
    for event, start in zip(found, starts, strict=True):
        assert event.decoded("DTEND") == start + timedelta(minutes=15)
        assert event.decoded("DTSTAMP") == NOW
        assert str(event["TRANSP"]) == "TRANSPARENT"
    assert "Contact: Ann Smith" in str(found[0]["DESCRIPTION"])
    assert "Repeats: FREQ=YEARLY" in str(found[2]["DESCRIPTION"])


def test_every_event_has_an_alarm_at_its_due_time() -> None:
    for event in events(reminders_to_ics([KEEP, SNOOZED, MANUAL], now=NOW)):
        (alarm,) = event.walk("VALARM")
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert alarm.decoded("TRIGGER") == timedelta(0)
        assert str(alarm["DESCRIPTION"]) == str(event["SUMMARY"])


def test_uids_are_unique_and_stable_across_exports() -> None:
    first = [str(e["UID"]) for e in events(reminders_to_ics([KEEP, SNOOZED, MANUAL], now=NOW))]
    later = NOW + timedelta(days=3)
    moved = replace(KEEP, id=40, due_at=utc(2026, 11, 2, 9))
    second = [str(e["UID"]) for e in events(reminders_to_ics([MANUAL, moved], now=later))]
    assert len(set(first)) == 3
    # The same cause keeps its UID even when its row and due time change.
    assert second == [first[2], first[0]]
    assert first[0] == reminder_uid(KEEP)
    assert reminder_uid(replace(MANUAL, id=7)) != reminder_uid(MANUAL)


def test_an_empty_export_is_a_valid_calendar() -> None:
    data = reminders_to_ics([], now=NOW)
    assert events(data) == []
    assert Calendar.from_ical(data)["PRODID"] == "-//Rapport//Follow-ups//EN"


def test_stored_follow_ups_export_with_the_uids_of_their_source_keys(
    services: Services,
) -> None:
    followups = FollowUpService(services.vault.sessions, zone=LONDON)
    ann = add_contact(services, "Ann Smith")
    add_event(services, date(2026, 11, 16), ann)
    followups.add_manual(ann, "Send the deck", utc(2026, 11, 25, 9))
    records = followups.open_reminders(NOW)
    first = events(reminders_to_ics(records, now=NOW))
    again = events(reminders_to_ics(followups.open_reminders(NOW), now=NOW))
    assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in again]
    assert [str(e["UID"]) for e in first] == [reminder_uid(r) for r in records]
    assert [str(e["SUMMARY"]) for e in first] == [
        "Follow up with Ann Smith after Meetup",
        "Send the deck",
    ]
