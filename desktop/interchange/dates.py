"""Reading the many ways contact files write a date."""

from __future__ import annotations

import re
from datetime import date, datetime

from dateutil import parser as date_parser

# vCard writes 19800322, 1980-03-22 or 1980-03-22T00:00:00Z; handled without
# dateutil so that an impossible date such as 19723101 is dropped, not guessed.
_ISO = re.compile(r"(\d{4})-?(\d{2})-?(\d{2})(?:[T ].*)?")
_YEAR = re.compile(r"\b\d{4}\b")
# Placeholder that dateutil would otherwise fill missing day or month from.
_NO_DEFAULT = datetime(1900, 1, 1)


def parse_date(text: str | None) -> date | None:
    """Return the date written in text, or None when there is none or it is not a real date.

    Dates without a year ("--0415", as vCard 4 writes unknown birth years) give None,
    because a `date` cannot hold a month and day alone.
    """
    if text is None:
        return None
    text = text.strip()
    if not text or text.startswith("--"):
        return None
    iso = _ISO.fullmatch(text)
    if iso:
        try:
            return date(int(iso.group(1)), int(iso.group(2)), int(iso.group(3)))
        except ValueError:
            return None
    if not _YEAR.search(text) or len(text) > 40:
        return None
    try:
        return date_parser.parse(text, default=_NO_DEFAULT).date()
    except (ValueError, OverflowError):
        return None
