"""Exporting contacts (vCard, CSV) and the whole vault (JSON), and loading that JSON back."""

from __future__ import annotations

import binascii
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import ValidationError
from desktop.interchange import write_contacts_csv, write_vcards
from desktop.queries.contacts import load_details
from desktop.queries.vault_json import ENTITY_TABLES, dump_vault
from desktop.queries.vault_json_load import load_vault
from desktop.records import ContactDetail
from desktop.services.imports import ImportResult
from storage import search_index
from storage.models import Contact


class ExportService:
    """Writes the vault out in formats other programs read, and reads its own JSON back."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def _details(self, ids: list[int] | None) -> list[ContactDetail]:
        with self._sessions() as session:
            if ids is None:
                ids = list(session.scalars(select(Contact.id).order_by(Contact.id)))
            return load_details(session, ids)

    def vcards(self, ids: list[int] | None = None, version: str = "4.0") -> str:
        """Return contacts (all, or those with the given ids) as vCard text."""
        if version not in ("4.0", "3.0"):
            raise ValidationError(f"vCard version {version!r} cannot be written; use 4.0 or 3.0.")
        return write_vcards(self._details(ids), version)

    def csv(self, ids: list[int] | None = None) -> str:
        """Return contacts (all, or those with the given ids) as CSV that Rapport reads back."""
        return write_contacts_csv(self._details(ids))

    def json_export(self) -> dict[str, Any]:
        """Return every entity of the vault as one JSON-ready document."""
        with self._sessions() as session:
            return dump_vault(session.connection())

    def json_import(self, data: Mapping[str, Any]) -> ImportResult:
        """Load a `json_export` document into this vault, which must be empty.

        Raises:
            ValidationError: If the vault already holds data, or the document is not a
                complete Rapport export; nothing is written either way.
        """
        try:
            with self._sessions.begin() as session:
                connection = session.connection()
                held = {
                    name: int(connection.scalar(select(func.count()).select_from(t)) or 0)
                    for name, t in ENTITY_TABLES.items()
                }
                if any(held.values()):
                    listed = ", ".join(f"{n} {name}" for name, n in held.items() if n)
                    raise ValidationError(
                        f"A JSON export is loaded only into an empty vault, and this one holds "
                        f"{listed}. Create a new vault (`rapport --vault NEW.db init`) and "
                        "import there."
                    )
                with search_index.suspended(connection):
                    count = load_vault(connection, data)
        except (KeyError, TypeError, ValueError, binascii.Error, IntegrityError) as exc:
            reason = str(exc.orig) if isinstance(exc, IntegrityError) else str(exc)
            raise ValidationError(
                f"That file is not a complete Rapport export ({reason}); nothing was imported."
            ) from None
        return ImportResult(imported=count, merged=0, skipped=0, errors=())
