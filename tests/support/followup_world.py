"""Helpers for follow-up tests: a fixed clock in London, and quick ways to fill a vault."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select

from desktop.app import Services
from desktop.records import ContactInput
from storage.models import Contact, Introduction, Reminder

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # a Monday; London is on GMT
LONG_AGO = datetime(2026, 1, 5, 10, 0, tzinfo=UTC)


def utc(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=UTC)


def add_contact(
    services: Services,
    name: str,
    *,
    cadence: int | None = None,
    tags: tuple[str, ...] = (),
    asks: tuple[str, ...] = (),
) -> int:
    """Add a contact created long before NOW, so its creation day never matters by accident."""
    cid = services.contacts.add(
        ContactInput(name=name, cadence_days=cadence, tags=tags, asks=asks)
    ).id
    with services.vault.sessions.begin() as session:
        contact = session.get(Contact, cid)
        assert contact is not None
        contact.created_at = LONG_AGO
    return cid


def log_call(services: Services, contact_id: int, when: datetime) -> None:
    services.interactions.log([contact_id], kind="call", note="Call", when=when)


def add_event(services: Services, held_on: date, *attendees: int, name: str = "Meetup") -> int:
    return services.events.add(name, held_on, attendee_ids=attendees).id


def add_intro(services: Services, a: int, b: int, made_at: datetime) -> int:
    with services.vault.sessions.begin() as session:
        intro = Introduction(
            contact_a_id=a, contact_b_id=b, reason="Both in fintech", stage="made", made_at=made_at
        )
        session.add(intro)
        session.flush()
        return intro.id


def set_intro_stage(services: Services, intro_id: int, stage: str) -> None:
    with services.vault.sessions.begin() as session:
        intro = session.get(Introduction, intro_id)
        assert intro is not None
        intro.stage = stage


@dataclass(frozen=True)
class Row:
    """One reminder row as stored."""

    id: int
    contact_id: int | None
    kind: str
    source_key: str | None
    status: str
    due_at: datetime
    snoozed_until: datetime | None
    reason: str
    created_at: datetime


def stored(services: Services) -> list[Row]:
    """Return every reminder row, by id."""
    with services.vault.sessions() as session:
        rows = session.execute(
            select(
                Reminder.id,
                Reminder.contact_id,
                Reminder.kind,
                Reminder.source_key,
                Reminder.status,
                Reminder.due_at,
                Reminder.snoozed_until,
                Reminder.reason,
                Reminder.created_at,
            ).order_by(Reminder.id)
        )
        return [Row(*row) for row in rows]


def by_key(services: Services) -> dict[str | None, Row]:
    return {row.source_key: row for row in stored(services) if row.source_key}
