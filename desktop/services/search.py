"""Full-text search over contacts, notes, interactions, asks and offers."""

from __future__ import annotations

import re

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from desktop.records import SearchHit

_TOKEN = re.compile(r"\w+", re.UNICODE)
# Name matches count most, then organisation and title, then everything else.
_RANK = "bm25(contact_search, 10.0, 4.0, 1.0)"


def match_expression(query: str) -> str | None:
    """Turn what the user typed into an FTS5 query: every word, as a prefix, must match.

    Each word is quoted, so FTS5 operators and punctuation typed by the user are
    taken literally and never cause a syntax error.
    """
    words = _TOKEN.findall(query)
    if not words:
        return None
    return " ".join(f'"{word}"*' for word in words)


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
        archived = "" if include_archived else "AND c.archived = 0"
        sql = text(
            f"SELECT c.id, c.name, c.org FROM contact_search "
            f"JOIN contacts c ON c.id = contact_search.rowid "
            f"WHERE contact_search MATCH :q {archived} ORDER BY {_RANK}, c.sort_name LIMIT :n"
        )
        with self._sessions() as session:
            rows = session.execute(sql, {"q": expression, "n": limit}).all()
        return [SearchHit(cid, name, org) for cid, name, org in rows]

    def search_ids(self, query: str, *, limit: int = 100_000) -> list[int]:
        """Return only the ids of matching contacts, best first (for filtering lists)."""
        expression = match_expression(query)
        if expression is None:
            return []
        sql = text(
            f"SELECT rowid FROM contact_search WHERE contact_search MATCH :q "
            f"ORDER BY {_RANK} LIMIT :n"
        )
        with self._sessions() as session:
            return [row[0] for row in session.execute(sql, {"q": expression, "n": limit})]
