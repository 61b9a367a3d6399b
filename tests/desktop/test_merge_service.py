"""MergeService: finding likely duplicates, and merging without losing anything."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest
from sqlalchemy import func, select

from desktop.app import Services
from desktop.errors import NotFoundError, ValidationError
from desktop.records import ContactInput
from storage.models import (
    Contact,
    ContactMethod,
    Event,
    Favour,
    Interaction,
    Introduction,
    Relationship,
    Reminder,
    attendances,
    contact_tags,
    interaction_participants,
)

WHEN = datetime(2026, 3, 1, 10, tzinfo=UTC)


def _add(services: Services, name: str, **fields: Any) -> int:
    return services.contacts.add(ContactInput(name=name, **fields)).id


def _counts(services: Services) -> dict[str, int]:
    tables: dict[str, Any] = {
        "contacts": Contact,
        "events": Event,
        "interactions": Interaction,
        "favours": Favour,
        "reminders": Reminder,
        "introductions": Introduction,
        "relationships": Relationship,
        "participations": interaction_participants,
        "attendances": attendances,
        "tag_links": contact_tags,
        "methods": ContactMethod,
    }
    with services.vault.sessions() as session:
        return {
            name: int(session.scalar(select(func.count()).select_from(t)) or 0)
            for name, t in tables.items()
        }


def _intro(services: Services, a: int, b: int) -> int:
    with services.vault.sessions.begin() as session:
        intro = Introduction(contact_a_id=a, contact_b_id=b, reason="both like trains")
        session.add(intro)
        session.flush()
        return intro.id


def _pairs(services: Services, table: Any, column: str) -> set[tuple[int, int]]:
    with services.vault.sessions() as session:
        return {
            (row[0], row[1]) for row in session.execute(select(table.c[column], table.c.contact_id))
        }


@pytest.fixture
def people(services: Services) -> dict[str, int]:
    ids = {
        "keep": _add(
            services,
            "Amara Okafor",
            org="Okafor Design",
            emails=("amara@okafor.example",),
            tags=("design",),
            asks=("a bookkeeper",),
            about="Met in Leeds",
        ),
        "other": _add(
            services,
            "Amara O.",
            title="Creative Director",
            location="Leeds",
            cadence_days=30,
            emails=("AMARA@okafor.example", "amara@home.example"),
            phones=("07700 900123",),
            tags=("client", "Design"),
            asks=("A bookkeeper",),
            offers=("branding",),
            about="Wants introductions to printers",
        ),
        "tom": _add(services, "Tom Reed"),
        "ana": _add(services, "Ana Silva"),
    }
    keep, other, tom, ana = ids["keep"], ids["other"], ids["tom"], ids["ana"]
    log = services.interactions.log
    log([other], kind="call", note="Talked about printers", when=WHEN)
    log([keep, other], kind="meeting", note="Lunch together", when=WHEN)
    log([other, tom], kind="email", note="Intro thread", when=WHEN)
    services.events.add("Leeds breakfast", date(2026, 2, 1), attendee_ids=(keep, other))
    services.events.add("Print fair", date(2026, 2, 8), attendee_ids=(other,))
    self_intro = _intro(services, keep, other)
    _intro(services, other, tom)
    _intro(services, ana, other)
    services.favours.record(other, "given", "Sent a printer's name", on=date(2026, 2, 2))
    services.favours.record(other, "received", "Design review", introduction_id=self_intro)
    services.reminders.add(other, "Send the brochure", WHEN)
    services.relationships.relate(other, tom)
    services.relationships.relate(keep, other)
    services.relationships.relate(keep, ana)
    services.relationships.relate(other, ana, kind="colleagues")
    return ids


def test_merge_moves_everything_and_loses_nothing(
    services: Services, people: dict[str, int]
) -> None:
    keep, other, tom, ana = people["keep"], people["other"], people["tom"], people["ana"]
    before = _counts(services)
    took_part = _pairs(services, interaction_participants, "interaction_id")
    attended = _pairs(services, attendances, "event_id")
    merged = services.merge.merge(keep, other)
    after = _counts(services)
    assert after["contacts"] == before["contacts"] - 1
    for unchanged in ("events", "interactions", "favours", "reminders"):
        assert after[unchanged] == before[unchanged], unchanged
    # The introduction of Amara to herself goes; the other two now name the kept record.
    assert after["introductions"] == before["introductions"] - 1
    with services.vault.sessions() as session:
        intros = {
            (a, b)
            for a, b in session.execute(
                select(Introduction.contact_a_id, Introduction.contact_b_id)
            )
        }
        favour_intros = session.scalars(select(Favour.introduction_id)).all()
        owners = set(session.scalars(select(Favour.contact_id)))
        reminder_owner = session.scalar(select(Reminder.contact_id))
        relations = {
            (a, b, note)
            for a, b, note in session.execute(
                select(Relationship.contact_a_id, Relationship.contact_b_id, Relationship.kind)
            )
        }
    assert intros == {(keep, tom), (ana, keep)}
    assert favour_intros == [None, None]  # favours stay, unlinked from the dropped intro
    assert owners == {keep} and reminder_owner == keep
    # keep-other is dropped, other-ana folds into keep-ana, other-tom moves.
    assert relations == {(keep, tom, "knows"), (keep, ana, "knows")}

    def moved(pairs: set[tuple[int, int]]) -> set[tuple[int, int]]:
        return {(owner, keep if cid == other else cid) for owner, cid in pairs}

    assert _pairs(services, interaction_participants, "interaction_id") == moved(took_part)
    assert _pairs(services, attendances, "event_id") == moved(attended)
    assert after["participations"] == before["participations"] - 1  # the shared lunch
    assert after["attendances"] == before["attendances"] - 1  # the shared breakfast
    assert merged.emails == ("amara@okafor.example", "amara@home.example")
    assert merged.phones == ("07700 900123",)
    assert [t.casefold() for t in merged.tags] == ["client", "design"]
    assert merged.asks == ("a bookkeeper",) and merged.offers == ("branding",)
    assert merged.name == "Amara Okafor" and merged.org == "Okafor Design"
    assert (merged.title, merged.location, merged.cadence_days) == (
        "Creative Director",
        "Leeds",
        30,
    )
    assert merged.about == (
        "Met in Leeds\n\nWants introductions to printers\n\nAlso known as Amara O."
    )
    with pytest.raises(NotFoundError):
        services.contacts.get(other)
    assert [h.contact_id for h in services.search.search("printers")] == [keep]


def test_merge_is_one_transaction(
    services: Services, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _counts(services)
    keep_before = services.contacts.get(people["keep"])

    def broken(*args: object) -> None:
        raise RuntimeError("disk went away")

    monkeypatch.setattr("desktop.queries.contact_merge._move_relationships", broken)
    with pytest.raises(RuntimeError):
        services.merge.merge(people["keep"], people["other"])
    assert _counts(services) == before
    assert services.contacts.get(people["keep"]) == keep_before


def test_merge_needs_two_existing_contacts(services: Services, people: dict[str, int]) -> None:
    with pytest.raises(ValidationError):
        services.merge.merge(people["keep"], people["keep"])
    with pytest.raises(NotFoundError):
        services.merge.merge(people["keep"], 9999)


def test_find_duplicates_by_email_phone_profile_and_name(services: Services) -> None:
    a = _add(services, "Kim Lee", emails=("kim@lee.example",))
    b = _add(services, "K. Lee", emails=("KIM@lee.example",))
    c = _add(services, "Sam Hall", phones=("+44 7700 900111",))
    d = _add(services, "Samuel Hall", phones=("07700 900111",))
    e = _add(services, "Jo Bloggs", org="Acme Ltd")
    f = _add(services, "Jo Blogs", org="ACME LTD")
    _add(services, "Jo Bloggs", org="Other Firm")
    g, h = _add(services, "Mei Lin"), _add(services, "Mei L")
    with services.vault.sessions.begin() as session:
        for cid in (g, h):
            session.add(
                ContactMethod(
                    contact_id=cid,
                    kind="social",
                    value=f"https://www.linkedin.com/in/mei{'/' * (cid % 2)}",
                )
            )
    pairs = services.merge.find_duplicates()
    found = {(p.a_id, p.b_id, p.why) for p in pairs}
    assert (a, b, "same email") in found
    assert (c, d, "same phone") in found
    assert (e, f, "similar name at the same organisation") in found
    assert (g, h, "same social profile") in found
    assert len(found) == 4
    assert pairs[0].why == "same email"
    assert len(services.merge.find_duplicates(limit=2)) == 2


def test_no_duplicates_in_a_clean_vault(services: Services) -> None:
    _add(services, "Ana Silva", org="Silva Books", emails=("ana@silva.example",))
    _add(services, "Tom Reed", org="Silva Books", emails=("tom@reed.example",))
    assert services.merge.find_duplicates() == []
