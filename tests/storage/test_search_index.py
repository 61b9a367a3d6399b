"""The full-text index stays in step with every write, through any code path."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import delete, text, update

from desktop.app import Services
from desktop.records import ContactInput
from storage.models import AskOffer, Contact, Interaction, Tag


def _ids(services: Services, query: str) -> list[int]:
    return services.search.search_ids(query)


def test_index_follows_contacts_methods_tags_asks_and_notes(services: Services) -> None:
    ada = services.contacts.add(
        ContactInput(
            name="Ada Lovelace",
            org="Analytical Engines",
            emails=("ada@engines.example",),
            tags=("mathematics",),
            asks=("a bookkeeper",),
            offers=("Bernoulli numbers",),
        )
    )
    for query in ("lovelace", "analyt", "engines.example", "mathem", "bookkeep", "bernoulli"):
        assert _ids(services, query) == [ada.id], query

    services.interactions.log([ada.id], kind="call", note="Discussed punched cards", when=None)
    assert _ids(services, "punched") == [ada.id]

    services.contacts.update(ada.id, ContactInput(name="Augusta King", org="Engines Ltd"))
    assert _ids(services, "lovelace") == []
    assert _ids(services, "bookkeep") == []
    assert _ids(services, "augusta") == [ada.id]
    assert _ids(services, "punched") == [ada.id]

    services.contacts.delete(ada.id)
    assert _ids(services, "augusta") == []
    assert _ids(services, "punched") == []


def test_index_follows_raw_sql_writes(services: Services) -> None:
    grace = services.contacts.add(ContactInput(name="Grace Hopper", tags=("navy",)))
    sessions = services.vault.sessions
    with sessions.begin() as session:
        session.add(AskOffer(contact_id=grace.id, kind="offer", text="compiler design"))
        session.execute(update(Tag).where(Tag.key == "navy").values(name="Admiralty"))
        interaction = Interaction(kind="note", occurred_at=datetime.now(UTC), note="COBOL chat")
        interaction.participants = [session.get_one(Contact, grace.id)]
        session.add(interaction)
    assert _ids(services, "compiler") == [grace.id]
    assert _ids(services, "admiralty") == [grace.id]
    assert _ids(services, "cobol") == [grace.id]
    with sessions.begin() as session:
        session.execute(update(Interaction).values(note="FORTRAN chat"))
        session.execute(delete(AskOffer))
    assert _ids(services, "cobol") == []
    assert _ids(services, "fortran") == [grace.id]
    assert _ids(services, "compiler") == []


def test_prefix_accent_and_operator_safety(services: Services) -> None:
    zoe = services.contacts.add(ContactInput(name="Zoë Ångström", org="Café Nørd"))
    assert _ids(services, "zoe") == [zoe.id]
    assert _ids(services, "ang") == [zoe.id]
    assert _ids(services, "cafe") == [zoe.id]
    # FTS5 syntax typed by a user is taken literally, never an error.
    for query in ('"', "AND", "zo* OR", "NEAR(", "-", "(", "zoë)"):
        services.search.search(query)


def test_every_word_must_match_and_names_rank_first(services: Services) -> None:
    a = services.contacts.add(ContactInput(name="Sam Film", about="knows people"))
    b = services.contacts.add(ContactInput(name="Kim Lee", about="film and animation"))
    services.contacts.add(ContactInput(name="Pat Doe", about="animation only"))
    assert _ids(services, "film") == [a.id, b.id]
    assert _ids(services, "film anim") == [b.id]


def test_fts_rows_match_contacts(services: Services) -> None:
    for i in range(5):
        services.contacts.add(ContactInput(name=f"Person {i}"))
    with services.vault.sessions() as session:
        count = session.execute(text("SELECT count(*) FROM contact_search")).scalar()
    assert count == 5


def test_a_failed_bulk_load_keeps_the_index_triggers(services: Services) -> None:
    from storage import search_index

    services.contacts.add(ContactInput(name="Before Load"))
    try:
        with services.vault.engine.begin() as connection, search_index.suspended(connection):
            connection.execute(text("INSERT INTO tags(name, key) VALUES ('x', 'x')"))
            raise RuntimeError("the load fails halfway")
    except RuntimeError:
        pass
    with services.vault.sessions() as session:
        triggers = session.execute(
            text("SELECT count(*) FROM sqlite_master WHERE type = 'trigger'")
        ).scalar()
        tags = session.execute(text("SELECT count(*) FROM tags")).scalar()
    assert triggers == 15
    assert tags == 0
    after = services.contacts.add(ContactInput(name="After Load"))
    assert _ids(services, "after") == [after.id]
