"""What "snooze" and "done" do to a reminder's time, as pure functions."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo
from typing import Literal

from desktop.rules.localtime import local_morning, localise, require_aware
from desktop.rules.recurrence import next_occurrence

SnoozeChoice = Literal["1d", "1w"] | date

_SNOOZE_STEPS = {"1d": timedelta(days=1), "1w": timedelta(weeks=1)}


def snooze_until(now: datetime, choice: SnoozeChoice, tz: tzinfo) -> datetime:
    """Return when a snoozed reminder comes back, in UTC.

    "1d" and "1w" keep the local clock time of `now`, so a snooze across a
    daylight-saving change still comes back at the same hour. A date means 09:00 local
    time on that day.

    Raises:
        ValueError: the choice is unknown, or the date's 09:00 is not in the future.
    """
    require_aware(now, "now")
    if isinstance(choice, datetime):
        raise ValueError("Snooze until a day, not a time: pass a date.")
    if isinstance(choice, date):
        until = local_morning(choice, tz)
        if until <= now:
            raise ValueError(
                f"Pick a later day to snooze until: 09:00 on {choice.isoformat()} has passed."
            )
        return until
    step = _SNOOZE_STEPS.get(choice)
    if step is None:
        raise ValueError(f"Snooze for '1d' or '1w', or until a date, not {choice!r}.")
    return localise(now.astimezone(tz).replace(tzinfo=None) + step, tz)


def after_done(rrule: str | None, due_at: datetime, now: datetime, tz: tzinfo) -> datetime | None:
    """Return when a reminder marked done is next due, or None when it does not repeat.

    Occurrences missed while it was overdue are skipped, and one done early does not come
    back for the occurrence it just covered.

    Raises:
        ValueError: the repeat rule is not valid, or a datetime is naive.
    """
    if not rrule:
        return None
    require_aware(now, "now")
    return next_occurrence(rrule, dtstart=due_at, after=max(due_at, now), tz=tz)
