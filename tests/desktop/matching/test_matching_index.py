"""The inverted index over offers: BM25 ranking, sharing of phrases, and updates."""

from __future__ import annotations

import pytest

from desktop.matching import DEFAULT_WEIGHTS, Stemmer
from desktop.matching.analysis import PhraseAnalyzer
from desktop.matching.index import PhraseIndex
from desktop.matching.synonyms import SynonymTable


def make_index(groups: list[list[str]] | None = None) -> tuple[PhraseIndex, PhraseAnalyzer]:
    stemmer = Stemmer()
    analyzer = PhraseAnalyzer(SynonymTable(groups or [], stemmer), stemmer, DEFAULT_WEIGHTS)
    return PhraseIndex(analyzer, k1=1.2, b=0.75), analyzer


def ranked(index: PhraseIndex, analyzer: PhraseAnalyzer, query: str) -> list[int]:
    found = index.search(analyzer.analyse(query), 0.0)
    by_contact = {
        contact: relevance for doc, relevance in found.items() for contact in index.holders(doc)
    }
    return sorted(by_contact, key=lambda contact: (-by_contact[contact], contact))


def test_a_rare_word_weighs_more_than_a_common_one() -> None:
    index, analyzer = make_index()
    index.add(1, ["consulting for startups"])
    index.add(2, ["python consulting"])
    for contact in range(3, 20):
        index.add(contact, [f"consulting number {contact}"])

    assert ranked(index, analyzer, "python startups consulting")[:2] == [2, 1]
    assert ranked(index, analyzer, "startups consulting")[0] == 1


def test_a_focused_offer_beats_a_long_one_with_the_same_word() -> None:
    index, analyzer = make_index()
    index.add(1, ["bookkeeping"])
    index.add(2, ["bookkeeping payroll pensions audits insurance mortgages wills"])

    assert ranked(index, analyzer, "bookkeeper") == [1, 2]


def test_relevance_is_a_share_of_the_query() -> None:
    index, analyzer = make_index()
    index.add(1, ["film editing"])
    index.add(2, ["yoga"])
    query = analyzer.analyse("film editing")

    found = index.search(query, 0.0)

    assert set(found) == set(index.search(query, 0.0))
    assert all(0.0 < relevance <= 1.0 for relevance in found.values())
    assert index.relevance(analyzer.analyse("yoga"), next(iter(found))) == 0.0


def test_search_and_single_relevance_agree() -> None:
    index, analyzer = make_index([["film", "video"]])
    for contact, offer in enumerate(["video production", "film school", "wedding video", "yoga"]):
        index.add(contact, [offer])
    query = analyzer.analyse("short films and videos")

    for doc, relevance in index.search(query, 0.0).items():
        assert index.relevance(query, doc) == pytest.approx(relevance)


@pytest.mark.parametrize("floor", [0.1, 0.3, 0.5, 0.7, 0.9])
def test_a_higher_floor_only_drops_weaker_documents(floor: float) -> None:
    index, analyzer = make_index([["film", "video"]])
    offers = [
        "video production",
        "film school",
        "short film editing",
        "film",
        "yoga for film crews",
    ]
    for contact, offer in enumerate(offers):
        index.add(contact, [offer, "general admin"])
    query = analyzer.analyse("editing short films for a festival")

    everything = index.search(query, 0.0)
    above = index.search(query, floor)

    assert above == pytest.approx({doc: rel for doc, rel in everything.items() if rel >= floor})


def test_synonym_match_counts_less_than_an_exact_one() -> None:
    index, analyzer = make_index([["cartoonist", "animator", "animation"]])
    index.add(1, ["animation"])
    index.add(2, ["cartoonist"])
    index.add(3, ["yoga"])

    query = analyzer.analyse("cartoonist")
    found = {doc: rel for doc, rel in index.search(query, 0.0).items()}
    exact = found[index.documents_of(2)[0][1]]
    synonym = found[index.documents_of(1)[0][1]]

    assert 0.3 < synonym < exact


def test_identical_phrases_are_stored_once_with_every_holder() -> None:
    index, _analyzer = make_index()
    index.add(1, ["Bookkeeping", "Payroll"])
    index.add(2, ["bookkeeping!"])

    doc = index.documents_of(1)[0][1]

    assert index.documents_of(2) == ((0, doc),)
    assert dict(index.holders(doc)) == {1: 0, 2: 0}
    assert len(index) == 3


def test_removing_a_contact_restores_the_statistics() -> None:
    index, analyzer = make_index()
    index.add(1, ["film editing"])
    index.add(2, ["film school"])
    query = analyzer.analyse("film")
    before = index.search(query, 0.0)

    index.add(3, ["film", "film festival"])
    index.remove(3)

    assert index.search(query, 0.0) == pytest.approx(before)
    assert len(index) == 2


def test_adding_again_replaces_a_contacts_phrases() -> None:
    index, analyzer = make_index()
    index.add(1, ["film editing"])
    index.add(1, ["yoga"])

    assert ranked(index, analyzer, "film") == []
    assert ranked(index, analyzer, "yoga") == [1]


def test_phrases_of_only_filler_are_not_indexed() -> None:
    index, _analyzer = make_index()
    index.add(1, ["looking for someone who can help", "film"])

    assert index.documents_of(1) == ((1, index.documents_of(1)[0][1]),)
    assert len(index) == 1
