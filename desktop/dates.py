"""Reading dates the way people type them, and turning local days into UTC moments."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from dateutil import parser as date_parser
from dateutil import tz

from desktop.errors import ValidationError


def local_zone() -> tzinfo:
    """Return the machine's local time zone."""
    zone = tz.tzlocal()
    return zone


def parse_date(text: str, *, today: date | None = None) -> date:
    """Read a date: ISO (2026-11-20), words (20 Nov 2026), or today/yesterday/tomorrow."""
    value = text.strip().lower()
    base = today or date.today()
    relative = {"today": 0, "yesterday": -1, "tomorrow": 1}
    if value in relative:
        return base + timedelta(days=relative[value])
    try:
        return date.fromisoformat(value)
    except ValueError:
        pass
    refusal = ValidationError(f"{text!r} is not a date; write it like 2026-11-20 or 20 Nov 2026.")
    try:
        # Parsed against two different defaults: if the day or month comes out different,
        # the text never named them ("12:00", "Nov 2026"), and dateutil made them up.
        first = date_parser.parse(value, dayfirst=True, default=datetime(base.year, 1, 1))
        second = date_parser.parse(value, dayfirst=True, default=datetime(base.year, 2, 2))
    except (ValueError, OverflowError):
        raise refusal from None
    if (first.month, first.day) != (second.month, second.day):
        raise refusal
    return first.date()


def local_moment(day: date, at: time = time(12, 0), zone: tzinfo | None = None) -> datetime:
    """Return a wall-clock time on a local day, as an aware UTC datetime."""
    return datetime.combine(day, at, tzinfo=zone or local_zone()).astimezone(UTC)
