"""InteractionService: the timeline of meetings, calls, emails, messages and notes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from desktop.app import Services
from desktop.errors import NotFoundError, ValidationError
from desktop.records import ContactInput
from storage.models import INTERACTION_KINDS

WHEN = datetime(2026, 5, 4, 9, 30, tzinfo=UTC)


def _contact(services: Services, name: str = "Ann Smith") -> int:
    return services.contacts.add(ContactInput(name=name)).id


@pytest.mark.parametrize("kind", INTERACTION_KINDS)
def test_every_kind_can_be_logged(services: Services, kind: str) -> None:
    ann = _contact(services)
    record = services.interactions.log([ann], kind=kind, note=f"  a {kind}  ", when=WHEN)
    assert record.kind == kind
    assert record.note == f"a {kind}"
    assert record.occurred_at == WHEN
    assert record.participants == ("Ann Smith",)
    assert record.event is None
    assert services.interactions.timeline(ann) == [record]


def test_one_entry_with_several_participants_shows_on_each_timeline(services: Services) -> None:
    ann, bob = _contact(services), _contact(services, "Bob Brown")
    record = services.interactions.log([ann, bob, ann], kind="meeting", note="Lunch", when=WHEN)
    assert sorted(record.participants) == ["Ann Smith", "Bob Brown"]
    assert services.interactions.timeline(ann) == [record]
    assert services.interactions.timeline(bob) == [record]


def test_times_in_other_zones_are_stored_as_the_same_instant(services: Services) -> None:
    ann = _contact(services)
    tokyo = timezone(timedelta(hours=9))
    record = services.interactions.log(
        [ann], kind="call", when=datetime(2026, 5, 4, 18, 30, tzinfo=tokyo)
    )
    (stored,) = services.interactions.timeline(ann)
    assert stored.occurred_at == WHEN == record.occurred_at
    assert stored.occurred_at.utcoffset() == timedelta(0)


def test_default_time_is_now(services: Services) -> None:
    ann = _contact(services)
    before = datetime.now(UTC)
    record = services.interactions.log([ann], note="hello")
    assert before - timedelta(seconds=1) <= record.occurred_at <= datetime.now(UTC)


def test_timeline_is_newest_first_and_can_be_limited(services: Services) -> None:
    ann = _contact(services)
    bob = _contact(services, "Bob Brown")
    middle = services.interactions.log([ann], kind="call", when=WHEN)
    oldest = services.interactions.log([ann], kind="email", when=WHEN - timedelta(days=3))
    newest = services.interactions.log([ann], kind="message", when=WHEN + timedelta(hours=1))
    # Same instant: the one logged later comes first.
    tie = services.interactions.log([ann], kind="call", when=WHEN)
    services.interactions.log([bob], note="not Ann's", when=WHEN + timedelta(days=9))
    timeline = services.interactions.timeline(ann)
    assert [r.id for r in timeline] == [newest.id, tie.id, middle.id, oldest.id]
    assert [r.id for r in services.interactions.timeline(ann, limit=2)] == [newest.id, tie.id]


@pytest.mark.parametrize(
    ("kind", "note", "when", "message"),
    [
        ("chat", "hi", WHEN, "'chat' is not a kind of interaction; use one of met, call"),
        ("note", "", WHEN, "A note cannot be empty"),
        ("note", "   ", WHEN, "A note cannot be empty"),
        ("call", "x" * 20_001, WHEN, "longer than 20000"),
        ("call", "hi", datetime(2026, 5, 4, 9, 30), "needs a time zone"),
    ],
    ids=["unknown-kind", "empty-note", "blank-note", "long-note", "naive-time"],
)
def test_bad_interactions_are_refused(
    services: Services, kind: str, note: str, when: datetime, message: str
) -> None:
    ann = _contact(services)
    with pytest.raises(ValidationError, match=message):
        services.interactions.log([ann], kind=kind, note=note, when=when)
    assert services.interactions.timeline(ann) == []


def test_an_interaction_needs_someone(services: Services) -> None:
    with pytest.raises(ValidationError, match="at least one contact"):
        services.interactions.log([], note="to nobody", when=WHEN)


def test_unknown_participant_saves_nothing(services: Services) -> None:
    ann = _contact(services)
    with pytest.raises(NotFoundError, match="no contact with id 999"):
        services.interactions.log([ann, 999], kind="call", when=WHEN)
    assert services.interactions.timeline(ann) == []


def test_timeline_of_unknown_contact_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError):
        services.interactions.timeline(999)


def test_delete_removes_one_entry(services: Services) -> None:
    ann = _contact(services)
    keep = services.interactions.log([ann], kind="call", when=WHEN)
    drop = services.interactions.log([ann], kind="email", when=WHEN)
    services.interactions.delete(drop.id)
    services.interactions.delete(12345)  # unknown: nothing to do
    assert services.interactions.timeline(ann) == [keep]
