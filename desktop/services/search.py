"""Full-text search over contacts, notes, interactions, asks and offers.

Two things keep it fast on a large network:

- While every word typed is shorter than three letters, only names, organisations and
  titles are searched: "jo" is someone's name being typed, and in the notes of 100,000
  contacts it would match nearly everyone.
- The best matches are ranked inside the full-text index first (`RANKED_SQL`), and
  only those are looked up in the contacts table. The answer stays exactly that of
  ranking every match, ties broken by name: when equal scores or archived contacts
  leave it in doubt, more of the ranking is read (`pick`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from desktop.records import SearchHit

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Name matches count most, then organisation and title, then everything else.
_RANK = "bm25(contact_search, 10.0, 4.0, 1.0)"
# Words shorter than this search names, organisations and titles only.
SHORT_WORD = 3
# Ranked matches read at first beyond those asked for: room for ties and archived rows.
_SPARE = 20

RANKED_SQL = (
    "WITH top AS MATERIALIZED ("
    f"  SELECT rowid AS id, {_RANK} AS score FROM contact_search"
    "  WHERE contact_search MATCH :q ORDER BY score LIMIT :k) "
    "SELECT c.id, c.name, c.org, top.score, c.archived, "
    "  (SELECT count(*) FROM top), (SELECT max(score) FROM top) "
    "FROM top JOIN contacts c ON c.id = top.id "
    "ORDER BY top.score, c.sort_name"
)
IDS_SQL = (
    f"SELECT rowid FROM contact_search WHERE contact_search MATCH :q ORDER BY {_RANK} LIMIT :n"
)

# One ranked row: id, name, org, score, archived, rows ranked, worst score ranked.
Ranked = Sequence[Any]


def match_expression(query: str) -> str | None:
    """Turn what the user typed into an FTS5 query: every word, as a prefix, must match.

    Each word is quoted, so FTS5 operators and punctuation typed by the user are
    taken literally and never cause a syntax error. Only short words (see
    `SHORT_WORD`) search names, organisations and titles alone.
    """
    words = _TOKEN.findall(query)
    if not words:
        return None
    phrases = " ".join(f'"{word}"*' for word in words)
    if all(len(word) < SHORT_WORD for word in words):
        return f"{{name org}} : ({phrases})"
    return phrases


def pick(
    rows: Sequence[Ranked], asked: int, read: int, include_archived: bool
) -> list[Ranked] | None:
    """Return the best `asked` of the ranked rows, or None if more must be read first.

    `rows` came from `RANKED_SQL` with `k = read`, best first. Every match scoring
    better than the worst one read is among them; one scoring the same may not be.
    """
    wanted = [row for row in rows if include_archived or not row[4]]
    if asked <= 0 or not rows or rows[0][5] < read:  # nothing wanted, or all matches read
        return wanted[: max(asked, 0)]
    worst = rows[0][6]
    if len(wanted) >= asked and wanted[asked - 1][3] < worst:
        return wanted[:asked]
    return None


def top_matches(
    run: Callable[[int], Sequence[Ranked]], asked: int, include_archived: bool = False
) -> list[Ranked]:
    """Read ever more of the ranking through `run(k)` until the best `asked` are certain."""
    read = asked + _SPARE
    while True:
        rows = run(read)
        found = pick(rows, asked, read, include_archived)
        if found is not None:
            return found
        read *= 4


class SearchService:
    """Search-as-you-type over the encrypted full-text index."""

    def __init__(self, sessions: sessionmaker[Session]) -> None:
        self._sessions = sessions

    def search(
        self, query: str, *, limit: int = 50, include_archived: bool = False
    ) -> list[SearchHit]:
        """Return the contacts that best match the query, best first."""
        expression = match_expression(query)
        if expression is None:
            return []
        sql = text(RANKED_SQL)
        with self._sessions() as session:

            def run(read: int) -> Sequence[Ranked]:
                return session.execute(sql, {"q": expression, "k": read}).all()

            rows = top_matches(run, limit, include_archived)
        return [SearchHit(row[0], row[1], row[2]) for row in rows]

    def search_ids(self, query: str, *, limit: int = 100_000) -> list[int]:
        """Return only the ids of matching contacts, best first (for filtering lists)."""
        expression = match_expression(query)
        if expression is None:
            return []
        with self._sessions() as session:
            rows = session.execute(text(IDS_SQL), {"q": expression, "n": limit})
            return [row[0] for row in rows]
