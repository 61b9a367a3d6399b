from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from desktop.rules import after_done, snooze_until

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_snooze_a_day_or_a_week() -> None:
    assert snooze_until(NOW, "1d", LONDON) == utc(2026, 11, 24, 12)
    assert snooze_until(NOW, "1w", LONDON) == utc(2026, 11, 30, 12)


def test_snooze_keeps_the_local_clock_time_across_daylight_saving() -> None:
    before_change = utc(2026, 10, 20, 13)  # 14:00 BST
    back = snooze_until(before_change, "1w", LONDON)
    assert back == utc(2026, 10, 27, 14)  # 14:00 GMT
    assert back.tzinfo is UTC


def test_snooze_until_a_date_means_nine_local_that_day() -> None:
    assert snooze_until(NOW, date(2026, 11, 25), LONDON) == utc(2026, 11, 25, 9)
    assert snooze_until(NOW, date(2027, 7, 1), NEW_YORK) == utc(2027, 7, 1, 13)


def test_snooze_until_this_morning_works_before_nine() -> None:
    early = utc(2026, 11, 23, 7)
    assert snooze_until(early, date(2026, 11, 23), LONDON) == utc(2026, 11, 23, 9)


@pytest.mark.parametrize("day", [date(2026, 11, 23), date(2026, 11, 1)])
def test_snooze_until_a_date_must_be_in_the_future(day: date) -> None:
    with pytest.raises(ValueError, match="Pick a later day"):
        snooze_until(NOW, day, LONDON)


def test_snooze_until_a_date_uses_the_local_day() -> None:
    late_evening_in_new_york = utc(2026, 11, 24, 3)  # 22:00 on 23 November
    assert snooze_until(late_evening_in_new_york, date(2026, 11, 24), NEW_YORK) == utc(
        2026, 11, 24, 14
    )


def test_unknown_snooze_choices_are_refused() -> None:
    with pytest.raises(ValueError, match="'1d' or '1w'"):
        snooze_until(NOW, "2d", LONDON)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="not a time"):
        snooze_until(NOW, datetime(2026, 11, 25, 9), LONDON)
    with pytest.raises(ValueError, match="timezone-aware"):
        snooze_until(datetime(2026, 11, 23, 12), "1d", LONDON)


@pytest.mark.parametrize("rule", [None, ""])
def test_a_one_off_reminder_done_is_finished(rule: str | None) -> None:
    assert after_done(rule, utc(2026, 11, 23, 9), NOW, LONDON) is None


def test_a_late_done_skips_the_occurrences_missed() -> None:
    due = utc(2026, 11, 2, 9)  # a Monday, three weeks ago
    assert after_done("FREQ=WEEKLY", due, NOW, LONDON) == utc(2026, 11, 30, 9)


def test_an_early_done_moves_past_the_occurrence_it_covered() -> None:
    due = utc(2026, 11, 30, 9)
    assert after_done("FREQ=WEEKLY", due, NOW, LONDON) == utc(2026, 12, 7, 9)


def test_done_on_the_day_gives_the_next_one() -> None:
    due = utc(2026, 11, 23, 9)
    assert after_done("FREQ=MONTHLY", due, NOW, LONDON) == utc(2026, 12, 23, 9)


def test_done_keeps_local_time_across_daylight_saving() -> None:
    due = utc(2026, 10, 19, 8)  # Monday 09:00 BST
    now = utc(2026, 10, 19, 10)
    assert after_done("FREQ=WEEKLY", due, now, LONDON) == utc(2026, 10, 26, 9)


def test_done_on_the_last_occurrence_ends_the_series() -> None:
    due = utc(2026, 11, 23, 9)
    assert after_done("FREQ=WEEKLY;COUNT=1", due, NOW, LONDON) is None
