"""Wall-clock helpers: reminders fall due at 09:00 on a local day and are stored in UTC."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, tzinfo

from dateutil import tz as dateutil_tz

DUE_TIME = time(9)

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def local_zone() -> tzinfo:
    """Return the machine's time zone, with its daylight-saving rules."""
    # gettz() reads TZ or /etc/localtime and so knows past and future transitions;
    # tzlocal() only knows what the C library says, but works everywhere.
    return dateutil_tz.gettz() or dateutil_tz.tzlocal()


def require_aware(moment: datetime, what: str) -> None:
    """Refuse a naive datetime, which would silently be read as the machine's local time."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{what} must be a timezone-aware datetime, got {moment!r}")


def local_date(moment: datetime, zone: tzinfo) -> date:
    """Return the calendar day that an aware moment falls on in the zone."""
    return moment.astimezone(zone).date()


def localise(wall_time: datetime, zone: tzinfo) -> datetime:
    """Return the UTC moment of a naive local wall-clock time in the zone.

    A wall time skipped by a spring-forward change lands as far after it as the gap is
    long; a repeated one in autumn means its first occurrence.
    """
    return wall_time.replace(tzinfo=zone, fold=0).astimezone(UTC)


def local_morning(day: date, zone: tzinfo) -> datetime:
    """Return 09:00 local time on the day, in UTC."""
    return localise(datetime.combine(day, DUE_TIME), zone)


def short_date(day: date, *, beside: date) -> str:
    """Write a day as "2 Oct", adding the year when it differs from the year of `beside`."""
    text = f"{day.day} {_MONTHS[day.month - 1]}"
    return text if day.year == beside.year else f"{text} {day.year}"
