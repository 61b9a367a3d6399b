"""The schema's own rules: check constraints, unique keys and what ON DELETE does.

These go to the database directly, past the services, to show that the vault itself
refuses bad rows, whatever code path writes them.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import delete, func, select, text
from sqlalchemy.exc import IntegrityError, StatementError
from sqlalchemy.orm import Session
from sqlalchemy.sql import FromClause

from desktop.app import Services
from desktop.records import ContactInput
from storage.models import (
    AskOffer,
    Base,
    Contact,
    ContactMethod,
    Event,
    Favour,
    Interaction,
    Introduction,
    Relationship,
    Reminder,
    Tag,
    attendances,
    contact_tags,
    interaction_participants,
)
from storage.vault import Vault

NOW = datetime(2026, 4, 1, 12, tzinfo=UTC)
DAY = date(2026, 4, 1)


def _two_contacts(vault: Vault) -> tuple[int, int]:
    with vault.sessions.begin() as session:
        ann = Contact(name="Ann", sort_name="ann")
        bob = Contact(name="Bob", sort_name="bob")
        session.add_all([ann, bob])
        session.flush()
        return ann.id, bob.id


def _count(vault: Vault, table: FromClause) -> int:
    with vault.sessions() as session:
        return int(session.scalar(select(func.count()).select_from(table)) or 0)


BadRow = Callable[[int, int], Base]

BAD_ROWS: dict[str, BadRow] = {
    "contact-empty-name": lambda a, b: Contact(name="", sort_name=""),
    "contact-blank-name": lambda a, b: Contact(name="   ", sort_name=""),
    "contact-zero-cadence": lambda a, b: Contact(name="C", sort_name="c", cadence_days=0),
    "method-unknown-kind": lambda a, b: ContactMethod(contact_id=a, kind="pager", value="1"),
    "tag-negative-cadence": lambda a, b: Tag(name="t", key="t", cadence_days=-1),
    "ask-unknown-kind": lambda a, b: AskOffer(contact_id=a, kind="wish", text="x"),
    "event-blank-name": lambda a, b: Event(name=" ", held_on=DAY),
    "interaction-unknown-kind": lambda a, b: Interaction(kind="chat", occurred_at=NOW),
    "favour-unknown-direction": lambda a, b: Favour(
        contact_id=a, direction="lent", description="x", occurred_on=DAY
    ),
    "favour-unknown-size": lambda a, b: Favour(
        contact_id=a, direction="given", description="x", occurred_on=DAY, size="huge"
    ),
    "favour-unknown-status": lambda a, b: Favour(
        contact_id=a, direction="given", description="x", occurred_on=DAY, status="maybe"
    ),
    "favour-blank-description": lambda a, b: Favour(
        contact_id=a, direction="given", description="  ", occurred_on=DAY
    ),
    "favour-unknown-contact": lambda a, b: Favour(
        contact_id=9999, direction="given", description="x", occurred_on=DAY
    ),
    "relationship-reversed-pair": lambda a, b: Relationship(contact_a_id=b, contact_b_id=a),
    "relationship-with-self": lambda a, b: Relationship(contact_a_id=a, contact_b_id=a),
    "introduction-one-person": lambda a, b: Introduction(contact_a_id=a, contact_b_id=a),
    "introduction-unknown-stage": lambda a, b: Introduction(
        contact_a_id=a, contact_b_id=b, stage="pending"
    ),
    "reminder-unknown-kind": lambda a, b: Reminder(kind="nag", reason="x", due_at=NOW),
    "reminder-unknown-status": lambda a, b: Reminder(
        kind="manual", reason="x", due_at=NOW, status="later"
    ),
}


@pytest.mark.parametrize("make", BAD_ROWS.values(), ids=BAD_ROWS.keys())
def test_the_database_refuses_bad_rows(vault: Vault, make: BadRow) -> None:
    a, b = _two_contacts(vault)
    row = make(a, b)
    with pytest.raises(IntegrityError), vault.sessions.begin() as session:
        session.add(row)
    assert _count(vault, type(row).__table__) == (2 if isinstance(row, Contact) else 0)


def test_relationship_pair_is_stored_once(vault: Vault) -> None:
    a, b = _two_contacts(vault)
    with vault.sessions.begin() as session:
        session.add(Relationship(contact_a_id=a, contact_b_id=b))
    with pytest.raises(IntegrityError), vault.sessions.begin() as session:
        session.add(Relationship(contact_a_id=a, contact_b_id=b, kind="again"))
    assert _count(vault, Relationship.__table__) == 1


def test_tag_keys_and_uids_are_unique(vault: Vault) -> None:
    with vault.sessions.begin() as session:
        session.add(Tag(name="Design", key="design"))
        session.add(Contact(name="Ann", sort_name="ann", uid="uid-1"))
    with pytest.raises(IntegrityError), vault.sessions.begin() as session:
        session.add(Tag(name="design", key="design"))
    with pytest.raises(IntegrityError), vault.sessions.begin() as session:
        session.add(Contact(name="Ann again", sort_name="ann again", uid="uid-1"))
    with pytest.raises(IntegrityError), vault.sessions.begin() as session:
        session.add(Reminder(kind="manual", reason="x", due_at=NOW, source_key="k"))
        session.add(Reminder(kind="manual", reason="y", due_at=NOW, source_key="k"))
    assert _count(vault, Tag.__table__) == 1
    assert _count(vault, Contact.__table__) == 1
    assert _count(vault, Reminder.__table__) == 0


def test_naive_timestamps_never_reach_the_vault(vault: Vault) -> None:
    with pytest.raises(StatementError, match="timezone-aware"), vault.sessions.begin() as session:
        session.add(Interaction(kind="note", note="x", occurred_at=datetime(2026, 4, 1, 12)))
    assert _count(vault, Interaction.__table__) == 0


def test_timestamps_come_back_aware_in_utc(vault: Vault) -> None:
    with vault.sessions.begin() as session:
        session.add(Interaction(kind="note", note="x", occurred_at=NOW))
    with vault.sessions() as session:
        stored = session.scalars(select(Interaction.occurred_at)).one()
    assert stored == NOW
    assert stored.tzinfo is UTC


def _rows(session: Session, sql: str, **params: object) -> list[tuple[object, ...]]:
    return [tuple(row) for row in session.execute(text(sql), params)]


def _network(services: Services) -> dict[str, int]:
    """Ann and Bob met at an event, shared a call, swapped favours, were introduced."""
    ann = services.contacts.add(
        ContactInput(
            name="Ann",
            emails=("ann@example.com",),
            tags=("friends",),
            asks=("a designer",),
            offers=("legal advice",),
        )
    ).id
    bob = services.contacts.add(ContactInput(name="Bob", tags=("friends",))).id
    event = services.events.add("Meetup", DAY, attendee_ids=(ann, bob)).id
    shared = services.interactions.log([ann, bob], kind="call", note="Three-way", when=NOW).id
    only_bob = services.interactions.log([bob], kind="note", note="Bob alone", when=NOW).id
    services.favours.record(ann, "given", "Coffee", on=DAY)
    services.favours.record(bob, "received", "Advice", on=DAY)
    services.reminders.add(ann, "Call Ann", NOW)
    services.reminders.add(bob, "Call Bob", NOW)
    services.relationships.relate(ann, bob)
    with services.vault.sessions.begin() as session:
        intro = Introduction(contact_a_id=ann, contact_b_id=bob, reason="both in design")
        session.add(intro)
        session.flush()
        intro_id = intro.id
    return {
        "ann": ann,
        "bob": bob,
        "event": event,
        "shared": shared,
        "only_bob": only_bob,
        "intro": intro_id,
    }


@pytest.mark.parametrize("how", ["service", "sql"])
def test_deleting_a_contact_removes_only_what_concerns_them(services: Services, how: str) -> None:
    ids = _network(services)
    ann, bob = ids["ann"], ids["bob"]
    if how == "service":
        services.contacts.delete(ann)
    else:
        # Straight SQL, past the ORM: the foreign keys alone must do the work.
        with services.vault.sessions.begin() as session:
            session.execute(delete(Contact).where(Contact.id == ann))

    with services.vault.sessions() as session:
        for table in ("contact_methods", "asks_offers", "favours", "reminders", "contact_tags"):
            assert _rows(session, f"SELECT 1 FROM {table} WHERE contact_id = :c", c=ann) == []
        assert _rows(session, "SELECT 1 FROM attendances WHERE contact_id = :c", c=ann) == []
        assert _rows(session, "SELECT id FROM relationships") == []
        assert _rows(session, "SELECT id FROM introductions") == []
        assert (
            _rows(session, "SELECT 1 FROM interaction_participants WHERE contact_id = :c", c=ann)
            == []
        )

    # Bob keeps everything of his, including the call he shared with Ann.
    bob_detail = services.contacts.get(bob)
    assert bob_detail.tags == ("friends",)
    timeline = services.interactions.timeline(bob)
    assert {r.id for r in timeline} >= {ids["shared"], ids["only_bob"]}
    shared = next(r for r in timeline if r.id == ids["shared"])
    assert shared.participants == ("Bob",)
    assert [f.description for f in services.favours.history(bob)] == ["Advice"]
    assert [r.reason for r in services.reminders.open_reminders()] == ["Call Bob"]
    assert services.events.get(ids["event"]).attendee_ids == (bob,)
    assert services.contacts.tags() == [("friends", None)]


def test_deleting_a_contact_removes_notes_only_about_them(services: Services) -> None:
    ann = services.contacts.add(ContactInput(name="Ann")).id
    services.interactions.log([ann], kind="note", note="Private matter", when=NOW)
    services.contacts.delete(ann)
    assert _count(services.vault, Interaction.__table__) == 0


def test_deleting_an_event_keeps_its_interactions(services: Services) -> None:
    ids = _network(services)
    with services.vault.sessions.begin() as session:
        session.execute(delete(Event).where(Event.id == ids["event"]))
    with services.vault.sessions() as session:
        met = _rows(session, "SELECT event_id FROM interactions WHERE kind = 'met'")
        assert met == [(None,), (None,)]
        assert _rows(session, "SELECT 1 FROM attendances") == []
    assert services.contacts.count() == 2
    ann_met = [r for r in services.interactions.timeline(ids["ann"]) if r.kind == "met"]
    assert len(ann_met) == 1
    assert ann_met[0].event is None


def test_deleting_an_event_through_the_orm_behaves_the_same(services: Services) -> None:
    ids = _network(services)
    with services.vault.sessions.begin() as session:
        session.delete(session.get_one(Event, ids["event"]))
    assert _count(services.vault, attendances) == 0
    with services.vault.sessions() as session:
        assert _rows(session, "SELECT count(*) FROM interactions WHERE kind = 'met'") == [(2,)]


def test_deleting_an_introduction_keeps_its_favours(services: Services) -> None:
    ids = _network(services)
    favour = services.favours.record(
        ids["ann"], "given", "The introduction itself", on=DAY, introduction_id=ids["intro"]
    )
    assert favour.introduction_id == ids["intro"]
    with services.vault.sessions.begin() as session:
        session.execute(delete(Introduction).where(Introduction.id == ids["intro"]))
    kept = [f for f in services.favours.history(ids["ann"]) if f.id == favour.id]
    assert len(kept) == 1
    assert kept[0].introduction_id is None
    assert kept[0].description == "The introduction itself"


def test_deleting_a_tag_keeps_its_contacts(services: Services) -> None:
    ids = _network(services)
    with services.vault.sessions.begin() as session:
        session.execute(delete(Tag).where(Tag.key == "friends"))
    assert _count(services.vault, contact_tags) == 0
    assert services.contacts.count() == 2
    assert services.contacts.get(ids["ann"]).tags == ()
    assert services.contacts.get(ids["ann"]).emails == ("ann@example.com",)


def test_deleting_an_interaction_keeps_its_participants(services: Services) -> None:
    ids = _network(services)
    with services.vault.sessions.begin() as session:
        session.execute(delete(Interaction).where(Interaction.id == ids["shared"]))
    assert _count(services.vault, interaction_participants) == 3  # two "met", Bob's note
    assert services.contacts.count() == 2
