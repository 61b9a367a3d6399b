"""Realistic asks find the right helper although each side words it differently."""

from __future__ import annotations

import pytest

from desktop.matching import IntroductionMatcher
from tests.desktop.matching.sample_network import sample_matcher


@pytest.fixture
def network() -> IntroductionMatcher:
    return sample_matcher()


SCENARIOS = [
    pytest.param(1, 2, id="cartoonist for short films / animation for film"),
    pytest.param(3, 4, id="bookkeeper / bookkeeping"),
    pytest.param(5, 6, id="desk space / coworking space"),
    pytest.param(7, 8, id="developer / programmer"),
    pytest.param(9, 10, id="seed investor / VC fund"),
    pytest.param(11, 12, id="cafe / café"),
    pytest.param(13, 14, id="photographer / photography"),
    pytest.param(15, 16, id="translate / translation"),
    pytest.param(17, 18, id="legal advice / solicitor"),
    pytest.param(19, 20, id="recruiter / recruiting"),
    pytest.param(21, 22, id="press coverage / journalist"),
    pytest.param(23, 24, id="mentor for a founder / coaching founders"),
    pytest.param(25, 26, id="SEO / search engine optimisation"),
    pytest.param(27, 28, id="UX designer for app / user experience design for apps"),
    pytest.param(29, 30, id="accountant / accountancy"),
    pytest.param(31, 32, id="video editor / editing videos"),
]


@pytest.mark.parametrize(("asker", "helper"), SCENARIOS)
def test_the_right_helper_is_among_the_top_three(
    network: IntroductionMatcher, asker: int, helper: int
) -> None:
    top = network.suggest_for(asker, limit=10)[:3]

    assert helper in [match.b_id for match in top]
    found = next(match for match in top if match.b_id == helper)
    assert (found.asker_id, found.offerer_id) == (asker, helper)


@pytest.mark.parametrize(("asker", "helper"), SCENARIOS)
def test_the_helper_sees_the_asker_from_their_side(
    network: IntroductionMatcher, asker: int, helper: int
) -> None:
    top = network.suggest_for(helper, limit=10)[:3]

    assert asker in [match.b_id for match in top]


@pytest.mark.parametrize(
    ("need", "helper"),
    [
        pytest.param("Does anyone know a cartoonist who does film?", 2, id="cartoonist"),
        pytest.param("who can help with our books and VAT?", 4, id="bookkeeping"),
        pytest.param("coworking in Leeds", 6, id="coworking"),
        pytest.param("a programmer who knows Python", 8, id="python"),
        pytest.param("venture capital for a seed round", 10, id="vc"),
        pytest.param("cafe with a room for events", 12, id="cafe"),
        pytest.param("lawyer", 18, id="lawyer"),
        pytest.param("Anyone good at PR?", 22, id="pr"),
    ],
)
def test_who_can_help_finds_the_helper_first(
    network: IntroductionMatcher, need: str, helper: int
) -> None:
    results = network.who_can_help(need)

    assert results
    assert results[0].contact_id == helper


def test_who_can_help_explains_with_the_offer_as_written(network: IntroductionMatcher) -> None:
    result = network.who_can_help("Does anyone know a cartoonist who does film?")[0]

    assert result.name == "Tom Reed"
    assert result.offer == "Animation and illustration for film"
    assert result.reason == "Tom Reed offers animation and illustration for film."
    assert 0.0 < result.score <= 1.0


def test_who_can_help_leaves_out_the_excluded_contact(network: IntroductionMatcher) -> None:
    results = network.who_can_help("cartoonist for film", exclude=2)

    assert 2 not in [result.contact_id for result in results]


def test_who_can_help_with_only_filler_finds_nobody(network: IntroductionMatcher) -> None:
    assert network.who_can_help("Does anyone know someone who can help?") == []


def test_exact_wording_beats_a_synonym(network: IntroductionMatcher) -> None:
    results = network.who_can_help("office")

    # "Office furniture" and "office lettings" say office; "coworking" only means it.
    ids = [result.contact_id for result in results]
    assert set(ids[:3]) >= {34, 42}
    assert ids.index(6) > ids.index(34)
