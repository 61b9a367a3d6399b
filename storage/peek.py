"""A first look into an unlocked vault without the data layer: the first page of contacts.

The app shows this while SQLAlchemy and the services load, so the contact list is on
screen moments after the window. It reads the same rows, in the same order, as the
contact service's first page; a test keeps the two in step.
"""

from __future__ import annotations

from dataclasses import dataclass

from storage.unlock import Unlocked, raw_connect

_SEPARATOR = "\x1f"  # ASCII unit separator: never part of an email or a tag
_FIRST_PAGE = f"""
SELECT c.id, c.name, c.org, c.title, c.archived,
       (SELECT group_concat(value, '{_SEPARATOR}') FROM
          (SELECT m.value FROM contact_methods m
           WHERE m.contact_id = c.id AND m.kind = 'email' ORDER BY m.position)),
       (SELECT group_concat(t.name, '{_SEPARATOR}') FROM contact_tags ct
          JOIN tags t ON t.id = ct.tag_id WHERE ct.contact_id = c.id)
FROM contacts c
WHERE c.archived = 0
ORDER BY c.sort_name, c.id
LIMIT ?
"""


@dataclass(frozen=True)
class PeekRow:
    """One contact as the list shows it."""

    id: int
    name: str
    org: str | None
    title: str | None
    archived: bool
    emails: tuple[str, ...]
    tags: tuple[str, ...]


def first_contacts(unlocked: Unlocked, limit: int) -> tuple[int, list[PeekRow]]:
    """Return how many active contacts there are, and the first `limit` by name."""
    connection = raw_connect(unlocked.path, unlocked.key_literal)
    try:
        connection.execute("PRAGMA temp_store = MEMORY")
        total = int(
            connection.execute("SELECT count(*) FROM contacts WHERE archived = 0").fetchone()[0]
        )
        rows = [
            PeekRow(
                id=cid,
                name=name,
                org=org,
                title=title,
                archived=bool(archived),
                emails=tuple(emails.split(_SEPARATOR)) if emails else (),
                tags=tuple(sorted(tags.split(_SEPARATOR), key=str.casefold)) if tags else (),
            )
            for cid, name, org, title, archived, emails, tags in connection.execute(
                _FIRST_PAGE, (limit,)
            )
        ]
    finally:
        connection.close()
    return total, rows
