"""Query functions about introductions; each takes the session of the calling service."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, and_, or_, select
from sqlalchemy.orm import Session, aliased

from desktop.errors import NotFoundError
from storage.models import Contact, ContactMethod, Introduction, Relationship

OPEN_STAGES = ("suggested", "proposed", "asked", "made")


@dataclass(frozen=True)
class IntroductionRecord:
    """An introduction between two contacts and where it stands."""

    id: int
    a_id: int
    a: str
    b_id: int
    b: str
    stage: str
    reason: str
    updated_at: datetime
    made_at: datetime | None = None
    outcome_note: str | None = None
    outcome_worked: bool | None = None
    asked_a_at: datetime | None = None
    asked_b_at: datetime | None = None
    a_agreed: bool | None = None
    b_agreed: bool | None = None
    created_at: datetime | None = None

    @property
    def both_agreed(self) -> bool:
        """Say whether both sides said yes to being introduced."""
        return bool(self.a_agreed and self.b_agreed)


def introduction_records(
    session: Session, *conditions: ColumnElement[bool]
) -> list[IntroductionRecord]:
    """Return introductions matching the conditions, most recently changed first."""
    a, b = aliased(Contact), aliased(Contact)
    query = (
        select(Introduction, a.name, b.name)
        .join(a, a.id == Introduction.contact_a_id)
        .join(b, b.id == Introduction.contact_b_id)
        .where(*conditions)
        .order_by(Introduction.updated_at.desc(), Introduction.id.desc())
    )
    return [
        IntroductionRecord(
            id=intro.id,
            a_id=intro.contact_a_id,
            a=a_name,
            b_id=intro.contact_b_id,
            b=b_name,
            stage=intro.stage,
            reason=intro.reason,
            updated_at=intro.updated_at,
            made_at=intro.made_at,
            outcome_note=intro.outcome_note,
            outcome_worked=intro.outcome_worked,
            asked_a_at=intro.asked_a_at,
            asked_b_at=intro.asked_b_at,
            a_agreed=intro.a_agreed,
            b_agreed=intro.b_agreed,
            created_at=intro.created_at,
        )
        for intro, a_name, b_name in session.execute(query)
    ]


def introduction_record(session: Session, intro_id: int) -> IntroductionRecord:
    """Return one introduction as a record, after flushing pending changes."""
    session.flush()
    found = introduction_records(session, Introduction.id == intro_id)
    if not found:
        raise NotFoundError(f"There is no introduction with id {intro_id}.")
    return found[0]


def get_introduction(session: Session, intro_id: int) -> Introduction:
    """Return an introduction by id, or raise `NotFoundError`."""
    intro = session.get(Introduction, intro_id)
    if intro is None:
        raise NotFoundError(f"There is no introduction with id {intro_id}.")
    return intro


def _pair(a_id: int, b_id: int) -> ColumnElement[bool]:
    return or_(
        and_(Introduction.contact_a_id == a_id, Introduction.contact_b_id == b_id),
        and_(Introduction.contact_a_id == b_id, Introduction.contact_b_id == a_id),
    )


def pair_introductions(session: Session, a_id: int, b_id: int) -> list[Introduction]:
    """Return every introduction between two contacts, whichever way round, oldest first."""
    return list(
        session.scalars(select(Introduction).where(_pair(a_id, b_id)).order_by(Introduction.id))
    )


def already_know(session: Session, a_id: int, b_id: int) -> bool:
    """Say whether the vault records that two contacts know each other."""
    low, high = sorted((a_id, b_id))
    found = session.scalar(
        select(Relationship.id).where(
            Relationship.contact_a_id == low, Relationship.contact_b_id == high
        )
    )
    return found is not None


def first_email(session: Session, contact_id: int) -> str | None:
    """Return a contact's first email address, if they have one."""
    return session.scalar(
        select(ContactMethod.value)
        .where(ContactMethod.contact_id == contact_id, ContactMethod.kind == "email")
        .order_by(ContactMethod.position, ContactMethod.id)
        .limit(1)
    )
