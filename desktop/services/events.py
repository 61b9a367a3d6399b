"""Events: log a networking event, who was met there, and what was said."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload, sessionmaker

from desktop.errors import NotFoundError, ValidationError
from desktop.queries.contacts import get_contact, get_or_create_tag
from desktop.records import ContactInput, EventRecord
from desktop.services.contacts import apply_input, validate
from storage.models import AskOffer, Contact, Event, Interaction


@dataclass(frozen=True)
class CapturedPerson:
    """One person logged in quick capture: an existing contact or a new one."""

    name: str
    contact_id: int | None = None
    org: str | None = None
    note: str = ""
    asks: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    tags: tuple[str, ...] = field(default=())


@dataclass(frozen=True)
class CaptureResult:
    """What quick capture saved."""

    event: EventRecord
    created: tuple[int, ...]
    updated: tuple[int, ...]


def _event_record(event: Event) -> EventRecord:
    attendees = sorted(event.attendees, key=lambda c: c.sort_name)
    return EventRecord(
        id=event.id,
        name=event.name,
        held_on=event.held_on,
        place=event.place,
        notes=event.notes,
        attendees=tuple(c.name for c in attendees),
        attendee_ids=tuple(c.id for c in attendees),
    )


def _check_event(name: str, held_on: date) -> str:
    clean = " ".join(name.split())
    if not clean:
        raise ValidationError("An event needs a name.")
    if held_on.year < 1900 or held_on.year > 2200:
        raise ValidationError(f"{held_on.isoformat()} is not a plausible date for an event.")
    return clean


def event_moment(held_on: date) -> datetime:
    """Return the moment an event's "met" entries are dated: noon UTC on its day."""
    return datetime.combine(held_on, time(12, 0), tzinfo=UTC)


class EventService:
    """Use cases about events and attendance."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def add(
        self,
        name: str,
        held_on: date,
        *,
        place: str | None = None,
        notes: str | None = None,
        attendee_ids: tuple[int, ...] = (),
    ) -> EventRecord:
        """Log an event and the contacts met there (each gets a "met" timeline entry)."""
        clean = _check_event(name, held_on)
        with self._sessions.begin() as session:
            event = Event(name=clean, held_on=held_on, place=place or None, notes=notes or None)
            session.add(event)
            for contact_id in dict.fromkeys(attendee_ids):
                self._attend(session, event, get_contact(session, contact_id), "")
            session.flush()
            return _event_record(event)

    def capture(
        self,
        name: str,
        held_on: date,
        people: list[CapturedPerson],
        *,
        place: str | None = None,
    ) -> CaptureResult:
        """Save an event and everyone met there in one transaction (quick capture)."""
        clean = _check_event(name, held_on)
        if not any(p.name.strip() or p.contact_id for p in people):
            raise ValidationError("Add at least one person you met.")
        inputs: list[ContactInput | None] = []
        for person in people:
            if person.contact_id is None and person.name.strip():
                inputs.append(
                    validate(
                        ContactInput(
                            name=person.name,
                            org=person.org,
                            tags=person.tags,
                            asks=person.asks,
                            offers=person.offers,
                        )
                    )
                )
            else:
                inputs.append(None)
        created: list[int] = []
        updated: list[int] = []
        with self._sessions.begin() as session:
            event = Event(name=clean, held_on=held_on, place=place or None)
            session.add(event)
            for person, data in zip(people, inputs, strict=True):
                if data is not None:
                    contact = Contact(name=data.name, sort_name="")
                    session.add(contact)
                    apply_input(session, contact, data)
                    session.flush()
                    created.append(contact.id)
                elif person.contact_id is not None:
                    contact = get_contact(session, person.contact_id)
                    self._enrich(session, contact, person)
                    updated.append(contact.id)
                else:
                    continue
                self._attend(session, event, contact, person.note)
            session.flush()
            return CaptureResult(_event_record(event), tuple(created), tuple(updated))

    @staticmethod
    def _enrich(session: Session, contact: Contact, person: CapturedPerson) -> None:
        if person.org and not contact.org:
            contact.org = person.org.strip()
        have_tags = {tag.key for tag in contact.tags}
        for name in person.tags:
            tag = get_or_create_tag(session, name)
            if tag.key not in have_tags:
                have_tags.add(tag.key)
                contact.tags.append(tag)
        have = {(a.kind, a.text.casefold()) for a in contact.asks_offers}
        for kind, phrases in (("ask", person.asks), ("offer", person.offers)):
            for phrase in phrases:
                text = " ".join(phrase.split())
                if text and (kind, text.casefold()) not in have:
                    contact.asks_offers.append(AskOffer(kind=kind, text=text))

    @staticmethod
    def _attend(session: Session, event: Event, contact: Contact, note: str) -> None:
        if contact not in event.attendees:
            event.attendees.append(contact)
        session.add(
            Interaction(
                kind="met",
                occurred_at=event_moment(event.held_on),
                note=note.strip(),
                event=event,
                participants=[contact],
            )
        )

    def get(self, event_id: int) -> EventRecord:
        """Return one event with its attendees."""
        with self._sessions() as session:
            event = session.get(Event, event_id)
            if event is None:
                raise NotFoundError(f"There is no event with id {event_id}.")
            return _event_record(event)

    def list_events(self, *, limit: int | None = None) -> list[EventRecord]:
        """Return events, newest first."""
        query = (
            select(Event)
            .options(selectinload(Event.attendees))
            .order_by(Event.held_on.desc(), Event.id.desc())
        )
        if limit is not None:
            query = query.limit(limit)
        with self._sessions() as session:
            return [_event_record(e) for e in session.scalars(query).all()]

    def for_contact(self, contact_id: int) -> list[EventRecord]:
        """Return the events a contact attended, newest first."""
        with self._sessions() as session:
            events = session.scalars(
                select(Event)
                .where(Event.attendees.any(Contact.id == contact_id))
                .options(selectinload(Event.attendees))
                .order_by(Event.held_on.desc())
            ).all()
            return [_event_record(e) for e in events]
