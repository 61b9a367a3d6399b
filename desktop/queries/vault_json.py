"""The whole vault as one JSON document: every entity, nothing left behind.

Contacts and events are referred to by their stable UIDs; introductions (which have no
UID) by id. Rows keep their ids, so a derived reminder's key ("after_event:event=4:
contact=9") still names the same event and contact after the document is loaded into
an empty vault. Times are ISO 8601 in UTC; photos are base64. Lists are in id order and
nothing depends on the clock, so exporting the same data twice gives identical JSON.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Mapping
from datetime import UTC, date, datetime
from typing import Any, cast

from sqlalchemy import Connection, Table, select

from storage.models import (
    AskOffer,
    Contact,
    ContactMethod,
    Event,
    Favour,
    Interaction,
    Introduction,
    Relationship,
    Reminder,
    Tag,
    VaultSetting,
    attendances,
    contact_tags,
    interaction_participants,
)

FORMAT = "rapport-vault"
VERSION = 1


def table(model: type[Any]) -> Table:
    """Return a mapped class's table, typed for Core statements."""
    return cast(Table, model.__table__)


CONTACTS, METHODS, TAGS, ASKS = table(Contact), table(ContactMethod), table(Tag), table(AskOffer)
EVENTS, INTERACTIONS, FAVOURS = table(Event), table(Interaction), table(Favour)
RELATIONSHIPS, INTRODUCTIONS = table(Relationship), table(Introduction)
REMINDERS, SETTINGS = table(Reminder), table(VaultSetting)
# What makes a vault "not empty": any of these holds a row.
ENTITY_TABLES = {
    "contacts": CONTACTS,
    "tags": TAGS,
    "events": EVENTS,
    "interactions": INTERACTIONS,
    "favours": FAVOURS,
    "relationships": RELATIONSHIPS,
    "introductions": INTRODUCTIONS,
    "reminders": REMINDERS,
}
# Columns that point at a contact or an event, and the key that names them in JSON.
CONTACT_REFS = {"contact_id": "contact", "contact_a_id": "a", "contact_b_id": "b"}
EVENT_REFS = {"event_id": "event"}


def to_json_value(value: Any) -> Any:
    """Return a column value as JSON: ISO UTC times, ISO dates, base64 bytes."""
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bytes):
        return base64.b64encode(value).decode("ascii")
    return value


def _row_json(
    row: Mapping[Any, Any], columns: Iterable[str], uids: Mapping[str, Mapping[int, str]]
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in columns:
        value = row[name]
        if name in CONTACT_REFS:
            out[CONTACT_REFS[name]] = None if value is None else uids["contact"][value]
        elif name in EVENT_REFS:
            out[EVENT_REFS[name]] = None if value is None else uids["event"][value]
        elif name == "introduction_id":
            out["introduction"] = value
        else:
            out[name] = to_json_value(value)
    return out


def _rows(
    connection: Connection,
    source: Table,
    uids: Mapping[str, Mapping[int, str]],
    skip: tuple[str, ...] = (),
) -> list[dict[str, Any]]:
    columns = [c.name for c in source.columns if c.name not in skip]
    query = select(source).order_by(*source.primary_key.columns)
    return [_row_json(r._mapping, columns, uids) for r in connection.execute(query)]


def _grouped(connection: Connection, query: Any) -> dict[int, list[Any]]:
    grouped: dict[int, list[Any]] = {}
    for owner, value in connection.execute(query):
        grouped.setdefault(owner, []).append(value)
    return grouped


def dump_vault(connection: Connection) -> dict[str, Any]:
    """Return every entity of the vault as one JSON-ready document."""
    uids = {
        "contact": {i: u for i, u in connection.execute(select(CONTACTS.c.id, CONTACTS.c.uid))},
        "event": {i: u for i, u in connection.execute(select(EVENTS.c.id, EVENTS.c.uid))},
    }
    contact_uid = uids["contact"]
    methods: dict[int, list[dict[str, Any]]] = {}
    for row in connection.execute(select(METHODS).order_by(METHODS.c.position, METHODS.c.id)):
        item = _row_json(row._mapping, ("kind", "label", "value", "normalized"), uids)
        methods.setdefault(row.contact_id, []).append(item)
    asks: dict[int, list[dict[str, Any]]] = {}
    for row in connection.execute(select(ASKS).order_by(ASKS.c.id)):
        item = _row_json(row._mapping, ("kind", "text", "active", "created_at"), uids)
        asks.setdefault(row.contact_id, []).append(item)
    tags = _grouped(
        connection,
        select(contact_tags.c.contact_id, TAGS.c.name)
        .join(TAGS, TAGS.c.id == contact_tags.c.tag_id)
        .order_by(contact_tags.c.contact_id, TAGS.c.key),
    )
    contacts = _rows(connection, CONTACTS, uids, skip=("sort_name",))
    for contact in contacts:
        cid = contact["id"]
        contact["methods"] = methods.get(cid, [])
        contact["tags"] = tags.get(cid, [])
        contact["asks_offers"] = asks.get(cid, [])
    events = _rows(connection, EVENTS, uids)
    attendees = _grouped(
        connection,
        select(attendances.c.event_id, attendances.c.contact_id).order_by(
            attendances.c.event_id, attendances.c.contact_id
        ),
    )
    for event in events:
        event["attendees"] = [contact_uid[c] for c in attendees.get(event["id"], [])]
    interactions = _rows(connection, INTERACTIONS, uids)
    who = _grouped(
        connection,
        select(
            interaction_participants.c.interaction_id, interaction_participants.c.contact_id
        ).order_by(
            interaction_participants.c.interaction_id, interaction_participants.c.contact_id
        ),
    )
    for interaction in interactions:
        interaction["participants"] = [contact_uid[c] for c in who.get(interaction["id"], [])]
    settings = connection.execute(select(SETTINGS.c.key, SETTINGS.c.value).order_by(SETTINGS.c.key))
    return {
        "format": FORMAT,
        "version": VERSION,
        "settings": {key: value for key, value in settings},
        "tags": _rows(connection, TAGS, uids, skip=("id", "key")),
        "contacts": contacts,
        "events": events,
        "interactions": interactions,
        "introductions": _rows(connection, INTRODUCTIONS, uids),
        "favours": _rows(connection, FAVOURS, uids),
        "relationships": _rows(connection, RELATIONSHIPS, uids),
        "reminders": _rows(connection, REMINDERS, uids),
    }
