"""A contact as a row in a list: the one record the first screen needs.

Kept apart from desktop.records so the first contacts can be shown before the other
records (and the time to make them) are needed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ContactSummary:
    """A contact as a row in a list (slotted: a long list holds 100,000 of them)."""

    id: int
    name: str
    org: str | None
    title: str | None
    emails: tuple[str, ...]
    tags: tuple[str, ...] = ()
    archived: bool = False
