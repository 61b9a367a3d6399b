"""What the matcher is given and what it hands back: plain frozen records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType

_EMPTY_COUNTS: Mapping[int, int] = MappingProxyType({})
_EMPTY_PAIRS: Mapping[frozenset[int], int] = MappingProxyType({})
_EMPTY_FLOATS: Mapping[int, float] = MappingProxyType({})
_EMPTY_NAMES: Mapping[int, str] = MappingProxyType({})


@dataclass(frozen=True, slots=True)
class Profile:
    """One contact as the matcher sees them.

    Attributes:
        contact_id: The contact's id.
        name: Display name, used in reasons.
        asks: What they are looking for, as the user wrote it.
        offers: What they can help with, as the user wrote it.
        tags: Their tags.
        org: Organisation.
        location: Where they are ("Leeds", "Leeds, UK").
        event_ids: Events where the user met them.
        last_met: When the user last met them (aware or naive, like `NetworkContext.now`).
    """

    contact_id: int
    name: str
    asks: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    tags: frozenset[str] = frozenset()
    org: str | None = None
    location: str | None = None
    event_ids: frozenset[int] = frozenset()
    last_met: datetime | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class NetworkContext:
    """What the user's records say around the profiles.

    Attributes:
        now: The moment suggestions are computed for.
        known_pairs: Pairs who already know each other; never suggested.
        introduced: Pairs already introduced (any stage but dismissed) -> how many times;
            never suggested again.
        dismissed: Pairs the user dismissed; never suggested again.
        intro_counts: Contact id -> introductions they have been part of, including ones
            with people outside the profiles. A contact counts at least as many as the
            pairs in `introduced` that include them.
        owed: Contact id -> weighted favours the user owes them (received minus given);
            above zero means the user owes them.
        event_names: Event id -> name, for reasons ("You met both at ...").
    """

    now: datetime
    known_pairs: frozenset[frozenset[int]] = frozenset()
    introduced: Mapping[frozenset[int], int] = field(default_factory=lambda: _EMPTY_PAIRS)
    dismissed: frozenset[frozenset[int]] = frozenset()
    intro_counts: Mapping[int, int] = field(default_factory=lambda: _EMPTY_COUNTS)
    owed: Mapping[int, float] = field(default_factory=lambda: _EMPTY_FLOATS)
    event_names: Mapping[int, str] = field(default_factory=lambda: _EMPTY_NAMES)


@dataclass(frozen=True, slots=True)
class Match:
    """A suggested introduction between two contacts.

    Attributes:
        a_id: First contact (the one asked about, in `suggest_for`; else the asker).
        a_name: Their name.
        b_id: Second contact.
        b_name: Their name.
        score: 0..1; see `MatchWeights` for how it is made.
        ask: The ask that is met, as written.
        offer: The offer that meets it, as written.
        asker_id: Who made `ask`.
        offerer_id: Who made `offer`.
        shared: What the two share, as phrases ("You met both at the Leeds Digital
            Breakfast", "Both are tagged design", "Both are in Leeds").
        reason: The suggestion in words, for the user.
    """

    a_id: int
    a_name: str
    b_id: int
    b_name: str
    score: float
    ask: str
    offer: str
    asker_id: int
    offerer_id: int
    shared: tuple[str, ...]
    reason: str


@dataclass(frozen=True, slots=True)
class HelperResult:
    """A contact who could meet a need the user typed.

    Attributes:
        contact_id: The contact.
        name: Their name.
        score: 0..1; relevance, reciprocity and recency (see `MatchWeights`).
        offer: Their offer that meets the need, as written.
        reason: Why, in words.
    """

    contact_id: int
    name: str
    score: float
    offer: str
    reason: str
