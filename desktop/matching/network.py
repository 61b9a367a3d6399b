"""The network as the matcher reads it: indexed asks and offers, facts, and caches."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from desktop.matching.analysis import AnalysedPhrase, PhraseAnalyzer
from desktop.matching.index import PhraseIndex
from desktop.matching.profiles import Profile
from desktop.matching.scoring import ContactFacts, PairScorer
from desktop.matching.weights import MatchWeights

# (relevance, position of the ask, position of the offer) for one direction of a pair
Pairing = tuple[float, int, int]
# (the most a contact adds to a pair by themself, contact id), most first
Ranked = list[tuple[float, int]]


class NetworkIndex:
    """Offers and asks indexed by term, each contact's facts, and what derives from them.

    Asks are indexed too, so an offer can find the asks it meets. Derived data
    (search results per distinct ask, contacts ranked by what they can add to a pair)
    is cached until the next change.
    """

    def __init__(self, analyzer: PhraseAnalyzer, scorer: PairScorer, weights: MatchWeights) -> None:
        """Create an empty network."""
        self._scorer = scorer
        self._min_relevance = weights.min_relevance
        self.analyzer = analyzer
        self.offers = PhraseIndex(analyzer, k1=weights.bm25_k1, b=weights.bm25_b)
        self.asks = PhraseIndex(analyzer, k1=weights.bm25_k1, b=weights.bm25_b)
        self.facts: dict[int, ContactFacts] = {}
        self._clear()

    def add(self, profile: Profile) -> None:
        """Add a contact, or replace what is known about them."""
        cid = profile.contact_id
        self.facts[cid] = self._scorer.facts(profile)
        self.offers.add(cid, profile.offers)
        self.asks.add(cid, profile.asks)
        self._clear()

    def remove(self, contact_id: int) -> None:
        """Forget a contact; unknown ids are ignored."""
        self.facts.pop(contact_id, None)
        self.offers.remove(contact_id)
        self.asks.remove(contact_id)
        self._clear()

    def _clear(self) -> None:
        self._matches: dict[int, dict[int, float]] = {}
        self._relevances: dict[tuple[int, int], float] = {}
        self._offerers: dict[int, Ranked] = {}
        self._askers: dict[int, Ranked] = {}
        self._traits: dict[int, dict[str, Ranked]] = {}
        self._own_cap: float | None = None

    def offer_matches(self, ask_doc: int) -> Mapping[int, float]:
        """Return offer document -> relevance for the offers a distinct ask meets."""
        matches = self._matches.get(ask_doc)
        if matches is None:
            query = self.asks.phrase(ask_doc)
            matches = self._matches[ask_doc] = self.offers.search(query, self._min_relevance)
        return matches

    def offer_matches_above(self, ask_doc: int, floor: float) -> list[tuple[float, int]]:
        """Return (relevance, offer document) for offers meeting an ask at least `floor`.

        Best first. Above the minimum relevance the search is narrower and its result,
        being partial, is not kept.
        """
        if floor <= self._min_relevance or ask_doc in self._matches:
            found = self.offer_matches(ask_doc)
            matches = [(rel, doc) for doc, rel in found.items() if rel >= floor]
        else:
            found = self.offers.search(self.asks.phrase(ask_doc), floor)
            matches = [(rel, doc) for doc, rel in found.items()]
        matches.sort(reverse=True)
        return matches

    def asks_met_by(self, offer_doc: int) -> Iterable[tuple[int, float]]:
        """Yield (ask document, relevance) for the asks an offer meets."""
        for ask_doc in self.asks.sharing_terms(self.offers.phrase(offer_doc)):
            relevance = self.relevance(ask_doc, offer_doc)
            if relevance > 0.0:
                yield ask_doc, relevance

    def relevance(self, ask_doc: int, offer_doc: int) -> float:
        """Return how well an ask meets an offer, 0 below the minimum worth suggesting."""
        matches = self._matches.get(ask_doc)
        if matches is not None:
            return matches.get(offer_doc, 0.0)
        key = (ask_doc, offer_doc)
        relevance = self._relevances.get(key)
        if relevance is None:
            relevance = self.offers.relevance(self.asks.phrase(ask_doc), offer_doc)
            if relevance < self._min_relevance:
                relevance = 0.0
            self._relevances[key] = relevance
        return relevance

    def direction(self, asker: int, offerer: int) -> float:
        """Return how well the asker's best-met ask is met by the offerer's offers."""
        best = 0.0
        offer_docs = self.offers.documents_of(offerer)
        for _ask_at, ask_doc in self.asks.documents_of(asker):
            for _offer_at, offer_doc in offer_docs:
                relevance = self.relevance(ask_doc, offer_doc)
                if relevance > best:
                    best = relevance
        return best

    def pairing(self, asker: int, offerer: int) -> Pairing:
        """Return `direction` with the positions of the ask and offer that give it."""
        best: Pairing = (0.0, 0, 0)
        offer_docs = self.offers.documents_of(offerer)
        for ask_at, ask_doc in self.asks.documents_of(asker):
            for offer_at, offer_doc in offer_docs:
                relevance = self.relevance(ask_doc, offer_doc)
                if relevance > best[0]:
                    best = (relevance, ask_at, offer_at)
        return best

    def offerers(self, offer_doc: int) -> Ranked:
        """Return the contacts holding an offer, those adding most to any pair first."""
        ranked = self._offerers.get(offer_doc)
        if ranked is None:
            ranked = self._offerers[offer_doc] = self._rank(self.offers.holders(offer_doc))
        return ranked

    def askers(self, ask_doc: int) -> Ranked:
        """Return the contacts holding an ask, those adding most to any pair first."""
        ranked = self._askers.get(ask_doc)
        if ranked is None:
            ranked = self._askers[ask_doc] = self._rank(self.asks.holders(ask_doc))
        return ranked

    def offerers_by_trait(self, offer_doc: int) -> Mapping[str, Ranked]:
        """Return trait -> the contacts holding an offer who have that trait, ranked."""
        found = self._traits.get(offer_doc)
        if found is None:
            found = self._traits[offer_doc] = {}
            for own, contact_id in self.offerers(offer_doc):
                for trait in self.facts[contact_id].traits:
                    found.setdefault(trait, []).append((own, contact_id))
        return found

    def max_own_bound(self) -> float:
        """Return the most any contact adds to a pair by themself."""
        if self._own_cap is None:
            self._own_cap = max((facts.own_bound for facts in self.facts.values()), default=0.0)
        return self._own_cap

    def analyse(self, text: str) -> AnalysedPhrase:
        """Return the analysis of free text, as a query."""
        return self.analyzer.analyse(text)

    def _rank(self, contact_ids: Iterable[int]) -> Ranked:
        ranked = [(self.facts[cid].own_bound, cid) for cid in contact_ids]
        ranked.sort(key=lambda item: (-item[0], item[1]))
        return ranked
