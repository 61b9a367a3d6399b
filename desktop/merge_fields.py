"""Combining two records of one person without losing anything either one knew."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from desktop.duplicates import name_key

# Fields a merge fills when the kept record has nothing there.
FILLABLE = (
    "given_name",
    "family_name",
    "org",
    "title",
    "location",
    "birthday",
    "photo",
    "cadence_days",
)


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str | bytes) and not value.strip())


def fill_empty(base: dict[str, Any], other: Mapping[str, Any]) -> None:
    """Copy into `base` every fillable field it lacks and `other` has."""
    for field in FILLABLE:
        if _empty(base.get(field)) and not _empty(other.get(field)):
            base[field] = other[field]


def combined_about(about: str | None, addition: str | None) -> str | None:
    """Return `about` with `addition` appended, unless it already says it.

    Importing the same file twice must not repeat a note, so text already present is
    not added again.
    """
    if addition is None or not addition.strip():
        return about
    addition = addition.strip()
    if about is None or not about.strip():
        return addition
    if addition in about:
        return about
    return f"{about.rstrip()}\n\n{addition}"


def alias_line(kept_name: str, other_name: str, other_emails: Iterable[str] = ()) -> str | None:
    """Return "Also known as X." when the merged record went by another name.

    A name that is only an email address (what readers fall back to) says nothing new.
    """
    if name_key(kept_name) == name_key(other_name):
        return None
    if other_name.strip().lower() in {e.strip().lower() for e in other_emails}:
        return None
    name = " ".join(other_name.split())
    return f"Also known as {name}" + ("" if name.endswith(".") else ".")
