"""Read what the introduction matcher needs from the vault, in a few aggregated queries.

Profiles (who asks and offers what, and what surrounds them) change with contacts;
the context (who knows whom, past introductions, favours, event names) changes with
everything else. Each has its own change stamp, so a new introduction or favour only
rebuilds the matcher from profiles already read.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Hashable
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, case, func, select
from sqlalchemy.orm import Session

from desktop.matching import NetworkContext, Profile
from desktop.services.favours import weight_expression
from storage.models import (
    AskOffer,
    Contact,
    Event,
    Favour,
    Interaction,
    Introduction,
    Relationship,
    Tag,
    attendances,
    contact_tags,
    interaction_participants,
)

Stamp = tuple[Hashable, ...]

# One row per table: counts, largest ids, latest timestamps and sums that move when a
# row is added, removed or edited in a way the matcher would notice. Cheaper than
# reading the rows, and exact enough: a miss would need two edits that cancel out.
_PROFILE_STAMP: tuple[Select[*tuple[Any, ...]], ...] = (
    select(func.count(), func.max(Contact.id), func.max(Contact.updated_at)).select_from(Contact),
    select(
        func.count(),
        func.max(AskOffer.id),
        func.max(AskOffer.created_at),
        func.total(case((AskOffer.active, AskOffer.id), else_=0)),
    ).select_from(AskOffer),
    select(
        func.count(), func.total(contact_tags.c.contact_id), func.total(contact_tags.c.tag_id)
    ).select_from(contact_tags),
    select(func.count(), func.max(Tag.id)).select_from(Tag),
    select(
        func.count(), func.total(attendances.c.event_id), func.total(attendances.c.contact_id)
    ).select_from(attendances),
    select(func.count(), func.max(Interaction.id)).select_from(Interaction),
)


def _signed_weight() -> ColumnElement[int]:
    """Return a done favour's weight, positive when received (the user owes them)."""
    weight = weight_expression()
    return case(
        (Favour.status != "done", 0),
        (Favour.direction == "received", weight),
        else_=-weight,
    )


_CONTEXT_STAMP: tuple[Select[*tuple[Any, ...]], ...] = (
    select(func.count(), func.max(Relationship.id), func.max(Relationship.created_at)).select_from(
        Relationship
    ),
    # Only who was introduced and who was dismissed matter, not how far an
    # introduction got: asking each side must not cost a rebuild.
    select(
        func.count(),
        func.max(Introduction.id),
        func.total(case((Introduction.stage == "dismissed", Introduction.id), else_=0)),
        func.total(Introduction.contact_a_id * 3 + Introduction.contact_b_id),
    ).select_from(Introduction),
    select(func.count(), func.max(Favour.id), func.total(_signed_weight())).select_from(Favour),
    select(func.count(), func.max(Event.id), func.total(func.length(Event.name))).select_from(
        Event
    ),
)


def _stamp(session: Session, parts: tuple[Select[*tuple[Any, ...]], ...]) -> Stamp:
    return tuple(tuple(session.execute(part).one()) for part in parts)


def profile_stamp(session: Session) -> Stamp:
    """Return a value that changes whenever the matcher's profiles would."""
    return _stamp(session, _PROFILE_STAMP)


def context_stamp(session: Session) -> Stamp:
    """Return a value that changes whenever the matcher's context would."""
    return _stamp(session, _CONTEXT_STAMP)


def _last_met(session: Session, now: datetime) -> list[tuple[int, datetime]]:
    """Return each contact's latest interaction up to `now`."""
    participant = interaction_participants.c
    # As in followup_state: "id + 0" and the time test inside max() keep SQLite from
    # an index, so it reads the interactions in storage order instead of at random,
    # which is several times faster in an encrypted file.
    latest = func.max(case((Interaction.occurred_at <= now, Interaction.occurred_at)))
    rows = session.execute(
        select(participant.contact_id, latest)
        .select_from(Interaction)
        .join(interaction_participants, participant.interaction_id == Interaction.id + 0)
        .group_by(participant.contact_id)
    )
    return [(cid, moment) for cid, moment in rows if moment is not None]


def load_profiles(session: Session, now: datetime) -> list[Profile]:
    """Return a profile for every active contact with at least one active ask or offer, at `now`.

    Contacts with neither can never be part of a suggestion, so they are left out.
    """
    active = Contact.archived.is_(False)
    asks: defaultdict[int, list[str]] = defaultdict(list)
    offers: defaultdict[int, list[str]] = defaultdict(list)
    for cid, kind, text in session.execute(
        select(AskOffer.contact_id, AskOffer.kind, AskOffer.text)
        .join(Contact, Contact.id == AskOffer.contact_id)
        .where(active, AskOffer.active.is_(True))
        .order_by(AskOffer.id)
    ):
        (asks if kind == "ask" else offers)[cid].append(text)
    wanted = asks.keys() | offers.keys()
    tags: defaultdict[int, set[str]] = defaultdict(set)
    for cid, name in session.execute(
        select(contact_tags.c.contact_id, Tag.name).join(Tag, Tag.id == contact_tags.c.tag_id)
    ):
        if cid in wanted:
            tags[cid].add(name)
    events: defaultdict[int, set[int]] = defaultdict(set)
    for cid, event_id in session.execute(select(attendances.c.contact_id, attendances.c.event_id)):
        if cid in wanted:
            events[cid].add(event_id)
    last_met = {cid: moment for cid, moment in _last_met(session, now) if cid in wanted}
    rows = session.execute(
        select(Contact.id, Contact.name, Contact.org, Contact.location)
        .where(active)
        .order_by(Contact.id)
    )
    return [
        Profile(
            contact_id=cid,
            name=name,
            asks=tuple(asks[cid]),
            offers=tuple(offers[cid]),
            tags=frozenset(tags[cid]),
            org=org,
            location=location,
            event_ids=frozenset(events[cid]),
            last_met=last_met.get(cid),
        )
        for cid, name, org, location in rows
        if cid in wanted
    ]


def load_context(session: Session, now: datetime) -> NetworkContext:
    """Return relationships, past introductions, favours owed and event names at `now`."""
    known = frozenset(
        frozenset(pair)
        for pair in session.execute(select(Relationship.contact_a_id, Relationship.contact_b_id))
    )
    introduced: Counter[frozenset[int]] = Counter()
    intro_counts: Counter[int] = Counter()
    dismissed: set[frozenset[int]] = set()
    for a_id, b_id, stage in session.execute(
        select(Introduction.contact_a_id, Introduction.contact_b_id, Introduction.stage)
    ):
        pair = frozenset((a_id, b_id))
        if stage == "dismissed":
            dismissed.add(pair)
        else:
            introduced[pair] += 1
            intro_counts.update((a_id, b_id))
    owed = {
        cid: float(total)
        for cid, total in session.execute(
            select(Favour.contact_id, func.sum(_signed_weight()))
            .where(Favour.status == "done")
            .group_by(Favour.contact_id)
        )
        if total
    }
    event_names = {eid: name for eid, name in session.execute(select(Event.id, Event.name))}
    return NetworkContext(
        now=now,
        known_pairs=known,
        introduced=dict(introduced),
        dismissed=frozenset(dismissed),
        intro_counts=dict(intro_counts),
        owed=owed,
        event_names=event_names,
    )
