"""Different wordings of one idea reduce to the same stems."""

from __future__ import annotations

import pytest

from desktop.matching.text import Stemmer, is_noise, normalise, tokenise

SAME_STEM = [
    ("bookkeeper", "bookkeeping"),
    ("films", "film"),
    ("cartoonist", "cartoons"),
    ("developer", "development"),
    ("programmer", "programming"),
    ("coder", "coding"),
    ("photographer", "photography"),
    ("translator", "translation"),
    ("investor", "investing"),
    ("editor", "editing"),
    ("advisor", "advising"),
    ("writer", "writing"),
    ("partnership", "partners"),
    ("mentorship", "mentoring"),
    ("leadership", "leader"),
    ("therapist", "therapy"),
    ("journalist", "journalism"),
    ("organization", "organisation"),
    ("optimize", "optimisation"),
    ("center", "centre"),
    ("hirer", "hiring"),
    ("recruiter", "recruitment"),
    ("planner", "planning"),
    ("founder", "founding"),
    ("accountant", "accountancy"),
    ("staffing", "staff"),
    ("apps", "app"),
]


@pytest.mark.parametrize(("one", "other"), SAME_STEM)
def test_agent_nouns_and_activities_share_a_stem(one: str, other: str) -> None:
    stemmer = Stemmer()

    assert stemmer.stem(one) == stemmer.stem(other)


@pytest.mark.parametrize(
    ("one", "other"), [("career", "car"), ("factor", "fact"), ("offer", "off"), ("app", "ap")]
)
def test_words_that_only_look_like_agent_nouns_stay_apart(one: str, other: str) -> None:
    stemmer = Stemmer()

    assert stemmer.stem(one) != stemmer.stem(other)


def test_porter2_behaviour_the_rules_build_on() -> None:
    stemmer = Stemmer()

    assert stemmer.stem("bookkeeper") == stemmer.stem("bookkeeping") == "bookkeep"


def test_normalise_folds_case_accents_and_apostrophes() -> None:
    assert normalise("Caf\u00e9\u2019s CR\u00c8ME") == "cafes creme"
    assert normalise("Zoë's") == "zoes"


def test_tokenise_splits_compounds_only_into_words_that_stand_alone() -> None:
    assert tokenise("Web-design & co-working, R&D in C++ for a start-up") == [
        "web",
        "design",
        "coworking",
        "r&d",
        "in",
        "c++",
        "for",
        "startup",
    ]


def test_tokenise_drops_single_letters() -> None:
    assert tokenise("a B c dd") == ["dd"]


@pytest.mark.parametrize("word", ["looking", "someone", "need", "help", "who", "can", "the"])
def test_request_filler_is_noise(word: str) -> None:
    assert is_noise(word)


@pytest.mark.parametrize("word", ["film", "bookkeeping", "investor", "leeds"])
def test_subject_words_are_not_noise(word: str) -> None:
    assert not is_noise(word)
