"""Merging duplicate contacts: find likely pairs on demand, merge one pair at a time."""

from __future__ import annotations

from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import ValidationError
from desktop.queries.contact_merge import merge_contacts
from desktop.queries.contacts import contact_detail, get_contact
from desktop.queries.duplicate_pairs import DuplicatePair, duplicate_pairs
from desktop.records import ContactDetail

__all__ = ["DuplicatePair", "MergeService"]


class MergeService:
    """Use cases about duplicate contacts."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def find_duplicates(self, limit: int = 100) -> list[DuplicatePair]:
        """Return pairs of contacts that look like one person, strongest evidence first."""
        with self._sessions() as session:
            return duplicate_pairs(session, limit)

    def merge(self, keep_id: int, other_id: int) -> ContactDetail:
        """Merge `other` into `keep` in one transaction and return the merged contact.

        Every timeline entry, favour, introduction, reminder, event, relationship, tag,
        method, ask and offer of `other` moves to `keep`; keep's empty fields are filled
        from other, other's notes are appended to keep's, and `other` is deleted.
        """
        if keep_id == other_id:
            raise ValidationError("Choose two different contacts to merge.")
        with self._sessions.begin() as session:
            get_contact(session, keep_id)
            get_contact(session, other_id)
            merge_contacts(session.connection(), keep_id, other_id)
            session.expire_all()
            return contact_detail(get_contact(session, keep_id))
