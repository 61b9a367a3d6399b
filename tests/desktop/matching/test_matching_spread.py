"""Spreading a network-wide list of suggestions over more people."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.matching.ranking import spread


@dataclass(frozen=True)
class Pairing:
    a_id: int
    b_id: int
    score: float


def test_no_one_takes_more_than_two_places_while_others_can() -> None:
    star = [Pairing(1, n, 0.9 - n / 100) for n in range(2, 8)]
    others = [Pairing(10, 11, 0.5), Pairing(12, 13, 0.4)]
    chosen = spread(star + others, 4)
    assert chosen == [star[0], star[1], others[0], others[1]]


def test_held_back_pairs_fill_the_list_when_nothing_else_is_left() -> None:
    star = [Pairing(1, n, 0.9 - n / 100) for n in range(2, 6)]
    other = Pairing(10, 11, 0.85)
    chosen = spread([*star[:2], other, *star[2:]], 5)
    assert chosen == [star[0], star[1], star[2], other, star[3]]
    assert [p.score for p in chosen] == sorted((p.score for p in chosen), reverse=True)


def test_the_limit_and_an_empty_list_are_respected() -> None:
    pairs = [Pairing(n, n + 100, 1 - n / 10) for n in range(5)]
    assert spread(pairs, 3) == pairs[:3]
    assert spread([], 3) == []
