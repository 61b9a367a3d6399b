"""Records the readers hand out: drafts of contacts, and issues with the input."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from desktop.records import ContactMethodRecord


@dataclass(frozen=True)
class ContactDraft:
    """A contact read from a file, not yet matched against the vault.

    Phones are kept as written; callers normalise them with `desktop.normalise`.
    """

    name: str
    given_name: str | None = None
    family_name: str | None = None
    org: str | None = None
    title: str | None = None
    location: str | None = None
    note: str | None = None
    birthday: date | None = None
    uid: str | None = None
    methods: tuple[ContactMethodRecord, ...] = ()
    tags: tuple[str, ...] = ()
    photo: bytes | None = field(default=None, repr=False)
    connected_on: date | None = None
    source: str = ""

    @property
    def emails(self) -> tuple[str, ...]:
        """Return the draft's email addresses."""
        return tuple(m.value for m in self.methods if m.kind == "email")

    @property
    def phones(self) -> tuple[str, ...]:
        """Return the draft's phone numbers, as written in the file."""
        return tuple(m.value for m in self.methods if m.kind == "phone")


@dataclass(frozen=True)
class ImportIssue:
    """One card or row that was not imported, and why."""

    file: str
    card: int | None
    line: int | None
    message: str

    def __str__(self) -> str:
        where = [self.file]
        if self.card is not None:
            where.append(f"card {self.card}")
        if self.line is not None:
            where.append(f"line {self.line}")
        return f"{', '.join(where)}: {self.message}"


@dataclass
class ParseResult:
    """Everything read from one file: the drafts, the issues, and the format found."""

    drafts: list[ContactDraft] = field(default_factory=list)
    errors: list[ImportIssue] = field(default_factory=list)
    format: str = "unknown"
