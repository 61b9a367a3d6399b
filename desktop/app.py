"""The composition root: open a vault, build the services, hand them to who needs them."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.services.contacts import ContactService
from desktop.services.events import EventService
from desktop.services.favours import FavourService
from desktop.services.followups import FollowUpService
from desktop.services.interactions import InteractionService
from desktop.services.introductions import IntroductionService
from desktop.services.profiles import ProfileService
from desktop.services.relationships import RelationshipService
from desktop.services.reminders import ReminderService
from desktop.services.search import SearchService
from storage.vault import Vault


@dataclass(frozen=True)
class Services:
    """Every service, built on one vault's session factory."""

    vault: Vault
    contacts: ContactService
    events: EventService
    interactions: InteractionService
    favours: FavourService
    relationships: RelationshipService
    reminders: ReminderService
    search: SearchService
    profiles: ProfileService
    introductions: IntroductionService
    followups: FollowUpService


def build_services(vault: Vault) -> Services:
    """Wire the services of an open vault."""
    sessions = vault.sessions
    contacts = ContactService(sessions)
    events = EventService(sessions)
    interactions = InteractionService(sessions)
    favours = FavourService(sessions)
    relationships = RelationshipService(sessions)
    reminders = ReminderService(sessions)
    return Services(
        vault=vault,
        contacts=contacts,
        events=events,
        interactions=interactions,
        favours=favours,
        relationships=relationships,
        reminders=reminders,
        search=SearchService(sessions),
        profiles=ProfileService(contacts, interactions, favours, reminders, events, relationships),
        introductions=IntroductionService(sessions),
        followups=FollowUpService(sessions),
    )
