"""SearchService: short words search names, and ranking inside the index stays exact."""

from __future__ import annotations

import random
from typing import Any

import pytest
from sqlalchemy import text

from desktop.app import Services
from desktop.records import ContactInput
from desktop.services import search
from desktop.services.search import _RANK, match_expression

# Ranking every match, then breaking ties by name: what the service must agree with.
EVERY_MATCH = (
    "SELECT c.id FROM contact_search JOIN contacts c ON c.id = contact_search.rowid "
    "WHERE contact_search MATCH :q {archived} ORDER BY " + _RANK + ", c.sort_name LIMIT :n"
)


def _every_match(services: Services, query: str, limit: int, archived: bool) -> list[int]:
    sql = EVERY_MATCH.format(archived="" if archived else "AND c.archived = 0")
    with services.vault.sessions() as session:
        rows = session.execute(text(sql), {"q": match_expression(query), "n": limit})
        return [row[0] for row in rows]


def test_short_words_search_names_and_organisations_only(services: Services) -> None:
    tom = services.contacts.add(ContactInput(name="Tom Reed", org="Reed Animation"))
    note = services.contacts.add(ContactInput(name="Ana Silva", about="tomorrow's launch"))
    assert [h.contact_id for h in services.search.search("to")] == [tom.id]
    assert [h.contact_id for h in services.search.search("re an")] == [tom.id]
    assert [h.contact_id for h in services.search.search("tom")] == [tom.id, note.id]
    assert services.search.search_ids("to") == [tom.id]
    assert match_expression("jo sm") == '{name org} : ("jo"* "sm"*)'
    assert match_expression("jo smith") == '"jo"* "smith"*'


@pytest.mark.parametrize("query", ["sam", "sa", "film", "film sam"])
@pytest.mark.parametrize("include_archived", [False, True])
def test_ranking_inside_the_index_gives_the_same_answer(
    services: Services, query: str, include_archived: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    doubtful = []
    pick = search.pick

    def counting_pick(*args: Any) -> Any:
        found = pick(*args)
        doubtful.append(found is None)
        return found

    monkeypatch.setattr(search, "pick", counting_pick)
    rng = random.Random(7)
    for n in range(140):
        contact = services.contacts.add(
            ContactInput(
                # Many equal names and notes: equal scores, broken by name.
                name=f"Sam {rng.choice(['Lee', 'Ray', 'Fox'])} {n % 9}",
                about=rng.choice(["film", "film film", "short film work", "pottery", ""]),
            )
        )
        if rng.random() < 0.3:
            services.contacts.set_archived(contact.id)
    for limit in (1, 7, 25, 50, 200):
        found = services.search.search(query, limit=limit, include_archived=include_archived)
        expected = _every_match(services, query, limit, include_archived)
        assert [hit.contact_id for hit in found] == expected, (query, limit)
    # Equal scores at the edge of what was read made it read more at least once.
    assert any(doubtful)
