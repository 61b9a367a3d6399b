"""What the follow-up rules read: a snapshot of the vault that the service builds with SQL."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo

from desktop.rules.localtime import local_morning, local_zone, require_aware

GIVEN = "given"
RECEIVED = "received"
PROMISED = "promised"
DONE = "done"
DECLINED = "declined"

_DIRECTIONS = (GIVEN, RECEIVED)
_STATUSES = (PROMISED, DONE, DECLINED)
_DAY_SETTINGS = ("after_event_days", "reciprocity_days", "intro_checkin_days", "promise_lead_days")


@dataclass(frozen=True)
class RuleSettings:
    """How many days each rule waits, and the zone whose 09:00 reminders fall due at."""

    after_event_days: int = 2
    reciprocity_days: int = 30
    intro_checkin_days: int = 14
    promise_lead_days: int = 2
    tz: tzinfo = field(default_factory=local_zone)
    # Thousands of rows share a few hundred days, and converting a day is the slow part.
    _due_times: dict[date, datetime] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        for name in _DAY_SETTINGS:
            if getattr(self, name) < 0:
                raise ValueError(f"{name} cannot be negative")

    def due_time(self, day: date) -> datetime:
        """Return when a reminder for the day falls due: 09:00 local time, in UTC."""
        found = self._due_times.get(day)
        if found is None:
            found = self._due_times[day] = local_morning(day, self.tz)
        return found


@dataclass(frozen=True)
class ContactState:
    """One contact as the keep-in-touch and reciprocity rules see it.

    `cadence_days` is the effective cadence: the contact's own, else the smallest of its
    tags' cadences; the caller resolves that. `last_interaction` is the latest logged
    interaction with the contact, if any.
    """

    contact_id: int
    name: str
    cadence_days: int | None
    last_interaction: datetime | None
    created_at: datetime
    asks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        require_aware(self.created_at, "created_at")
        if self.last_interaction is not None:
            require_aware(self.last_interaction, "last_interaction")


@dataclass(frozen=True)
class AttendanceState:
    """One contact met at one event; `followed_up` means an interaction on or after that day."""

    event_id: int
    event_name: str
    held_on: date
    contact_id: int
    contact_name: str
    followed_up: bool


@dataclass(frozen=True)
class FavourState:
    """One favour between the user and a contact."""

    favour_id: int
    contact_id: int
    contact_name: str
    direction: str
    status: str
    occurred_on: date
    due_on: date | None
    description: str

    def __post_init__(self) -> None:
        if self.direction not in _DIRECTIONS:
            raise ValueError(f"favour direction must be one of {_DIRECTIONS}: {self.direction!r}")
        if self.status not in _STATUSES:
            raise ValueError(f"favour status must be one of {_STATUSES}: {self.status!r}")


@dataclass(frozen=True)
class IntroState:
    """An introduction the user made whose outcome is not recorded yet."""

    intro_id: int
    a_id: int
    a_name: str
    b_id: int
    b_name: str
    made_at: datetime

    def __post_init__(self) -> None:
        require_aware(self.made_at, "made_at")


@dataclass(frozen=True)
class VaultState:
    """Everything the rules read, as plain tuples."""

    contacts: tuple[ContactState, ...] = ()
    attendances: tuple[AttendanceState, ...] = ()
    favours: tuple[FavourState, ...] = ()
    intros: tuple[IntroState, ...] = ()
