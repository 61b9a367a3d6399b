"""An inverted index over short phrases (offers, or asks), ranked with BM25.

Phrases that analyse alike are stored once as a *document* with the list of contacts
holding it, so a network where fifty people offer "bookkeeping" scores that phrase
once per query, and candidate people come from postings rather than from pairs.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from desktop.matching.analysis import AnalysedPhrase, PhraseAnalyzer


@dataclass(slots=True)
class _Document:
    phrase: AnalysedPhrase
    # contact id -> index of the phrase in that contact's list (the first, if repeated)
    holders: dict[int, int] = field(default_factory=dict)
    uses: int = 0


class PhraseIndex:
    """Term -> documents postings, with the statistics BM25 needs.

    Statistics count phrases, not distinct documents, so a phrase many people offer
    makes its words common (low weight) exactly as it would in a plain index.
    """

    def __init__(self, analyzer: PhraseAnalyzer, *, k1: float, b: float) -> None:
        """Create an empty index; k1 and b are the BM25 parameters."""
        self._analyzer = analyzer
        self._k1 = k1
        self._b = b
        self._ids: dict[tuple[frozenset[tuple[str, float]], frozenset[tuple[str, float]]], int] = {}
        self._documents: dict[int, _Document] = {}
        self._postings: dict[str, dict[int, float]] = {}
        self._frequency: Counter[str] = Counter()
        self._phrase_count = 0
        self._total_length = 0.0
        self._next_id = 0
        self._by_contact: dict[int, tuple[tuple[int, int], ...]] = {}
        self._norms: dict[int, float] | None = None
        self._average_length = 1.0
        # term -> (largest tf, shortest document) among its postings: with the average
        # length, the most one occurrence of the term can score. Kept on removal, when
        # it stays a valid (if looser) bound.
        self._peaks: dict[str, tuple[float, float]] = {}

    def __len__(self) -> int:
        """Return the number of indexed phrases (not distinct documents)."""
        return self._phrase_count

    def add(self, contact_id: int, phrases: Sequence[str]) -> None:
        """Index a contact's phrases, replacing any indexed before for that contact."""
        self.remove(contact_id)
        entries: list[tuple[int, int]] = []
        for position, text in enumerate(phrases):
            phrase = self._analyzer.analyse(text)
            if phrase:
                entries.append((position, self._use(phrase, contact_id, position)))
        if entries:
            self._by_contact[contact_id] = tuple(entries)

    def remove(self, contact_id: int) -> None:
        """Forget a contact's phrases; unknown contacts are ignored."""
        for _position, doc_id in self._by_contact.pop(contact_id, ()):
            self._release(doc_id, contact_id)

    def documents_of(self, contact_id: int) -> tuple[tuple[int, int], ...]:
        """Return (phrase position, document id) for each indexed phrase of a contact."""
        return self._by_contact.get(contact_id, ())

    def document_ids(self) -> Iterable[int]:
        """Return the ids of all documents."""
        return self._documents.keys()

    def holders(self, doc_id: int) -> Mapping[int, int]:
        """Return contact id -> phrase position for everyone holding a document."""
        return self._documents[doc_id].holders

    def phrase(self, doc_id: int) -> AnalysedPhrase:
        """Return the analysed phrase of a document."""
        return self._documents[doc_id].phrase

    def sharing_terms(self, phrase: AnalysedPhrase) -> set[int]:
        """Return the documents that share at least one term with a phrase."""
        found: set[int] = set()
        for term in phrase.terms:
            postings = self._postings.get(term)
            if postings:
                found.update(postings)
        return found

    def search(self, query: AnalysedPhrase, min_relevance: float) -> dict[int, float]:
        """Return document id -> relevance in 0..1 for documents meeting the query.

        Relevance is the BM25 score divided by the sum of the query's weighted IDFs,
        which is what a document of average length containing each query term once
        would score: roughly the share of the query (rare words weighing more) met.
        The higher `min_relevance`, the less of the index a search reads.
        """
        norms = self._length_norms()
        best = 0.0
        lists: list[tuple[float, float, dict[int, float], str]] = []
        for term, weight in query.weights.items():
            idf = self._idf(term)
            best += weight * idf
            postings = self._postings.get(term)
            if postings:
                gain = weight * idf * (self._k1 + 1.0)
                lists.append((self._peak(term) * gain, gain, postings, term))
        if best <= 0.0:
            return {}
        threshold = min_relevance * best
        # MaxScore: the weakest terms, even all together, cannot lift a document to the
        # threshold, so only documents holding a stronger term are candidates, and the
        # weak terms' long postings are never walked.
        lists.sort(key=lambda item: item[0])
        optional, split = 0.0, 0
        while split < len(lists) and optional + lists[split][0] < threshold:
            optional += lists[split][0]
            split += 1
        scores: dict[int, float] = {}
        for _peak, gain, postings, _term in lists[split:]:
            for doc_id, tf in postings.items():
                scores[doc_id] = scores.get(doc_id, 0.0) + gain * tf / (tf + norms[doc_id])
        found: dict[int, float] = {}
        for doc_id, score in scores.items():
            if split and score + optional >= threshold:
                terms = self._documents[doc_id].phrase.terms
                for _peak, gain, _postings, term in lists[:split]:
                    count = terms.get(term)
                    if count:
                        score += gain * count / (count + norms[doc_id])
            if score >= threshold:
                found[doc_id] = min(1.0, score / best)
        return found

    def relevance(self, query: AnalysedPhrase, doc_id: int) -> float:
        """Return the relevance of one document to a query, as `search` would."""
        terms = self._documents[doc_id].phrase.terms
        norm = self._length_norms()[doc_id]
        score = best = 0.0
        for term, weight in query.weights.items():
            idf = self._idf(term)
            best += weight * idf
            tf = terms.get(term)
            if tf:
                score += weight * idf * (self._k1 + 1.0) * tf / (tf + norm)
        return min(1.0, score / best) if best > 0.0 else 0.0

    def _idf(self, term: str) -> float:
        frequency = self._frequency.get(term, 0)
        return math.log(1.0 + (self._phrase_count - frequency + 0.5) / (frequency + 0.5))

    def _length_norms(self) -> dict[int, float]:
        # Every addition moves the average length, so norms are recomputed lazily
        # once per batch of changes rather than on each one.
        if self._norms is None:
            average = self._total_length / self._phrase_count if self._phrase_count else 1.0
            average = self._average_length = average or 1.0
            k1, b = self._k1, self._b
            self._norms = {
                doc_id: k1 * (1.0 - b + b * document.phrase.length / average)
                for doc_id, document in self._documents.items()
            }
        return self._norms

    def _peak(self, term: str) -> float:
        """Return the most tf / (tf + norm) can be for this term in any document."""
        tf, length = self._peaks[term]
        return tf / (tf + self._k1 * (1.0 - self._b + self._b * length / self._average_length))

    def _use(self, phrase: AnalysedPhrase, contact_id: int, position: int) -> int:
        doc_id = self._ids.get(phrase.key)
        if doc_id is None:
            doc_id = self._ids[phrase.key] = self._next_id
            self._next_id += 1
            self._documents[doc_id] = _Document(phrase)
            for term, tf in phrase.terms.items():
                self._postings.setdefault(term, {})[doc_id] = tf
                peak_tf, shortest = self._peaks.get(term, (tf, phrase.length))
                self._peaks[term] = (max(peak_tf, tf), min(shortest, phrase.length))
        document = self._documents[doc_id]
        document.holders.setdefault(contact_id, position)
        document.uses += 1
        self._frequency.update(phrase.terms.keys())
        self._phrase_count += 1
        self._total_length += phrase.length
        self._norms = None
        return doc_id

    def _release(self, doc_id: int, contact_id: int) -> None:
        document = self._documents[doc_id]
        document.holders.pop(contact_id, None)
        document.uses -= 1
        self._frequency.subtract(document.phrase.terms.keys())
        self._phrase_count -= 1
        self._total_length -= document.phrase.length
        self._norms = None
        if document.uses == 0:
            del self._documents[doc_id]
            del self._ids[document.phrase.key]
            for term in document.phrase.terms:
                postings = self._postings[term]
                del postings[doc_id]
                if not postings:
                    del self._postings[term]
                    del self._frequency[term]
                    del self._peaks[term]
