"""Introductions: who should meet whom, and each introduction from proposal to outcome.

Stages: proposed (the user means to introduce two people) -> asked (each side asked
whether they want it, double opt-in) -> made (the introduction email went out; a
favour given to each side is recorded, and the follow-up rules check in later) ->
outcome (how it went). Any open introduction can be dismissed. A pair the user says
"not now" to is stored as a dismissed introduction, so it is never suggested again.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.orm import Session, sessionmaker

from desktop.errors import ValidationError
from desktop.matching import SynonymTable
from desktop.matching.ranking import SPREAD_POOL, spread
from desktop.queries.contacts import get_contact
from desktop.queries.introductions import (
    OPEN_STAGES,
    IntroductionRecord,
    first_email,
    get_introduction,
    introduction_record,
    introduction_records,
    pair_introductions,
)
from desktop.services.intro_checks import (
    answer_words,
    check_pair,
    clean,
    moment_of,
    require_stage,
)
from desktop.services.intro_email import IntroEmail, Person, compose
from desktop.services.intro_suggestions import (
    ContactMatches,
    Helper,
    Suggestion,
    SuggestionEngine,
    check_limit,
    suggestion_of,
)
from storage.models import INTRO_STAGES, Contact, Favour, Introduction

__all__ = [
    "ContactMatches",
    "Helper",
    "IntroEmail",
    "IntroductionRecord",
    "IntroductionService",
    "Suggestion",
]

_FAVOUR_SIZE = "medium"


def _person(session: Session, contact: Contact) -> Person:
    return Person(
        contact.name,
        contact.given_name,
        contact.title,
        contact.org,
        first_email(session, contact.id),
    )


class IntroductionService:
    """Use cases about introductions: suggest, track through the stages, draft the email."""

    def __init__(
        self, sessions: sessionmaker[Session], *, synonyms: SynonymTable | None = None
    ) -> None:
        self._sessions = sessions
        self._engine = SuggestionEngine(sessions, synonyms=synonyms)

    # -- suggestions ------------------------------------------------------------------

    @property
    def matcher_builds(self) -> int:
        """Return how many times the matcher was built (it is kept while the vault is still)."""
        return self._engine.builds

    def suggest(
        self, contact_id: int | None = None, limit: int = 10, now: datetime | None = None
    ) -> list[Suggestion]:
        """Return the best introductions for one contact, or across the network.

        For one contact, they are always `a`, whichever way the help goes; across the
        network, `a` is the one whose ask is met, and no one takes more than two places
        while others could fill them (`ranking.spread`). Pairs who already know each
        other, were introduced before or were dismissed never appear.
        """
        check_limit(limit)
        if contact_id is None:
            matches = self._engine.ask(
                moment_of(now),
                lambda m: spread(m.suggest_all(limit * SPREAD_POOL), limit),
                keep_as=("all", limit),
            )
        else:
            matches = self._engine.ask(
                moment_of(now), lambda m: m.suggest_for(contact_id, limit), about=contact_id
            )
        return [suggestion_of(match) for match in matches]

    def who_can_help(
        self, need: str, limit: int = 10, exclude: int | None = None, now: datetime | None = None
    ) -> list[Helper]:
        """Return contacts whose offers meet a need in the user's words, best first."""
        text = clean(need)
        if not text:
            raise ValidationError("Say what you need help with, in a few words.")
        check_limit(limit)
        found = self._engine.ask(moment_of(now), lambda m: m.who_can_help(text, limit, exclude))
        return [Helper(h.contact_id, h.name, h.score, h.offer, h.reason) for h in found]

    def contact_matches(
        self, contact_id: int, limit: int = 5, now: datetime | None = None
    ) -> ContactMatches:
        """Return who could help a contact with their asks, and whom their offers could help."""
        check_limit(limit)
        # A pair shows once, in the direction that matches best, so ask for more than
        # `limit` to fill both lists.
        matches, profile = self._engine.ask(
            moment_of(now),
            lambda m: (m.suggest_for(contact_id, limit * 4), m.profile(contact_id)),
            about=contact_id,
        )
        found = [suggestion_of(match) for match in matches]
        helpers = tuple(s for s in found if s.asker_id == contact_id)[:limit]
        helped = tuple(s for s in found if s.offerer_id == contact_id)[:limit]
        return ContactMatches(
            contact_id,
            helpers,
            helped,
            has_asks=bool(profile and profile.asks),
            has_offers=bool(profile and profile.offers),
        )

    def _suggested_reason(self, a_id: int, b_id: int, now: datetime) -> str:
        matches = self._engine.ask(now, lambda m: m.suggest_for(a_id, 200), about=a_id)
        return next((m.reason for m in matches if m.b_id == b_id), "")

    # -- tracking ---------------------------------------------------------------------

    def propose(
        self, a_id: int, b_id: int, reason: str = "", now: datetime | None = None
    ) -> IntroductionRecord:
        """Start an introduction between two people who do not know each other yet.

        Without a reason, the matcher's reason for the pair is used when it has one.
        """
        if a_id == b_id:
            raise ValidationError("An introduction needs two different people.")
        moment = moment_of(now)
        text = clean(reason)
        with self._sessions() as session:
            check_pair(session, a_id, b_id)
        if not text:
            text = self._suggested_reason(a_id, b_id, moment)
        with self._sessions.begin() as session:
            a, b = check_pair(session, a_id, b_id)
            suggested = [
                i for i in pair_introductions(session, a_id, b_id) if i.stage == "suggested"
            ]
            if suggested:
                intro = suggested[0]
                intro.stage, intro.reason = "proposed", text or intro.reason
            else:
                intro = Introduction(
                    contact_a_id=a.id, contact_b_id=b.id, reason=text, stage="proposed"
                )
                session.add(intro)
            session.flush()
            return introduction_record(session, intro.id)

    def dismiss_pair(self, a_id: int, b_id: int, reason: str = "") -> IntroductionRecord:
        """Never suggest these two again ("not now"); saying it twice changes nothing."""
        if a_id == b_id:
            raise ValidationError("An introduction needs two different people.")
        with self._sessions.begin() as session:
            a, b = get_contact(session, a_id), get_contact(session, b_id)
            for intro in pair_introductions(session, a_id, b_id):
                if intro.stage == "dismissed":
                    return introduction_record(session, intro.id)
            intro = Introduction(
                contact_a_id=a.id, contact_b_id=b.id, reason=clean(reason), stage="dismissed"
            )
            session.add(intro)
            session.flush()
            return introduction_record(session, intro.id)

    def ask(
        self, intro_id: int, side: str, agreed: bool | None = None, now: datetime | None = None
    ) -> IntroductionRecord:
        """Note that one side was asked whether they want the introduction, and their answer.

        `side` is "a" or "b"; `agreed` is their answer, or None while they have not
        answered. Asking again keeps the time of the first ask.
        """
        if side not in ("a", "b"):
            raise ValidationError(f"The side is 'a' or 'b', not {side!r}.")
        moment = moment_of(now)
        with self._sessions.begin() as session:
            intro = get_introduction(session, intro_id)
            require_stage(intro, ("suggested", "proposed", "asked"), "asked about")
            if side == "a":
                intro.asked_a_at = intro.asked_a_at or moment
                intro.a_agreed = agreed if agreed is not None else intro.a_agreed
            else:
                intro.asked_b_at = intro.asked_b_at or moment
                intro.b_agreed = agreed if agreed is not None else intro.b_agreed
            intro.stage = "asked"
            return introduction_record(session, intro.id)

    def make(
        self, intro_id: int, now: datetime | None = None, *, force: bool = False
    ) -> IntroductionRecord:
        """Mark an introduction made, and record it as a favour given to each side.

        Both sides must have agreed first, unless `force` (the user knows they want it).
        The follow-up rules then remind the user to check in on how it went.
        """
        moment = moment_of(now)
        with self._sessions.begin() as session:
            intro = get_introduction(session, intro_id)
            if intro.stage == "made":
                raise ValidationError(f"Introduction {intro.id} is already made.")
            require_stage(intro, ("suggested", "proposed", "asked"), "made")
            a, b = (
                get_contact(session, intro.contact_a_id),
                get_contact(session, intro.contact_b_id),
            )
            if not force and not (intro.a_agreed and intro.b_agreed):
                answers = " and ".join(
                    answer_words(c.name, agreed)
                    for c, agreed in ((a, intro.a_agreed), (b, intro.b_agreed))
                )
                raise ValidationError(
                    f"Both have to agree before the introduction is made: {answers}."
                )
            intro.stage, intro.made_at = "made", moment
            day = moment.astimezone().date()
            for contact, other in ((a, b), (b, a)):
                session.add(
                    Favour(
                        contact=contact,
                        direction="given",
                        description=f"Introduced to {other.name}",
                        occurred_on=day,
                        size=_FAVOUR_SIZE,
                        status="done",
                        introduction_id=intro.id,
                    )
                )
            return introduction_record(session, intro.id)

    def record_outcome(self, intro_id: int, note: str, worked: bool) -> IntroductionRecord:
        """Note how a made introduction turned out; saying it again replaces the note."""
        text = clean(note)
        if not text:
            raise ValidationError("Say in a few words how the introduction went.")
        with self._sessions.begin() as session:
            intro = get_introduction(session, intro_id)
            require_stage(intro, ("made", "outcome"), "given an outcome yet")
            intro.stage, intro.outcome_note, intro.outcome_worked = "outcome", text, worked
            return introduction_record(session, intro.id)

    def dismiss(self, intro_id: int) -> IntroductionRecord:
        """Drop an introduction that is not going ahead; the pair is not suggested again."""
        with self._sessions.begin() as session:
            intro = get_introduction(session, intro_id)
            if intro.stage != "dismissed":
                require_stage(intro, OPEN_STAGES, "dismissed")
                intro.stage = "dismissed"
            return introduction_record(session, intro.id)

    # -- reading ----------------------------------------------------------------------

    def get(self, intro_id: int) -> IntroductionRecord:
        """Return one introduction."""
        with self._sessions() as session:
            return introduction_record(session, intro_id)

    def list_introductions(
        self, stage: str | None = None, *, include_dismissed: bool = False
    ) -> list[IntroductionRecord]:
        """Return introductions at one stage, or all but dismissed ones; latest change first."""
        if stage is not None and stage not in INTRO_STAGES:
            raise ValidationError(f"The stage is one of {', '.join(INTRO_STAGES)}, not {stage!r}.")
        with self._sessions() as session:
            if stage is not None:
                return introduction_records(session, Introduction.stage == stage)
            if include_dismissed:
                return introduction_records(session)
            return introduction_records(session, Introduction.stage != "dismissed")

    def draft_email(self, intro_id: int) -> IntroEmail:
        """Write the email that introduces the two people, ready for the mail program."""
        with self._sessions() as session:
            intro = get_introduction(session, intro_id)
            a, b = (
                get_contact(session, intro.contact_a_id),
                get_contact(session, intro.contact_b_id),
            )
            return compose(_person(session, a), _person(session, b), intro.reason)
