"""FollowUpService actions (done, snooze, dismiss, manual and repeating reminders) and `due`."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from desktop.app import Services
from desktop.errors import NotFoundError, ValidationError
from desktop.services.followups import FollowUpService
from tests.support.followup_world import (
    LONDON,
    NOW,
    add_contact,
    add_event,
    by_key,
    log_call,
    stored,
    utc,
)


@pytest.fixture
def followups(services: Services) -> FollowUpService:
    return FollowUpService(services.vault.sessions, zone=LONDON)


@pytest.fixture
def ann(services: Services) -> int:
    return add_contact(services, "Ann Smith")


def _after_event_id(services: Services, followups: FollowUpService, contact: int) -> int:
    add_event(services, date(2026, 11, 16), contact)
    (record,) = [r for r in followups.today(NOW).overdue if r.kind == "after_event"]
    return record.id


# -- done -------------------------------------------------------------------------------


def test_done_with_a_logged_interaction_restarts_the_cadence(
    services: Services, followups: FollowUpService
) -> None:
    ann = add_contact(services, "Ann Smith", cadence=30)
    log_call(services, ann, utc(2026, 10, 1, 10))
    (kit,) = followups.today(NOW).overdue
    assert kit.kind == "keep_in_touch"

    assert followups.complete(kit.id, NOW, log_interaction=True, note="  Coffee  catch-up ") is None
    latest = services.interactions.timeline(ann)[0]
    assert (latest.note, latest.occurred_at) == ("Coffee catch-up", NOW)

    view = followups.today(NOW)
    assert view.overdue == ()
    assert view.losing_touch == ()
    rows = by_key(services)
    assert rows[kit.source_key].status == "done"
    assert rows[f"keep_in_touch:contact={ann}:since=2026-11-23"].due_at == utc(2026, 12, 23, 9)


def test_done_after_an_event_with_a_log_uses_the_reason_as_the_note(
    services: Services, followups: FollowUpService, ann: int
) -> None:
    reminder = _after_event_id(services, followups, ann)
    followups.complete(reminder, NOW, log_interaction=True)
    assert services.interactions.timeline(ann)[0].note == (
        "Followed up: Follow up with Ann Smith after Meetup"
    )
    assert all(r.kind != "after_event" for r in followups.today(NOW).overdue)


def test_a_repeating_reminder_moves_to_its_next_date_across_a_clock_change(
    followups: FollowUpService, ann: int
) -> None:
    # Monday 19 October 2026, 09:00 in London is 08:00 UTC (summer time); the clocks go
    # back on 25 October, so the next Monday's 09:00 is 09:00 UTC.
    first = followups.add_manual(ann, "Weekly call", utc(2026, 10, 19, 8), rrule="freq=weekly")
    assert first.rrule == "FREQ=WEEKLY"
    moved = followups.complete(first.id, utc(2026, 10, 20, 10))
    assert moved is not None
    assert (moved.id, moved.status, moved.snoozed_until) == (first.id, "open", None)
    assert moved.due_at == utc(2026, 10, 26, 9)
    assert moved.due_at.astimezone(LONDON).hour == 9

    # Done weeks late: the missed Mondays are skipped.
    again = followups.complete(first.id, NOW)
    assert again is not None and again.due_at == utc(2026, 11, 30, 9)


def test_a_repeating_reminder_ends_with_its_rule(followups: FollowUpService, ann: int) -> None:
    record = followups.add_manual(
        ann, "Chase the invoice", utc(2026, 11, 2, 9), rrule="FREQ=WEEKLY;UNTIL=20261112"
    )
    moved = followups.complete(record.id, utc(2026, 11, 2, 10))
    assert moved is not None and moved.due_at == utc(2026, 11, 9, 9)
    assert followups.complete(record.id, utc(2026, 11, 9, 10)) is None
    assert followups.today(NOW).overdue == ()


# -- snooze and dismiss -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("choice", "until"),
    [
        ("1d", utc(2026, 11, 24, 12)),
        ("1w", utc(2026, 11, 30, 12)),
        (date(2026, 12, 1), utc(2026, 12, 1, 9)),
    ],
)
def test_snooze_puts_a_reminder_off(
    services: Services,
    followups: FollowUpService,
    ann: int,
    choice: str | date,
    until: datetime,
) -> None:
    reminder = _after_event_id(services, followups, ann)
    record = followups.snooze(reminder, choice, NOW)
    assert (record.status, record.snoozed_until, record.effective_due) == ("snoozed", until, until)
    view = followups.today(NOW)
    assert reminder not in [r.id for r in view.overdue]
    assert [r.id for r in view.week] == ([reminder] if until <= utc(2026, 12, 1) else [])
    assert followups.due(until, now=NOW)[0].id == reminder


@pytest.mark.parametrize(
    ("choice", "message"),
    [
        ("2d", "Snooze for 1d or 1w, or until a date"),
        (date(2026, 11, 20), "Pick a later day to snooze until"),
    ],
)
def test_bad_snoozes_are_refused(
    services: Services, followups: FollowUpService, ann: int, choice: str | date, message: str
) -> None:
    reminder = _after_event_id(services, followups, ann)
    before = stored(services)
    with pytest.raises(ValidationError, match=message):
        followups.snooze(reminder, choice, NOW)
    assert stored(services) == before


def test_dismiss_is_for_good(services: Services, followups: FollowUpService, ann: int) -> None:
    reminder = _after_event_id(services, followups, ann)
    assert followups.dismiss(reminder, NOW).status == "dismissed"
    followups.refresh(NOW)
    assert all(r.id != reminder for r in followups.today(NOW).overdue)
    with pytest.raises(ValidationError, match=f"Reminder {reminder} is already dismissed"):
        followups.snooze(reminder, "1d", NOW)
    with pytest.raises(ValidationError, match="already dismissed; there is nothing to mark done"):
        followups.complete(reminder, NOW)


@pytest.mark.parametrize("action", ["complete", "dismiss", "snooze"])
def test_an_unknown_reminder_is_not_found(followups: FollowUpService, action: str) -> None:
    with pytest.raises(NotFoundError, match="no reminder with id 999"):
        if action == "snooze":
            followups.snooze(999, "1d", NOW)
        else:
            getattr(followups, action)(999, NOW)


# -- manual reminders -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("contact", "reason", "due_at", "rrule", "error", "message"),
    [
        (1, " ", NOW, None, ValidationError, "Say what the reminder is for"),
        (1, "Call", datetime(2026, 11, 30, 9), None, ValidationError, "needs a time zone"),
        (1, "Call", NOW, "FREQ=HOURLY", ValidationError, "That repeat rule is not valid"),
        (1, "Call", NOW, "FREQ=WEEKLY;COUNT=0", ValidationError, "COUNT must be a whole"),
        (999, "Call", NOW, None, NotFoundError, "no contact with id 999"),
    ],
    ids=["blank", "naive", "hourly", "count-zero", "unknown-contact"],
)
def test_bad_manual_reminders_are_refused(
    services: Services,
    followups: FollowUpService,
    ann: int,
    contact: int,
    reason: str,
    due_at: datetime,
    rrule: str | None,
    error: type[Exception],
    message: str,
) -> None:
    with pytest.raises(error, match=message):
        followups.add_manual(contact, reason, due_at, rrule)
    assert stored(services) == []


def test_a_manual_reminder_may_name_no_one(followups: FollowUpService) -> None:
    record = followups.add_manual(None, "Renew the domain", utc(2026, 11, 20, 9))
    assert (record.contact, record.kind, record.source_key) == (None, "manual", None)
    assert followups.today(NOW).overdue == (record,)


# -- due --------------------------------------------------------------------------------


def test_due_now_and_in_the_next_days(services: Services, followups: FollowUpService) -> None:
    ann = add_contact(services, "Ann Smith", cadence=30)
    add_event(services, date(2026, 11, 16), ann)  # so keep in touch falls due 16 December
    manual = followups.add_manual(ann, "Send the deck", utc(2026, 11, 25, 9))
    assert [r.kind for r in followups.due(NOW, now=NOW)] == ["after_event"]
    assert [r.kind for r in followups.due(NOW, 7, now=NOW)] == ["after_event", "manual"]
    assert followups.due(NOW, 7, now=NOW)[1] == manual
    assert followups.due(NOW, 30, now=NOW)[2].due_at == utc(2026, 12, 16, 9)
    with pytest.raises(ValidationError, match="0 days or more"):
        followups.due(NOW, -1, now=NOW)
    with pytest.raises(ValidationError, match="needs a time zone"):
        followups.due(datetime(2026, 11, 23), now=NOW)


def test_due_as_of_a_later_day_is_a_forecast_that_stores_nothing(
    services: Services, followups: FollowUpService, ann: int
) -> None:
    add_event(services, date(2026, 12, 5), ann, name="Winter Mixer")  # after NOW
    forecast = followups.due(utc(2026, 12, 10), now=NOW)
    assert [(r.id, r.kind, r.contact, r.due_at) for r in forecast] == [
        (0, "after_event", "Ann Smith", utc(2026, 12, 7, 9))
    ]
    assert stored(services) == []
    assert followups.due(utc(2026, 12, 6), now=NOW) == []


def test_a_forecast_honours_done_dismissed_and_snoozed_rows(
    services: Services, followups: FollowUpService, ann: int
) -> None:
    bob, cat = add_contact(services, "Bob Brown"), add_contact(services, "Cat Jones")
    add_event(services, date(2026, 11, 16), ann, bob, cat)
    by_contact = {r.contact_id: r.id for r in followups.today(NOW).overdue}
    followups.complete(by_contact[ann], NOW)
    followups.dismiss(by_contact[bob], NOW)
    followups.snooze(by_contact[cat], date(2026, 12, 20), NOW)
    before = stored(services)

    assert followups.due(utc(2026, 12, 10), now=NOW) == []
    (later,) = followups.due(utc(2026, 12, 21), now=NOW)
    assert (later.id, later.status, later.effective_due) == (
        by_contact[cat],
        "snoozed",
        utc(2026, 12, 20, 9),
    )
    assert stored(services) == before


def test_due_defaults_to_the_real_clock(followups: FollowUpService, ann: int) -> None:
    record = followups.add_manual(ann, "Long overdue", utc(2020, 1, 1, 9))
    assert followups.due(datetime.now(UTC) - timedelta(seconds=1)) == [record]
