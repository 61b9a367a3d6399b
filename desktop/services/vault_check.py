"""Verify a vault: it opens, passes SQLite's integrity check, and what it holds."""

from __future__ import annotations

from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from desktop.records import VaultReport
from storage.models import (
    Contact,
    Event,
    Favour,
    Interaction,
    Introduction,
    Relationship,
    Reminder,
    Tag,
)
from storage.vault import Vault

_COUNTED = {
    "contacts": Contact,
    "events": Event,
    "interactions": Interaction,
    "favours": Favour,
    "relationships": Relationship,
    "introductions": Introduction,
    "reminders": Reminder,
    "tags": Tag,
}


def check_vault(vault: Vault) -> VaultReport:
    """Run the integrity check and count what the vault holds."""
    with vault.sessions() as session:
        results = [row[0] for row in session.execute(text("PRAGMA integrity_check"))]
        try:
            # FTS5's own check compares the index with the rows it was built from.
            session.execute(
                text(
                    "INSERT INTO contact_search(contact_search, rank) VALUES('integrity-check', 1)"
                )
            )
        except DBAPIError:
            results = [*(r for r in results if r != "ok"), "the search index is damaged"]
        session.rollback()
        counts = {
            name: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for name, model in _COUNTED.items()
        }
    return VaultReport(
        path=str(vault.path),
        key_source=Vault.key_source(vault.path),
        schema_revision=vault.schema_revision(),
        integrity="ok" if results == ["ok"] else "; ".join(results),
        counts=counts,
    )
