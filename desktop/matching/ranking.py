"""Keep the best k pairs while candidates stream in."""

from __future__ import annotations

import heapq

Pair = tuple[int, int]


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
