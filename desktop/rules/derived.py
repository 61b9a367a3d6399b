"""What the follow-up rules produce: reminders keyed by their cause, and a losing-touch list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

AFTER_EVENT = "after_event"
KEEP_IN_TOUCH = "keep_in_touch"
RECIPROCITY = "reciprocity"
PROMISE = "promise"
INTRO_CHECKIN = "intro_checkin"


@dataclass(frozen=True)
class DerivedReminder:
    """A reminder that the vault's current state calls for.

    `source_key` names the cause ("after_event:event=4:contact=9"). The same cause always
    gives the same key, and a key leaves the derived set only when its cause is resolved,
    never because time passed.
    """

    source_key: str
    contact_id: int
    kind: str
    due_at: datetime
    reason: str


@dataclass(frozen=True)
class LosingTouch:
    """A contact past their keep-in-touch cadence."""

    contact_id: int
    name: str
    cadence_days: int
    last_interaction: datetime | None
    days_overdue: int
