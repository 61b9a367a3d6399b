"""Which pairs may be suggested, how they are ordered, and how they are explained."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import timedelta

import pytest

from desktop.matching import IntroductionMatcher, Match, MatchWeights, NetworkContext, Profile
from desktop.matching.synonyms import SynonymTable
from tests.desktop.matching.sample_network import (
    BREAKFAST,
    NOW,
    network_profiles,
    shipped_synonyms,
)

MAYA = Profile(
    1,
    "Maya Patel",
    asks=("Looking for a cartoonist for short films",),
    offers=("Office space in Leeds",),
    location="Leeds",
    event_ids=frozenset({BREAKFAST}),
)
TOM = Profile(
    2,
    "Tom Reed",
    asks=("Need desk space in Manchester",),
    offers=("Animation and illustration for film",),
    location="Leeds, UK",
    event_ids=frozenset({BREAKFAST}),
)
ANNA = Profile(3, "Anna Berg", offers=("Animation and illustration for film",))
EVENTS = {BREAKFAST: "Leeds Digital Breakfast"}


@pytest.fixture
def synonyms() -> SynonymTable:
    return shipped_synonyms()


def matcher(
    synonyms: SynonymTable, profiles: list[Profile], **context: object
) -> IntroductionMatcher:
    network = NetworkContext(now=NOW, event_names=EVENTS, **context)  # type: ignore[arg-type]
    return IntroductionMatcher(profiles, network, synonyms=synonyms)


def pairs_of(matches: list[Match]) -> set[frozenset[int]]:
    return {frozenset({match.a_id, match.b_id}) for match in matches}


def test_a_pair_helping_both_ways_is_one_match_with_both_directions_explained(
    synonyms: SynonymTable,
) -> None:
    matches = matcher(synonyms, [MAYA, TOM]).suggest_all()

    assert len(matches) == 1
    match = matches[0]
    assert match.reason == (
        "Maya Patel is looking for a cartoonist for short films; "
        "Tom Reed offers animation and illustration for film. "
        "In return, Tom Reed is looking for desk space in Manchester "
        "and Maya Patel offers office space in Leeds. "
        "You met both at the Leeds Digital Breakfast and both are in Leeds."
    )
    assert match.shared == ("You met both at the Leeds Digital Breakfast", "Both are in Leeds")
    assert (match.ask, match.offer) == (MAYA.asks[0], TOM.offers[0])
    assert (match.asker_id, match.offerer_id) == (1, 2)
    assert 0.0 < match.score <= 1.0


def test_helping_both_ways_scores_higher_than_one_way(synonyms: SynonymTable) -> None:
    one_way = replace(TOM, asks=())
    both = matcher(synonyms, [MAYA, TOM]).suggest_all()[0]
    single = matcher(synonyms, [MAYA, one_way]).suggest_all()[0]

    assert both.score > single.score


def test_suggest_for_puts_the_contact_first_whichever_way_help_goes(
    synonyms: SynonymTable,
) -> None:
    network = matcher(synonyms, [MAYA, TOM, ANNA])

    for_anna = network.suggest_for(3)

    assert [(m.a_id, m.b_id, m.asker_id, m.offerer_id) for m in for_anna] == [(3, 1, 1, 3)]
    assert for_anna[0].reason.startswith("Maya Patel is looking for a cartoonist")


@pytest.mark.parametrize("kind", ["known_pairs", "introduced", "dismissed"])
def test_excluded_pairs_never_appear(synonyms: SynonymTable, kind: str) -> None:
    pair = frozenset({1, 2})
    value: object = {pair: 1} if kind == "introduced" else frozenset({pair})
    network = matcher(synonyms, [MAYA, TOM, ANNA], **{kind: value})

    for contact in (1, 2, 3):
        assert pair not in pairs_of(network.suggest_for(contact))
    assert pair not in pairs_of(network.suggest_all())
    # The third person, who offers the same, is still suggested to Maya.
    assert pairs_of(network.suggest_for(1)) == {frozenset({1, 3})}


def test_excluded_pairs_never_appear_in_a_large_network(synonyms: SynonymTable) -> None:
    profiles = network_profiles()
    baseline = matcher(synonyms, profiles)
    suggested = pairs_of(baseline.suggest_all(limit=100))
    rng = random.Random(5)
    known, introduced, dismissed = (
        set(rng.sample(sorted(suggested, key=sorted), 5)) for _ in "abc"
    )
    network = matcher(
        synonyms,
        profiles,
        known_pairs=frozenset(known),
        introduced=dict.fromkeys(introduced, 1),
        dismissed=frozenset(dismissed),
    )
    excluded = known | introduced | dismissed

    assert not excluded & pairs_of(network.suggest_all(limit=100))
    for profile in profiles:
        assert not excluded & pairs_of(network.suggest_for(profile.contact_id, limit=100))


def test_a_contact_is_never_paired_with_themself(synonyms: SynonymTable) -> None:
    selfish = Profile(9, "Sol", asks=("a bookkeeper",), offers=("bookkeeping",))
    network = matcher(synonyms, [selfish])

    assert network.suggest_for(9) == []
    assert network.suggest_all() == []


def test_reason_names_people_ask_offer_and_shared_event(synonyms: SynonymTable) -> None:
    match = matcher(synonyms, [MAYA, replace(TOM, asks=())]).suggest_for(2)[0]

    assert "Maya Patel" in match.reason and "Tom Reed" in match.reason
    assert "a cartoonist for short films" in match.reason
    assert "animation and illustration for film" in match.reason
    assert "Leeds Digital Breakfast" in match.reason
    assert "looking for looking for" not in match.reason


def two_equal_helpers(**changes: object) -> list[Profile]:
    asker = Profile(1, "Asha", asks=("a bookkeeper",))
    first = Profile(2, "Bea", offers=("bookkeeping for small firms",))
    second = Profile(3, "Cal", offers=("bookkeeping for small firms",))
    return [asker, first, replace(second, **changes)]  # type: ignore[arg-type]


def order(network: IntroductionMatcher) -> list[int]:
    return [match.b_id for match in network.suggest_for(1)]


def test_equal_helpers_are_ordered_by_id(synonyms: SynonymTable) -> None:
    assert order(matcher(synonyms, two_equal_helpers())) == [2, 3]


def test_reciprocity_lifts_the_helper_the_user_owes(synonyms: SynonymTable) -> None:
    network = matcher(synonyms, two_equal_helpers(), owed={3: 2})

    assert order(network) == [3, 2]
    assert network.suggest_for(1)[0].reason.endswith("return a favour you owe Cal.")


def test_a_debt_the_user_is_owed_does_not_count(synonyms: SynonymTable) -> None:
    assert order(matcher(synonyms, two_equal_helpers(), owed={3: -4})) == [2, 3]


def test_recently_met_helper_comes_first(synonyms: SynonymTable) -> None:
    profiles = two_equal_helpers(last_met=NOW - timedelta(days=3))
    profiles[1] = replace(profiles[1], last_met=NOW - timedelta(days=400))

    assert order(matcher(synonyms, profiles)) == [3, 2]


def test_often_introduced_helper_comes_last(synonyms: SynonymTable) -> None:
    network = matcher(synonyms, two_equal_helpers(), intro_counts={2: 4})

    assert order(network) == [3, 2]


def test_intros_counted_from_past_pairs_also_penalise(synonyms: SynonymTable) -> None:
    profiles = [*two_equal_helpers(), Profile(4, "Dee"), Profile(5, "Eli")]
    network = matcher(synonyms, profiles, introduced={frozenset({2, 4}): 2, frozenset({2, 5}): 1})

    assert order(network) == [3, 2]


def test_shared_context_lifts_a_helper(synonyms: SynonymTable) -> None:
    profiles = two_equal_helpers(tags=frozenset({"Design"}))
    profiles[0] = replace(profiles[0], tags=frozenset({"design"}))
    network = matcher(synonyms, profiles)

    assert order(network) == [3, 2]
    assert network.suggest_for(1)[0].shared == ("Both are tagged design",)


def test_unknown_contact_gets_no_suggestions(synonyms: SynonymTable) -> None:
    assert matcher(synonyms, [MAYA, TOM]).suggest_for(99) == []


def test_update_and_remove_change_suggestions(synonyms: SynonymTable) -> None:
    network = matcher(synonyms, [MAYA, TOM, ANNA])

    network.remove(2)
    assert pairs_of(network.suggest_for(1)) == {frozenset({1, 3})}

    network.update(replace(ANNA, offers=("Yoga classes",)))
    assert network.suggest_for(1) == []

    network.update(TOM)
    assert pairs_of(network.suggest_for(1)) == {frozenset({1, 2})}


def random_network(seed: int, size: int) -> tuple[list[Profile], NetworkContext]:
    rng = random.Random(seed)
    subjects = ["bookkeeping", "python developer", "office space", "seed investor", "film"]
    subjects += ["photography", "translation", "legal advice", "recruiting", "seo", "design"]
    settings = ["", " for startups", " in Leeds", " for charities", " for film"]
    profiles = [
        Profile(
            cid,
            f"Person {cid}",
            asks=tuple(
                rng.choice(subjects) + rng.choice(settings) for _ in range(rng.randrange(3))
            ),
            offers=tuple(
                rng.choice(subjects) + rng.choice(settings) for _ in range(rng.randrange(3))
            ),
            tags=frozenset(rng.sample(["a", "b", "c", "d"], rng.randrange(3))),
            org=rng.choice([None, "Acme", "Globex"]),
            location=rng.choice([None, "Leeds", "York"]),
            event_ids=frozenset(rng.sample(range(10), rng.randrange(3))),
            last_met=rng.choice([None, NOW - timedelta(days=rng.randrange(500))]),
        )
        for cid in range(1, size + 1)
    ]
    pairs = [frozenset(rng.sample(range(1, size + 1), 2)) for _ in range(3 * size)]
    context = NetworkContext(
        now=NOW,
        known_pairs=frozenset(pairs[:size]),
        introduced=dict.fromkeys(pairs[size : 2 * size], 1),
        dismissed=frozenset(pairs[2 * size :]),
        owed={cid: rng.randint(-2, 3) for cid in rng.sample(range(1, size + 1), size // 10)},
        intro_counts={cid: rng.randint(0, 3) for cid in rng.sample(range(1, size + 1), size // 10)},
    )
    return profiles, context


@pytest.mark.parametrize("seed", [1, 2, 3, 4, 5, 6])
def test_pruned_search_returns_exactly_the_best_pairs(synonyms: SynonymTable, seed: int) -> None:
    profiles, context = random_network(seed, 150)
    network = IntroductionMatcher(profiles, context, synonyms=synonyms)
    everything = {
        frozenset({m.a_id, m.b_id}): m.score
        for profile in profiles
        for m in network.suggest_for(profile.contact_id, limit=10_000)
    }
    best = sorted(everything.items(), key=lambda item: (-item[1], sorted(item[0])))[:25]

    found = network.suggest_all(25)

    assert [frozenset({m.a_id, m.b_id}) for m in found] == [pair for pair, _ in best]
    for profile in profiles[:40]:
        full = network.suggest_for(profile.contact_id, limit=10_000)
        assert network.suggest_for(profile.contact_id, limit=5) == full[:5]


@pytest.mark.parametrize(
    "changes", [{"tag_credit": -0.1}, {"relevance_weight": 0.0}, {"recency_half_life_days": 0.0}]
)
def test_weights_that_cannot_work_are_refused(changes: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=r"must be positive|cannot be negative"):
        MatchWeights(**changes)


def test_a_naive_last_met_is_taken_as_utc(synonyms: SynonymTable) -> None:
    naive = (NOW - timedelta(days=3)).replace(tzinfo=None)
    profiles = two_equal_helpers(last_met=naive)

    assert order(matcher(synonyms, profiles)) == [3, 2]
