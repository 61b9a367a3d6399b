"""Suggest introductions: whose ask is met by whose offer, and why.

Candidate pairs come only from the inverted indexes (an ask's terms lead to the
offers posting them), never from enumerating pairs, so the cost grows with the
number of matches rather than with the square of the network. Among candidates,
an upper bound on each score lets the search skip everyone who cannot reach the
results: with relevance fixed by a matching (ask, offer), a pair can only rise by
its members' own recency and favours, or by context they share, and sharers are
found through a per-offer index of traits rather than one by one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.matching.analysis import PhraseAnalyzer
from desktop.matching.explain import Explainer
from desktop.matching.network import NetworkIndex, Ranked
from desktop.matching.phrasing import Wording, proper_nouns
from desktop.matching.profiles import HelperResult, Match, NetworkContext, Profile
from desktop.matching.ranking import Pair, TopPairs, pair_key
from desktop.matching.scoring import PairScorer
from desktop.matching.synonyms import SynonymTable, load_synonyms
from desktop.matching.text import Stemmer
from desktop.matching.weights import DEFAULT_WEIGHTS, MatchWeights


@dataclass(frozen=True, slots=True)
class _Stream:
    """Partners reached through one matching (ask, offer), best-placed first."""

    bound: float
    relevance: float
    partners: Ranked
    fixed_asks: bool


class IntroductionMatcher:
    """Matches asks to offers across a network of contact profiles.

    Build one from profiles and a `NetworkContext`; `update` and `remove` keep it
    current one contact at a time. A changed context needs a new matcher. Queries
    fill caches, so one matcher belongs to one thread at a time.
    """

    def __init__(
        self,
        profiles: Iterable[Profile],
        context: NetworkContext,
        *,
        synonyms: SynonymTable | None = None,
        weights: MatchWeights = DEFAULT_WEIGHTS,
    ) -> None:
        """Index the profiles.

        Args:
            profiles: Every contact that may take part in a suggestion.
            context: Relationships, past introductions, favours and events.
            synonyms: Synonym groups; by default those of resources/synonyms.txt.
            weights: The numbers that shape scores.
        """
        stemmer = Stemmer()
        table = load_synonyms(stemmer) if synonyms is None else synonyms
        self._w = weights
        # What sharing one trait adds to a pair's context, by the trait's first letter
        # (see `ContactFacts.traits`).
        self._trait_credit = {
            "e": weights.event_credit,
            "t": weights.tag_credit,
            "p": weights.location_credit,
            "o": weights.org_credit,
        }
        self._scorer = PairScorer(weights, context)
        analyzer = PhraseAnalyzer(table, stemmer, weights)
        self._network = NetworkIndex(analyzer, self._scorer, weights)
        self._proper_nouns: set[str] = set()
        self._read: set[str] = set()
        self._explainer = Explainer(context, weights.min_relevance, Wording(self._proper_nouns))
        self._excluded = {
            pair_key(*pair)
            for pairs in (context.known_pairs, context.introduced.keys(), context.dismissed)
            for pair in pairs
            if len(pair) == 2
        }
        for profile in profiles:
            self.update(profile)

    def update(self, profile: Profile) -> None:
        """Add a contact, or replace what the matcher knows about them."""
        self._network.add(profile)
        # Capitals the user writes mid-phrase mark proper nouns to keep in reasons;
        # the set only grows, as a word once proper stays so.
        texts = [t for t in (*profile.asks, *profile.offers) if t not in self._read]
        names = [t for t in (profile.org, profile.location) if t and t not in self._read]
        if texts or names:
            self._proper_nouns |= proper_nouns(texts, names)
            self._read.update(texts, names)

    def remove(self, contact_id: int) -> None:
        """Forget a contact; unknown ids are ignored."""
        self._network.remove(contact_id)

    def profile(self, contact_id: int) -> Profile | None:
        """Return what the matcher knows of a contact (None: no active ask or offer)."""
        facts = self._network.facts.get(contact_id)
        return facts.profile if facts is not None else None

    def suggest_for(self, contact_id: int, limit: int = 10) -> list[Match]:
        """Return the best introductions for one contact, in either direction.

        Their asks met by others' offers, and their offers meeting others' asks; the
        contact is always `a` in the results. An unknown contact gets no suggestions.
        """
        network = self._network
        facts = network.facts.get(contact_id)
        if facts is None:
            return []
        gain, fixed = self._w.relevance_weight, facts.pair_bound
        streams = [
            _Stream(gain * relevance + fixed, relevance, network.offerers(offer_doc), True)
            for _at, ask_doc in network.asks.documents_of(contact_id)
            for offer_doc, relevance in network.offer_matches(ask_doc).items()
        ]
        streams.extend(
            _Stream(gain * relevance + fixed, relevance, network.askers(ask_doc), False)
            for _at, offer_doc in network.offers.documents_of(contact_id)
            for ask_doc, relevance in network.asks_met_by(offer_doc)
        )
        streams.sort(key=lambda stream: stream.bound, reverse=True)
        top, done = TopPairs(limit), set[Pair]()
        partner_cap = network.max_own_bound()
        for stream in streams:
            if stream.bound + partner_cap < top.threshold:
                break
            for own, partner in stream.partners:
                if stream.bound + own < top.threshold:
                    break
                if stream.fixed_asks:
                    self._check(top, done, contact_id, partner, stream.relevance)
                else:
                    self._check(top, done, partner, contact_id, stream.relevance)
        return [
            self._match(score, contact_id, pair[1] if pair[0] == contact_id else pair[0], False)
            for score, pair in top.best()
        ]

    def suggest_all(self, limit: int = 25) -> list[Match]:
        """Return the best introductions across the network, one per pair."""
        network, w = self._network, self._w
        top, done = TopPairs(limit), set[Pair]()
        partner_cap = network.max_own_bound()
        # Askers who add most by themselves go first, so the bar rises early; each
        # later ask then only needs the offers relevant enough to clear it.
        plans = sorted(
            ((network.askers(doc)[0][0], doc) for doc in network.asks.document_ids()),
            reverse=True,
        )
        for asker_cap, ask_doc in plans:
            reach = w.context_weight + partner_cap + asker_cap
            floor = (top.threshold - reach) / w.relevance_weight
            if floor > 1.0:
                break
            askers = network.askers(ask_doc)
            for relevance, offer_doc in network.offer_matches_above(ask_doc, floor):
                gain = w.relevance_weight * relevance
                if gain + reach < top.threshold:
                    break
                offer_reach = gain + w.context_weight + network.offerers(offer_doc)[0][0]
                for own, asker in askers:
                    if offer_reach + own < top.threshold:
                        break
                    self._join(top, done, asker, gain + own, relevance, offer_doc)
        return [self._match(score, *pair, True) for score, pair in top.best()]

    def who_can_help(
        self, need: str, limit: int = 10, exclude: int | None = None
    ) -> list[HelperResult]:
        """Return contacts whose offers meet a need the user typed, best first."""
        network = self._network
        query = network.analyse(need)
        if not query:
            return []
        best: dict[int, tuple[float, int]] = {}
        for offer_doc, relevance in network.offers.search(query, self._w.min_relevance).items():
            for contact_id, offer_at in network.offers.holders(offer_doc).items():
                if contact_id != exclude and (relevance, -offer_at) > best.get(contact_id, (0, 0)):
                    best[contact_id] = (relevance, -offer_at)
        ranked = [
            (self._scorer.helper_score(network.facts[cid], rel), cid, -negated)
            for cid, (rel, negated) in best.items()
        ]
        ranked.sort(key=lambda item: (-item[0], item[1]))
        return [
            self._explainer.helper(network.facts[cid], score, offer_at)
            for score, cid, offer_at in ranked[:limit]
        ]

    def _join(
        self, top: TopPairs, done: set[Pair], asker: int, fixed: float, relevance: float, doc: int
    ) -> None:
        """Check the holders of an offer who could lift a pair with `asker` into the top.

        `fixed` is what the pair gets from the relevance and the asker's own standing.
        Both lists walked here are ranked by the offerer's own standing, so each walk
        stops at the first offerer who could not lift the pair even at best.
        """
        network = self._network
        seen = set[int]()
        # Sharing nothing, an offerer can only lift the pair by their own standing...
        for own, offerer in network.offerers(doc):
            if fixed + own < top.threshold:
                break
            seen.add(offerer)
            self._check(top, done, asker, offerer, relevance)
        # ...and those who share something with the asker are found by that trait.
        # Adding up the credit of each trait shared gives the pair's context without
        # comparing the two contacts, so only those it could lift into the top are
        # checked.
        facts = network.facts[asker]
        reach = fixed + facts.pair_bound - facts.own_bound
        threshold = top.threshold
        shared: dict[int, list[float]] = {}
        by_trait = network.offerers_by_trait(doc)
        for trait in facts.traits:
            credit = self._trait_credit[trait[0]]
            for own, offerer in by_trait.get(trait, ()):
                if reach + own < threshold:
                    break
                if offerer in seen:
                    continue
                entry = shared.get(offerer)
                if entry is None:
                    shared[offerer] = [own, credit]
                else:
                    entry[1] += credit
        context_weight = self._w.context_weight
        for offerer, (own, credit) in shared.items():
            if fixed + own + context_weight * min(1.0, credit) >= top.threshold:
                self._check(top, done, asker, offerer, relevance)

    def _check(
        self, top: TopPairs, done: set[Pair], asker: int, offerer: int, relevance: float
    ) -> None:
        """Score a candidate pair unless excluded, already scored, or unable to make the top.

        `relevance` is that of the (ask, offer) that led here; when the pair's best
        direction is another one, that direction's own check bounds it correctly.
        """
        key = pair_key(asker, offerer)
        if asker == offerer or key in done or key in self._excluded:
            return
        facts = self._network.facts
        a, b = facts[asker], facts[offerer]
        context = self._scorer.context(a, b)
        if self._scorer.ceiling(a, b, relevance, context) < top.threshold:
            return
        done.add(key)
        forward = self._network.direction(asker, offerer)
        backward = self._network.direction(offerer, asker)
        best, other = (forward, backward) if forward >= backward else (backward, forward)
        if best > 0.0:
            top.offer(self._scorer.score(a, b, best, other, context), key)

    def _match(self, score: float, first: int, second: int, asker_first: bool) -> Match:
        network = self._network
        return self._explainer.pair(
            score,
            network.facts[first],
            network.facts[second],
            network.pairing(first, second),
            network.pairing(second, first),
            asker_first=asker_first,
        )
