"""Query functions over the reminders table: keep derived rows in step, and read them back.

Each function takes the calling service's session and never commits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Row, Select, and_, case, delete, insert, select, update
from sqlalchemy.orm import Session

from desktop.errors import NotFoundError, ValidationError
from desktop.rules import DerivedReminder, is_due
from desktop.services.reminders import ReminderRecord
from storage.models import Contact, Reminder

WAITING = ("open", "snoozed")
MANUAL = "manual"
# SQLite caps the parameters of one statement; deleting in slices stays under any cap.
_SLICE = 500


@dataclass(frozen=True)
class SyncCounts:
    """How many derived rows one sync added, changed and removed."""

    added: int
    changed: int
    removed: int


@dataclass(frozen=True)
class StoredStatus:
    """What the table already says about a derived reminder's key."""

    id: int
    status: str
    snoozed_until: datetime | None


def effective_due() -> ColumnElement[datetime]:
    """Return SQL for when a reminder next asks for attention; a snooze never brings it forward."""
    return case(
        (
            and_(Reminder.snoozed_until.is_not(None), Reminder.snoozed_until > Reminder.due_at),
            Reminder.snoozed_until,
        ),
        else_=Reminder.due_at,
    )


def sync_derived(session: Session, derived: Sequence[DerivedReminder]) -> SyncCounts:
    """Make the derived rows of the table match what the rules call for now.

    A new key becomes an open row. An open or snoozed row gets the new due time and
    reason but keeps its status and snooze. A done or dismissed row is never touched, so
    the user's decision stands. A waiting row whose key the rules no longer produce is
    deleted: its cause was resolved. Nothing is written when nothing changed.
    """
    stored = {
        key: (row_id, status, due_at, reason)
        for row_id, key, status, due_at, reason in session.connection().execute(
            select(
                Reminder.id, Reminder.source_key, Reminder.status, Reminder.due_at, Reminder.reason
            ).where(Reminder.kind != MANUAL, Reminder.source_key.is_not(None))
        )
    }
    added: list[dict[str, Any]] = []
    changed: list[dict[str, Any]] = []
    for reminder in derived:
        known = stored.pop(reminder.source_key, None)
        if known is None:
            added.append(
                {
                    "contact_id": reminder.contact_id,
                    "kind": reminder.kind,
                    "reason": reminder.reason,
                    "due_at": reminder.due_at,
                    "status": "open",
                    "source_key": reminder.source_key,
                }
            )
        elif known[1] in WAITING and (known[2], known[3]) != (reminder.due_at, reminder.reason):
            changed.append({"id": known[0], "due_at": reminder.due_at, "reason": reminder.reason})
    resolved = [row_id for row_id, status, _, _ in stored.values() if status in WAITING]
    if added:
        session.execute(insert(Reminder), added)
    if changed:
        session.execute(update(Reminder), changed)
    for start in range(0, len(resolved), _SLICE):
        session.execute(
            delete(Reminder)
            .where(Reminder.id.in_(resolved[start : start + _SLICE]))
            .execution_options(synchronize_session=False)
        )
    return SyncCounts(len(added), len(changed), len(resolved))


_RecordRow = tuple[
    int, int | None, str | None, str, str, datetime, str, str | None, datetime | None, str | None
]


def _records_query() -> Select[*_RecordRow]:
    return select(
        Reminder.id,
        Reminder.contact_id,
        Contact.name,
        Reminder.kind,
        Reminder.reason,
        Reminder.due_at,
        Reminder.status,
        Reminder.rrule,
        Reminder.snoozed_until,
        Reminder.source_key,
    ).outerjoin(Contact, Contact.id == Reminder.contact_id)


def _records(rows: Iterable[Row[*_RecordRow]]) -> list[ReminderRecord]:
    return [ReminderRecord(*row) for row in rows]


def waiting_records(
    session: Session, *, due_by: datetime | None = None, manual_only: bool = False
) -> list[ReminderRecord]:
    """Return open and snoozed reminders asking for attention by `due_by`, soonest first."""
    due = effective_due()
    query = _records_query().where(Reminder.status.in_(WAITING)).order_by(due, Reminder.id)
    if due_by is not None:
        query = query.where(due <= due_by)
    if manual_only:
        query = query.where(Reminder.kind == MANUAL)
    # Plain rows need no ORM bookkeeping; on Today's thousands of rows that is a third.
    return _records(session.connection().execute(query))


def derived_statuses(session: Session) -> dict[str, StoredStatus]:
    """Return the stored status of every derived reminder, by source key."""
    rows = session.connection().execute(
        select(Reminder.source_key, Reminder.id, Reminder.status, Reminder.snoozed_until).where(
            Reminder.kind != MANUAL, Reminder.source_key.is_not(None)
        )
    )
    return {
        key: StoredStatus(row_id, status, until)
        for key, row_id, status, until in rows
        if key is not None
    }


def forecast_records(
    derived: Iterable[DerivedReminder],
    stored: dict[str, StoredStatus],
    names: dict[int, str],
    horizon: datetime,
) -> list[ReminderRecord]:
    """Return the derived reminders due by `horizon`, as the table would list them.

    A key already stored keeps its id, status and snooze, so done and dismissed ones
    stay out; a key not stored yet is listed with id 0.
    """
    found = []
    for reminder in derived:
        known = stored.get(reminder.source_key)
        status = known.status if known else "open"
        until = known.snoozed_until if known else None
        if is_due(reminder.due_at, until, status, horizon):
            found.append(
                ReminderRecord(
                    id=known.id if known else 0,
                    contact_id=reminder.contact_id,
                    contact=names.get(reminder.contact_id),
                    kind=reminder.kind,
                    reason=reminder.reason,
                    due_at=reminder.due_at,
                    status=status,
                    snoozed_until=until,
                    source_key=reminder.source_key,
                )
            )
    return found


def record_of(session: Session, reminder_id: int) -> ReminderRecord:
    """Return one reminder's record, or raise `NotFoundError`."""
    found = _records(session.execute(_records_query().where(Reminder.id == reminder_id)))
    if not found:
        raise NotFoundError(f"There is no reminder with id {reminder_id}.")
    return found[0]


def waiting_reminder(session: Session, reminder_id: int, action: str) -> Reminder:
    """Return a reminder that is still open or snoozed, for `action` ("snooze", ...).

    Raises:
        NotFoundError: there is no such reminder.
        ValidationError: it is already done or dismissed.
    """
    reminder = session.get(Reminder, reminder_id)
    if reminder is None:
        raise NotFoundError(f"There is no reminder with id {reminder_id}; see `rapport due`.")
    if reminder.status not in WAITING:
        raise ValidationError(
            f"Reminder {reminder_id} is already {reminder.status}; there is nothing to {action}."
        )
    return reminder
