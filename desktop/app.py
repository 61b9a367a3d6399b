"""The composition root: open a vault, build the services, hand them to who needs them."""

from __future__ import annotations

from functools import cached_property
from typing import TYPE_CHECKING

from desktop.services.contacts import ContactService
from desktop.services.events import EventService
from desktop.services.favours import FavourService
from desktop.services.followups import FollowUpService
from desktop.services.interactions import InteractionService
from desktop.services.profiles import ProfileService
from desktop.services.relationships import RelationshipService
from desktop.services.reminders import ReminderService
from desktop.services.search import SearchService
from storage.vault import Vault

if TYPE_CHECKING:
    from desktop.services.backups import BackupService
    from desktop.services.exports import ExportService
    from desktop.services.imports import ImportService
    from desktop.services.introductions import IntroductionService
    from desktop.services.merge import MergeService


class Services:
    """Every service of one open vault.

    The services the first screen needs are built at once; the heavier ones
    (matching, interchange, backups) are imported and built on first use, so opening
    the app does not wait for code it may not need in this session.
    """

    def __init__(self, vault: Vault) -> None:
        sessions = vault.sessions
        self.vault = vault
        self.contacts = ContactService(sessions)
        self.events = EventService(sessions)
        self.interactions = InteractionService(sessions)
        self.favours = FavourService(sessions)
        self.relationships = RelationshipService(sessions)
        self.reminders = ReminderService(sessions)
        self.search = SearchService(sessions)
        self.followups = FollowUpService(sessions)
        self.profiles = ProfileService(
            self.contacts,
            self.interactions,
            self.favours,
            self.reminders,
            self.events,
            self.relationships,
        )

    @cached_property
    def introductions(self) -> IntroductionService:
        """Return the introductions service (suggestions and tracking)."""
        from desktop.services.introductions import IntroductionService

        return IntroductionService(self.vault.sessions)

    @cached_property
    def imports(self) -> ImportService:
        """Return the import service (vCard and CSV)."""
        from desktop.services.imports import ImportService

        return ImportService(self.vault.sessions)

    @cached_property
    def merge(self) -> MergeService:
        """Return the duplicate-finding and merging service."""
        from desktop.services.merge import MergeService

        return MergeService(self.vault.sessions)

    @cached_property
    def exports(self) -> ExportService:
        """Return the export service (vCard, CSV, JSON)."""
        from desktop.services.exports import ExportService

        return ExportService(self.vault.sessions)

    @cached_property
    def backups(self) -> BackupService:
        """Return the backup service."""
        from desktop.services.backups import BackupService

        return BackupService(self.vault)


def build_services(vault: Vault) -> Services:
    """Wire the services of an open vault."""
    return Services(vault)
