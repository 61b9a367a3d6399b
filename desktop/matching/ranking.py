"""Keep the best k pairs while candidates stream in."""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Sequence
from typing import Protocol, TypeVar

Pair = tuple[int, int]


class _Paired(Protocol):
    @property
    def a_id(self) -> int: ...
    @property
    def b_id(self) -> int: ...
    @property
    def score(self) -> float: ...


M = TypeVar("M", bound=_Paired)


def pair_key(first: int, second: int) -> Pair:
    """Return the unordered pair of two contact ids as an ordered tuple."""
    return (first, second) if first < second else (second, first)


class TopPairs:
    """The k best-scoring pairs seen so far, and the score a newcomer must beat.

    Ties go to the pair with the smaller ids, so results do not depend on the order
    in which candidates arrive.
    """

    def __init__(self, limit: int) -> None:
        """Keep at most `limit` pairs."""
        self._limit = max(0, limit)
        self._heap: list[tuple[float, tuple[int, int], Pair]] = []
        self.threshold = float("-inf") if self._limit else float("inf")

    def offer(self, score: float, pair: Pair) -> None:
        """Consider a pair with its score."""
        entry = (score, (-pair[0], -pair[1]), pair)
        if len(self._heap) < self._limit:
            heapq.heappush(self._heap, entry)
            if len(self._heap) == self._limit:
                self.threshold = self._heap[0][0]
        elif entry > self._heap[0]:
            heapq.heapreplace(self._heap, entry)
            self.threshold = self._heap[0][0]

    def best(self) -> list[tuple[float, Pair]]:
        """Return the pairs kept, best first."""
        return [(score, pair) for score, _order, pair in sorted(self._heap, reverse=True)]


# How many suggestions one person may take in a network-wide list before others go first.
PER_PERSON = 2
# A network-wide list is chosen from this many times as many of the best pairs.
SPREAD_POOL = 3


def spread(matches: Sequence[M], limit: int, per_person: int = PER_PERSON) -> list[M]:
    """Return up to `limit` matches, best first, with no one in more than `per_person`.

    A network-wide list where one well-connected helper fills half the places is less
    useful than one that reaches more people. Pairs held back are used, best first,
    only when there are not enough others to fill the list.
    """
    chosen: list[M] = []
    held: list[M] = []
    seen: Counter[int] = Counter()
    for match in matches:
        if len(chosen) == limit:
            break
        if seen[match.a_id] < per_person and seen[match.b_id] < per_person:
            seen.update((match.a_id, match.b_id))
            chosen.append(match)
        else:
            held.append(match)
    if len(chosen) < limit:
        chosen.extend(held[: limit - len(chosen)])
        chosen.sort(key=lambda match: -match.score)
    return chosen
