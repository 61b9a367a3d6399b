"""Contacts: add, edit, archive, delete, list and find the people in the network."""

from __future__ import annotations

from sqlalchemy import and_, delete, func, or_, select
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import ValidationError
from desktop.normalise import is_valid_email, normalise_email, normalise_phone, sort_key
from desktop.queries.contacts import (
    SUMMARY_COLUMNS,
    contact_detail,
    count_contacts,
    get_contact,
    get_or_create_tag,
    resolve_contact,
    summaries,
)
from desktop.records import ContactDetail, ContactInput, ContactMethodRecord, ContactSummary
from storage.models import (
    METHOD_KINDS,
    AskOffer,
    Contact,
    ContactMethod,
    Interaction,
    Tag,
    interaction_participants,
)

MAX_NAME = 200
SORT_COLUMNS = {"name": Contact.sort_name, "org": Contact.org, "added": Contact.created_at}


def _clean(value: str | None) -> str | None:
    if value is None:
        return None
    value = value.strip()
    return value or None


def validate(data: ContactInput) -> ContactInput:
    """Check a contact's input and return it tidied; raise `ValidationError` otherwise."""
    name = " ".join(data.name.split())
    if not name:
        raise ValidationError("A contact needs a name.")
    if len(name) > MAX_NAME:
        raise ValidationError(f"That name is longer than {MAX_NAME} characters.")
    for email in data.emails:
        if not is_valid_email(email):
            raise ValidationError(f"{email!r} is not an email address (expected name@example.com).")
    for phone in data.phones:
        if not phone.strip() or not any(ch.isdigit() for ch in phone):
            raise ValidationError(f"{phone!r} is not a phone number.")
    for method in data.methods:
        if method.kind not in METHOD_KINDS:
            raise ValidationError(f"{method.kind!r} is not a kind of contact method.")
        if method.kind == "email" and not is_valid_email(method.value):
            raise ValidationError(f"{method.value!r} is not an email address.")
    if data.cadence_days is not None and not 1 <= data.cadence_days <= 3650:
        raise ValidationError("Keep-in-touch cadence is a number of days from 1 to 3650.")
    for tag in data.tags:
        if not tag.strip():
            raise ValidationError("A tag cannot be empty.")
    for phrase in (*data.asks, *data.offers):
        if not phrase.strip():
            raise ValidationError("An ask or offer cannot be empty.")
    return data


def _methods_of(data: ContactInput) -> list[ContactMethodRecord]:
    methods = [ContactMethodRecord("email", e.strip()) for e in data.emails]
    methods += [ContactMethodRecord("phone", p.strip()) for p in data.phones]
    methods += [ContactMethodRecord("url", u.strip()) for u in data.urls]
    methods += list(data.methods)
    seen: set[tuple[str, str]] = set()
    unique = []
    for method in methods:
        key = (method.kind, method.value.casefold())
        if key not in seen:
            seen.add(key)
            unique.append(method)
    return unique


def normalised_value(kind: str, value: str) -> str | None:
    """Return the matching key of a contact method (lower-cased email, E.164 phone)."""
    if kind == "email":
        return normalise_email(value)
    if kind == "phone":
        return normalise_phone(value)
    return None


def apply_input(session: Session, contact: Contact, data: ContactInput) -> None:
    """Write validated input onto a contact, replacing methods, tags, asks and offers."""
    name = " ".join(data.name.split())
    contact.name = name
    contact.sort_name = sort_key(name)
    contact.given_name = _clean(data.given_name)
    contact.family_name = _clean(data.family_name)
    contact.org = _clean(data.org)
    contact.title = _clean(data.title)
    contact.location = _clean(data.location)
    contact.about = _clean(data.about)
    contact.birthday = data.birthday
    contact.cadence_days = data.cadence_days
    if data.uid:
        contact.uid = data.uid
    contact.methods = [
        ContactMethod(
            kind=m.kind,
            value=m.value,
            label=m.label,
            normalized=normalised_value(m.kind, m.value),
            position=i,
        )
        for i, m in enumerate(_methods_of(data))
    ]
    wanted = {sort_key(tag): tag for tag in data.tags}
    contact.tags = [get_or_create_tag(session, tag) for tag in wanted.values()]
    contact.asks_offers = [AskOffer(kind="ask", text=" ".join(t.split())) for t in data.asks] + [
        AskOffer(kind="offer", text=" ".join(t.split())) for t in data.offers
    ]


