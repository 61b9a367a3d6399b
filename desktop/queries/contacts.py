"""Query functions about contacts; each takes the session of the calling service."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rapidfuzz import process
from sqlalchemy import Row, func, select
from sqlalchemy.orm import Session, selectinload

from desktop.errors import AmbiguousNameError, NotFoundError
from desktop.normalise import fold
from desktop.records import ContactDetail, ContactMethodRecord, ContactSummary
from storage.models import Contact, ContactMethod, Tag, contact_tags


def get_contact(session: Session, contact_id: int) -> Contact:
    """Return a contact by id, or raise `NotFoundError`."""
    contact = session.get(Contact, contact_id)
    if contact is None:
        raise NotFoundError(f"There is no contact with id {contact_id}.")
    return contact


def resolve_contact(session: Session, name_or_id: str | int) -> Contact:
    """Find one contact from an id or a name typed by the user.

    An exact (case- and accent-insensitive) name wins; otherwise a unique name that
    starts with, then contains, what was typed. Several matches are an error that
    lists the candidates; none is an error that offers the closest names.
    """
    text = str(name_or_id).strip()
    if not text:
        raise NotFoundError("No contact was named; give a name or an id.")
    if text.isdigit():
        contact = session.get(Contact, int(text))
        if contact is not None:
            return contact
    key = " ".join(fold(text).split())
    key = key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    for pattern in (key, key + "%", "%" + key + "%"):
        rows = session.scalars(
            select(Contact)
            .where(Contact.sort_name.like(pattern, escape="\\"))
            .order_by(Contact.archived, Contact.sort_name)
            .limit(20)
        ).all()
        active = [c for c in rows if not c.archived] or list(rows)
        if len(active) == 1:
            return active[0]
        if len(active) > 1:
            raise AmbiguousNameError(text, [(c.id, c.name, c.org) for c in active])
    names = session.scalars(select(Contact.name)).all()
    close = [match for match, score, _ in process.extract(text, names, limit=3) if score >= 70]
    hint = f" Did you mean {', '.join(close)}?" if close else ""
    raise NotFoundError(f"No contact is called {text!r}.{hint}")


def contact_detail(contact: Contact) -> ContactDetail:
    """Turn a loaded contact into the record the contact page shows."""
    return ContactDetail(
        id=contact.id,
        uid=contact.uid,
        name=contact.name,
        given_name=contact.given_name,
        family_name=contact.family_name,
        org=contact.org,
        title=contact.title,
        location=contact.location,
        about=contact.about,
        birthday=contact.birthday,
        cadence_days=contact.cadence_days,
        archived=contact.archived,
        created_at=contact.created_at,
        methods=tuple(ContactMethodRecord(m.kind, m.value, m.label) for m in contact.methods),
        tags=tuple(sorted((t.name for t in contact.tags), key=str.casefold)),
        asks=tuple(a.text for a in contact.asks_offers if a.kind == "ask" and a.active),
        offers=tuple(a.text for a in contact.asks_offers if a.kind == "offer" and a.active),
    )


def load_details(session: Session, ids: Iterable[int]) -> list[ContactDetail]:
    """Load several contacts with everything the detail record needs, in id order."""
    contacts = session.scalars(
        select(Contact)
        .where(Contact.id.in_(list(ids)))
        .options(
            selectinload(Contact.methods),
            selectinload(Contact.tags),
            selectinload(Contact.asks_offers),
        )
        .order_by(Contact.id)
    ).all()
    return [contact_detail(c) for c in contacts]


SUMMARY_COLUMNS = (Contact.id, Contact.name, Contact.org, Contact.title, Contact.archived)


def summaries(
    session: Session, rows: Sequence[Row[int, str, str | None, str | None, bool]]
) -> list[ContactSummary]:
    """Build list rows from (id, name, org, title, archived) rows, in two more queries.

    Plain rows rather than ORM objects: a page of the contact list is read on every
    scroll, and building identity-mapped objects for it would cost more than the SQL.
    """
    ids = [row[0] for row in rows]
    emails: dict[int, list[str]] = {}
    tags: dict[int, list[str]] = {}
    if ids:
        for cid, value in session.execute(
            select(ContactMethod.contact_id, ContactMethod.value)
            .where(ContactMethod.contact_id.in_(ids), ContactMethod.kind == "email")
            .order_by(ContactMethod.position)
        ):
            emails.setdefault(cid, []).append(value)
        for cid, name in session.execute(
            select(contact_tags.c.contact_id, Tag.name)
            .join(Tag, Tag.id == contact_tags.c.tag_id)
            .where(contact_tags.c.contact_id.in_(ids))
        ):
            tags.setdefault(cid, []).append(name)
    return [
        ContactSummary(
            id=cid,
            name=name,
            org=org,
            title=title,
            emails=tuple(emails.get(cid, ())),
            tags=tuple(sorted(tags.get(cid, ()), key=str.casefold)),
            archived=bool(archived),
        )
        for cid, name, org, title, archived in rows
    ]


def get_or_create_tag(session: Session, name: str) -> Tag:
    """Return the tag with this name (case-insensitive), creating it if needed."""
    clean = " ".join(name.split())
    key = fold(clean)
    tag = session.scalar(select(Tag).where(Tag.key == key))
    if tag is None:
        tag = Tag(name=clean, key=key)
        session.add(tag)
    return tag


def count_contacts(
    session: Session, *, include_archived: bool = False, tag_key: str | None = None
) -> int:
    """Return how many contacts the vault holds (with a tag, when given its key)."""
    query = select(func.count(Contact.id))
    if not include_archived:
        query = query.where(Contact.archived.is_(False))
    if tag_key:
        query = query.where(Contact.tags.any(Tag.key == tag_key))
    return int(session.scalar(query) or 0)
