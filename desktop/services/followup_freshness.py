"""Knowing whether the stored follow-ups still match the vault, without reading it all again.

Deriving follow-ups for a large vault takes a few hundred milliseconds, most of it in
reading the vault, so Today derives them only when something could have changed what
they are. SQLite tells us cheaply when that is: `PRAGMA data_version` changes when any
other connection (or process) commits, and `total_changes()` counts every row this
connection wrote. Both are read on the connection the session holds, so a stamp taken
after a refresh still matching later means no row anywhere changed in between.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta, tzinfo

from sqlalchemy import text
from sqlalchemy.orm import Session

from desktop.rules import LosingTouch
from desktop.rules.localtime import local_date, localise

# A pool holds a handful of connections; older stamps belong to ones long closed.
_KEPT_STAMPS = 8


@dataclass(frozen=True)
class Stamp:
    """Where one connection stood: who it is, others' commits seen, and its own writes."""

    connection: object
    data_version: int
    total_changes: int


def stamp(session: Session) -> Stamp:
    """Return the stamp of the session's connection; call it after flushing own writes."""
    connection = session.connection()
    version = connection.execute(text("PRAGMA data_version")).scalar_one()
    changes = connection.execute(text("SELECT total_changes()")).scalar_one()
    return Stamp(connection.connection.dbapi_connection, int(version), int(changes))


def after_own_writes(start: Stamp, session: Session) -> Stamp:
    """Return `start` moved past this session's own writes, but not past others' commits.

    Keeping the `data_version` read at the start means a commit elsewhere in between
    still shows as a change next time.
    """
    session.flush()
    return Stamp(start.connection, start.data_version, stamp(session).total_changes)


@dataclass(frozen=True)
class Derivation:
    """What the last refresh derived, and until when it holds if the vault is unchanged.

    The rules look at the clock only to hold back causes that have not happened yet
    (an event later this week, an entry dated this afternoon), so a derivation holds
    from its moment until the next local midnight or the next dated cause.

    It keeps one stamp per pooled connection that has seen it hold. A stamp recorded
    earlier, on another connection, stays good: if anything was committed since, that
    connection's `data_version` has moved and the stamp no longer matches.
    """

    stamps: tuple[Stamp, ...]
    computed_at: datetime
    valid_until: datetime
    losing_touch: tuple[LosingTouch, ...]

    def holds(self, current: Stamp, now: datetime) -> bool:
        """Say whether the derivation still describes the vault at `now`."""
        return current in self.stamps and self.computed_at <= now < self.valid_until

    def restamped(self, current: Stamp) -> Derivation:
        """Return the derivation with `current` as its connection's stamp."""
        return replace(self, stamps=with_stamp(self.stamps, current))


def with_stamp(stamps: tuple[Stamp, ...], current: Stamp) -> tuple[Stamp, ...]:
    """Return `stamps` with `current` replacing its connection's, newest first, a few at most."""
    others = tuple(s for s in stamps if s.connection is not current.connection)
    return (current, *others)[:_KEPT_STAMPS]


def valid_until(now: datetime, zone: tzinfo, next_cause: datetime | None) -> datetime:
    """Return when a derivation made at `now` may stop holding."""
    midnight = localise(datetime.combine(local_date(now, zone) + timedelta(days=1), time()), zone)
    return midnight if next_cause is None else min(midnight, next_cause)
