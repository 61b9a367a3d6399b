"""EventService: logging events, quick capture in one transaction, attendance."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import func, select

from desktop.app import Services
from desktop.errors import NotFoundError, ValidationError
from desktop.records import ContactInput
from desktop.services.events import CapturedPerson, event_moment
from storage.models import Contact, Event, Interaction

DAY = date(2026, 11, 20)


def _counts(services: Services) -> dict[str, int]:
    with services.vault.sessions() as session:
        return {
            model.__tablename__: int(session.scalar(select(func.count()).select_from(model)) or 0)
            for model in (Contact, Event, Interaction)
        }


def test_add_logs_the_event_and_a_met_entry_per_attendee(services: Services) -> None:
    ann = services.contacts.add(ContactInput(name="Ann Smith")).id
    bob = services.contacts.add(ContactInput(name="Bob Brown")).id
    event = services.events.add(
        "  PyCon   UK ", DAY, place="Cardiff", notes="Great talks", attendee_ids=(bob, ann, bob)
    )
    assert event.name == "PyCon UK"
    assert event.held_on == DAY
    assert (event.place, event.notes) == ("Cardiff", "Great talks")
    # Sorted by name, each person once.
    assert event.attendees == ("Ann Smith", "Bob Brown")
    assert event.attendee_ids == (ann, bob)
    assert services.events.get(event.id) == event
    (met,) = services.interactions.timeline(ann)
    assert met.kind == "met"
    assert met.event == "PyCon UK"
    assert met.occurred_at == datetime(2026, 11, 20, 12, tzinfo=UTC) == event_moment(DAY)
    assert len(services.interactions.timeline(bob)) == 1


def test_add_with_nobody_and_blank_place_and_notes(services: Services) -> None:
    event = services.events.add("Meetup", DAY, place="", notes="")
    assert (event.place, event.notes, event.attendees) == (None, None, ())


@pytest.mark.parametrize(
    ("name", "held_on", "message"),
    [
        ("", DAY, "needs a name"),
        ("  \n ", DAY, "needs a name"),
        ("Battle", date(1066, 10, 14), "not a plausible date"),
        ("Far future", date(2999, 1, 1), "not a plausible date"),
    ],
)
def test_add_refuses_bad_events(services: Services, name: str, held_on: date, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        services.events.add(name, held_on)
    assert services.events.list_events() == []


def test_add_with_an_unknown_attendee_saves_nothing(services: Services) -> None:
    ann = services.contacts.add(ContactInput(name="Ann Smith")).id
    with pytest.raises(NotFoundError, match="no contact with id 999"):
        services.events.add("Meetup", DAY, attendee_ids=(ann, 999))
    assert services.events.list_events() == []
    assert services.interactions.timeline(ann) == []


def test_get_unknown_event_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError, match="no event with id 7"):
        services.events.get(7)


def test_capture_creates_new_people_and_reuses_existing_ones(services: Services) -> None:
    ann = services.contacts.add(ContactInput(name="Ann Smith", asks=("a designer",))).id
    result = services.events.capture(
        "Founders breakfast",
        DAY,
        [
            CapturedPerson(
                name="Carol Chen",
                org="Zeta",
                note="Wants intros to investors",
                asks=("seed funding",),
                offers=("growth marketing",),
                tags=("founders",),
            ),
            CapturedPerson(name="Ann Smith", contact_id=ann, note="Caught up"),
            CapturedPerson(name="  "),
            CapturedPerson(name="Dan Day"),
        ],
        place="The Hub",
    )
    assert result.updated == (ann,)
    assert len(result.created) == 2
    carol_id, dan_id = result.created
    assert result.event.place == "The Hub"
    assert set(result.event.attendee_ids) == {ann, carol_id, dan_id}
    carol = services.contacts.get(carol_id)
    assert (carol.name, carol.org, carol.tags) == ("Carol Chen", "Zeta", ("founders",))
    assert (carol.asks, carol.offers) == (("seed funding",), ("growth marketing",))
    # Existing people are never entered twice.
    assert services.contacts.count() == 3
    (met,) = services.interactions.timeline(carol_id)
    assert (met.kind, met.note, met.event) == (
        "met",
        "Wants intros to investors",
        "Founders breakfast",
    )
    assert services.interactions.timeline(ann)[0].note == "Caught up"
    assert [e.id for e in services.events.for_contact(ann)] == [result.event.id]


def test_capture_enriches_existing_contacts_without_duplicates(services: Services) -> None:
    ann = services.contacts.add(
        ContactInput(name="Ann Smith", asks=("A designer",), offers=("legal advice",))
    ).id
    services.events.capture(
        "Meetup",
        DAY,
        [
            CapturedPerson(
                name="Ann Smith",
                contact_id=ann,
                org="Acme",
                asks=("a   designer", "a co-founder"),
                offers=("Legal advice", "office space"),
            )
        ],
    )
    detail = services.contacts.get(ann)
    assert detail.org == "Acme"
    assert detail.asks == ("A designer", "a co-founder")
    assert detail.offers == ("legal advice", "office space")
    # An organisation already known is not overwritten by what was typed in a hurry.
    services.events.capture(
        "Second meetup", DAY, [CapturedPerson(name="Ann", contact_id=ann, org="Other Ltd")]
    )
    assert services.contacts.get(ann).org == "Acme"


def test_capture_adds_tags_typed_for_an_existing_contact(services: Services) -> None:
    ann = services.contacts.add(ContactInput(name="Ann Smith")).id
    services.events.capture(
        "Meetup", DAY, [CapturedPerson(name="Ann Smith", contact_id=ann, tags=("founders",))]
    )
    assert services.contacts.get(ann).tags == ("founders",)


def test_capture_failing_on_the_third_person_saves_nothing(services: Services) -> None:
    ann = services.contacts.add(ContactInput(name="Ann Smith")).id
    before = _counts(services)
    with pytest.raises(ValidationError, match="ask or offer cannot be empty"):
        services.events.capture(
            "Meetup",
            DAY,
            [
                CapturedPerson(name="Carol Chen", asks=("seed funding",)),
                CapturedPerson(name="Ann Smith", contact_id=ann, asks=("a designer",)),
                CapturedPerson(name="Dan Day", asks=("  ",)),
            ],
        )
    assert _counts(services) == before
    assert services.contacts.get(ann).asks == ()


def test_capture_with_an_unknown_contact_id_rolls_everything_back(services: Services) -> None:
    ann = services.contacts.add(ContactInput(name="Ann Smith")).id
    before = _counts(services)
    with pytest.raises(NotFoundError, match="no contact with id 999"):
        services.events.capture(
            "Meetup",
            DAY,
            [
                CapturedPerson(name="Carol Chen"),
                CapturedPerson(name="Ann Smith", contact_id=ann, offers=("office space",)),
                CapturedPerson(name="Ghost", contact_id=999),
            ],
        )
    # Carol was flushed inside the transaction, but the rollback took her away again.
    assert _counts(services) == before
    assert services.contacts.get(ann).offers == ()


@pytest.mark.parametrize(
    ("name", "people", "message"),
    [
        ("Meetup", [], "at least one person"),
        ("Meetup", [CapturedPerson(name=" "), CapturedPerson(name="")], "at least one person"),
        ("", [CapturedPerson(name="Carol")], "needs a name"),
        ("Meetup", [CapturedPerson(name="x" * 201)], "longer than 200"),
    ],
)
def test_capture_refuses_bad_input(
    services: Services, name: str, people: list[CapturedPerson], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        services.events.capture(name, DAY, people)
    assert _counts(services) == {"contacts": 0, "events": 0, "interactions": 0}


def test_list_events_newest_first_with_a_limit(services: Services) -> None:
    old = services.events.add("Old", date(2025, 1, 5))
    new = services.events.add("New", date(2026, 3, 1))
    same_day = services.events.add("Same day, added later", date(2026, 3, 1))
    assert [e.id for e in services.events.list_events()] == [same_day.id, new.id, old.id]
    assert [e.id for e in services.events.list_events(limit=1)] == [same_day.id]


def test_for_contact_lists_only_their_events_newest_first(services: Services) -> None:
    ann = services.contacts.add(ContactInput(name="Ann")).id
    bob = services.contacts.add(ContactInput(name="Bob")).id
    first = services.events.add("First", date(2026, 1, 1), attendee_ids=(ann,))
    second = services.events.add("Second", date(2026, 2, 1), attendee_ids=(ann, bob))
    services.events.add("Nobody", date(2026, 3, 1))
    assert [e.id for e in services.events.for_contact(ann)] == [second.id, first.id]
    assert [e.id for e in services.events.for_contact(bob)] == [second.id]
    assert services.events.for_contact(999) == []
