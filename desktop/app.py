"""The composition root: open a vault, build the services, hand them to who needs them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from desktop.services.contacts import ContactService
from desktop.services.events import EventService
from desktop.services.favours import FavourService
from desktop.services.interactions import InteractionService
from desktop.services.relationships import RelationshipService
from desktop.services.reminders import ReminderService
from desktop.services.search import SearchService
from storage.vault import Vault

VAULT_ENV = "RAPPORT_VAULT"
VAULT_FILE = "rapport.db"


def default_vault_path() -> Path:
    """Return the vault path: $RAPPORT_VAULT, else the platform's user data folder."""
    override = os.environ.get(VAULT_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_path

    return user_data_path("Rapport", appauthor=False) / VAULT_FILE


def sample_vault_path() -> Path:
    """Return where the generated sample network lives, apart from the real vault."""
    from platformdirs import user_data_path

    return user_data_path("Rapport", appauthor=False) / "sample" / VAULT_FILE


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


def build_services(vault: Vault) -> Services:
    """Wire the services of an open vault."""
    sessions = vault.sessions
    return Services(
        vault=vault,
        contacts=ContactService(sessions),
        events=EventService(sessions),
        interactions=InteractionService(sessions),
        favours=FavourService(sessions),
        relationships=RelationshipService(sessions),
        reminders=ReminderService(sessions),
        search=SearchService(sessions),
    )
