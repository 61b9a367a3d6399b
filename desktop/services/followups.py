"""Follow-ups: derive reminders from the vault, keep them in the reminders table, act on them.

The rules (`desktop.rules`) say what the vault calls for; this service reads the vault
for them in a few aggregated queries, stores the result by `source_key`, and serves the
Today page and `rapport due` from the stored rows. Deriving is the slow part, so Today
derives again only when the vault changed or the clock passed a cause (see
`followup_freshness`); the actions here, which touch nothing the rules read, keep the
derivation valid.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import cast

from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import ValidationError
from desktop.queries.contacts import get_contact
from desktop.queries.followup_rows import (
    derived_statuses,
    forecast_records,
    record_of,
    sync_derived,
    waiting_records,
    waiting_reminder,
)
from desktop.queries.followup_state import next_dated_cause, vault_state
from desktop.rules import (
    LosingTouch,
    RuleSettings,
    VaultState,
    after_done,
    derive_all,
    losing_touch,
    parse_rrule,
    snooze_until,
)
from desktop.rules.actions import SnoozeChoice
from desktop.rules.localtime import local_date, localise
from desktop.services.followup_freshness import (
    Derivation,
    Stamp,
    after_own_writes,
    stamp,
    valid_until,
    with_stamp,
)
from desktop.services.followup_settings import (
    check_days,
    machine_zone,
    read_rule_settings,
    write_rule_settings,
)
from desktop.services.reminders import ReminderRecord
from storage.models import Interaction, Reminder

_WEEK_DAYS = 7


@dataclass(frozen=True)
class TodayView:
    """The Today page: reminders by local day of their effective due time, and who is slipping."""

    overdue: tuple[ReminderRecord, ...]
    today: tuple[ReminderRecord, ...]
    week: tuple[ReminderRecord, ...]
    losing_touch: tuple[LosingTouch, ...]


def _aware(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValidationError(f"The {what} needs a time zone.")
    return moment


def _soonest_first(record: ReminderRecord) -> tuple[datetime, int, str]:
    return record.effective_due, record.id, record.source_key or ""


class FollowUpService:
    """Use cases about follow-ups: derive, list, and done / snooze / dismiss."""

    def __init__(self, sessions: sessionmaker[Session], *, zone: tzinfo | None = None) -> None:
        self._sessions = sessions
        self._zone = zone or machine_zone()
        self._derivation: Derivation | None = None

    @property
    def zone(self) -> tzinfo:
        """Return the zone whose local days and 09:00 the follow-ups use."""
        return self._zone

    # -- settings -------------------------------------------------------------------

    def rule_settings(self) -> RuleSettings:
        """Return the rules' settings stored in the vault."""
        with self._sessions() as session:
            return read_rule_settings(session, self._zone)

    def update_rule_settings(
        self,
        after_event_days: int | None = None,
        reciprocity_days: int | None = None,
        intro_checkin_days: int | None = None,
    ) -> RuleSettings:
        """Change the given settings (each 1 to 365 days) and return them all."""
        given = {
            "after_event_days": after_event_days,
            "reciprocity_days": reciprocity_days,
            "intro_checkin_days": intro_checkin_days,
        }
        values = {name: check_days(name, days) for name, days in given.items() if days is not None}
        with self._sessions.begin() as session:
            write_rule_settings(session, values)
            session.flush()
            return read_rule_settings(session, self._zone)

    # -- deriving -------------------------------------------------------------------

    def snapshot(self, now: datetime) -> VaultState:
        """Return what the rules read from the vault, as it stands at `now`."""
        _aware(now, "time")
        with self._sessions() as session:
            return vault_state(session, now, self._zone)

    def refresh(self, now: datetime) -> None:
        """Derive every follow-up the vault calls for at `now` and store them."""
        _aware(now, "time")
        with self._sessions.begin() as session:
            derivation = self._refresh(session, stamp(session), now)
        self._remember(derivation)

    def _refresh(self, session: Session, start: Stamp, now: datetime) -> Derivation:
        settings = read_rule_settings(session, self._zone)
        state = vault_state(session, now, self._zone)
        sync_derived(session, derive_all(state, settings, now))
        # Stamps other connections took stay valid for as long as nothing changed.
        earlier = self._derivation.stamps if self._derivation is not None else ()
        return Derivation(
            stamps=with_stamp(earlier, after_own_writes(start, session)),
            computed_at=now,
            valid_until=valid_until(now, self._zone, next_dated_cause(session, now)),
            losing_touch=tuple(losing_touch(state, settings, now)),
        )

    def _fresh(self, session: Session, now: datetime) -> Derivation:
        """Return the derivation for `now`, deriving again only if it may have changed."""
        start = stamp(session)
        known = self._derivation
        if known is not None and known.holds(start, now):
            return known
        return self._refresh(session, start, now)

    def _remember(self, derivation: Derivation | None) -> None:
        # Called once the transaction committed: a derivation whose rows were rolled
        # back must never be taken for the stored state.
        if derivation is not None:
            self._derivation = derivation

    # -- reading --------------------------------------------------------------------

    def today(self, now: datetime) -> TodayView:
        """Return the Today page at `now`: overdue, today, the next 7 days, losing touch."""
        _aware(now, "time")
        # The split of `rules.bucket` by local day, done by comparing with the local
        # midnights rather than converting thousands of due times to local time.
        day = local_date(now, self._zone)
        today_starts, tomorrow_starts, week_ends = (
            localise(datetime.combine(day + timedelta(days=n), time()), self._zone)
            for n in (0, 1, _WEEK_DAYS + 1)
        )
        with self._sessions.begin() as session:
            derivation = self._fresh(session, now)
            rows = waiting_records(session, due_by=week_ends)
        self._remember(derivation)
        overdue, today, week = [], [], []
        for record in rows:
            due = record.effective_due
            if due < today_starts:
                overdue.append(record)
            elif due < tomorrow_starts:
                today.append(record)
            elif due < week_ends:
                week.append(record)
        return TodayView(tuple(overdue), tuple(today), tuple(week), derivation.losing_touch)

    def due(
        self, as_of: datetime, days: int = 0, *, now: datetime | None = None
    ) -> list[ReminderRecord]:
        """Return what is due by `as_of` plus `days`, overdue included, soonest first.

        For a future `as_of` this is a forecast: the rules run as of that moment and
        nothing is stored, so a forecast reminder not in the table yet has id 0. Done
        and dismissed reminders stay out, and snoozes are honoured.
        """
        _aware(as_of, "date to look at")
        if days < 0:
            raise ValidationError(f"Look ahead 0 days or more, not {days}.")
        now = _aware(now, "time") if now is not None else datetime.now(UTC)
        horizon = as_of + timedelta(days=days)
        if as_of <= now:
            with self._sessions.begin() as session:
                derivation = self._fresh(session, now)
                found = waiting_records(session, due_by=horizon)
            self._remember(derivation)
            return found
        with self._sessions() as session:
            settings = read_rule_settings(session, self._zone)
            state = vault_state(session, as_of, self._zone)
            stored = derived_statuses(session)
            found = waiting_records(session, due_by=horizon, manual_only=True)
        names = {contact.contact_id: contact.name for contact in state.contacts}
        found += forecast_records(derive_all(state, settings, as_of), stored, names, horizon)
        return sorted(found, key=_soonest_first)

    def open_reminders(self, now: datetime) -> list[ReminderRecord]:
        """Return every open or snoozed reminder, derived ones brought up to date first."""
        _aware(now, "time")
        with self._sessions.begin() as session:
            derivation = self._fresh(session, now)
            found = waiting_records(session)
        self._remember(derivation)
        return found

    # -- acting ---------------------------------------------------------------------

    def complete(
        self, reminder_id: int, now: datetime, *, log_interaction: bool = False, note: str = ""
    ) -> ReminderRecord | None:
        """Mark a reminder done; return its next occurrence if it repeats, else None.

        With `log_interaction`, a reminder about a contact also adds a note to their
        timeline (`note`, or the reminder's reason), which restarts their keep-in-touch
        cadence and counts as the follow-up after an event.
        """
        _aware(now, "time")
        with self._sessions.begin() as session:
            start = stamp(session)
            reminder = waiting_reminder(session, reminder_id, "mark done")
            try:
                next_due = after_done(reminder.rrule, reminder.due_at, now, self._zone)
            except ValueError as error:
                raise ValidationError(str(error)) from None
            if log_interaction and reminder.contact_id is not None:
                text = " ".join(note.split()) or f"Followed up: {reminder.reason}"
                contact = get_contact(session, reminder.contact_id)
                session.add(
                    Interaction(kind="note", occurred_at=now, note=text, participants=[contact])
                )
            reminder.completed_at = now
            reminder.snoozed_until = None
            if next_due is None:
                reminder.status = "done"
            else:
                reminder.status, reminder.due_at = "open", next_due
            # A new timeline entry is something the rules read; anything else is not.
            kept = None if log_interaction else self._kept(session, start)
            following = record_of(session, reminder.id) if next_due is not None else None
        self._remember(kept)
        return following

    def snooze(self, reminder_id: int, choice: str | date, now: datetime) -> ReminderRecord:
        """Put a reminder off for "1d", "1w", or until 09:00 local time on a date."""
        _aware(now, "time")
        if isinstance(choice, str) and choice not in ("1d", "1w"):
            raise ValidationError(f"Snooze for 1d or 1w, or until a date, not {choice!r}.")
        with self._sessions.begin() as session:
            start = stamp(session)
            reminder = waiting_reminder(session, reminder_id, "snooze")
            try:
                until = snooze_until(now, cast(SnoozeChoice, choice), self._zone)
            except ValueError as error:
                raise ValidationError(str(error)) from None
            reminder.status, reminder.snoozed_until = "snoozed", until
            kept, record = self._kept(session, start), record_of(session, reminder.id)
        self._remember(kept)
        return record

    def dismiss(self, reminder_id: int, now: datetime) -> ReminderRecord:
        """Dismiss a reminder for good; a repeating one stops repeating."""
        _aware(now, "time")
        with self._sessions.begin() as session:
            start = stamp(session)
            reminder = waiting_reminder(session, reminder_id, "dismiss")
            reminder.status, reminder.completed_at = "dismissed", now
            kept, record = self._kept(session, start), record_of(session, reminder.id)
        self._remember(kept)
        return record

    def add_manual(
        self, contact_id: int | None, reason: str, due_at: datetime, rrule: str | None = None
    ) -> ReminderRecord:
        """Add a reminder by hand, optionally repeating by an RRULE ("FREQ=WEEKLY")."""
        text = " ".join(reason.split())
        if not text:
            raise ValidationError("Say what the reminder is for.")
        _aware(due_at, "reminder's due time")
        if rrule is not None:
            try:
                rrule = parse_rrule(rrule)
            except ValueError as error:
                raise ValidationError(str(error)) from None
        with self._sessions.begin() as session:
            start = stamp(session)
            if contact_id is not None:
                get_contact(session, contact_id)
            reminder = Reminder(
                contact_id=contact_id, kind="manual", reason=text, due_at=due_at, rrule=rrule
            )
            session.add(reminder)
            session.flush()
            kept, record = self._kept(session, start), record_of(session, reminder.id)
        self._remember(kept)
        return record

    def _kept(self, session: Session, start: Stamp) -> Derivation | None:
        """Return the derivation carried past this action's writes, which the rules ignore."""
        known = self._derivation
        if known is None or start not in known.stamps:
            return None
        return known.restamped(after_own_writes(start, session))
