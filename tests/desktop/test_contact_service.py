"""ContactService: adding, editing, finding, listing, archiving and deleting people."""

from __future__ import annotations

import dataclasses
from datetime import date
from typing import Any

import pytest

from desktop.app import Services
from desktop.errors import AmbiguousNameError, NotFoundError, ValidationError
from desktop.records import ContactInput, ContactMethodRecord


def _add(services: Services, name: str, **fields: Any) -> int:
    return services.contacts.add(ContactInput(name=name, **fields)).id


def test_add_saves_every_field_tidied(services: Services) -> None:
    added = services.contacts.add(
        ContactInput(
            name="  Ada   Lovelace ",
            org=" Analytical Engines ",
            title="Mathematician",
            location="London",
            about="Poet of science",
            given_name="Ada",
            family_name="Lovelace",
            birthday=date(1815, 12, 10),
            cadence_days=30,
            emails=("Ada@Engines.example", "ada@engines.example"),
            phones=("+44 20 7946 0000",),
            urls=("https://engines.example",),
            tags=("Maths", "maths", "poetry"),
            asks=("a  bookkeeper",),
            offers=("Bernoulli numbers",),
        )
    )
    assert added.id > 0
    assert added.name == "Ada Lovelace"
    assert added.org == "Analytical Engines"
    assert added.birthday == date(1815, 12, 10)
    assert added.cadence_days == 30
    # The same address twice (case aside) is kept once.
    assert added.emails == ("Ada@Engines.example",)
    assert added.phones == ("+44 20 7946 0000",)
    assert ContactMethodRecord("url", "https://engines.example") in added.methods
    # "Maths" and "maths" are one tag.
    assert [t.casefold() for t in added.tags] == ["maths", "poetry"]
    assert added.asks == ("a bookkeeper",)
    assert added.offers == ("Bernoulli numbers",)
    assert added.created_at.tzinfo is not None
    assert services.contacts.get(added.id) == added


