"""Introduction suggestions from the vault, with the matcher kept between calls.

Building the matcher means reading every ask and offer and indexing them, which takes
about a second on a large vault; asking it takes milliseconds. So the matcher is
kept, and before each question two cheap change stamps say whether the vault moved
since it was built. Profiles and context are stamped apart: a new introduction or
favour (the usual change while working through suggestions) rebuilds the matcher
from the profiles already read, without reading them again.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TypeVar, cast

from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import ValidationError
from desktop.matching import (
    DEFAULT_WEIGHTS,
    IntroductionMatcher,
    Match,
    MatchWeights,
    Profile,
    Stemmer,
    SynonymTable,
    load_synonyms,
)
from desktop.queries.contacts import get_contact
from desktop.queries.matching_inputs import (
    Stamp,
    context_stamp,
    load_context,
    load_profiles,
    profile_stamp,
)
from desktop.services.followup_freshness import Stamp as ConnectionStamp
from desktop.services.followup_freshness import stamp as connection_stamp

R = TypeVar("R")
# Pooled connections are few; remembering a handful covers them all.
_CONNECTIONS_REMEMBERED = 8


@dataclass(frozen=True)
class Suggestion:
    """Two contacts who should meet, and why.

    `a` is the contact asked about (for one contact's suggestions), otherwise the one
    whose ask is met. `asker_id` and `offerer_id` say which way the help goes.
    """

    a_id: int
    a: str
    b_id: int
    b: str
    score: float
    reason: str
    ask: str
    offer: str
    shared: tuple[str, ...]
    asker_id: int
    offerer_id: int


@dataclass(frozen=True)
class Helper:
    """A contact whose offer meets a need the user typed."""

    contact_id: int
    name: str
    score: float
    offer: str
    reason: str


@dataclass(frozen=True)
class ContactMatches:
    """For one contact: who could help them, and whom they could help."""

    contact_id: int
    could_help_them: tuple[Suggestion, ...]
    they_could_help: tuple[Suggestion, ...]
    # Whether they have an active ask / offer at all: an empty list then means that
    # nobody matches it yet, rather than that there is nothing to match.
    has_asks: bool = False
    has_offers: bool = False


def suggestion_of(match: Match) -> Suggestion:
    """Turn a matcher result into the service's record."""
    return Suggestion(
        a_id=match.a_id,
        a=match.a_name,
        b_id=match.b_id,
        b=match.b_name,
        score=match.score,
        reason=match.reason,
        ask=match.ask,
        offer=match.offer,
        shared=match.shared,
        asker_id=match.asker_id,
        offerer_id=match.offerer_id,
    )


def check_limit(limit: int) -> int:
    """Return `limit` if it is a sensible number of results."""
    if not 1 <= limit <= 1000:
        raise ValidationError(f"Ask for 1 to 1000 results, not {limit}.")
    return limit


@dataclass(frozen=True)
class _Built:
    profiles: Stamp
    context: Stamp
    day: date
    matcher: IntroductionMatcher
    # Answers worth keeping while the matcher holds (the network-wide top takes
    # half a second on a large vault), by the key the caller gave.
    answers: dict[Hashable, object] = field(default_factory=dict)


class SuggestionEngine:
    """Answers matching questions from a matcher rebuilt only when the vault changed."""

    def __init__(
        self,
        sessions: sessionmaker[Session],
        *,
        synonyms: SynonymTable | None = None,
        weights: MatchWeights = DEFAULT_WEIGHTS,
    ) -> None:
        self._sessions = sessions
        self._synonyms = synonyms
        self._weights = weights
        # The matcher fills caches as it answers, so one question at a time; the
        # lock also keeps two workers from building it twice.
        self._lock = threading.Lock()
        self._profiles: tuple[Stamp, date, list[Profile]] | None = None
        # Connection -> its last quick stamp and the table stamps read then.
        self._seen: dict[object, tuple[ConnectionStamp, Stamp, Stamp]] = {}
        self._built: _Built | None = None
        self.builds = 0

    def ask(
        self,
        now: datetime,
        question: Callable[[IntroductionMatcher], R],
        *,
        about: int | None = None,
        keep_as: Hashable = None,
    ) -> R:
        """Run `question` on a matcher current at `now`.

        Args:
            now: The moment the answer is for.
            question: What to ask the matcher.
            about: A contact the question is about, who must exist.
            keep_as: A key to keep the answer under until the matcher is rebuilt.
        """
        with self._lock:
            with self._sessions() as session:
                if about is not None:
                    get_contact(session, about)
                built = self._current(session, now)
            if keep_as is not None and keep_as in built.answers:
                return cast(R, built.answers[keep_as])
            answer = question(built.matcher)
            if keep_as is not None:
                built.answers[keep_as] = answer
            return answer

    def forget(self) -> None:
        """Drop the matcher, so the next question rebuilds it."""
        with self._lock:
            self._profiles = None
            self._built = None
            self._seen.clear()

    def _stamps(self, session: Session) -> tuple[Stamp, Stamp]:
        """Return the profile and context stamps, reading them only if anything was written.

        SQLite says cheaply whether any row changed since this connection last looked
        (`followup_freshness.stamp`); only then are the tables summed again. The
        summing takes about 15 ms on a 10,000-contact vault, the check well under one.
        """
        quick = connection_stamp(session)
        known = self._seen.get(quick.connection)
        if known is not None and known[0] == quick:
            return known[1], known[2]
        stamps = profile_stamp(session), context_stamp(session)
        if len(self._seen) >= _CONNECTIONS_REMEMBERED:
            self._seen.pop(next(iter(self._seen)))
        self._seen[quick.connection] = (quick, *stamps)
        return stamps

    def _current(self, session: Session, now: datetime) -> _Built:
        profiles_at, context_at = self._stamps(session)
        # Recency is counted in days, so a matcher built earlier today still holds.
        day = now.date()
        built = self._built
        if built is not None and (built.profiles, built.context, built.day) == (
            profiles_at,
            context_at,
            day,
        ):
            return built
        cached = self._profiles
        if cached is None or cached[:2] != (profiles_at, day):
            cached = (profiles_at, day, load_profiles(session, now))
            self._profiles = cached
        if self._synonyms is None:
            self._synonyms = load_synonyms(Stemmer())
        matcher = IntroductionMatcher(
            cached[2], load_context(session, now), synonyms=self._synonyms, weights=self._weights
        )
        self._built = _Built(profiles_at, context_at, day, matcher)
        self.builds += 1
        return self._built
