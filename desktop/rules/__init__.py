"""Follow-up rules: pure functions from a snapshot of the vault and a clock to reminders.

Nothing here touches Qt or the database. A service builds a `VaultState` with SQL, calls
`derive_all`, and stores the results as reminder rows keyed by `source_key`.
"""

from desktop.rules.actions import after_done, snooze_until
from desktop.rules.derived import DerivedReminder, LosingTouch
from desktop.rules.due import bucket, effective_due, is_due
from desktop.rules.followups import derive_all, losing_touch
from desktop.rules.recurrence import (
    RECURRENCE_PRESETS,
    every_n_days,
    next_occurrence,
    parse_rrule,
)
from desktop.rules.state import (
    AttendanceState,
    ContactState,
    FavourState,
    IntroState,
    RuleSettings,
    VaultState,
)

__all__ = [
    "RECURRENCE_PRESETS",
    "AttendanceState",
    "ContactState",
    "DerivedReminder",
    "FavourState",
    "IntroState",
    "LosingTouch",
    "RuleSettings",
    "VaultState",
    "after_done",
    "bucket",
    "derive_all",
    "effective_due",
    "every_n_days",
    "is_due",
    "losing_touch",
    "next_occurrence",
    "parse_rrule",
    "snooze_until",
]
