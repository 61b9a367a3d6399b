"""Analyse an ask or offer once into the terms the index and the queries use."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from desktop.matching.synonyms import SynonymTable
from desktop.matching.text import QUALIFIER_MARKERS, Stemmer, is_noise, tokenise
from desktop.matching.weights import MatchWeights


@dataclass(frozen=True, slots=True)
class AnalysedPhrase:
    """One phrase as terms: content stems plus the synonym concepts it mentions.

    Attributes:
        terms: Each term and its weighted count, for the phrase as an indexed document.
        weights: Each term and its weight, for the phrase as a query. A stem that also
            belongs to a synonym group shares its weight with the group's concept, so
            an exact match earns both parts and a synonym match only the concept's.
        length: Content stems counted by their weight, the length BM25 normalises by.
        key: Identical for phrases that analyse alike ("need a bookkeeper",
            "bookkeepers needed"), so the index stores each distinct phrase once.
    """

    terms: Mapping[str, float]
    weights: Mapping[str, float]
    length: float
    key: tuple[frozenset[tuple[str, float]], frozenset[tuple[str, float]]]

    def __bool__(self) -> bool:
        """Say whether the phrase has any term to match on."""
        return bool(self.terms)


class PhraseAnalyzer:
    """Tokenise, stem and look up synonyms, remembering each phrase seen."""

    def __init__(self, synonyms: SynonymTable | None, stemmer: Stemmer, weights: MatchWeights):
        """Analyse with a synonym table (None for none) and the weights of terms."""
        self._synonyms = synonyms
        self._stemmer = stemmer
        self._synonym_share = weights.synonym_weight
        self._qualifier_weight = weights.qualifier_weight
        self._cache: dict[str, AnalysedPhrase] = {}

    def analyse(self, text: str) -> AnalysedPhrase:
        """Return the analysis of one phrase."""
        cached = self._cache.get(text)
        if cached is None:
            cached = self._cache[text] = self._compute(text)
        return cached

    def _compute(self, text: str) -> AnalysedPhrase:
        stem = self._stemmer.stem
        tokens = tokenise(text)
        stems = [stem(token) for token in tokens]
        roles = self._roles(tokens)
        share = self._synonym_share
        covered = [False] * len(tokens)
        terms: dict[str, float] = {}
        weights: dict[str, float] = {}
        # Synonyms are looked up before filler is dropped, so "it support" still finds
        # its group although "it" alone says nothing.
        for start, end, concepts in self._synonyms.find(stems) if self._synonyms else ():
            role = max(roles[start:end])
            for concept in concepts:
                terms[concept] = max(terms.get(concept, 0.0), role)
                weights[concept] = max(weights.get(concept, 0.0), role * share)
            covered[start:end] = [True] * (end - start)
        length = 0.0
        for token, term, role, in_group in zip(tokens, stems, roles, covered, strict=True):
            if is_noise(token):
                continue
            # Qualifiers lengthen a phrase less, as they count less in it.
            length += role
            terms[term] = terms.get(term, 0.0) + role
            weight = role * (1.0 - share) if in_group else role
            weights[term] = max(weights.get(term, 0.0), weight)
        key = (frozenset(terms.items()), frozenset(weights.items()))
        return AnalysedPhrase(terms=terms, weights=weights, length=length, key=key)

    def _roles(self, tokens: Sequence[str]) -> list[float]:
        """Return 1.0 for each token of the subject and less for those qualifying it."""
        roles: list[float] = []
        role, seen_subject = 1.0, False
        for token in tokens:
            if seen_subject and token in QUALIFIER_MARKERS:
                role = self._qualifier_weight
            elif not is_noise(token):
                seen_subject = True
            roles.append(role)
        return roles
