"""FavourService: the ledger, promised favours, and weighted balances."""

from __future__ import annotations

from datetime import date

import pytest

from desktop.app import Services
from desktop.errors import NotFoundError, ValidationError
from desktop.records import Balance, ContactInput

DAY = date(2026, 6, 1)


def _contact(services: Services, name: str) -> int:
    return services.contacts.add(ContactInput(name=name)).id


def test_record_a_given_favour(services: Services) -> None:
    ann = _contact(services, "Ann Smith")
    entry = services.favours.record(ann, "given", "  Reviewed her   deck ", on=DAY, size="medium")
    assert entry.contact_id == ann
    assert entry.contact == "Ann Smith"
    assert entry.direction == "given"
    assert entry.description == "Reviewed her deck"
    assert (entry.occurred_on, entry.size, entry.status) == (DAY, "medium", "done")
    assert (entry.due_on, entry.introduction_id) == (None, None)
    assert services.favours.history(ann) == [entry]


def test_defaults_are_today_small_and_done(services: Services) -> None:
    ann = _contact(services, "Ann Smith")
    entry = services.favours.record(ann, "received", "Coffee")
    assert (entry.occurred_on, entry.size, entry.status) == (date.today(), "small", "done")


def test_a_promise_can_carry_a_due_date(services: Services) -> None:
    ann = _contact(services, "Ann Smith")
    entry = services.favours.record(
        ann, "given", "Intro to a lawyer", on=DAY, promised=True, due_on=date(2026, 6, 15)
    )
    assert entry.status == "promised"
    assert entry.due_on == date(2026, 6, 15)


@pytest.mark.parametrize(
    ("direction", "description", "size", "promised", "due_on", "message"),
    [
        ("lent", "Coffee", "small", False, None, "neither 'given' nor 'received'"),
        ("given", "", "small", False, None, "Describe the favour"),
        ("given", "  \t ", "small", False, None, "Describe the favour"),
        ("given", "Coffee", "huge", False, None, "Size is one of small, medium, large"),
        ("given", "Coffee", "small", False, date(2026, 7, 1), "Only a promised favour has a due"),
    ],
    ids=["direction", "empty", "blank", "size", "due-without-promise"],
)
def test_bad_favours_are_refused(
    services: Services,
    direction: str,
    description: str,
    size: str,
    promised: bool,
    due_on: date | None,
    message: str,
) -> None:
    ann = _contact(services, "Ann Smith")
    with pytest.raises(ValidationError, match=message):
        services.favours.record(
            ann, direction, description, on=DAY, size=size, promised=promised, due_on=due_on
        )
    assert services.favours.history() == []


def test_unknown_contact_is_not_found(services: Services) -> None:
    with pytest.raises(NotFoundError, match="no contact with id 999"):
        services.favours.record(999, "given", "Coffee")
    with pytest.raises(NotFoundError):
        services.favours.history(999)
    with pytest.raises(NotFoundError):
        services.favours.balance(999)
    assert services.favours.history() == []


def test_sizes_weigh_one_two_three_and_only_done_favours_count(services: Services) -> None:
    ann = _contact(services, "Ann Smith")
    record = services.favours.record
    record(ann, "given", "Small thing", on=DAY, size="small")
    record(ann, "given", "Big thing", on=DAY, size="large")
    record(ann, "received", "Medium thing", on=DAY, size="medium")
    promised = record(ann, "received", "Promised big thing", on=DAY, size="large", promised=True)
    declined = record(ann, "given", "Declined thing", on=DAY, size="large", promised=True)
    services.favours.set_status(declined.id, "declined")
    balance = services.favours.balance(ann)
    assert balance == Balance(ann, "Ann Smith", given=4, received=2)
    assert balance.balance == 2

    done = services.favours.set_status(promised.id, "done")
    assert done.status == "done"
    assert services.favours.balance(ann).received == 5
    assert services.favours.balance(ann).balance == -1


def test_balance_with_no_favours_is_zero(services: Services) -> None:
    ann = _contact(services, "Ann Smith")
    assert services.favours.balance(ann) == Balance(ann, "Ann Smith", 0, 0)
    services.favours.record(ann, "given", "Promise only", promised=True)
    assert services.favours.balance(ann).balance == 0


def test_balances_list_biggest_imbalance_first(services: Services) -> None:
    ann = _contact(services, "Ann")
    bob = _contact(services, "Bob")
    cat = _contact(services, "Cat")
    dan = _contact(services, "Dan")
    _contact(services, "Eve no favours")
    services.favours.record(ann, "given", "x", on=DAY, size="small")
    services.favours.record(bob, "received", "x", on=DAY, size="large")
    services.favours.record(cat, "given", "x", on=DAY, size="large")
    services.favours.record(dan, "given", "x", on=DAY, promised=True)
    balances = services.favours.balances()
    # Equal imbalances (Bob -3, Cat +3) are ordered by name; Dan's promise does not count.
    assert [(b.contact, b.balance) for b in balances] == [("Bob", -3), ("Cat", 3), ("Ann", 1)]


def test_set_status_validates(services: Services) -> None:
    ann = _contact(services, "Ann")
    entry = services.favours.record(ann, "given", "x", promised=True)
    with pytest.raises(ValidationError, match="not a favour status"):
        services.favours.set_status(entry.id, "finished")
    with pytest.raises(NotFoundError, match="no favour with id 999"):
        services.favours.set_status(999, "done")
    assert services.favours.history(ann)[0].status == "promised"


def test_history_is_newest_first_per_contact_or_for_everyone(services: Services) -> None:
    ann = _contact(services, "Ann")
    bob = _contact(services, "Bob")
    old = services.favours.record(ann, "given", "old", on=date(2026, 1, 1))
    new = services.favours.record(ann, "received", "new", on=date(2026, 3, 1))
    bobs = services.favours.record(bob, "given", "bob's", on=date(2026, 2, 1))
    assert [f.id for f in services.favours.history(ann)] == [new.id, old.id]
    assert [f.id for f in services.favours.history()] == [new.id, bobs.id, old.id]


def test_delete_takes_a_favour_out_of_the_balance(services: Services) -> None:
    ann = _contact(services, "Ann")
    entry = services.favours.record(ann, "given", "x", size="large")
    services.favours.delete(entry.id)
    services.favours.delete(999)  # unknown: nothing to do
    assert services.favours.history() == []
    assert services.favours.balance(ann).given == 0
