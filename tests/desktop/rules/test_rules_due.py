from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.rules import bucket, effective_due, is_due

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
SECOND = timedelta(seconds=1)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_open_reminders_are_due_once_their_time_has_come() -> None:
    assert is_due(NOW, None, "open", NOW)
    assert is_due(NOW - SECOND, None, "open", NOW)
    assert not is_due(NOW + SECOND, None, "open", NOW)


def test_a_snooze_holds_a_reminder_back_until_it_ends() -> None:
    due, snoozed = NOW - timedelta(days=1), NOW + timedelta(hours=2)
    assert not is_due(due, snoozed, "snoozed", NOW)
    assert is_due(due, snoozed, "snoozed", snoozed)


def test_a_snooze_never_brings_a_reminder_forward() -> None:
    due = NOW + timedelta(days=3)
    assert effective_due(due, NOW) == due
    assert not is_due(due, NOW - timedelta(days=1), "snoozed", NOW)


@pytest.mark.parametrize("status", ["done", "dismissed"])
def test_closed_reminders_are_never_due(status: str) -> None:
    assert not is_due(NOW - timedelta(days=30), None, status, NOW)


def test_unknown_status_is_refused() -> None:
    with pytest.raises(ValueError, match="Unknown reminder status"):
        is_due(NOW, None, "pending", NOW)


@pytest.mark.parametrize(
    ("due_at", "expected"),
    [
        (utc(2026, 11, 22, 23, 59) + 59 * SECOND, "overdue"),
        (utc(2026, 11, 23), "today"),
        (utc(2026, 11, 23, 9), "today"),  # its hour has passed, but it is still today
        (utc(2026, 11, 23, 23, 59) + 59 * SECOND, "today"),
        (utc(2026, 11, 24), "week"),
        (utc(2026, 11, 30, 23, 59) + 59 * SECOND, "week"),
        (utc(2026, 12, 1), "later"),
    ],
)
def test_buckets_by_local_day_in_london_winter(due_at: datetime, expected: str) -> None:
    assert bucket(due_at, NOW, LONDON) == expected


def test_buckets_by_local_day_in_london_summer() -> None:
    now = utc(2026, 7, 1, 10)
    assert bucket(utc(2026, 6, 30, 23, 30), now, LONDON) == "today"  # 00:30 BST on 1 July
    assert bucket(utc(2026, 6, 30, 22, 59), now, LONDON) == "overdue"  # 23:59 BST on 30 June


def test_buckets_follow_the_zone_not_utc() -> None:
    now = utc(2026, 11, 23, 4)  # 23:00 on 22 November in New York
    just_before_midnight = utc(2026, 11, 23, 4, 59) + 59 * SECOND
    midnight = utc(2026, 11, 23, 5)
    assert bucket(just_before_midnight, now, NEW_YORK) == "today"
    assert bucket(midnight, now, NEW_YORK) == "week"
    assert bucket(midnight, now, LONDON) == "today"


def test_at_local_midnight_yesterday_is_overdue() -> None:
    now = utc(2026, 11, 23, 5)  # 00:00 in New York
    assert bucket(now - SECOND, now, NEW_YORK) == "overdue"
    assert bucket(now, now, NEW_YORK) == "today"
