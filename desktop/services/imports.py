"""Importing contact files: preview what would happen, then import in one transaction."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import ValidationError
from desktop.interchange import ImportIssue, ParseResult, parse_csv, read_contacts
from desktop.services.import_plan import POLICIES, DuplicateFound, Progress, plan_import
from desktop.services.import_writer import write_plan

__all__ = ["POLICIES", "DuplicateFound", "ImportPreview", "ImportResult", "ImportService"]


@dataclass(frozen=True)
class ImportPreview:
    """What importing a file would do, read without writing anything.

    `new` counts the contacts an import that merges duplicates would create;
    `duplicates` lists every draft that matches someone known, and why.
    """

    format: str
    drafts: int
    new: int
    duplicates: tuple[DuplicateFound, ...]
    errors: tuple[ImportIssue, ...]


@dataclass(frozen=True)
class ImportResult:
    """What an import did: contacts created, drafts merged or skipped, and problems."""

    imported: int
    merged: int
    skipped: int
    errors: tuple[ImportIssue, ...]


def _parse(data: bytes, filename: str, fmt: str, mapping: dict[str, str] | None) -> ParseResult:
    if mapping is not None:
        # A column mapping chosen by the user means a generic CSV, whatever the header.
        return parse_csv(data, filename, mapping=mapping)
    return read_contacts(data, filename, fmt)


class ImportService:
    """Reads contact files (vCard, LinkedIn, Google, Outlook, any CSV) into the vault."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def preview(
        self,
        data: bytes,
        filename: str,
        fmt: str = "auto",
        mapping: dict[str, str] | None = None,
    ) -> ImportPreview:
        """Read a file and match it against the vault, writing nothing."""
        parsed = _parse(data, filename, fmt, mapping)
        with self._sessions() as session:
            plan = plan_import(session, parsed.drafts, "merge")
        return ImportPreview(
            format=parsed.format,
            drafts=len(parsed.drafts),
            new=len(plan.new),
            duplicates=tuple(plan.duplicates),
            errors=tuple(parsed.errors + plan.errors),
        )

    def run(
        self,
        data: bytes,
        filename: str,
        fmt: str = "auto",
        *,
        on_duplicate: str = "merge",
        mapping: dict[str, str] | None = None,
        progress: Progress | None = None,
    ) -> ImportResult:
        """Import a file in one transaction: all of it that can be read, or nothing.

        Args:
            data: The file's bytes.
            filename: The file's name (its extension helps tell the format).
            fmt: "auto", "vcard", or a CSV layout ("linkedin", "google", "outlook", "csv").
            on_duplicate: "merge" a duplicate into the contact it matches, "skip" it,
                or "create" a separate contact anyway.
            mapping: {Rapport field: column} for a generic CSV.
            progress: Called with (done, total) from the thread doing the work; if it
                raises, the import stops and nothing is written.

        Returns:
            The counts, and every card or row that could not be imported.
        """
        if on_duplicate not in POLICIES:
            raise ValidationError(
                f"{on_duplicate!r} is not a way to treat duplicates; use {', '.join(POLICIES)}."
            )
        parsed = _parse(data, filename, fmt, mapping)
        total = len(parsed.drafts)
        if not total:
            return ImportResult(imported=0, merged=0, skipped=0, errors=tuple(parsed.errors))
        with self._sessions.begin() as session:
            plan = plan_import(session, parsed.drafts, on_duplicate, progress)
            write_plan(session, plan)
            if progress is not None:
                progress(total, total)  # still inside the transaction: a raise undoes it all
        return ImportResult(
            imported=len(plan.new),
            merged=plan.merged,
            skipped=plan.skipped,
            errors=tuple(parsed.errors + plan.errors),
        )
