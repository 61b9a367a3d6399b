"""Everything the contact page shows about one person, read in one call."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.records import (
    Balance,
    ContactDetail,
    EventRecord,
    FavourEntry,
    InteractionRecord,
    RelationshipRecord,
)
from desktop.services.contacts import ContactService
from desktop.services.events import EventService
from desktop.services.favours import FavourService
from desktop.services.interactions import InteractionService
from desktop.services.relationships import RelationshipService
from desktop.services.reminders import ReminderRecord, ReminderService

TIMELINE_LIMIT = 200


@dataclass(frozen=True)
class ContactProfile:
    """A contact with their timeline, favours, balance, reminders, events and ties."""

    detail: ContactDetail
    timeline: tuple[InteractionRecord, ...]
    favours: tuple[FavourEntry, ...]
    balance: Balance
    reminders: tuple[ReminderRecord, ...]
    events: tuple[EventRecord, ...]
    relationships: tuple[RelationshipRecord, ...]


class ProfileService:
    """Reads a whole contact page."""

    def __init__(
        self,
        contacts: ContactService,
        interactions: InteractionService,
        favours: FavourService,
        reminders: ReminderService,
        events: EventService,
        relationships: RelationshipService,
    ) -> None:
        self._contacts = contacts
        self._interactions = interactions
        self._favours = favours
        self._reminders = reminders
        self._events = events
        self._relationships = relationships

    def load(self, contact_id: int) -> ContactProfile:
        """Return the contact page of one contact."""
        return ContactProfile(
            detail=self._contacts.get(contact_id),
            timeline=tuple(self._interactions.timeline(contact_id, limit=TIMELINE_LIMIT)),
            favours=tuple(self._favours.history(contact_id)),
            balance=self._favours.balance(contact_id),
            reminders=tuple(self._reminders.open_reminders(contact_id=contact_id)),
            events=tuple(self._events.for_contact(contact_id)),
            relationships=tuple(self._relationships.for_contact(contact_id)),
        )
