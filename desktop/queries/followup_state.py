"""Query functions that read what the follow-up rules need, a few aggregated queries in all.

Each function takes the calling service's session. Nothing here loops over contacts with
a query each: a 10,000-contact vault is read in a handful of GROUP BY queries.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, tzinfo
from typing import TypeVarTuple

from sqlalchemy import Result, Select, and_, case, func, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.rules import (
    AttendanceState,
    ContactState,
    FavourState,
    IntroState,
    VaultState,
)
from desktop.rules.localtime import local_date
from storage.models import (
    AskOffer,
    Contact,
    Event,
    Favour,
    Interaction,
    Introduction,
    Tag,
    attendances,
    contact_tags,
    interaction_participants,
)

_participant = interaction_participants.c
_Ts = TypeVarTuple("_Ts")


def _rows(session: Session, query: Select[*_Ts]) -> Result[*_Ts]:
    # Plain Core execution: these are tens of thousands of plain rows, and the ORM's
    # per-row bookkeeping would cost more than reading them.
    return session.connection().execute(query)


def vault_state(session: Session, now: datetime, zone: tzinfo) -> VaultState:
    """Return the snapshot of the vault the rules read, as it stands at `now`.

    Archived contacts are left out everywhere, and so is anything that names one.
    Interactions dated after `now` have not happened yet, so they count for nothing.
    """
    seen = last_contact_by_event(session, now)
    return VaultState(
        contacts=tuple(contact_states(session, seen)),
        attendances=tuple(attendance_states(session, seen, zone)),
        favours=tuple(favour_states(session)),
        intros=tuple(intro_states(session)),
    )


# contact id -> {event id (0 for entries not from an event) -> latest such entry}
LastSeen = dict[int, dict[int, datetime]]


def last_contact_by_event(session: Session, now: datetime) -> LastSeen:
    """Return, per contact, the latest interaction up to `now` from each event and outside any.

    This one GROUP BY over the interactions serves both the keep-in-touch rule (the
    latest of all) and the after-event rule (the latest not from that event).
    """
    event_key = func.coalesce(Interaction.event_id, 0)
    latest = func.max(case((Interaction.occurred_at <= now, Interaction.occurred_at)))
    # "id + 0" and the time test inside max() keep SQLite from using an index here: it
    # then reads the interactions in storage order and finds participants by the
    # primary key, where the indexed plans visit the table at random, which costs five
    # times as much in an encrypted file.
    rows = _rows(
        session,
        select(_participant.contact_id, event_key, latest)
        .select_from(Interaction)
        .join(interaction_participants, _participant.interaction_id == Interaction.id + 0)
        .group_by(_participant.contact_id, event_key),
    )
    seen: LastSeen = defaultdict(dict)
    for cid, event_id, last in rows:
        if last is not None:
            seen[cid][event_id] = last
    return seen


def contact_states(session: Session, seen: LastSeen) -> list[ContactState]:
    """Return every active contact with its effective cadence, last contact and asks."""
    tag_cadence = (
        select(contact_tags.c.contact_id, func.min(Tag.cadence_days).label("cadence"))
        .join(Tag, Tag.id == contact_tags.c.tag_id)
        .where(Tag.cadence_days.is_not(None))
        .group_by(contact_tags.c.contact_id)
        .subquery()
    )
    rows = _rows(
        session,
        select(
            Contact.id,
            Contact.name,
            func.coalesce(Contact.cadence_days, tag_cadence.c.cadence),
            Contact.created_at,
        )
        .outerjoin(tag_cadence, tag_cadence.c.contact_id == Contact.id)
        .where(Contact.archived.is_(False))
        .order_by(Contact.id),
    )
    asks = active_asks(session)
    no_entries: dict[int, datetime] = {}
    return [
        ContactState(
            contact_id=cid,
            name=name,
            cadence_days=cadence,
            last_interaction=max(seen.get(cid, no_entries).values(), default=None),
            created_at=created,
            asks=asks.get(cid, ()),
        )
        for cid, name, cadence, created in rows
    ]


def active_asks(session: Session) -> dict[int, tuple[str, ...]]:
    """Return each contact's active asks, oldest first."""
    grouped: defaultdict[int, list[str]] = defaultdict(list)
    rows = _rows(
        session,
        select(AskOffer.contact_id, AskOffer.text)
        .where(AskOffer.kind == "ask", AskOffer.active.is_(True))
        .order_by(AskOffer.contact_id, AskOffer.id),
    )
    for cid, text in rows:
        grouped[cid].append(text)
    return {cid: tuple(texts) for cid, texts in grouped.items()}


