"""Finding pairs of contacts that look like one person, on demand.

Shared emails and phones are grouped by SQL over the indexed `normalized` column;
social profiles are grouped in one pass; names are compared fuzzily only among contacts
of the same organisation, so the work grows with the largest organisation, not with
the square of the whole network.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from rapidfuzz import fuzz, process
from sqlalchemy import distinct, func, select
from sqlalchemy.orm import Session

from desktop.duplicates import (
    NAME_SCORE,
    SAME_EMAIL,
    SAME_PHONE,
    SAME_PROFILE,
    SIMILAR_NAME,
    name_key,
    org_key,
    profile_key,
)
from storage.models import Contact, ContactMethod

# Stronger evidence first: a shared email says more than a similar name.
_PRIORITY = {SAME_EMAIL: 0, SAME_PHONE: 1, SAME_PROFILE: 2, SIMILAR_NAME: 3}


@dataclass(frozen=True)
class DuplicatePair:
    """Two contacts that look like one person, and why (lower id first)."""

    a_id: int
    a_name: str
    a_org: str | None
    b_id: int
    b_name: str
    b_org: str | None
    why: str


def _pairs_of(ids: Iterable[int]) -> Iterable[tuple[int, int]]:
    return combinations(sorted(set(ids)), 2)


def _shared_methods(session: Session, found: dict[tuple[int, int], str]) -> None:
    ids = func.group_concat(distinct(ContactMethod.contact_id))
    rows = session.execute(
        select(ContactMethod.kind, ids)
        .where(ContactMethod.normalized.is_not(None), ContactMethod.kind.in_(("email", "phone")))
        .group_by(ContactMethod.kind, ContactMethod.normalized)
        .having(func.count(distinct(ContactMethod.contact_id)) > 1)
    )
    for kind, joined in rows:
        why = SAME_EMAIL if kind == "email" else SAME_PHONE
        for pair in _pairs_of(int(cid) for cid in str(joined).split(",")):
            found.setdefault(pair, why)
    profiles: dict[str, set[int]] = {}
    for cid, value in session.execute(
        select(ContactMethod.contact_id, ContactMethod.value).where(ContactMethod.kind == "social")
    ):
        key = profile_key(value)
        if key:
            profiles.setdefault(key, set()).add(cid)
    for owners in profiles.values():
        for pair in _pairs_of(owners):
            found.setdefault(pair, SAME_PROFILE)


def _similar_names(session: Session, found: dict[tuple[int, int], str]) -> None:
    by_org: dict[str, list[tuple[int, str]]] = {}
    for cid, name, org in session.execute(
        select(Contact.id, Contact.name, Contact.org).where(Contact.org.is_not(None))
    ):
        key = org_key(org)
        if key is not None:
            by_org.setdefault(key, []).append((cid, name_key(name)))
    for members in by_org.values():
        for i, (cid, name) in enumerate(members[:-1]):
            rest = {other: key for other, key in members[i + 1 :]}
            for _, _, other in process.extract(
                name, rest, scorer=fuzz.token_sort_ratio, score_cutoff=NAME_SCORE, limit=None
            ):
                found.setdefault((min(cid, other), max(cid, other)), SIMILAR_NAME)


def duplicate_pairs(session: Session, limit: int = 100) -> list[DuplicatePair]:
    """Return up to `limit` pairs of contacts that look like one person, strongest first."""
    found: dict[tuple[int, int], str] = {}
    _shared_methods(session, found)
    _similar_names(session, found)
    ranked = sorted(found.items(), key=lambda item: (_PRIORITY[item[1]], item[0]))[:limit]
    ids = {cid for pair, _ in ranked for cid in pair}
    people = {
        cid: (name, org)
        for cid, name, org in session.execute(
            select(Contact.id, Contact.name, Contact.org).where(Contact.id.in_(ids))
        )
    }
    return [DuplicatePair(a, *people[a], b, *people[b], why) for (a, b), why in ranked]
