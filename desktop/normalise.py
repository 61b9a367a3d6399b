"""Normal forms used to recognise the same person twice: emails, phones, names."""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
DEFAULT_REGION = "GB"


def is_valid_email(value: str) -> bool:
    """Say whether a string looks like an email address."""
    return bool(_EMAIL.match(value.strip()))


def normalise_email(value: str) -> str:
    """Return an email address trimmed and lower-cased, for matching."""
    return value.strip().lower()


def normalise_phone(value: str, region: str = DEFAULT_REGION) -> str | None:
    """Return a phone number in E.164, or None when it cannot be read as one."""
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_possible_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def fold(value: str) -> str:
    """Return text case-folded and stripped of accents ("Zoë" and "zoe" fold alike)."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def sort_key(name: str) -> str:
    """Return the key a contact list sorts by: the folded name."""
    return " ".join(fold(name).split())
