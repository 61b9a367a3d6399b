"""Every number that shapes a suggestion, in one place."""

from __future__ import annotations

from dataclasses import dataclass, fields


@dataclass(frozen=True, slots=True)
class MatchWeights:
    """Tunable weights of the introduction matcher.

    A pair's score is ``base / (1 + intro_penalty * (intros of a + intros of b))``, with
    ``base = relevance * R + context * C + reciprocity * P + recency * T``, where
    R, C, P and T are the four ``*_weight`` fields below. They sum to 1, and each part
    lies in 0..1, so a score lies in 0..1 as well.

    - relevance: how well an ask is met by an offer: BM25 (``bm25_k1``, ``bm25_b``)
      divided by the sum of the ask's weighted IDFs, capped at 1. Roughly the share
      of the ask that the offer meets, rare words weighing more than common ones,
      words after "for", "to", "in"... weighing ``qualifier_weight``, and a word met
      only through the synonym table earning ``synonym_weight`` of an exact match.
      Below ``min_relevance`` an ask and an offer do not match at all. For a pair,
      ``(best + both_ways_bonus * other) / (1 + both_ways_bonus)`` over the two
      directions, so a pair that helps each other beats an equally good one-way match.
    - context: shared events, tags, organisation and place, each worth the
      ``*_credit`` below, capped at 1.
    - reciprocity: how much the user owes either person, ``owed / owed_saturation``
      capped at 1; introducing them returns a favour.
    - recency: ``0.5 ** (days since last met / recency_half_life_days)``, averaged
      over the pair; people met lately remember the user.

    A free-text search ("who can help with...") ranks by relevance, reciprocity and
    recency only, with the same weights rescaled to sum to 1.

    Raises:
        ValueError: A weight is negative, or relevance, the owed saturation or the
            recency half-life is zero.
    """

    relevance_weight: float = 0.60
    context_weight: float = 0.20
    reciprocity_weight: float = 0.10
    recency_weight: float = 0.10

    both_ways_bonus: float = 0.25
    min_relevance: float = 0.2

    event_credit: float = 0.5
    tag_credit: float = 0.25
    org_credit: float = 0.25
    location_credit: float = 0.25

    owed_saturation: float = 3.0
    recency_half_life_days: float = 90.0
    intro_penalty: float = 0.15

    # Share of a word's weight carried by its synonym concept: a match only through
    # the synonym table earns about this much of what the exact word would.
    synonym_weight: float = 0.7
    # Weight of words that qualify a phrase's subject rather than name it: in "a
    # developer to build our MVP", "build" and "MVP" (after "to") count this much.
    qualifier_weight: float = 0.5
    # BM25: term-frequency saturation and document-length normalisation.
    bm25_k1: float = 1.2
    bm25_b: float = 0.75

    def __post_init__(self) -> None:
        """Reject weights the search cannot bound."""
        if any(getattr(self, field.name) < 0 for field in fields(self)):
            raise ValueError("Matching weights cannot be negative.")
        if min(self.relevance_weight, self.owed_saturation, self.recency_half_life_days) <= 0:
            raise ValueError("Relevance, owed saturation and recency half-life must be positive.")


DEFAULT_WEIGHTS = MatchWeights()