def test_blank_optional_fields_are_stored_as_none(services: Services) -> None:
    added = services.contacts.add(ContactInput(name="Bo", org="  ", title="", about=" "))
    assert (added.org, added.title, added.about) == (None, None, None)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (ContactInput(name=""), "needs a name"),
        (ContactInput(name="   \t "), "needs a name"),
        (ContactInput(name="x" * 201), "longer than 200"),
        (ContactInput(name="Ann", emails=("ann@example.com", "ann-at-example")), "not an email"),
        (ContactInput(name="Ann", emails=("ann@example",)), "not an email"),
        (ContactInput(name="Ann", phones=("call me",)), "not a phone number"),
        (ContactInput(name="Ann", phones=("  ",)), "not a phone number"),
        (ContactInput(name="Ann", cadence_days=0), "cadence"),
        (ContactInput(name="Ann", cadence_days=-7), "cadence"),
        (ContactInput(name="Ann", cadence_days=3651), "cadence"),
        (ContactInput(name="Ann", tags=("friends", " ")), "tag cannot be empty"),
        (ContactInput(name="Ann", asks=("",)), "ask or offer cannot be empty"),
        (ContactInput(name="Ann", offers=("   ",)), "ask or offer cannot be empty"),
        (
            ContactInput(name="Ann", methods=(ContactMethodRecord("pager", "123"),)),
            "not a kind of contact method",
        ),
        (
            ContactInput(name="Ann", methods=(ContactMethodRecord("email", "nope"),)),
            "not an email",
        ),
    ],
    ids=lambda v: v if isinstance(v, str) else "",
)
def test_invalid_input_is_refused_and_nothing_is_saved(
    services: Services, data: ContactInput, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        services.contacts.add(data)
    assert services.contacts.count(include_archived=True) == 0
    assert services.contacts.tags() == []


def test_update_replaces_details_methods_tags_asks_and_offers(services: Services) -> None:
    cid = _add(
        services,
        "Grace Hopper",
        org="Navy",
        emails=("grace@navy.example",),
        tags=("navy",),
        asks=("a compiler",),
    )
    updated = services.contacts.update(
        cid,
        ContactInput(
            name="Grace M. Hopper",
            org="Remington Rand",
            phones=("+1 202 555 0100",),
            tags=("computing",),
            offers=("COBOL",),
        ),
    )
    assert updated.id == cid
    assert updated.name == "Grace M. Hopper"
    assert updated.org == "Remington Rand"
    assert updated.emails == ()
    assert updated.phones == ("+1 202 555 0100",)
    assert updated.tags == ("computing",)
    assert (updated.asks, updated.offers) == ((), ("COBOL",))
    assert services.contacts.get(cid) == updated


def test_update_validates_and_keeps_the_old_contact(services: Services) -> None:
    cid = _add(services, "Grace Hopper", emails=("grace@navy.example",))
    before = services.contacts.get(cid)
    with pytest.raises(ValidationError, match="not an email"):
        services.contacts.update(cid, ContactInput(name="Grace", emails=("broken",)))
    assert services.contacts.get(cid) == before


def test_unknown_ids_are_not_found(services: Services) -> None:
    for call in (
        lambda: services.contacts.get(404),
        lambda: services.contacts.update(404, ContactInput(name="X")),
        lambda: services.contacts.set_archived(404),
        lambda: services.contacts.delete(404),
    ):
        with pytest.raises(NotFoundError, match="no contact with id 404"):
            call()


def test_find_by_id_exact_name_prefix_and_substring(services: Services) -> None:
    zoe = _add(services, "Zoë Ångström", org="Café")
    kim = _add(services, "Kim Lee")
    _add(services, "Kimberly Lee-Smith")
    assert services.contacts.find(zoe).id == zoe
    assert services.contacts.find(str(zoe)).id == zoe
    # Case and accents do not matter.
    assert services.contacts.find("zoe angstrom").id == zoe
    assert services.contacts.find("ZOË").id == zoe
    assert services.contacts.find("ngstr").id == zoe
    # An exact name wins over the longer names it is a prefix of.
    assert services.contacts.find("kim lee").id == kim
    assert services.contacts.resolve_id("  Kim  Lee ") == kim


def test_ambiguous_name_lists_the_candidates_with_ids(services: Services) -> None:
    smith = _add(services, "Ann Smith", org="Acme")
    jones = _add(services, "Ann Jones")
    with pytest.raises(AmbiguousNameError) as caught:
        services.contacts.find("ann")
    error = caught.value
    assert {c[0] for c in error.candidates} == {smith, jones}
    message = str(error)
    assert f"Ann Smith (id {smith}, Acme)" in message
    assert f"Ann Jones (id {jones})" in message
    assert "Use the id instead" in message
    assert "\n" not in message
    assert services.contacts.find(smith).name == "Ann Smith"


def test_unknown_name_suggests_close_names(services: Services) -> None:
    _add(services, "Margaret Hamilton")
    with pytest.raises(NotFoundError, match=r"Did you mean Margaret Hamilton\?"):
        services.contacts.find("Margret Hamiltn")
    with pytest.raises(NotFoundError) as caught:
        services.contacts.find("Zebedee")
    assert "No contact is called 'Zebedee'." in str(caught.value)
    assert "Did you mean" not in str(caught.value)
    with pytest.raises(NotFoundError, match="give a name or an id"):
        services.contacts.find("   ")


def test_wildcards_typed_by_the_user_are_literal(services: Services) -> None:
    _add(services, "Ann Smith")
    _add(services, "Bob Brown")
    with pytest.raises(NotFoundError):
        services.contacts.find("%")
    with pytest.raises(NotFoundError):
        services.contacts.find("_ _ _")


def test_archived_contacts_are_hidden_but_kept(services: Services) -> None:
    ann = _add(services, "Ann Smith")
    bob = _add(services, "Bob Brown", tags=("golf",))
    archived = services.contacts.set_archived(bob)
    assert archived.archived is True
    assert [c.id for c in services.contacts.list_contacts()] == [ann]
    assert [c.id for c in services.contacts.list_contacts(include_archived=True)] == [ann, bob]
    assert services.contacts.count() == 1
    assert services.contacts.count(include_archived=True) == 2
    # Still reachable by name when nobody active matches.
    assert services.contacts.find("bob").id == bob
    assert services.contacts.set_archived(bob, archived=False).archived is False
    assert services.contacts.count() == 2


def test_an_active_contact_wins_over_an_archived_namesake(services: Services) -> None:
    old = _add(services, "Sam Film")
    new = _add(services, "Sam Field")
    services.contacts.set_archived(old)
    assert services.contacts.find("sam").id == new


def test_list_sorts_filters_and_pages(services: Services) -> None:
    c = _add(services, "Carol", org="Zeta", emails=("c@x.example",), tags=("Design",))
    a = _add(services, "alice", org="Beta")
    b = _add(services, "Bob", tags=("design", "golf"))
    rows = services.contacts.list_contacts()
    assert [r.id for r in rows] == [a, b, c]
    assert rows[2].emails == ("c@x.example",)
    assert rows[1].tags == ("Design", "golf")
    assert [r.id for r in services.contacts.list_contacts(descending=True)] == [c, b, a]
    # Contacts without an organisation sort last either way.
    assert [r.id for r in services.contacts.list_contacts(order_by="org")] == [a, c, b]
    assert [r.id for r in services.contacts.list_contacts(order_by="org", descending=True)] == [
        c,
        a,
        b,
    ]
    assert [r.id for r in services.contacts.list_contacts(tag="DESIGN")] == [b, c]
    assert services.contacts.list_contacts(tag="nobody-has-this") == []
    assert [r.id for r in services.contacts.list_contacts(offset=1, limit=1)] == [b]
    assert [s.id for s in services.contacts.summaries_for([c, 999, a])] == [c, a]


def test_delete_removes_the_contact(services: Services) -> None:
    ann = _add(services, "Ann Smith", emails=("ann@example.com",), tags=("friends",))
    bob = _add(services, "Bob Brown", tags=("friends",))
    services.contacts.delete(ann)
    with pytest.raises(NotFoundError):
        services.contacts.get(ann)
    assert [c.id for c in services.contacts.list_contacts()] == [bob]
    # The tag stays for the others who carry it.
    assert services.contacts.tags() == [("friends", None)]


def test_tags_and_their_cadence(services: Services) -> None:
    _add(services, "Ann", tags=("Investors", "design"))
    assert services.contacts.tags() == [("design", None), ("Investors", None)]
    services.contacts.set_tag_cadence("INVESTORS", 90)
    services.contacts.set_tag_cadence("mentors", 30)
    assert services.contacts.tags() == [("design", None), ("Investors", 90), ("mentors", 30)]
    services.contacts.set_tag_cadence("investors", None)
    assert ("Investors", None) in services.contacts.tags()


@pytest.mark.parametrize("days", [0, -1, 3651])
def test_bad_tag_cadence_is_refused(services: Services, days: int) -> None:
    with pytest.raises(ValidationError, match="from 1 to 3650"):
        services.contacts.set_tag_cadence("investors", days)
    assert services.contacts.tags() == []


def test_contact_cadence_round_trips_and_can_be_cleared(services: Services) -> None:
    cid = _add(services, "Ann", cadence_days=14)
    assert services.contacts.get(cid).cadence_days == 14
    current = services.contacts.get(cid)
    data = ContactInput(name=current.name, cadence_days=None)
    assert services.contacts.update(cid, data).cadence_days is None


def test_records_are_frozen(services: Services) -> None:
    detail = services.contacts.add(ContactInput(name="Ann"))
    with pytest.raises(dataclasses.FrozenInstanceError):
        detail.name = "Bob"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("order_by", "descending"), [("name", False), ("name", True), ("added", True)]
)
def test_paging_after_a_row_matches_paging_by_offset(
    services: Services, order_by: str, descending: bool
) -> None:
    for name in ["Ann", "Bob", "ann", "Cid", "Bob", "Dee", "Ann", "Eve", "Fay"]:
        services.contacts.add(ContactInput(name=name))
    contacts = services.contacts
    whole = [s.id for s in contacts.list_contacts(order_by=order_by, descending=descending)]
    paged: list[int] = []
    while len(paged) < len(whole):
        page = contacts.list_contacts(
            order_by=order_by, descending=descending, limit=2, after_id=paged[-1] if paged else None
        )
        assert page
        paged += [s.id for s in page]
    assert paged == whole