class ContactService:
    """Use cases about contacts; each call is one unit of work."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add(self, data: ContactInput) -> ContactDetail:
        """Add a contact and return it as saved."""
        data = validate(data)
        with self._sessions.begin() as session:
            contact = Contact(name=data.name, sort_name=sort_key(data.name))
            session.add(contact)
            apply_input(session, contact, data)
            session.flush()
            return contact_detail(contact)

    def update(self, contact_id: int, data: ContactInput) -> ContactDetail:
        """Replace a contact's details with the given input."""
        data = validate(data)
        with self._sessions.begin() as session:
            contact = get_contact(session, contact_id)
            apply_input(session, contact, data)
            session.flush()
            return contact_detail(contact)

    def get(self, contact_id: int) -> ContactDetail:
        """Return one contact."""
        with self._sessions() as session:
            return contact_detail(get_contact(session, contact_id))

    def find(self, name_or_id: str | int) -> ContactDetail:
        """Return the one contact an id or a typed name refers to."""
        with self._sessions() as session:
            return contact_detail(resolve_contact(session, name_or_id))

    def resolve_id(self, name_or_id: str | int) -> int:
        """Return the id of the one contact an id or a typed name refers to."""
        with self._sessions() as session:
            return resolve_contact(session, name_or_id).id

    def list_contacts(
        self,
        *,
        include_archived: bool = False,
        tag: str | None = None,
        order_by: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
        after_id: int | None = None,
    ) -> list[ContactSummary]:
        """Return contacts as list rows, sorted and optionally filtered by a tag.

        `after_id` (the last row already shown) pages by position in the sort order
        rather than by `offset`, so the 500th page costs what the first does. It
        applies to the orders whose column is never empty (name, date added).
        """
        column = SORT_COLUMNS.get(order_by, Contact.sort_name)
        query = select(*SUMMARY_COLUMNS)
        if not include_archived:
            query = query.where(Contact.archived.is_(False))
        if tag:
            query = query.where(Contact.tags.any(Tag.key == sort_key(tag)))
        keyset = after_id is not None and column is not Contact.org
        with self._sessions() as session:
            if keyset:
                last = session.scalar(select(column).where(Contact.id == after_id))
                if last is not None:
                    beyond = column < last if descending else column > last
                    query = query.where(or_(beyond, and_(column == last, Contact.id > after_id)))
            else:
                query = query.offset(offset)
            order = column.desc() if descending else column.asc()
            query = query.order_by(order.nulls_last(), Contact.id)
            if limit is not None:
                query = query.limit(limit)
            return summaries(session, session.execute(query).all())

    def name_index(self) -> list[tuple[int, str, str | None]]:
        """Return (id, name, org) of every active contact, for completion as you type."""
        query = (
            select(Contact.id, Contact.name, Contact.org)
            .where(Contact.archived.is_(False))
            .order_by(Contact.sort_name)
        )
        with self._sessions() as session:
            return [(cid, name, org) for cid, name, org in session.execute(query)]

    def summaries_for(self, ids: list[int]) -> list[ContactSummary]:
        """Return list rows for the given ids, in the order given."""
        with self._sessions() as session:
            rows = session.execute(select(*SUMMARY_COLUMNS).where(Contact.id.in_(ids))).all()
            by_id = {s.id: s for s in summaries(session, rows)}
        return [by_id[i] for i in ids if i in by_id]

    def count(self, *, include_archived: bool = False, tag: str | None = None) -> int:
        """Return how many contacts there are (with a tag, when given)."""
        with self._sessions() as session:
            return count_contacts(
                session, include_archived=include_archived, tag_key=tag and sort_key(tag)
            )

    def set_archived(self, contact_id: int, archived: bool = True) -> ContactDetail:
        """Archive a contact (hidden from lists, kept whole) or bring it back."""
        with self._sessions.begin() as session:
            contact = get_contact(session, contact_id)
            contact.archived = archived
            return contact_detail(contact)

    def delete(self, contact_id: int) -> None:
        """Delete a contact and everything that only concerns them.

        Interactions they shared with others stay on the others' timelines; notes
        about them alone go with them.
        """
        with self._sessions.begin() as session:
            contact = get_contact(session, contact_id)
            alone = (
                select(interaction_participants.c.interaction_id)
                .group_by(interaction_participants.c.interaction_id)
                .having(func.count() == 1)
                .having(func.max(interaction_participants.c.contact_id) == contact_id)
            )
            session.execute(delete(Interaction).where(Interaction.id.in_(alone)))
            session.delete(contact)

    def tags(self) -> list[tuple[str, int | None]]:
        """Return every tag with its keep-in-touch cadence, by name."""
        with self._sessions() as session:
            rows = session.execute(select(Tag.name, Tag.cadence_days).order_by(Tag.key)).all()
            return [(name, cadence) for name, cadence in rows]

    def set_tag_cadence(self, tag_name: str, days: int | None) -> None:
        """Give a tag a default keep-in-touch cadence (None removes it)."""
        if days is not None and not 1 <= days <= 3650:
            raise ValidationError("Keep-in-touch cadence is a number of days from 1 to 3650.")
        with self._sessions.begin() as session:
            get_or_create_tag(session, tag_name).cadence_days = days
