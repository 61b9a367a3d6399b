"""Interactions: the timeline of meetings, calls, emails, messages and notes."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from desktop.errors import ValidationError
from desktop.queries.contacts import get_contact
from desktop.records import InteractionRecord
from storage.models import INTERACTION_KINDS, Interaction, interaction_participants

MAX_NOTE = 20_000


def _record(interaction: Interaction) -> InteractionRecord:
    return InteractionRecord(
        id=interaction.id,
        kind=interaction.kind,
        occurred_at=interaction.occurred_at,
        note=interaction.note,
        participants=tuple(c.name for c in interaction.participants),
        event=interaction.event.name if interaction.event is not None else None,
    )


class InteractionService:
    """Use cases about the interaction timeline."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def log(
        self,
        contact_ids: list[int],
        *,
        kind: str = "note",
        note: str = "",
        when: datetime | None = None,
    ) -> InteractionRecord:
        """Add an interaction with one or more contacts (default: now)."""
        if kind not in INTERACTION_KINDS:
            raise ValidationError(
                f"{kind!r} is not a kind of interaction; use one of {', '.join(INTERACTION_KINDS)}."
            )
        if not contact_ids:
            raise ValidationError("An interaction needs at least one contact.")
        if len(note) > MAX_NOTE:
            raise ValidationError(f"That note is longer than {MAX_NOTE} characters.")
        if kind == "note" and not note.strip():
            raise ValidationError("A note cannot be empty.")
        moment = when or datetime.now(UTC)
        if moment.tzinfo is None:
            raise ValidationError("The time of an interaction needs a time zone.")
        with self._sessions.begin() as session:
            people = [get_contact(session, cid) for cid in dict.fromkeys(contact_ids)]
            interaction = Interaction(
                kind=kind, occurred_at=moment, note=note.strip(), participants=people
            )
            session.add(interaction)
            session.flush()
            return _record(interaction)

    def timeline(self, contact_id: int, *, limit: int | None = None) -> list[InteractionRecord]:
        """Return a contact's interactions, newest first."""
        query = (
            select(Interaction)
            .join(
                interaction_participants,
                interaction_participants.c.interaction_id == Interaction.id,
            )
            .where(interaction_participants.c.contact_id == contact_id)
            .options(selectinload(Interaction.participants), selectinload(Interaction.event))
            .order_by(Interaction.occurred_at.desc(), Interaction.id.desc())
        )
        if limit is not None:
            query = query.limit(limit)
        with self._sessions() as session:
            get_contact(session, contact_id)
            return [_record(i) for i in session.scalars(query).all()]

    def delete(self, interaction_id: int) -> None:
        """Remove one timeline entry."""
        with self._sessions.begin() as session:
            interaction = session.get(Interaction, interaction_id)
            if interaction is not None:
                session.delete(interaction)
