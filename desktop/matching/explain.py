"""Turn a scored pair or helper into a result a person can read."""

from __future__ import annotations

from desktop.matching.network import Pairing
from desktop.matching.phrasing import Wording, events_phrase, tags_phrase
from desktop.matching.profiles import HelperResult, Match, NetworkContext
from desktop.matching.scoring import ContactFacts


class Explainer:
    """Words for results: what is asked, what is offered, what the two share."""

    def __init__(self, context: NetworkContext, min_relevance: float, wording: Wording) -> None:
        """Explain within a network context (event names, favours owed)."""
        self._context = context
        self._min_relevance = min_relevance
        self._wording = wording

    def pair(
        self,
        score: float,
        first: ContactFacts,
        second: ContactFacts,
        forward: Pairing,
        backward: Pairing,
        *,
        asker_first: bool,
    ) -> Match:
        """Describe a pair; `forward` is first's ask met by second's offer.

        With `asker_first`, the asker of the better direction is reported as `a`;
        otherwise `first` is, whichever way the help goes.
        """
        if backward[0] > forward[0]:
            asker, offerer, (_, ask_at, offer_at), other = second, first, backward, forward
        else:
            asker, offerer, (_, ask_at, offer_at), other = first, second, forward, backward
        a, b = (asker, offerer) if asker_first else (first, second)
        ask, offer = asker.profile.asks[ask_at], offerer.profile.offers[offer_at]
        reverse = None
        if other[0] >= self._min_relevance:
            reverse = (offerer.profile.asks[other[1]], asker.profile.offers[other[2]])
        shared = self.shared(asker, offerer)
        owed = [facts.profile.name for facts in (asker, offerer) if facts.owed > 0.0]
        reason = self._wording.pair_reason(
            asker.profile.name,
            ask,
            offerer.profile.name,
            offer,
            shared=shared,
            reverse=reverse,
            owed=owed,
        )
        return Match(
            a_id=a.profile.contact_id,
            a_name=a.profile.name,
            b_id=b.profile.contact_id,
            b_name=b.profile.name,
            score=score,
            ask=ask,
            offer=offer,
            asker_id=asker.profile.contact_id,
            offerer_id=offerer.profile.contact_id,
            shared=shared,
            reason=reason,
        )

    def shared(self, a: ContactFacts, b: ContactFacts) -> tuple[str, ...]:
        """Return phrases for what two contacts share, the strongest first."""
        phrases: list[str] = []
        events = sorted(a.profile.event_ids & b.profile.event_ids, reverse=True)
        if events:
            # Later events (higher ids) are the ones the user remembers best.
            names = [self._context.event_names[e] for e in events if e in self._context.event_names]
            phrases.append(events_phrase(names))
        tags = [a.tags[key] for key in sorted(a.tags.keys() & b.tags.keys())]
        if tags:
            phrases.append(tags_phrase(tags))
        if a.org is not None and a.org == b.org and a.profile.org:
            phrases.append(f"Both work at {a.profile.org.strip()}")
        if a.place is not None and a.place == b.place and a.profile.location:
            phrases.append(f"Both are in {a.profile.location.split(',')[0].strip()}")
        return tuple(phrases)

    def helper(self, facts: ContactFacts, score: float, offer_at: int) -> HelperResult:
        """Describe a contact whose offer meets a typed need."""
        offer = facts.profile.offers[offer_at]
        return HelperResult(
            contact_id=facts.profile.contact_id,
            name=facts.profile.name,
            score=score,
            offer=offer,
            reason=self._wording.helper_reason(facts.profile.name, offer, owed=facts.owed > 0.0),
        )
