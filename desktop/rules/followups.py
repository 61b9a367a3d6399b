"""The follow-up rules: pure functions from a vault snapshot to the reminders it calls for.

Due times never depend on `now`, so running the rules again gives the same keys and the
same due times. `now` only holds back causes that have not happened yet (an event later
this month), so with the vault unchanged the derived set can only grow as time passes:
a reminder that leaves it has had its cause resolved.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta, tzinfo
from operator import attrgetter

from desktop.rules.derived import (
    AFTER_EVENT,
    INTRO_CHECKIN,
    KEEP_IN_TOUCH,
    PROMISE,
    RECIPROCITY,
    DerivedReminder,
    LosingTouch,
)
from desktop.rules.localtime import local_date, require_aware, short_date
from desktop.rules.state import (
    DECLINED,
    DONE,
    GIVEN,
    PROMISED,
    ContactState,
    FavourState,
    RuleSettings,
    VaultState,
)

_MAX_ASK_IDEAS = 3
_oldest_first = attrgetter("occurred_on", "favour_id")


def derive_all(state: VaultState, settings: RuleSettings, now: datetime) -> list[DerivedReminder]:
    """Return every reminder the vault calls for, ordered by due time, then key."""
    require_aware(now, "now")
    reminders = [
        *after_event(state, settings, now),
        *keep_in_touch(state, settings),
        *reciprocity(state, settings, now),
        *promises(state, settings),
        *intro_checkins(state, settings, now),
    ]
    # Two stable sorts on single attributes beat one sort on a tuple key by about half.
    reminders.sort(key=attrgetter("source_key"))
    reminders.sort(key=attrgetter("due_at"))
    return reminders


def after_event(state: VaultState, settings: RuleSettings, now: datetime) -> list[DerivedReminder]:
    """Remind to follow up with each attendee not contacted since the event."""
    require_aware(now, "now")
    today = local_date(now, settings.tz)
    delay = timedelta(days=settings.after_event_days)
    return [
        DerivedReminder(
            source_key=f"after_event:event={seen.event_id}:contact={seen.contact_id}",
            contact_id=seen.contact_id,
            kind=AFTER_EVENT,
            due_at=settings.due_time(seen.held_on + delay),
            reason=f"Follow up with {seen.contact_name} after {seen.event_name}",
        )
        for seen in state.attendances
        if not seen.followed_up and seen.held_on <= today
    ]


def keep_in_touch(state: VaultState, settings: RuleSettings) -> list[DerivedReminder]:
    """Remind to get in touch once a contact's cadence has run since the last contact.

    The key carries the local day of the last contact, so logging an interaction on a
    later day replaces the reminder with a new one due a cadence later.
    """
    reminders = []
    for contact, cadence, since, due_day in _cadence_due(state.contacts, settings.tz):
        reminders.append(
            DerivedReminder(
                source_key=f"keep_in_touch:contact={contact.contact_id}:since={since.isoformat()}",
                contact_id=contact.contact_id,
                kind=KEEP_IN_TOUCH,
                due_at=settings.due_time(due_day),
                reason=_keep_in_touch_reason(contact, cadence, since, due_day),
            )
        )
    return reminders


def losing_touch(state: VaultState, settings: RuleSettings, now: datetime) -> list[LosingTouch]:
    """Return contacts whose cadence ran out before today, most overdue first."""
    require_aware(now, "now")
    today = local_date(now, settings.tz)
    late = [
        LosingTouch(
            contact_id=contact.contact_id,
            name=contact.name,
            cadence_days=cadence,
            last_interaction=contact.last_interaction,
            days_overdue=(today - due_day).days,
        )
        for contact, cadence, _since, due_day in _cadence_due(state.contacts, settings.tz)
        if due_day < today
    ]
    late.sort(key=lambda t: (-t.days_overdue, t.name.casefold(), t.contact_id))
    return late


def reciprocity(state: VaultState, settings: RuleSettings, now: datetime) -> list[DerivedReminder]:
    """Remind to return favours received and not yet matched by one given.

    Any favour given to the same person on or after a received one's day (done or
    promised; a promise has its own reminder) returns it. One reminder per person, keyed
    by the oldest favour still unreturned, so returning it moves on to the next one.
    """
    require_aware(now, "now")
    today = local_date(now, settings.tz)
    last_given: dict[int, date] = {}
    received: list[FavourState] = []
    for favour in state.favours:
        if favour.direction == GIVEN:
            if favour.status != DECLINED and favour.occurred_on > last_given.get(
                favour.contact_id, date.min
            ):
                last_given[favour.contact_id] = favour.occurred_on
        elif favour.status == DONE and favour.occurred_on <= today:
            received.append(favour)

    oldest: dict[int, FavourState] = {}
    for favour in received:
        if favour.occurred_on <= last_given.get(favour.contact_id, date.min):
            continue
        known = oldest.get(favour.contact_id)
        if known is None or _oldest_first(favour) < _oldest_first(known):
            oldest[favour.contact_id] = favour

    asks = {contact.contact_id: contact.asks for contact in state.contacts}
    delay = timedelta(days=settings.reciprocity_days)
    return [
        DerivedReminder(
            source_key=f"reciprocity:contact={favour.contact_id}:favour={favour.favour_id}",
            contact_id=favour.contact_id,
            kind=RECIPROCITY,
            due_at=settings.due_time(favour.occurred_on + delay),
            reason=_reciprocity_reason(favour, asks.get(favour.contact_id, ())),
        )
        for favour in oldest.values()
    ]


def promises(state: VaultState, settings: RuleSettings) -> list[DerivedReminder]:
    """Remind of promises with a due date, both ways.

    A promise the user made falls due `promise_lead_days` before its date, even when that
    is already past, so the due time stays put. A promise made to the user gets a gentle
    check the day after its date. Promises without a date raise nothing. The due date is
    part of the key: moving it raises a fresh reminder.
    """
    lead = timedelta(days=settings.promise_lead_days)
    reminders = []
    for favour in state.favours:
        if favour.status != PROMISED or favour.due_on is None:
            continue
        if favour.direction == GIVEN:
            due_day = favour.due_on - lead
            reason = (
                f"Promise to {favour.contact_name} due "
                f"{short_date(favour.due_on, beside=due_day)}: {favour.description}"
            )
        else:
            due_day = favour.due_on + timedelta(days=1)
            reason = (
                f"Check on {favour.contact_name}'s promise, due "
                f"{short_date(favour.due_on, beside=due_day)}: {favour.description}"
            )
        reminders.append(
            DerivedReminder(
                source_key=f"promise:favour={favour.favour_id}:due={favour.due_on.isoformat()}",
                contact_id=favour.contact_id,
                kind=PROMISE,
                due_at=settings.due_time(due_day),
                reason=reason,
            )
        )
    return reminders


def intro_checkins(
    state: VaultState, settings: RuleSettings, now: datetime
) -> list[DerivedReminder]:
    """Remind to ask both sides of an introduction how it went, once per introduction."""
    require_aware(now, "now")
    delay = timedelta(days=settings.intro_checkin_days)
    return [
        DerivedReminder(
            source_key=f"intro_checkin:intro={intro.intro_id}",
            contact_id=intro.a_id,
            kind=INTRO_CHECKIN,
            due_at=settings.due_time(local_date(intro.made_at, settings.tz) + delay),
            reason=f"Check in with {intro.a_name} and {intro.b_name}: how did the introduction go?",
        )
        for intro in state.intros
        if intro.made_at <= now
    ]


def _cadence_due(
    contacts: Iterable[ContactState], zone: tzinfo
) -> Iterable[tuple[ContactState, int, date, date]]:
    """Yield each contact with a cadence, the cadence, the day it counts from and its due day."""
    for contact in contacts:
        cadence = contact.cadence_days
        if cadence is not None and cadence > 0:
            since = local_date(contact.last_interaction or contact.created_at, zone)
            yield contact, cadence, since, since + timedelta(days=cadence)


def _keep_in_touch_reason(contact: ContactState, cadence: int, since: date, due_day: date) -> str:
    every = "every day" if cadence == 1 else f"every {cadence} days"
    when = short_date(since, beside=due_day)
    last = f"last contact {when}" if contact.last_interaction else f"added {when}, no contact yet"
    return f"Keep in touch with {contact.name} ({every}; {last})"


def _reciprocity_reason(favour: FavourState, asks: tuple[str, ...]) -> str:
    if asks:
        ideas = "; ".join(asks[:_MAX_ASK_IDEAS])
        return f"Return the favour to {favour.contact_name} — ideas from their asks: {ideas}"
    return f"Return the favour to {favour.contact_name} for: {favour.description}"
