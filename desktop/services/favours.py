"""The favour ledger: what went each way, and the balance with each person."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, case, func, select
from sqlalchemy.orm import Session, contains_eager, sessionmaker

from desktop.errors import NotFoundError, ValidationError
from desktop.queries.contacts import get_contact
from desktop.records import Balance, FavourEntry
from storage.models import FAVOUR_DIRECTIONS, FAVOUR_SIZES, Contact, Favour

SIZE_WEIGHTS = {"small": 1, "medium": 2, "large": 3}


def _entry(favour: Favour) -> FavourEntry:
    return FavourEntry(
        id=favour.id,
        contact_id=favour.contact_id,
        contact=favour.contact.name,
        direction=favour.direction,
        description=favour.description,
        occurred_on=favour.occurred_on,
        size=favour.size,
        status=favour.status,
        due_on=favour.due_on,
        introduction_id=favour.introduction_id,
    )


def weight_expression() -> ColumnElement[int]:
    """Return a SQL expression for a favour's weight (small 1, medium 2, large 3)."""
    return case(SIZE_WEIGHTS, value=Favour.size, else_=1)


class FavourService:
    """Use cases about the favour ledger."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def record(
        self,
        contact_id: int,
        direction: str,
        description: str,
        *,
        on: date | None = None,
        size: str = "small",
        promised: bool = False,
        due_on: date | None = None,
        introduction_id: int | None = None,
    ) -> FavourEntry:
        """Record a favour given to, or received from, a contact."""
        if direction not in FAVOUR_DIRECTIONS:
            raise ValidationError(f"{direction!r} is neither 'given' nor 'received'.")
        text = " ".join(description.split())
        if not text:
            raise ValidationError("Describe the favour in a few words.")
        if size not in FAVOUR_SIZES:
            raise ValidationError(f"Size is one of {', '.join(FAVOUR_SIZES)}, not {size!r}.")
        if due_on is not None and not promised:
            raise ValidationError("Only a promised favour has a due date; add --promised.")
        with self._sessions.begin() as session:
            contact = get_contact(session, contact_id)
            favour = Favour(
                contact=contact,
                direction=direction,
                description=text,
                occurred_on=on or date.today(),
                size=size,
                status="promised" if promised else "done",
                due_on=due_on,
                introduction_id=introduction_id,
            )
            session.add(favour)
            session.flush()
            return _entry(favour)

    def set_status(self, favour_id: int, status: str) -> FavourEntry:
        """Mark a promised favour done or declined."""
        if status not in ("promised", "done", "declined"):
            raise ValidationError(f"{status!r} is not a favour status.")
        with self._sessions.begin() as session:
            favour = session.get(Favour, favour_id)
            if favour is None:
                raise NotFoundError(f"There is no favour with id {favour_id}.")
            favour.status = status
            return _entry(favour)

    def delete(self, favour_id: int) -> None:
        """Remove a favour from the ledger."""
        with self._sessions.begin() as session:
            favour = session.get(Favour, favour_id)
            if favour is not None:
                session.delete(favour)

    def history(self, contact_id: int | None = None) -> list[FavourEntry]:
        """Return favours, newest first, for one contact or everyone."""
        query = (
            select(Favour)
            .join(Favour.contact)
            # The name comes with each row, not in one query per contact.
            .options(contains_eager(Favour.contact))
            .order_by(Favour.occurred_on.desc(), Favour.id.desc())
        )
        if contact_id is not None:
            query = query.where(Favour.contact_id == contact_id)
        with self._sessions() as session:
            if contact_id is not None:
                get_contact(session, contact_id)
            return [_entry(f) for f in session.scalars(query).all()]

    def balance(self, contact_id: int) -> Balance:
        """Return the weighted balance with one contact; only favours done count."""
        with self._sessions() as session:
            contact = get_contact(session, contact_id)
            rows = self._balances(session, Favour.contact_id == contact_id)
            return rows[0] if rows else Balance(contact.id, contact.name, 0, 0)

    def balances(self) -> list[Balance]:
        """Return the balance with every contact who has a favour, biggest imbalance first."""
        with self._sessions() as session:
            rows = self._balances(session, None)
        return sorted(rows, key=lambda b: (-abs(b.balance), b.contact.casefold()))

    @staticmethod
    def _balances(session: Session, condition: ColumnElement[bool] | None) -> list[Balance]:
        weight = weight_expression()
        given = func.sum(case((Favour.direction == "given", weight), else_=0))
        received = func.sum(case((Favour.direction == "received", weight), else_=0))
        query = (
            select(Contact.id, Contact.name, given, received)
            .join(Favour, Favour.contact_id == Contact.id)
            .where(Favour.status == "done")
            .group_by(Contact.id)
        )
        if condition is not None:
            query = query.where(condition)
        return [
            Balance(cid, name, int(g or 0), int(r or 0))
            for cid, name, g, r in session.execute(query)
        ]
