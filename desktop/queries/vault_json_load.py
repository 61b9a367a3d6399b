"""Loading a document written by `dump_vault` into an empty vault, with bulk inserts.

Rows keep the ids they had, so references inside the data (derived reminder keys,
favours that name an introduction) stay true. Values are converted by each column's
type: ISO times back to aware UTC datetimes, ISO dates, base64 photos.
"""

from __future__ import annotations

import base64
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any

from sqlalchemy import Boolean, Column, Connection, Date, LargeBinary, Table, insert

from desktop.errors import ValidationError
from desktop.normalise import fold, sort_key
from desktop.queries.vault_json import (
    ASKS,
    CONTACT_REFS,
    CONTACTS,
    EVENT_REFS,
    EVENTS,
    FAVOURS,
    FORMAT,
    INTERACTIONS,
    INTRODUCTIONS,
    METHODS,
    RELATIONSHIPS,
    REMINDERS,
    SETTINGS,
    TAGS,
    VERSION,
)
from desktop.services.contacts import normalised_value
from storage.models import attendances, contact_tags, interaction_participants
from storage.types import UtcDateTime

Ids = Mapping[str, int]


def _value(column: Column[Any], value: Any) -> Any:
    if value is None:
        return None
    kind = column.type
    if isinstance(kind, UtcDateTime):
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is None:
            raise ValueError(f"{column.name} {value!r} has no time zone")
        return moment
    if isinstance(kind, Date):
        return date.fromisoformat(value)
    if isinstance(kind, LargeBinary):
        return base64.b64decode(value, validate=True)
    if isinstance(kind, Boolean) and not isinstance(value, bool):
        raise ValueError(f"{column.name} should be true or false, not {value!r}")
    return value


def _ref(ids: Ids, uid: Any, what: str) -> int | None:
    if uid is None:
        return None
    if uid not in ids:
        raise ValueError(f"it refers to a {what} {uid!r} that it does not contain")
    return ids[uid]


def _rows(
    source: Table,
    items: Sequence[Mapping[str, Any]],
    contacts: Ids,
    events: Ids,
    **fixed: Any,
) -> list[dict[str, Any]]:
    """Return insertable rows: every column of `source`, from JSON keys or `fixed`."""
    rows = []
    for item in items:
        row: dict[str, Any] = {}
        for column in source.columns:
            name = column.name
            if name in fixed:
                row[name] = fixed[name]
            elif name in CONTACT_REFS:
                row[name] = _ref(contacts, item[CONTACT_REFS[name]], "contact")
            elif name in EVENT_REFS:
                row[name] = _ref(events, item[EVENT_REFS[name]], "event")
            elif name == "introduction_id":
                row[name] = item["introduction"]
            else:
                row[name] = _value(column, item[name])
        rows.append(row)
    return rows


def _insert(connection: Connection, target: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(insert(target), rows)


def _links(owners: Sequence[Mapping[str, Any]], key: str, contacts: Ids) -> list[tuple[int, int]]:
    return [(int(o["id"]), _ref(contacts, uid, "contact") or 0) for o in owners for uid in o[key]]


def load_vault(connection: Connection, document: Mapping[str, Any]) -> int:
    """Insert everything in `document`; return how many contacts it held.

    Raises:
        ValidationError: If the document is not a Rapport export this version reads.
    """
    if document.get("format") != FORMAT:
        raise ValidationError("That file is not a Rapport JSON export; nothing was imported.")
    if document.get("version") != VERSION:
        raise ValidationError(
            f"That export is version {document.get('version')!r}; this Rapport reads version "
            f"{VERSION}. Nothing was imported."
        )
    people: Sequence[Mapping[str, Any]] = document["contacts"]
    contacts = {str(p["uid"]): int(p["id"]) for p in people}
    events = {str(e["uid"]): int(e["id"]) for e in document["events"]}
    rows = _rows(CONTACTS, people, contacts, events, sort_name=None)
    for row in rows:
        row["sort_name"] = sort_key(row["name"])
    _insert(connection, CONTACTS, rows)
    _load_contact_parts(connection, people, document["tags"], contacts, events)
    _insert(connection, EVENTS, _rows(EVENTS, document["events"], contacts, events))
    attended = _links(document["events"], "attendees", contacts)
    _insert(connection, attendances, [{"event_id": e, "contact_id": c} for e, c in attended])
    _insert(
        connection, INTERACTIONS, _rows(INTERACTIONS, document["interactions"], contacts, events)
    )
    took_part = _links(document["interactions"], "participants", contacts)
    _insert(
        connection,
        interaction_participants,
        [{"interaction_id": i, "contact_id": c} for i, c in took_part],
    )
    for source, key in (
        (INTRODUCTIONS, "introductions"),
        (FAVOURS, "favours"),
        (RELATIONSHIPS, "relationships"),
        (REMINDERS, "reminders"),
    ):
        _insert(connection, source, _rows(source, document[key], contacts, events))
    settings = [{"key": str(k), "value": str(v)} for k, v in dict(document["settings"]).items()]
    if settings:
        connection.execute(insert(SETTINGS).prefix_with("OR REPLACE"), settings)
    return len(people)


def _load_contact_parts(
    connection: Connection,
    people: Sequence[Mapping[str, Any]],
    tags: Sequence[Mapping[str, Any]],
    contacts: Ids,
    events: Ids,
) -> None:
    """Insert tags, and each contact's methods, tag links, asks and offers."""
    tag_rows: dict[str, dict[str, Any]] = {}
    for tag in tags:
        name = " ".join(str(tag["name"]).split())
        tag_rows.setdefault(fold(name), {"name": name, "key": fold(name), **_cadence(tag)})
    for person in people:
        for name in person["tags"]:
            clean = " ".join(str(name).split())
            tag_rows.setdefault(
                fold(clean), {"name": clean, "key": fold(clean), "cadence_days": None}
            )
    tag_ids: dict[str, int] = {}
    if tag_rows:
        returning = insert(TAGS).returning(TAGS.c.key, TAGS.c.id, sort_by_parameter_order=True)
        inserted = connection.execute(returning, list(tag_rows.values()))
        tag_ids = {key: tid for key, tid in inserted}
    methods, links, asks = [], [], []
    for person in people:
        cid = contacts[str(person["uid"])]
        fixed = {"contact_id": cid, "id": None, "position": 0, "normalized": None}
        rows = _rows(METHODS, person["methods"], contacts, events, **fixed)
        for position, (row, method) in enumerate(zip(rows, person["methods"], strict=True)):
            # List order is the order the contact page shows; older files may lack keys.
            row["position"] = position
            row["normalized"] = method.get(
                "normalized", normalised_value(row["kind"], row["value"])
            )
        methods += rows
        for name in dict.fromkeys(fold(" ".join(str(n).split())) for n in person["tags"]):
            links.append({"contact_id": cid, "tag_id": tag_ids[name]})
        asks += _rows(ASKS, person["asks_offers"], contacts, events, contact_id=cid, id=None)
    _insert(connection, METHODS, methods)
    _insert(connection, contact_tags, links)
    _insert(connection, ASKS, asks)


def _cadence(tag: Mapping[str, Any]) -> dict[str, Any]:
    cadence = tag.get("cadence_days")
    if cadence is not None and not isinstance(cadence, int):
        raise ValueError(f"tag {tag.get('name')!r} has a cadence that is not a number")
    return {"cadence_days": cadence}
