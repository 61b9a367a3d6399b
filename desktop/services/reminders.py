"""Reminders: follow-ups the user set by hand, and their status."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import NotFoundError, ValidationError
from desktop.queries.contacts import get_contact
from desktop.rules.recurrence import parse_rrule
from storage.models import REMINDER_STATUSES, Contact, Reminder


@dataclass(frozen=True)
class ReminderRecord:
    """A follow-up as the Today page and `rapport due` show it."""

    id: int
    contact_id: int | None
    contact: str | None
    kind: str
    reason: str
    due_at: datetime
    status: str
    rrule: str | None = None
    snoozed_until: datetime | None = None
    # What raised a derived reminder ("after_event:event=4:contact=9"); None for manual ones.
    source_key: str | None = None

    @property
    def effective_due(self) -> datetime:
        """Return when the reminder next asks for attention; a snooze never brings it forward."""
        if self.snoozed_until is None:
            return self.due_at
        return max(self.due_at, self.snoozed_until)


def reminder_record(reminder: Reminder, contact_name: str | None) -> ReminderRecord:
    """Turn a reminder row into its record."""
    return ReminderRecord(
        id=reminder.id,
        contact_id=reminder.contact_id,
        contact=contact_name,
        kind=reminder.kind,
        reason=reminder.reason,
        due_at=reminder.due_at,
        status=reminder.status,
        rrule=reminder.rrule,
        snoozed_until=reminder.snoozed_until,
        source_key=reminder.source_key,
    )


class ReminderService:
    """Use cases about manual reminders and the status of any reminder."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add(
        self,
        contact_id: int | None,
        reason: str,
        due_at: datetime,
        *,
        rrule: str | None = None,
    ) -> ReminderRecord:
        """Add a manual reminder, optionally repeating (an RRULE)."""
        text = " ".join(reason.split())
        if not text:
            raise ValidationError("Say what the reminder is for.")
        if due_at.tzinfo is None:
            raise ValidationError("A reminder's due time needs a time zone.")
        if rrule is not None:
            try:
                rrule = parse_rrule(rrule)
            except ValueError as exc:
                raise ValidationError(str(exc)) from None
        with self._sessions.begin() as session:
            name = get_contact(session, contact_id).name if contact_id is not None else None
            reminder = Reminder(
                contact_id=contact_id, kind="manual", reason=text, due_at=due_at, rrule=rrule
            )
            session.add(reminder)
            session.flush()
            return reminder_record(reminder, name)

    def set_status(self, reminder_id: int, status: str, *, now: datetime) -> ReminderRecord:
        """Mark a reminder done, dismissed or open again."""
        if status not in REMINDER_STATUSES:
            raise ValidationError(f"{status!r} is not a reminder status.")
        with self._sessions.begin() as session:
            reminder = session.get(Reminder, reminder_id)
            if reminder is None:
                raise NotFoundError(f"There is no reminder with id {reminder_id}.")
            reminder.status = status
            reminder.completed_at = now if status in ("done", "dismissed") else None
            contact = session.get(Contact, reminder.contact_id) if reminder.contact_id else None
            return reminder_record(reminder, contact.name if contact else None)

    def open_reminders(
        self, *, until: datetime | None = None, contact_id: int | None = None
    ) -> list[ReminderRecord]:
        """Return open reminders (due by `until`, for one contact, when given), soonest first."""
        query = (
            select(Reminder, Contact.name)
            .outerjoin(Contact, Contact.id == Reminder.contact_id)
            .where(Reminder.status.in_(("open", "snoozed")))
            .order_by(Reminder.due_at, Reminder.id)
        )
        if until is not None:
            query = query.where(Reminder.due_at <= until)
        if contact_id is not None:
            query = query.where(Reminder.contact_id == contact_id)
        with self._sessions() as session:
            return [reminder_record(r, name) for r, name in session.execute(query)]
