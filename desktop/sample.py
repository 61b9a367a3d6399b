"""A seeded generator of realistic sample networks, for the demo vault, tests and benchmarks.

The same seed and size always give the same network. Rows go in through bulk inserts in
one transaction, so a network of 10,000 contacts takes seconds, not minutes.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import Connection, insert

from desktop import sample_vocab as vocab
from desktop.normalise import normalise_phone, sort_key
from storage import search_index
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
    attendances,
    contact_tags,
    interaction_participants,
)
from storage.vault import Vault


@dataclass(frozen=True)
class SampleSize:
    """How big a network to make; unset parts scale with the number of contacts."""

    contacts: int = 200
    events: int | None = None
    interactions: int | None = None
    favours: int | None = None

    def resolved(self) -> tuple[int, int, int, int]:
        """Return (contacts, events, interactions, favours) with the defaults filled in."""
        n = self.contacts
        return (
            n,
            self.events if self.events is not None else max(1, n // 10),
            self.interactions if self.interactions is not None else n * 10,
            self.favours if self.favours is not None else n * 2,
        )


@dataclass(frozen=True)
class SampleSummary:
    """What the generator wrote."""

    contacts: int
    events: int
    interactions: int
    favours: int
    relationships: int
    introductions: int


class _Builder:
    def __init__(self, seed: int, today: date) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.created = datetime.combine(today - timedelta(days=800), time(9), tzinfo=UTC)

    def moment(self, days_back: int) -> datetime:
        hour = self.rng.randint(8, 19)
        day = self.today - timedelta(days=days_back)
        return datetime.combine(day, time(hour, self.rng.choice((0, 15, 30, 45))), tzinfo=UTC)

    def contact_rows(self, count: int) -> list[dict[str, Any]]:
        rng, rows = self.rng, []
        for i in range(1, count + 1):
            first, last = rng.choice(vocab.FIRST_NAMES), rng.choice(vocab.LAST_NAMES)
            name = f"{first} {last}"
            org = f"{rng.choice(vocab.ORG_WORDS)} {rng.choice(vocab.ORG_KINDS)}"
            rows.append(
                {
                    "id": i,
                    "uid": str(uuid.UUID(int=rng.getrandbits(128), version=4)),
                    "name": name,
                    "sort_name": sort_key(name),
                    "given_name": first,
                    "family_name": last,
                    "org": org if rng.random() < 0.9 else None,
                    "title": rng.choice(vocab.TITLES),
                    "location": rng.choice(vocab.LOCATIONS),
                    "about": None,
                    "cadence_days": rng.choice((30, 60, 90)) if rng.random() < 0.15 else None,
                    "archived": False,
                    "created_at": self.created + timedelta(minutes=i),
                    "updated_at": self.created + timedelta(minutes=i),
                }
            )
        return rows

    def method_rows(self, contacts: list[dict[str, Any]]) -> list[dict[str, Any]]:
        rows = []
        for c in contacts:
            domain = (c["org"] or "mail").lower().replace(" ", "") + ".example"
            local = sort_key(str(c["given_name"])).replace("'", "") + "." + str(c["id"])
            email = f"{local}@{domain}"
            rows.append(self._method(c["id"], "email", email, "work", email, 0))
            if self.rng.random() < 0.6:
                phone = f"07700 9{self.rng.randint(0, 99999):05d}"
                rows.append(
                    self._method(c["id"], "phone", phone, "mobile", normalise_phone(phone), 1)
                )
        return rows

    @staticmethod
    def _method(
        cid: int, kind: str, value: str, label: str, norm: str | None, pos: int
    ) -> dict[str, Any]:
        return {
            "contact_id": cid,
            "kind": kind,
            "value": value,
            "label": label,
            "normalized": norm,
            "position": pos,
        }

    def ask_offer_rows(self, count: int) -> list[dict[str, Any]]:
        rows, rng = [], self.rng
        for cid in range(1, count + 1):
            if rng.random() < 0.8:
                for text in rng.sample(vocab.OFFERS, rng.randint(1, 2)):
                    rows.append({"contact_id": cid, "kind": "offer", "text": text})
            if rng.random() < 0.6:
                rows.append({"contact_id": cid, "kind": "ask", "text": rng.choice(vocab.ASKS)})
        for row in rows:
            row.update(active=True, created_at=self.created)
        return rows

    def event_rows(self, count: int) -> list[dict[str, Any]]:
        rows = []
        for i in range(1, count + 1):
            held_on = self.today - timedelta(days=int(700 * (count - i) / max(count, 1)) + 1)
            city = self.rng.choice(vocab.LOCATIONS)
            rows.append(
                {
                    "id": i,
                    "uid": str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
                    "name": f"{city} {self.rng.choice(vocab.EVENT_KINDS)}",
                    "held_on": held_on,
                    "place": f"{self.rng.choice(vocab.VENUES)}, {city}",
                    "notes": None,
                    "created_at": self.created,
                }
            )
        return rows


def _favour_rows(b: _Builder, n: int, count: int) -> list[dict[str, Any]]:
    rng = b.rng
    favours: list[dict[str, Any]] = []
    while len(favours) < count:
        favour: dict[str, Any] = {
            "contact_id": rng.randint(1, n),
            "direction": rng.choice(("given", "received")),
            "description": rng.choice(vocab.FAVOUR_TEXTS),
            "occurred_on": b.today - timedelta(days=rng.randint(1, 600)),
            "size": rng.choices(("small", "medium", "large"), (6, 3, 1))[0],
            "status": "promised" if rng.random() < 0.05 else "done",
            "due_on": None,
            "created_at": b.created,
        }
        favours.append(favour)
        age = (b.today - favour["occurred_on"]).days
        # Most people in a healthy network return kindness within a few weeks.
        if favour["direction"] == "received" and age > 40 and rng.random() < 0.85:
            favours.append(
                favour
                | {
                    "direction": "given",
                    "description": rng.choice(vocab.FAVOUR_TEXTS),
                    "occurred_on": favour["occurred_on"] + timedelta(days=rng.randint(3, 25)),
                    "status": "done",
                }
            )
    return favours[:count]


def _insert(connection: Connection, table: Any, rows: list[dict[str, Any]]) -> None:
    if rows:
        connection.execute(insert(table), rows)


def generate_sample(
    vault: Vault,
    size: SampleSize | None = None,
    *,
    seed: int = 7,
    today: date | None = None,
) -> SampleSummary:
    """Fill an empty vault with a sample network and return what was written."""
    n, n_events, n_interactions, n_favours = (size or SampleSize()).resolved()
    b = _Builder(seed, today or date.today())
    rng = b.rng
    contacts = b.contact_rows(n)
    events = b.event_rows(n_events)
    with vault.engine.begin() as connection, search_index.suspended(connection):
        _insert(connection, Contact.__table__, contacts)
        _insert(connection, ContactMethod.__table__, b.method_rows(contacts))
        _insert(connection, AskOffer.__table__, b.ask_offer_rows(n))
        tag_rows = [
            {"id": i, "name": t, "key": t, "cadence_days": 45 if t == "client" else None}
            for i, t in enumerate(vocab.TAGS, 1)
        ]
        _insert(connection, Tag.__table__, tag_rows)
        links = {(cid, rng.randint(1, len(tag_rows))) for cid in range(1, n + 1) for _ in range(2)}
        _insert(connection, contact_tags, [{"contact_id": c, "tag_id": t} for c, t in links])
        _insert(connection, Event.__table__, events)

        attendance: set[tuple[int, int]] = set()
        interactions: list[dict[str, Any]] = []
        participants: list[dict[str, int]] = []
        for event in events:
            for cid in rng.sample(range(1, n + 1), min(n, rng.randint(6, 14))):
                attendance.add((event["id"], cid))
                interactions.append(
                    {
                        "id": len(interactions) + 1,
                        "kind": "met",
                        "occurred_at": datetime.combine(event["held_on"], time(12), tzinfo=UTC),
                        "note": "",
                        "event_id": event["id"],
                        "created_at": b.created,
                    }
                )
                participants.append({"interaction_id": len(interactions), "contact_id": cid})
        _insert(connection, attendances, [{"event_id": e, "contact_id": c} for e, c in attendance])
        kinds = ("call", "email", "message", "meeting", "note")
        while len(interactions) < n_interactions:
            template = rng.choice(vocab.NOTE_TEMPLATES)
            interactions.append(
                {
                    "id": len(interactions) + 1,
                    "kind": rng.choice(kinds),
                    "occurred_at": b.moment(int(rng.triangular(0, 720, 30))),
                    "note": template.format(topic=rng.choice(vocab.NOTE_TOPICS)),
                    "event_id": None,
                    "created_at": b.created,
                }
            )
            who = rng.sample(range(1, n + 1), 2 if n > 1 and rng.random() < 0.1 else 1)
            participants += [{"interaction_id": len(interactions), "contact_id": c} for c in who]
        _insert(connection, Interaction.__table__, interactions)
        _insert(connection, interaction_participants, participants)

        favours = _favour_rows(b, n, n_favours)
        for favour in favours:
            if favour["status"] == "promised":
                favour["due_on"] = b.today + timedelta(days=rng.randint(-5, 20))
        _insert(connection, Favour.__table__, favours)

        pairs = (
            {tuple(sorted(rng.sample(range(1, n + 1), 2))) for _ in range(n // 2)}
            if n > 1
            else set()
        )
        _insert(
            connection,
            Relationship.__table__,
            [
                {"contact_a_id": a, "contact_b_id": b_, "kind": "knows", "created_at": b.created}
                for a, b_ in sorted(pairs)
            ],
        )
        intros = []
        for _ in range(max(0, n // 50) if n > 1 else 0):
            a, b_ = rng.sample(range(1, n + 1), 2)
            made = b.moment(rng.randint(3, 60))
            intros.append(
                {
                    "contact_a_id": a,
                    "contact_b_id": b_,
                    "reason": "Both asked to meet someone in the other's field.",
                    "stage": "made",
                    "made_at": made,
                    "created_at": made,
                    "updated_at": made,
                }
            )
        _insert(connection, Introduction.__table__, intros)
        _insert(
            connection,
            Reminder.__table__,
            [
                {
                    "contact_id": rng.randint(1, n),
                    "kind": "manual",
                    "reason": "Send the article we talked about",
                    "due_at": b.moment(-rng.randint(0, 10)),
                    "status": "open",
                    "created_at": b.created,
                }
                for _ in range(min(5, n))
            ],
        )
    return SampleSummary(n, n_events, len(interactions), n_favours, len(pairs), len(intros))
