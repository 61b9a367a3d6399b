"""RelationshipService: who among the contacts already knows whom."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.app import Services
from desktop.errors import NotFoundError, ValidationError
from desktop.records import ContactInput, RelationshipRecord
from storage.models import Relationship


def _contact(services: Services, name: str) -> int:
    return services.contacts.add(ContactInput(name=name)).id


def _stored_pairs(services: Services) -> list[tuple[int, int, str]]:
    with services.vault.sessions() as session:
        rows = session.execute(
            select(Relationship.contact_a_id, Relationship.contact_b_id, Relationship.kind)
        ).all()
        return [(a, b, kind) for a, b, kind in rows]


def test_relate_stores_one_unordered_pair(services: Services) -> None:
    ann = _contact(services, "Ann")
    bob = _contact(services, "Bob")
    record = services.relationships.relate(bob, ann, kind="  former   colleagues ")
    assert record == RelationshipRecord(record.id, "Ann", "Bob", "former colleagues")
    assert _stored_pairs(services) == [(ann, bob, "former colleagues")]


def test_relate_is_idempotent_and_order_independent(services: Services) -> None:
    ann = _contact(services, "Ann")
    bob = _contact(services, "Bob")
    first = services.relationships.relate(ann, bob)
    again = services.relationships.relate(ann, bob)
    reversed_ = services.relationships.relate(bob, ann, kind="married")
    assert first.kind == again.kind == "knows"
    assert first.id == again.id == reversed_.id
    assert reversed_.kind == "married"
    assert _stored_pairs(services) == [(ann, bob, "married")]


def test_blank_kind_means_knows(services: Services) -> None:
    ann = _contact(services, "Ann")
    bob = _contact(services, "Bob")
    assert services.relationships.relate(ann, bob, kind="   ").kind == "knows"


def test_a_contact_cannot_know_themself(services: Services) -> None:
    ann = _contact(services, "Ann")
    with pytest.raises(ValidationError, match="cannot be related to themself"):
        services.relationships.relate(ann, ann)
    assert _stored_pairs(services) == []


def test_an_overlong_kind_is_refused(services: Services) -> None:
    ann = _contact(services, "Ann")
    bob = _contact(services, "Bob")
    with pytest.raises(ValidationError, match="under 60 characters"):
        services.relationships.relate(ann, bob, kind="k" * 61)
    assert _stored_pairs(services) == []


def test_unknown_contacts_are_not_found(services: Services) -> None:
    ann = _contact(services, "Ann")
    for a, b in ((ann, 999), (999, ann)):
        with pytest.raises(NotFoundError, match="no contact with id 999"):
            services.relationships.relate(a, b)
    with pytest.raises(NotFoundError):
        services.relationships.for_contact(999)
    assert _stored_pairs(services) == []


def test_unrelate_in_either_order(services: Services) -> None:
    ann = _contact(services, "Ann")
    bob = _contact(services, "Bob")
    cat = _contact(services, "Cat")
    services.relationships.relate(ann, bob)
    services.relationships.relate(ann, cat)
    services.relationships.unrelate(bob, ann)
    assert _stored_pairs(services) == [(ann, cat, "knows")]
    services.relationships.unrelate(bob, cat)  # never related: nothing to do
    assert _stored_pairs(services) == [(ann, cat, "knows")]


def test_for_contact_lists_both_sides(services: Services) -> None:
    ann = _contact(services, "Ann")
    bob = _contact(services, "Bob")
    cat = _contact(services, "Cat")
    dan = _contact(services, "Dan")
    ab = services.relationships.relate(ann, bob, kind="colleagues")
    cb = services.relationships.relate(cat, bob)
    services.relationships.relate(cat, dan)
    assert services.relationships.for_contact(bob) == [ab, cb]
    assert services.relationships.for_contact(ann) == [ab]
    assert [r.b for r in services.relationships.for_contact(dan)] == ["Dan"]


def test_deleting_a_contact_forgets_their_relationships(services: Services) -> None:
    ann = _contact(services, "Ann")
    bob = _contact(services, "Bob")
    services.relationships.relate(ann, bob)
    services.contacts.delete(ann)
    assert services.relationships.for_contact(bob) == []
    assert _stored_pairs(services) == []
