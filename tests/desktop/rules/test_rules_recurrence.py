from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from desktop.rules import RECURRENCE_PRESETS, every_n_days, next_occurrence, parse_rrule

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
WEEKLY_ON_MONDAY = "FREQ=WEEKLY;BYDAY=MO"


def local(
    zone: ZoneInfo, year: int, month: int, day: int, hour: int = 9, minute: int = 0
) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=zone).astimezone(UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def test_presets_are_valid_rules() -> None:
    assert set(RECURRENCE_PRESETS) == {"weekly", "monthly", "quarterly", "yearly"}
    for rule in RECURRENCE_PRESETS.values():
        assert parse_rrule(rule) == rule


def test_quarterly_is_every_three_months() -> None:
    start = utc(2026, 1, 15, 9)
    assert next_occurrence(RECURRENCE_PRESETS["quarterly"], start, start, UTC) == utc(
        2026, 4, 15, 9
    )


def test_every_n_days() -> None:
    assert every_n_days(1) == "FREQ=DAILY"
    assert every_n_days(10) == "FREQ=DAILY;INTERVAL=10"
    start = utc(2026, 11, 1, 9)
    assert next_occurrence(every_n_days(10), start, start, UTC) == utc(2026, 11, 11, 9)
    with pytest.raises(ValueError, match="at least 1 day"):
        every_n_days(0)


@pytest.mark.parametrize(
    ("text", "normal"),
    [
        ("FREQ=WEEKLY;BYDAY=MO", "FREQ=WEEKLY;BYDAY=MO"),
        ("  rrule:freq=weekly; byday=mo,we ;", "FREQ=WEEKLY;BYDAY=MO,WE"),
        ("FREQ=MONTHLY;BYDAY=-1FR", "FREQ=MONTHLY;BYDAY=-1FR"),
        ("FREQ=WEEKLY;UNTIL=20261231", "FREQ=WEEKLY;UNTIL=20261231T235959"),
        ("FREQ=WEEKLY;UNTIL=20261231T090000Z", "FREQ=WEEKLY;UNTIL=20261231T090000Z"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29"),
    ],
)
def test_parse_rrule_normalises(text: str, normal: str) -> None:
    assert parse_rrule(text) == normal


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("", "needs a FREQ"),
        ("INTERVAL=2", "needs a FREQ"),
        ("garbage", "'garbage' should look like NAME=VALUE"),
        ("FREQ=FORTNIGHTLY", "FREQ must be one of DAILY, WEEKLY, MONTHLY, YEARLY"),
        ("FREQ=HOURLY", "FREQ must be one of"),
        ("FREQ=WEEKLY;INTERVAL=0", "INTERVAL must be a whole number of 1 or more"),
        ("FREQ=WEEKLY;COUNT=x", "COUNT must be a whole number"),
        ("FREQ=WEEKLY;BYDAY=XX", "BYDAY"),
        ("FREQ=WEEKLY;BYHOUR=25", "hour"),
        ("FREQ=WEEKLY;COLOUR=RED", "unknown parameter 'COLOUR'"),
        ("FREQ=WEEKLY;FREQ=DAILY", "FREQ appears twice"),
        ("FREQ=WEEKLY;UNTIL=next year", "UNTIL must be a date"),
        ("FREQ=WEEKLY;COUNT=3;UNTIL=20261231", "UNTIL or COUNT, not both"),
        ("DTSTART:20260101T090000\nRRULE:FREQ=WEEKLY", "one RRULE line"),
        ("FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30", "never falls on a real date"),
        ("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=31", "never falls on a real date"),
    ],
)
def test_parse_rrule_explains_what_is_wrong(text: str, why: str) -> None:
    with pytest.raises(ValueError, match=rf"^That repeat rule is not valid: .*({why})"):
        parse_rrule(text)


def test_next_occurrence_reports_a_bad_rule_the_same_way() -> None:
    start = utc(2026, 1, 1, 9)
    with pytest.raises(ValueError, match=r"^That repeat rule is not valid"):
        next_occurrence("FREQ=SOMETIMES", start, start, UTC)


def test_next_occurrence_is_strictly_after() -> None:
    start = local(LONDON, 2026, 11, 2)
    assert next_occurrence(WEEKLY_ON_MONDAY, start, start, LONDON) == local(LONDON, 2026, 11, 9)
    just_before = local(LONDON, 2026, 11, 9) - timedelta(seconds=1)
    assert next_occurrence(WEEKLY_ON_MONDAY, start, just_before, LONDON) == local(
        LONDON, 2026, 11, 9
    )


def test_next_occurrence_skips_ahead_from_an_old_start() -> None:
    start = local(LONDON, 2024, 1, 1)
    after = local(LONDON, 2026, 11, 23, 12)
    assert next_occurrence(WEEKLY_ON_MONDAY, start, after, LONDON) == local(LONDON, 2026, 11, 30)


