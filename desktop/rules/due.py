"""Whether a reminder is due, and which part of the Today page it belongs to."""

from __future__ import annotations

from datetime import datetime, timedelta, tzinfo
from typing import Literal

from desktop.rules.localtime import local_date, require_aware

Bucket = Literal["overdue", "today", "week", "later"]

_WAITING = ("open", "snoozed")
_CLOSED = ("done", "dismissed")
_WEEK = timedelta(days=7)


def effective_due(due_at: datetime, snoozed_until: datetime | None) -> datetime:
    """Return when a reminder next asks for attention; a snooze never brings it forward."""
    return due_at if snoozed_until is None else max(due_at, snoozed_until)


def is_due(due_at: datetime, snoozed_until: datetime | None, status: str, as_of: datetime) -> bool:
    """Return whether a reminder needs attention at `as_of`.

    Open and snoozed reminders are due once their due time and any snooze have passed;
    done and dismissed ones never are.

    Raises:
        ValueError: the status is not one a reminder can have.
    """
    if status in _CLOSED:
        return False
    if status not in _WAITING:
        raise ValueError(f"Unknown reminder status {status!r}.")
    require_aware(as_of, "as_of")
    return effective_due(due_at, snoozed_until) <= as_of


def bucket(due_at: datetime, now: datetime, tz: tzinfo) -> Bucket:
    """Place a due time on the Today page by local calendar day.

    "overdue" is before today, "today" is any time today (even if the hour has passed),
    "week" is the next seven days, and "later" is after that.
    """
    require_aware(due_at, "due_at")
    day, today = local_date(due_at, tz), local_date(now, tz)
    if day < today:
        return "overdue"
    if day == today:
        return "today"
    if day <= today + _WEEK:
        return "week"
    return "later"
