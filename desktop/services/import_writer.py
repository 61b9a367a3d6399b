"""Writing an import plan with Core bulk inserts, inside the caller's transaction.

Rows go in as lists of dicts (one executemany per table), and the search index is
rebuilt once at the end rather than re-indexed by a trigger on every row, which is what
keeps an import of thousands of cards close to the cost of reading the file.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, date, datetime, time
from typing import Any, TypeVar, cast

from sqlalchemy import Connection, Table, bindparam, insert, select, update
from sqlalchemy.orm import Session

from desktop.interchange import ContactDraft
from desktop.merge_fields import FILLABLE, alias_line, combined_about, fill_empty
from desktop.normalise import fold, sort_key
from desktop.services.import_plan import ContactPlan, ImportPlan
from storage import search_index
from storage.models import Contact, ContactMethod, Interaction, Tag, contact_tags
from storage.models import interaction_participants as participants
from storage.types import utcnow

CONNECTED_NOTE = "Connected on LinkedIn"
_CHUNK = 500  # ids per IN (...) list, well under SQLite's limit on bound parameters
_CONTACTS = cast(Table, Contact.__table__)
_METHODS = cast(Table, ContactMethod.__table__)
_TAGS = cast(Table, Tag.__table__)
_INTERACTIONS = cast(Table, Interaction.__table__)
_COLUMNS = ("name", *FILLABLE, "about")

T = TypeVar("T")


def _chunks(items: Sequence[T]) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start : start + _CHUNK]


def _draft_fields(draft: ContactDraft) -> dict[str, Any]:
    return {
        "name": " ".join(draft.name.split()),
        "given_name": draft.given_name,
        "family_name": draft.family_name,
        "org": draft.org,
        "title": draft.title,
        "location": draft.location,
        "birthday": draft.birthday,
        "photo": draft.photo,
        "cadence_days": None,
        "about": draft.note,
    }


def _absorb(fields: dict[str, Any], draft: ContactDraft) -> None:
    """Fill what `fields` lacks from a duplicate draft, and keep its note and name."""
    fill_empty(fields, _draft_fields(draft))
    about = combined_about(fields["about"], draft.note)
    fields["about"] = combined_about(about, alias_line(fields["name"], draft.name, draft.emails))


def connection_moment(day: date) -> datetime:
    """Return when a LinkedIn connection is dated: noon UTC, the same day in most zones."""
    return datetime.combine(day, time(12), tzinfo=UTC)


class _Writes:
    """Rows collected for every contact, written table by table at the end."""

    def __init__(self) -> None:
        self.methods: list[dict[str, Any]] = []
        self.tags: list[tuple[int, str]] = []
        self.connections: set[tuple[int, date]] = set()
        self._method_keys: dict[int, set[tuple[str, str]]] = {}
        self._positions: dict[int, int] = {}
        self._tag_keys: dict[int, set[str]] = {}

    def know_method(self, cid: int, kind: str, value: str, key: str | None, pos: int) -> None:
        self._method_keys.setdefault(cid, set()).add((kind, key or value.casefold()))
        self._positions[cid] = max(self._positions.get(cid, 0), pos + 1)

    def know_tag(self, cid: int, key: str) -> None:
        self._tag_keys.setdefault(cid, set()).add(key)

    def absorb(self, cid: int, plan: ContactPlan) -> None:
        for prepared in plan.drafts:
            draft = prepared.draft
            for method, key in zip(draft.methods, prepared.keys, strict=True):
                seen = self._method_keys.setdefault(cid, set())
                if (method.kind, key or method.value.casefold()) in seen:
                    continue
                position = self._positions.get(cid, 0)
                self.know_method(cid, method.kind, method.value, key, position)
                self.methods.append(
                    {
                        "contact_id": cid,
                        "kind": method.kind,
                        "label": method.label,
                        "value": method.value,
                        "normalized": key,
                        "position": position,
                    }
                )
            for tag in draft.tags:
                clean = " ".join(tag.split())
                if clean and fold(clean) not in self._tag_keys.setdefault(cid, set()):
                    self.know_tag(cid, fold(clean))
                    self.tags.append((cid, clean))
            if draft.connected_on is not None:
                self.connections.add((cid, draft.connected_on))


def write_plan(session: Session, plan: ImportPlan) -> None:
    """Insert the new contacts and merge drafts into existing ones, in bulk."""
    if not plan.new and not plan.merges:
        return  # nothing to write: leave the vault's file untouched
    connection = session.connection()
    now = utcnow()
    writes = _Writes()
    with search_index.suspended(connection):
        _insert_new(connection, plan, writes, now)
        _merge_existing(connection, plan, writes, now)
        if writes.methods:
            connection.execute(insert(_METHODS), writes.methods)
        _link_tags(connection, writes.tags)
        _log_connections(connection, writes.connections, list(plan.merges), now)


def _insert_new(connection: Connection, plan: ImportPlan, writes: _Writes, now: datetime) -> None:
    if not plan.new:
        return
    rows = []
    for contact in plan.new:
        fields = _draft_fields(contact.drafts[0].draft)
        for prepared in contact.drafts[1:]:
            _absorb(fields, prepared.draft)
        uids = [p.draft.uid for p in contact.drafts if p.draft.uid]
        uid = next((u for u in uids if u not in plan.taken_uids), None) or str(uuid.uuid4())
        plan.taken_uids.add(uid)
        fields.update(uid=uid, sort_name=sort_key(fields["name"]), archived=False, created_at=now)
        rows.append({**fields, "updated_at": now})
    returning = insert(_CONTACTS).returning(_CONTACTS.c.id, sort_by_parameter_order=True)
    ids = connection.execute(returning, rows).scalars().all()
    for contact, cid in zip(plan.new, ids, strict=True):
        contact.id = cid
        writes.absorb(cid, contact)


def _merge_existing(
    connection: Connection, plan: ImportPlan, writes: _Writes, now: datetime
) -> None:
    ids = list(plan.merges)
    columns = [_CONTACTS.c.id, *(_CONTACTS.c[name] for name in _COLUMNS)]
    updates = []
    methods = _METHODS.c
    for chunk in _chunks(ids):
        for cid, kind, value, key, position in connection.execute(
            select(
                methods.contact_id,
                methods.kind,
                methods.value,
                methods.normalized,
                methods.position,
            ).where(methods.contact_id.in_(chunk))
        ):
            writes.know_method(cid, kind, value, key, position)
        for cid, key in connection.execute(
            select(contact_tags.c.contact_id, Tag.key)
            .join(Tag, Tag.id == contact_tags.c.tag_id)
            .where(contact_tags.c.contact_id.in_(chunk))
        ):
            writes.know_tag(cid, key)
        for row in connection.execute(select(*columns).where(_CONTACTS.c.id.in_(chunk))):
            fields = dict(row._mapping)
            cid = fields.pop("id")
            before = dict(fields)
            contact = plan.merges[cid]
            contact.id = cid
            for prepared in contact.drafts:
                _absorb(fields, prepared.draft)
            if fields != before:
                updates.append({**fields, "b_id": cid, "updated_at": now})
            writes.absorb(cid, contact)
    if updates:
        connection.execute(update(_CONTACTS).where(_CONTACTS.c.id == bindparam("b_id")), updates)


def _link_tags(connection: Connection, links: list[tuple[int, str]]) -> None:
    if not links:
        return
    tag_ids = {key: tid for key, tid in connection.execute(select(Tag.key, Tag.id))}
    missing: dict[str, str] = {}
    for _, name in links:
        if fold(name) not in tag_ids:
            missing.setdefault(fold(name), name)
    if missing:
        rows = [{"name": name, "key": key} for key, name in missing.items()]
        returning = insert(_TAGS).returning(_TAGS.c.key, _TAGS.c.id)
        tag_ids.update((key, tid) for key, tid in connection.execute(returning, rows))
    connection.execute(
        insert(contact_tags),
        [{"contact_id": cid, "tag_id": tag_ids[fold(name)]} for cid, name in links],
    )


def _log_connections(
    connection: Connection, wanted: Iterable[tuple[int, date]], merged: list[int], now: datetime
) -> None:
    """Add a "Connected on LinkedIn" note for each connection date not already logged."""
    logged: set[tuple[int, date]] = set()
    table = _INTERACTIONS
    for chunk in _chunks(merged):
        for cid, moment in connection.execute(
            select(participants.c.contact_id, table.c.occurred_at)
            .join(table, table.c.id == participants.c.interaction_id)
            .where(table.c.note == CONNECTED_NOTE, participants.c.contact_id.in_(chunk))
        ):
            logged.add((cid, moment.date()))
    todo = sorted(set(wanted) - logged)
    if not todo:
        return
    rows = [
        {
            "kind": "note",
            "occurred_at": connection_moment(day),
            "note": CONNECTED_NOTE,
            "event_id": None,
            "created_at": now,
        }
        for _, day in todo
    ]
    returning = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    ids = connection.execute(returning, rows).scalars().all()
    connection.execute(
        insert(participants),
        [
            {"interaction_id": iid, "contact_id": cid}
            for iid, (cid, _) in zip(ids, todo, strict=True)
        ],
    )
