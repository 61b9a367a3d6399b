"""Frozen records that services hand out; no ORM object ever leaves a service."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

# Re-exported: defined apart so the first screen can use it alone.
from desktop.contact_summary import ContactSummary as ContactSummary


@dataclass(frozen=True)
class ContactMethodRecord:
    """One email, phone, URL, social handle or address."""

    kind: str
    value: str
    label: str | None = None


@dataclass(frozen=True)
class ContactDetail:
    """Everything about one contact that the contact page shows."""

    id: int
    uid: str
    name: str
    given_name: str | None
    family_name: str | None
    org: str | None
    title: str | None
    location: str | None
    about: str | None
    birthday: date | None
    cadence_days: int | None
    archived: bool
    created_at: datetime
    methods: tuple[ContactMethodRecord, ...] = ()
    tags: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()

    @property
    def emails(self) -> tuple[str, ...]:
        """Return the contact's email addresses."""
        return tuple(m.value for m in self.methods if m.kind == "email")

    @property
    def phones(self) -> tuple[str, ...]:
        """Return the contact's phone numbers."""
        return tuple(m.value for m in self.methods if m.kind == "phone")


@dataclass(frozen=True)
class ContactInput:
    """What a user enters to add or edit a contact; services validate it."""

    name: str
    org: str | None = None
    title: str | None = None
    location: str | None = None
    about: str | None = None
    given_name: str | None = None
    family_name: str | None = None
    birthday: date | None = None
    cadence_days: int | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    urls: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    asks: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    uid: str | None = None
    methods: tuple[ContactMethodRecord, ...] = field(default=())


@dataclass(frozen=True)
class EventRecord:
    """A networking event and who the user met there."""

    id: int
    name: str
    held_on: date
    place: str | None
    notes: str | None
    attendees: tuple[str, ...] = ()
    attendee_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class InteractionRecord:
    """One entry on a contact's timeline."""

    id: int
    kind: str
    occurred_at: datetime
    note: str
    participants: tuple[str, ...] = ()
    event: str | None = None


@dataclass(frozen=True)
class FavourEntry:
    """A favour in the ledger."""

    id: int
    contact_id: int
    contact: str
    direction: str
    description: str
    occurred_on: date
    size: str
    status: str
    due_on: date | None = None
    introduction_id: int | None = None


@dataclass(frozen=True)
class Balance:
    """Weighted favours given minus received, for one contact."""

    contact_id: int
    contact: str
    given: int
    received: int

    @property
    def balance(self) -> int:
        """Return given minus received (positive: the user has given more)."""
        return self.given - self.received


@dataclass(frozen=True)
class RelationshipRecord:
    """Two contacts who know each other."""

    id: int
    a: str
    b: str
    kind: str


@dataclass(frozen=True)
class SearchHit:
    """A contact found by full-text search."""

    contact_id: int
    name: str
    org: str | None


@dataclass(frozen=True)
class VaultReport:
    """What `rapport check` reports about a vault."""

    path: str
    key_source: str
    schema_revision: str | None
    integrity: str
    counts: dict[str, int]
