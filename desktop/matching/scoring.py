"""Per-contact facts and the pair score built from them (weights: `MatchWeights`)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime

from desktop.matching.profiles import NetworkContext, Profile
from desktop.matching.text import normalise
from desktop.matching.weights import MatchWeights

_SECONDS_PER_DAY = 86_400.0


@dataclass(frozen=True, slots=True)
class ContactFacts:
    """What scoring needs about one contact, precomputed once per matcher.

    Attributes:
        profile: The contact's profile.
        tags: Folded tag -> tag as written.
        place: Folded town (the part of the location before any comma), or None.
        org: Folded organisation, or None.
        recency: 0..1, 1 when met today.
        owed: 0..1, how much the user owes them.
        intros: Introductions they have been part of.
        traits: What others may share with them, as keys ("e12" for event 12, "tdesign"
            for a tag, "pleeds" for a town, "oacme" for an organisation).
        own_bound: The most this contact's recency and reciprocity add to any pair.
        pair_bound: `own_bound` plus the most any shared context could add; with a
            partner's `own_bound` and the relevance, an upper bound on a pair score
            that lets the search skip candidates which cannot reach the top.
    """

    profile: Profile
    tags: dict[str, str]
    place: str | None
    org: str | None
    recency: float
    owed: float
    intros: int
    traits: tuple[str, ...]
    own_bound: float
    pair_bound: float


class PairScorer:
    """Turns relevance and facts about two contacts into a score."""

    def __init__(self, weights: MatchWeights, context: NetworkContext) -> None:
        """Score under the given weights and network context."""
        self._w = weights
        self._context = context
        self._intros_from_pairs: Counter[int] = Counter()
        for pair, count in context.introduced.items():
            for contact_id in pair:
                self._intros_from_pairs[contact_id] += count
        # Tags, towns and organisations repeat across a network; fold each once.
        self._keys: dict[str, str | None] = {}

    def facts(self, profile: Profile) -> ContactFacts:
        """Precompute the facts of one contact."""
        w, context = self._w, self._context
        cid = profile.contact_id
        tags = {key: tag for tag in sorted(profile.tags) if (key := self._key(tag))}
        place = self._key(profile.location.split(",")[0]) if profile.location else None
        org = self._key(profile.org) if profile.org else None
        recency = _recency(profile.last_met, context.now, w.recency_half_life_days)
        owed = min(1.0, max(0.0, context.owed.get(cid, 0.0)) / w.owed_saturation)
        intros = max(context.intro_counts.get(cid, 0), self._intros_from_pairs[cid])
        context_cap = min(
            1.0,
            w.event_credit * len(profile.event_ids)
            + w.tag_credit * len(tags)
            + (w.location_credit if place else 0.0)
            + (w.org_credit if org else 0.0),
        )
        own = w.reciprocity_weight * owed + w.recency_weight * recency / 2.0
        return ContactFacts(
            profile=profile,
            tags=tags,
            place=place,
            org=org,
            recency=recency,
            owed=owed,
            intros=intros,
            traits=(
                *(f"e{event}" for event in sorted(profile.event_ids)),
                *(f"t{tag}" for tag in tags),
                *((f"p{place}",) if place else ()),
                *((f"o{org}",) if org else ()),
            ),
            own_bound=own,
            pair_bound=own + w.context_weight * context_cap,
        )

    def _key(self, text: str) -> str | None:
        """Return text folded for comparison ("Leeds " and "leeds" alike), None if empty."""
        if text not in self._keys:
            self._keys[text] = " ".join(normalise(text).split()) or None
        return self._keys[text]

    def context(self, a: ContactFacts, b: ContactFacts) -> float:
        """Return 0..1 for what two contacts share: events, tags, organisation, town."""
        w = self._w
        credit = w.event_credit * len(a.profile.event_ids & b.profile.event_ids)
        if a.tags and b.tags:
            credit += w.tag_credit * len(a.tags.keys() & b.tags.keys())
        if a.place is not None and a.place == b.place:
            credit += w.location_credit
        if a.org is not None and a.org == b.org:
            credit += w.org_credit
        return min(1.0, credit)

    def score(
        self, a: ContactFacts, b: ContactFacts, best: float, other: float, context: float
    ) -> float:
        """Return a pair's score from the relevance of its two directions.

        Args:
            a: One contact.
            b: The other.
            best: Relevance of the better direction (one's ask met by the other's offer).
            other: Relevance of the other direction, 0 when it does not match.
            context: What they share, from `context`.
        """
        w = self._w
        relevance = (best + w.both_ways_bonus * other) / (1.0 + w.both_ways_bonus)
        base = (
            w.relevance_weight * relevance
            + w.context_weight * context
            + w.reciprocity_weight * max(a.owed, b.owed)
            + w.recency_weight * (a.recency + b.recency) / 2.0
        )
        return base / (1.0 + w.intro_penalty * (a.intros + b.intros))

    def ceiling(
        self, asker: ContactFacts, offerer: ContactFacts, relevance: float, context: float
    ) -> float:
        """Return the most a pair can score when its best direction has this relevance."""
        both_ways = bool(offerer.profile.asks and asker.profile.offers)
        return self.score(asker, offerer, relevance, relevance if both_ways else 0.0, context)

    def helper_score(self, helper: ContactFacts, relevance: float) -> float:
        """Return 0..1 for a contact meeting a need typed by the user."""
        w = self._w
        total = w.relevance_weight + w.reciprocity_weight + w.recency_weight
        base = (
            w.relevance_weight * relevance
            + w.reciprocity_weight * helper.owed
            + w.recency_weight * helper.recency
        ) / total
        return base / (1.0 + w.intro_penalty * helper.intros)


def _recency(last_met: datetime | None, now: datetime, half_life_days: float) -> float:
    if last_met is None:
        return 0.0
    # Storage keeps UTC; a naive time on one side only is taken to be UTC.
    if (last_met.tzinfo is None) != (now.tzinfo is None):
        if last_met.tzinfo is None:
            last_met = last_met.replace(tzinfo=UTC)
        else:
            now = now.replace(tzinfo=UTC)
    days = max(0.0, (now - last_met).total_seconds() / _SECONDS_PER_DAY)
    return float(0.5 ** (days / half_life_days))
