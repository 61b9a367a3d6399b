"""Merging one contact into another inside the caller's transaction, losing nothing.

Everything runs as Core statements on the session's connection, so no ORM collection
loaded earlier can cascade a delete over rows that were just moved.
"""

from __future__ import annotations

from typing import Any, cast

from sqlalchemy import Connection, Table, and_, delete, or_, select, update

from desktop.merge_fields import FILLABLE, alias_line, combined_about, fill_empty
from storage.models import (
    AskOffer,
    Contact,
    ContactMethod,
    Introduction,
    Relationship,
    attendances,
    contact_tags,
    interaction_participants,
)
from storage.models import Favour as FavourModel
from storage.models import Reminder as ReminderModel
from storage.types import utcnow

_CONTACTS = cast(Table, Contact.__table__)
_METHODS = cast(Table, ContactMethod.__table__)
_ASKS = cast(Table, AskOffer.__table__)
_INTROS = cast(Table, Introduction.__table__)
_RELATIONS = cast(Table, Relationship.__table__)
_OWNED = (cast(Table, FavourModel.__table__), cast(Table, ReminderModel.__table__))
# Link tables: (table, the column naming the other side of the link).
_LINKS = (
    (interaction_participants, "interaction_id"),
    (attendances, "event_id"),
    (contact_tags, "tag_id"),
)


def merge_contacts(connection: Connection, keep: int, other: int) -> None:
    """Move everything of `other` onto `keep`, fill keep's gaps, then delete `other`."""
    _merge_fields(connection, keep, other)
    for table, far_side in _LINKS:
        _repoint_links(connection, table, far_side, keep, other)
    for table in _OWNED:
        connection.execute(update(table).where(table.c.contact_id == other).values(contact_id=keep))
    _move_methods(connection, keep, other)
    _move_asks_offers(connection, keep, other)
    _move_introductions(connection, keep, other)
    _move_relationships(connection, keep, other)
    connection.execute(delete(_CONTACTS).where(_CONTACTS.c.id == other))


def _merge_fields(connection: Connection, keep: int, other: int) -> None:
    columns = [_CONTACTS.c[name] for name in ("name", *FILLABLE, "about", "created_at")]
    rows = {
        row.id: dict(row._mapping)
        for row in connection.execute(
            select(_CONTACTS.c.id, *columns).where(_CONTACTS.c.id.in_((keep, other)))
        )
    }
    kept, merged = rows[keep], rows[other]
    before = dict(kept)
    fill_empty(kept, merged)
    emails = connection.execute(
        select(_METHODS.c.value).where(_METHODS.c.contact_id == other, _METHODS.c.kind == "email")
    ).scalars()
    alias = alias_line(kept["name"], merged["name"], emails)
    kept["about"] = combined_about(combined_about(kept["about"], merged["about"]), alias)
    # The person has been known since the earlier of the two records.
    kept["created_at"] = min(kept["created_at"], merged["created_at"])
    changes = {k: v for k, v in kept.items() if k not in ("id", "name") and v != before[k]}
    connection.execute(
        update(_CONTACTS).where(_CONTACTS.c.id == keep).values(**changes, updated_at=utcnow())
    )


def _repoint_links(connection: Connection, table: Table, far: str, keep: int, other: int) -> None:
    """Re-point other's link rows to keep, dropping those keep already has."""
    column = table.c.contact_id
    already = select(table.c[far]).where(column == keep)
    connection.execute(
        update(table).where(column == other, table.c[far].not_in(already)).values(contact_id=keep)
    )
    connection.execute(delete(table).where(column == other))


def _move_methods(connection: Connection, keep: int, other: int) -> None:
    c = _METHODS.c
    rows = connection.execute(
        select(c.id, c.contact_id, c.kind, c.value, c.normalized, c.position)
        .where(c.contact_id.in_((keep, other)))
        .order_by(c.contact_id != keep, c.position, c.id)
    ).all()
    seen: set[tuple[str, str]] = set()
    position = 1 + max((r.position for r in rows if r.contact_id == keep), default=-1)
    for row in rows:
        key = (row.kind, row.normalized or row.value.casefold())
        if row.contact_id == keep:
            seen.add(key)
        elif key not in seen:
            seen.add(key)
            connection.execute(
                update(_METHODS).where(c.id == row.id).values(contact_id=keep, position=position)
            )
            position += 1
    # Whatever is left on `other` repeats a method keep has; deleting other removes it.


def _move_asks_offers(connection: Connection, keep: int, other: int) -> None:
    c = _ASKS.c
    rows = connection.execute(
        select(c.id, c.contact_id, c.kind, c.text).where(c.contact_id.in_((keep, other)))
    ).all()
    have = {(r.kind, r.text.casefold()) for r in rows if r.contact_id == keep}
    for row in rows:
        if row.contact_id == other and (row.kind, row.text.casefold()) not in have:
            have.add((row.kind, row.text.casefold()))
            connection.execute(update(_ASKS).where(c.id == row.id).values(contact_id=keep))


def _move_introductions(connection: Connection, keep: int, other: int) -> None:
    c = _INTROS.c
    # An introduction of the two records to each other would introduce someone to themself.
    connection.execute(
        delete(_INTROS).where(
            or_(
                and_(c.contact_a_id == other, c.contact_b_id == keep),
                and_(c.contact_a_id == keep, c.contact_b_id == other),
            )
        )
    )
    connection.execute(update(_INTROS).where(c.contact_a_id == other).values(contact_a_id=keep))
    connection.execute(update(_INTROS).where(c.contact_b_id == other).values(contact_b_id=keep))


def _move_relationships(connection: Connection, keep: int, other: int) -> None:
    c = _RELATIONS.c
    rows = connection.execute(
        select(c.id, c.contact_a_id, c.contact_b_id, c.note).where(
            or_(c.contact_a_id.in_((keep, other)), c.contact_b_id.in_((keep, other)))
        )
    ).all()

    def far_side(row: Any, me: int) -> int:
        return int(row.contact_b_id if row.contact_a_id == me else row.contact_a_id)

    known = {far_side(r, keep): r for r in rows if keep in (r.contact_a_id, r.contact_b_id)}
    for row in rows:
        if other not in (row.contact_a_id, row.contact_b_id):
            continue
        far = far_side(row, other)
        if far == keep:
            connection.execute(delete(_RELATIONS).where(c.id == row.id))
        elif far in known:
            mine = known[far]
            if row.note and not mine.note:
                connection.execute(update(_RELATIONS).where(c.id == mine.id).values(note=row.note))
            connection.execute(delete(_RELATIONS).where(c.id == row.id))
        else:
            low, high = sorted((keep, far))
            connection.execute(
                update(_RELATIONS).where(c.id == row.id).values(contact_a_id=low, contact_b_id=high)
            )
            known[far] = row
