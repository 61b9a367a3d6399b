"""Relationships: who among the user's contacts already knows whom."""

from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, aliased, sessionmaker

from desktop.errors import ValidationError
from desktop.queries.contacts import get_contact
from desktop.records import RelationshipRecord
from storage.models import Contact, Relationship

MAX_KIND = 60


class RelationshipService:
    """Use cases about relationships between contacts."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def relate(self, a_id: int, b_id: int, *, kind: str = "knows") -> RelationshipRecord:
        """Record that two contacts know each other; saying it twice updates the kind."""
        if a_id == b_id:
            raise ValidationError("A contact cannot be related to themself.")
        kind = " ".join(kind.split()) or "knows"
        if len(kind) > MAX_KIND:
            raise ValidationError(f"Keep the kind of relationship under {MAX_KIND} characters.")
        low, high = sorted((a_id, b_id))
        with self._sessions.begin() as session:
            a, b = get_contact(session, low), get_contact(session, high)
            relation = session.scalar(
                select(Relationship).where(
                    Relationship.contact_a_id == low, Relationship.contact_b_id == high
                )
            )
            if relation is None:
                relation = Relationship(contact_a_id=low, contact_b_id=high, kind=kind)
                session.add(relation)
            else:
                relation.kind = kind
            session.flush()
            return RelationshipRecord(relation.id, a.name, b.name, relation.kind)

    def unrelate(self, a_id: int, b_id: int) -> None:
        """Forget that two contacts know each other."""
        low, high = sorted((a_id, b_id))
        with self._sessions.begin() as session:
            relation = session.scalar(
                select(Relationship).where(
                    Relationship.contact_a_id == low, Relationship.contact_b_id == high
                )
            )
            if relation is not None:
                session.delete(relation)

    def for_contact(self, contact_id: int) -> list[RelationshipRecord]:
        """Return everyone a contact is known to know."""
        a, b = aliased(Contact), aliased(Contact)
        query = (
            select(Relationship.id, a.name, b.name, Relationship.kind)
            .join(a, a.id == Relationship.contact_a_id)
            .join(b, b.id == Relationship.contact_b_id)
            .where(
                or_(
                    Relationship.contact_a_id == contact_id, Relationship.contact_b_id == contact_id
                )
            )
            .order_by(Relationship.id)
        )
        with self._sessions() as session:
            get_contact(session, contact_id)
            return [RelationshipRecord(*row) for row in session.execute(query)]
