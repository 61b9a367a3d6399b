"""Repeat rules for reminders: RRULE text checked up front and stepped in local wall time.

Stepping in local time is what keeps "every Monday 09:00" at 09:00 on the clock after a
daylight-saving change; stepping in UTC would drift it by an hour.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta, tzinfo
from types import MappingProxyType

from dateutil.rrule import rrule, rrulestr

from desktop.rules.localtime import localise, require_aware

RECURRENCE_PRESETS: Mapping[str, str] = MappingProxyType(
    {
        "weekly": "FREQ=WEEKLY",
        "monthly": "FREQ=MONTHLY",
        "quarterly": "FREQ=MONTHLY;INTERVAL=3",
        "yearly": "FREQ=YEARLY",
    }
)

# Reminders repeat at most daily; finer rules would flood the Today page.
_FREQUENCIES = ("DAILY", "WEEKLY", "MONTHLY", "YEARLY")
_WHOLE_NUMBERS = ("INTERVAL", "COUNT")
_PROBE_START = datetime(2000, 1, 1, 9)
# A rule with no date in a century ("every 30 February") is a typo, not a reminder.
# dateutil only gives up on such a rule at the year 9999, so the check starts a century
# before it rather than walking eight thousand years.
_NEVER_PROBE_START = datetime(9899, 1, 1, 9)
# A wall time inside a spring-forward gap is later than its naive value says, so the
# search starts a day early and filters in UTC.
_SEARCH_SLACK = timedelta(days=1)


def every_n_days(n: int) -> str:
    """Return the RRULE for a reminder that repeats every `n` days."""
    if n < 1:
        raise ValueError("A repeat needs at least 1 day between reminders.")
    return "FREQ=DAILY" if n == 1 else f"FREQ=DAILY;INTERVAL={n}"


def parse_rrule(text: str) -> str:
    """Check an RRULE and return it in normal form, such as "FREQ=WEEKLY;BYDAY=MO".

    The form is upper case without an "RRULE:" prefix. A date-only UNTIL becomes the end
    of that day in local time; an UNTIL ending in Z stays a UTC moment.

    Raises:
        ValueError: "That repeat rule is not valid: ..." saying what is wrong.
    """
    parts = _split(text)
    rule = _build(parts, _PROBE_START, UTC)
    if any(name == "COUNT" for name, _ in parts):
        # Each done occurrence restarts the series from its own date, so a count
        # would never run out; an end date says the same thing and does end.
        raise _invalid("use an end date (UNTIL) instead of a number of times (COUNT)")
    probe = rule.replace(dtstart=_NEVER_PROBE_START, count=None, until=None)
    if probe.after(_NEVER_PROBE_START, inc=True) is None:
        raise _invalid("it never falls on a real date")
    return _join(parts)


def next_occurrence(
    rrule_text: str, dtstart: datetime, after: datetime, tz: tzinfo
) -> datetime | None:
    """Return the first occurrence strictly after `after`, in UTC, or None when it ended.

    `dtstart` anchors the rule: its local wall time is the time of every occurrence,
    unless the rule sets BYHOUR or BYMINUTE.

    Raises:
        ValueError: the rule is not valid, or a datetime is naive.
    """
    require_aware(dtstart, "dtstart")
    require_aware(after, "after")
    local_start = dtstart.astimezone(tz).replace(tzinfo=None)
    local_after = after.astimezone(tz).replace(tzinfo=None)
    rule = _build(_split(rrule_text), local_start, tz)
    for wall_time in rule.xafter(local_after - _SEARCH_SLACK, inc=True):
        moment = localise(wall_time, tz)
        if moment > after:
            return moment
    return None


def _invalid(why: str) -> ValueError:
    return ValueError(f"That repeat rule is not valid: {why}.")


def _split(text: str) -> list[tuple[str, str]]:
    """Parse "NAME=VALUE;..." into upper-case pairs, catching what dateutil words badly."""
    body = text.strip()
    if body.upper().startswith("RRULE:"):
        body = body[len("RRULE:") :]
    if "\n" in body or "\r" in body:
        raise _invalid("write it as one RRULE line, without DTSTART")
    parts: list[tuple[str, str]] = []
    for piece in filter(None, (p.strip() for p in body.split(";"))):
        name, sep, value = piece.partition("=")
        name, value = name.strip().upper(), value.strip().upper()
        if not sep or not name or not value:
            raise _invalid(f"{piece!r} should look like NAME=VALUE")
        if any(name == seen for seen, _ in parts):
            raise _invalid(f"{name} appears twice")
        if name == "FREQ" and value not in _FREQUENCIES:
            raise _invalid(f"FREQ must be one of {', '.join(_FREQUENCIES)}, not {value}")
        if name in _WHOLE_NUMBERS and not (value.isdigit() and int(value) >= 1):
            raise _invalid(f"{name} must be a whole number of 1 or more, not {value}")
        if name == "UNTIL":
            value = _normal_until(value)
        parts.append((name, value))
    names = {name for name, _ in parts}
    if "FREQ" not in names:
        raise _invalid("it needs a FREQ, for example FREQ=WEEKLY")
    if {"UNTIL", "COUNT"} <= names:
        raise _invalid("use UNTIL or COUNT, not both")
    return parts


def _normal_until(value: str) -> str:
    for layout, normal in (
        ("%Y%m%d", "%Y%m%dT235959"),
        ("%Y%m%dT%H%M%S", "%Y%m%dT%H%M%S"),
        ("%Y%m%dT%H%M%SZ", "%Y%m%dT%H%M%SZ"),
    ):
        try:
            return datetime.strptime(value, layout).strftime(normal)
        except ValueError:
            continue
    raise _invalid(f"UNTIL must be a date like 20261231 or 20261231T090000Z, not {value}")


def _join(parts: list[tuple[str, str]]) -> str:
    return ";".join(f"{name}={value}" for name, value in parts)


def _build(parts: list[tuple[str, str]], local_start: datetime, zone: tzinfo) -> rrule:
    """Make a dateutil rule over naive local wall times in `zone`."""
    local_parts = [
        (name, _local_until(value, zone) if name == "UNTIL" else value) for name, value in parts
    ]
    try:
        rule = rrulestr(_join(local_parts), dtstart=local_start)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        raise _invalid(str(error).rstrip(".")) from error
    if not isinstance(rule, rrule):
        raise _invalid("write it as one RRULE line")
    return rule


def _local_until(value: str, zone: tzinfo) -> str:
    """Turn a UTC UNTIL into local wall time, since the rule itself runs on naive local time."""
    if not value.endswith("Z"):
        return value
    moment = datetime.strptime(value, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    return moment.astimezone(zone).strftime("%Y%m%dT%H%M%S")
