"""Introductions: track who was introduced to whom, and how it went."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased, sessionmaker

from storage.models import Contact, Introduction


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


def introduction_records(session: Session, *conditions: object) -> list[IntroductionRecord]:
    """Return introductions matching the conditions, most recently changed first."""
    a, b = aliased(Contact), aliased(Contact)
    query = (
        select(Introduction, a.name, b.name)
        .join(a, a.id == Introduction.contact_a_id)
        .join(b, b.id == Introduction.contact_b_id)
        .order_by(Introduction.updated_at.desc(), Introduction.id.desc())
    )
    for condition in conditions:
        query = query.where(condition)  # type: ignore[arg-type]
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
        )
        for intro, a_name, b_name in session.execute(query)
    ]


class IntroductionService:
    """Use cases about introductions."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def list_introductions(self, *, include_dismissed: bool = False) -> list[IntroductionRecord]:
        """Return introductions, most recently changed first."""
        with self._sessions() as session:
            if include_dismissed:
                return introduction_records(session)
            return introduction_records(session, Introduction.stage != "dismissed")