@pytest.mark.parametrize(
    ("zone", "monday_before", "monday_after", "utc_before", "utc_after"),
    [
        # London: BST from 29 March 2026, GMT again from 25 October 2026.
        (LONDON, (2026, 3, 23), (2026, 3, 30), utc(2026, 3, 23, 9), utc(2026, 3, 30, 8)),
        (LONDON, (2026, 10, 19), (2026, 10, 26), utc(2026, 10, 19, 8), utc(2026, 10, 26, 9)),
        # New York: EDT from 8 March 2026, EST again from 1 November 2026.
        (NEW_YORK, (2026, 3, 2), (2026, 3, 9), utc(2026, 3, 2, 14), utc(2026, 3, 9, 13)),
        (NEW_YORK, (2026, 10, 26), (2026, 11, 2), utc(2026, 10, 26, 13), utc(2026, 11, 2, 14)),
    ],
)
def test_weekly_at_nine_stays_at_nine_across_daylight_saving(
    zone: ZoneInfo,
    monday_before: tuple[int, int, int],
    monday_after: tuple[int, int, int],
    utc_before: datetime,
    utc_after: datetime,
) -> None:
    start = local(zone, *monday_before)
    assert start == utc_before
    following = next_occurrence(WEEKLY_ON_MONDAY, start, start, zone)
    assert following == utc_after
    assert following is not None
    assert following.tzinfo is UTC
    assert following.astimezone(zone).hour == 9
    assert following.astimezone(zone).date() == date(*monday_after)


def test_a_run_of_weeks_through_both_changes_keeps_local_nine() -> None:
    moment: datetime | None = local(NEW_YORK, 2026, 1, 5)
    start = moment
    assert start is not None
    for _ in range(52):
        assert moment is not None
        local_time = moment.astimezone(NEW_YORK)
        assert (local_time.weekday(), local_time.hour, local_time.minute) == (0, 9, 0)
        moment = next_occurrence(WEEKLY_ON_MONDAY, start, moment, NEW_YORK)


def test_monthly_keeps_local_time_too() -> None:
    start = local(LONDON, 2026, 2, 15, 18, 30)
    following = next_occurrence("FREQ=MONTHLY", start, start + timedelta(days=40), LONDON)
    assert following == local(LONDON, 2026, 4, 15, 18, 30) == utc(2026, 4, 15, 17, 30)


def test_a_wall_time_in_the_spring_gap_moves_forward_by_the_gap() -> None:
    start = local(LONDON, 2026, 3, 27, 1, 30)
    # 01:30 on 29 March does not exist in London; it is read as 02:30 BST (01:30 UTC).
    # 02:10 BST is later than 01:30 on the clock but earlier in time, so it still comes.
    after = utc(2026, 3, 29, 1, 10)
    assert next_occurrence("FREQ=DAILY", start, after, LONDON) == utc(2026, 3, 29, 1, 30)


def test_a_daily_reminder_fires_once_on_the_day_the_clock_repeats_an_hour() -> None:
    start = local(LONDON, 2026, 10, 23, 1, 30)
    first = next_occurrence("FREQ=DAILY", start, utc(2026, 10, 24, 12), LONDON)
    assert first == utc(2026, 10, 25, 0, 30)  # the first 01:30, still BST
    assert first is not None
    second = next_occurrence("FREQ=DAILY", start, first, LONDON)
    assert second == utc(2026, 10, 26, 1, 30)  # not the repeated 01:30 GMT that night


def test_count_ends_the_rule() -> None:
    start = local(LONDON, 2026, 11, 2)
    rule = "FREQ=WEEKLY;COUNT=2"
    assert next_occurrence(rule, start, start, LONDON) == local(LONDON, 2026, 11, 9)
    assert next_occurrence(rule, start, local(LONDON, 2026, 11, 9), LONDON) is None


def test_utc_until_is_honoured_in_local_time() -> None:
    start = local(LONDON, 2026, 3, 23)
    rule = "FREQ=WEEKLY;UNTIL=20260406T080000Z"  # exactly 09:00 BST on 6 April
    last = next_occurrence(rule, start, local(LONDON, 2026, 4, 1), LONDON)
    assert last == utc(2026, 4, 6, 8)
    assert next_occurrence(rule, start, utc(2026, 4, 6, 8), LONDON) is None


def test_date_until_includes_that_whole_day() -> None:
    start = local(NEW_YORK, 2026, 11, 2, 18)
    rule = parse_rrule("FREQ=WEEKLY;UNTIL=20261109")
    assert next_occurrence(rule, start, start, NEW_YORK) == local(NEW_YORK, 2026, 11, 9, 18)


def test_naive_datetimes_are_refused() -> None:
    aware = utc(2026, 1, 1, 9)
    naive = datetime(2026, 1, 1, 9)
    with pytest.raises(ValueError, match="timezone-aware"):
        next_occurrence("FREQ=WEEKLY", naive, aware, UTC)
    with pytest.raises(ValueError, match="timezone-aware"):
        next_occurrence("FREQ=WEEKLY", aware, naive, UTC)


def test_a_count_is_refused_because_done_restarts_the_series() -> None:
    with pytest.raises(ValueError, match="UNTIL"):
        parse_rrule("FREQ=WEEKLY;COUNT=3")
