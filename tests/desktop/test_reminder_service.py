"""ReminderService: manual follow-ups and the status of any reminder."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop.app import Services
from desktop.errors import NotFoundError, ValidationError
from desktop.records import ContactInput

NOW = datetime(2026, 9, 1, 8, 0, tzinfo=UTC)


def _contact(services: Services, name: str = "Ann Smith") -> int:
    return services.contacts.add(ContactInput(name=name)).id


def test_add_a_manual_reminder(services: Services) -> None:
    ann = _contact(services)
    due = NOW + timedelta(days=2)
    record = services.reminders.add(ann, "  Send   the deck ", due, rrule="FREQ=WEEKLY")
    assert record.contact_id == ann
    assert record.contact == "Ann Smith"
    assert (record.kind, record.status) == ("manual", "open")
    assert record.reason == "Send the deck"
    assert record.due_at == due
    assert record.rrule == "FREQ=WEEKLY"
    assert services.reminders.open_reminders() == [record]


def test_a_reminder_need_not_name_a_contact(services: Services) -> None:
    record = services.reminders.add(None, "Renew the domain", NOW)
    assert (record.contact_id, record.contact) == (None, None)
    assert services.reminders.open_reminders() == [record]


def test_due_time_in_another_zone_is_kept_as_the_same_instant(services: Services) -> None:
    paris = timezone(timedelta(hours=2))
    services.reminders.add(None, "Call", datetime(2026, 9, 1, 10, 0, tzinfo=paris))
    (stored,) = services.reminders.open_reminders()
    assert stored.due_at == NOW
    assert stored.due_at.tzinfo is not None


@pytest.mark.parametrize(
    ("reason", "due_at", "message"),
    [
        ("", NOW, "Say what the reminder is for"),
        ("  \n", NOW, "Say what the reminder is for"),
        ("Call", datetime(2026, 9, 1, 8, 0), "needs a time zone"),
    ],
    ids=["empty", "blank", "naive"],
)
def test_bad_reminders_are_refused(
    services: Services, reason: str, due_at: datetime, message: str
) -> None:
    ann = _contact(services)
    with pytest.raises(ValidationError, match=message):
        services.reminders.add(ann, reason, due_at)
    assert services.reminders.open_reminders() == []


def test_unknown_contact_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError, match="no contact with id 999"):
        services.reminders.add(999, "Call", NOW)
    assert services.reminders.open_reminders() == []


def test_open_reminders_soonest_first_and_until(services: Services) -> None:
    ann = _contact(services)
    later = services.reminders.add(ann, "Later", NOW + timedelta(days=10))
    soon = services.reminders.add(ann, "Soon", NOW + timedelta(days=1))
    overdue = services.reminders.add(None, "Overdue", NOW - timedelta(days=1))
    assert [r.id for r in services.reminders.open_reminders()] == [overdue.id, soon.id, later.id]
    until = NOW + timedelta(days=1)
    assert [r.id for r in services.reminders.open_reminders(until=until)] == [overdue.id, soon.id]
    assert services.reminders.open_reminders(until=NOW - timedelta(days=5)) == []


def test_done_and_dismissed_leave_the_open_list_and_can_reopen(services: Services) -> None:
    ann = _contact(services)
    done = services.reminders.add(ann, "Done one", NOW)
    dismissed = services.reminders.add(ann, "Dismissed one", NOW)
    snoozed = services.reminders.add(None, "Snoozed one", NOW)

    marked = services.reminders.set_status(done.id, "done", now=NOW)
    assert (marked.status, marked.contact) == ("done", "Ann Smith")
    services.reminders.set_status(dismissed.id, "dismissed", now=NOW)
    snoozed_record = services.reminders.set_status(snoozed.id, "snoozed", now=NOW)
    assert snoozed_record.contact is None
    # A snoozed reminder is still pending; done and dismissed ones are not.
    assert [r.id for r in services.reminders.open_reminders()] == [snoozed.id]

    reopened = services.reminders.set_status(done.id, "open", now=NOW)
    assert reopened.status == "open"
    assert {r.id for r in services.reminders.open_reminders()} == {done.id, snoozed.id}


def test_set_status_validates(services: Services) -> None:
    record = services.reminders.add(None, "Call", NOW)
    with pytest.raises(ValidationError, match="not a reminder status"):
        services.reminders.set_status(record.id, "finished", now=NOW)
    with pytest.raises(NotFoundError, match="no reminder with id 999"):
        services.reminders.set_status(999, "done", now=NOW)
    assert services.reminders.open_reminders()[0].status == "open"


def test_deleting_a_contact_removes_their_reminders(services: Services) -> None:
    ann = _contact(services)
    services.reminders.add(ann, "Call Ann", NOW)
    general = services.reminders.add(None, "General", NOW)
    services.contacts.delete(ann)
    assert services.reminders.open_reminders() == [general]


def test_a_bad_repeat_rule_is_refused_with_its_reason(services: Services) -> None:
    with pytest.raises(ValidationError, match="repeat rule is not valid"):
        services.reminders.add(None, "Water the plants", NOW, rrule="FREQ=SOMETIMES")
    assert services.reminders.open_reminders() == []