def attendance_states(session: Session, seen: LastSeen, zone: tzinfo) -> list[AttendanceState]:
    """Return each attendance, followed up when the contact was in touch on or after the day.

    The "met" entry that logging the event wrote (its `event_id` is the event's) is the
    meeting itself, not a follow-up; an entry from a later event is.
    """
    rows = _rows(
        session,
        select(
            attendances.c.event_id,
            Event.name,
            Event.held_on,
            attendances.c.contact_id,
            Contact.name,
        )
        .join(Event, Event.id == attendances.c.event_id)
        .join(Contact, Contact.id == attendances.c.contact_id)
        .where(Contact.archived.is_(False))
        .order_by(attendances.c.event_id, attendances.c.contact_id),
    )
    states = []
    for event_id, event_name, held_on, cid, name in rows:
        since = (last for event, last in seen.get(cid, {}).items() if event != event_id)
        latest = max(since, default=None)
        states.append(
            AttendanceState(
                event_id=event_id,
                event_name=event_name,
                held_on=held_on,
                contact_id=cid,
                contact_name=name,
                # The local day of an entry depends on the zone, so this is not SQL.
                followed_up=latest is not None and local_date(latest, zone) >= held_on,
            )
        )
    return states


def favour_states(session: Session) -> list[FavourState]:
    """Return the favours a rule can act on: dated promises and received ones not returned.

    A received favour counts as returned once any favour (not declined) went to the same
    person on or after its day; the rules apply the same test, so leaving returned ones
    out here changes no result and spares reading the whole ledger.
    """
    last_given = (
        select(Favour.contact_id, func.max(Favour.occurred_on).label("day"))
        .where(Favour.direction == "given", Favour.status != "declined")
        .group_by(Favour.contact_id)
        .subquery()
    )
    rows = _rows(
        session,
        select(
            Favour.id,
            Favour.contact_id,
            Contact.name,
            Favour.direction,
            Favour.status,
            Favour.occurred_on,
            Favour.due_on,
            Favour.description,
        )
        .join(Contact, Contact.id == Favour.contact_id)
        .outerjoin(last_given, last_given.c.contact_id == Favour.contact_id)
        .where(
            Contact.archived.is_(False),
            or_(
                and_(Favour.status == "promised", Favour.due_on.is_not(None)),
                and_(
                    Favour.direction == "received",
                    Favour.status == "done",
                    or_(last_given.c.day.is_(None), Favour.occurred_on > last_given.c.day),
                ),
            ),
        )
        .order_by(Favour.id),
    )
    return [FavourState(*row) for row in rows]


def intro_states(session: Session) -> list[IntroState]:
    """Return introductions made whose outcome is not recorded yet."""
    a, b = aliased(Contact), aliased(Contact)
    rows = _rows(
        session,
        select(Introduction.id, a.id, a.name, b.id, b.name, Introduction.made_at)
        .join(a, a.id == Introduction.contact_a_id)
        .join(b, b.id == Introduction.contact_b_id)
        .where(
            Introduction.stage == "made",
            Introduction.made_at.is_not(None),
            a.archived.is_(False),
            b.archived.is_(False),
        )
        .order_by(Introduction.id),
    )
    return [
        IntroState(intro_id, a_id, a_name, b_id, b_name, made_at)
        for intro_id, a_id, a_name, b_id, b_name, made_at in rows
        if made_at is not None
    ]


def next_dated_cause(session: Session, now: datetime) -> datetime | None:
    """Return the earliest interaction or introduction dated after `now`, if any.

    Until then (and until the local day changes) the rules give the same answer.
    """
    connection = session.connection()
    interaction = connection.scalar(
        select(func.min(Interaction.occurred_at)).where(Interaction.occurred_at > now)
    )
    intro = connection.scalar(
        select(func.min(Introduction.made_at)).where(
            Introduction.stage == "made", Introduction.made_at > now
        )
    )
    found = [moment for moment in (interaction, intro) if moment is not None]
    return min(found) if found else None
