"""The full-text index: one FTS5 row per contact, kept in step by triggers.

Bulk loads (imports, generated networks) suspend the triggers and rebuild the index once
at the end, which is much cheaper than re-indexing a contact on every inserted row.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Connection, text

# Everything a person might type to find someone, gathered into three columns.
_DOCUMENT = """
SELECT c.id, c.name, concat_ws(' ', c.org, c.title),
       concat_ws(' ', c.about, c.location,
         (SELECT group_concat(a.text, ' ') FROM asks_offers a WHERE a.contact_id = c.id),
         (SELECT group_concat(m.value, ' ') FROM contact_methods m WHERE m.contact_id = c.id),
         (SELECT group_concat(t.name, ' ') FROM tags t
            JOIN contact_tags ct ON ct.tag_id = t.id WHERE ct.contact_id = c.id),
         (SELECT group_concat(i.note, ' ') FROM interactions i
            JOIN interaction_participants p ON p.interaction_id = i.id
            WHERE p.contact_id = c.id))
FROM contacts c
"""


def rebuild(connection: Connection) -> None:
    """Rebuild the whole index from the contacts and everything attached to them."""
    connection.execute(text("DELETE FROM contact_search"))
    connection.execute(text(f"INSERT INTO contact_search(rowid, name, org, body) {_DOCUMENT}"))
    connection.execute(text("INSERT INTO contact_search(contact_search) VALUES('optimize')"))


@contextmanager
def suspended(connection: Connection) -> Iterator[None]:
    """Drop the index triggers for a bulk load, then restore them and rebuild the index.

    Runs inside the caller's transaction: if the load fails and rolls back, the
    triggers come back with it.
    """
    triggers = connection.execute(
        text("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'")
    ).all()
    for name, _ in triggers:
        connection.execute(text(f'DROP TRIGGER "{name}"'))
    yield
    for _, sql in triggers:
        connection.execute(text(sql))
    rebuild(connection)
