"""Sentences that explain a suggestion, built from the user's own wording."""

from __future__ import annotations

import re
from collections.abc import Container, Iterable, Sequence
from itertools import takewhile

from desktop.matching.text import QUALIFIER_MARKERS, looks_like_agent_noun, word_set

_ASK_LEAD = re.compile(
    r"^(?:(?:i\s*am|i\s*['\u2019]?m|we\s*are|we\s*['\u2019]?re|is|are|am|currently|actively|"
    r"also|urgently)\s+)*"
    r"(?:looking|searching|hunting|on\s+the\s+hunt|in\s+search\s+of|seeking|needs?|"
    r"wants?|would\s+(?:like|love)|hoping\s+to\s+find|trying\s+to\s+find)\b(?:\s+for\b)?"
    r"\s*[:\-\u2013\u2014]?\s*",
    re.IGNORECASE,
)
_OFFER_CAN_OFFER = re.compile(
    r"^(?:(?:i|we|they|he|she)\s+)?(?:can|could)\s+(?:offer|provide)\s+", re.IGNORECASE
)
_OFFER_CAN = re.compile(
    r"^(?:(?:i|we|they|he|she)(?:\s+|(?=['\u2019])))?(?:(?:am|is|are|['\u2019]m|['\u2019]re)\s+)?"
    r"(?:can|could|happy\s+to|able\s+to|willing\s+to|glad\s+to)\s+",
    re.IGNORECASE,
)
_OFFER_OFFERS = re.compile(r"^(?:offers?|offering|provides?|providing)\s+", re.IGNORECASE)
_OFFER_HELP = re.compile(r"^helps?\s+(?=with\b|on\b|to\b)", re.IGNORECASE)
# Offers often start with what the person does ("Runs a coworking space"), which
# reads well after their name as it stands.
_THIRD_PERSON = word_set(
    """
    runs owns has knows teaches writes builds does manages leads organises organizes
    works specialises specializes makes designs coaches mentors hosts invests advises
    trains sells buys funds helps edits translates shoots photographs films records
    """
)
_DETERMINERS = word_set("a an the our my their his her its some new more up out")
_QUANTIFIERS = word_set("any another one two three four five several few many more")
_YOO = ("uni", "use", "usu", "uti", "ure", "uro")
_TRAILING = " \t.!?;:,"
_WORD = re.compile(r"[^\W\d_][\w'\u2019-]*")
_LANGUAGES = word_set(
    """
    english french spanish german italian portuguese dutch polish russian ukrainian
    arabic hebrew turkish greek chinese mandarin cantonese japanese korean hindi urdu
    bengali punjabi welsh irish scottish gaelic swedish norwegian danish finnish
    british european american african asian latin
    """
)


class Wording:
    """Turns asks and offers, as the user wrote them, into sentences about people.

    A phrase's first word is lower-cased to sit mid-sentence ("Cartoonist for films"
    becomes "... is looking for a cartoonist for films") unless it is a proper noun:
    a language, or a word the user capitalises elsewhere ("Python", "Leeds").
    """

    def __init__(self, proper_nouns: Container[str] = frozenset()) -> None:
        """Keep the capitals of these folded words (and of languages)."""
        self._proper_nouns = proper_nouns

    def ask_clause(self, ask: str) -> str:
        """Return what follows a name for an ask: "is looking for a cartoonist"."""
        text = _tidy(ask)
        rest = _ASK_LEAD.sub("", text, count=1) or text
        # After "looking for" the user's own mid-sentence capitals stand as written.
        text = rest if rest != text else self._lower_first(text)
        words = text.split()
        if not words:
            return "is looking for help"
        if words[0].lower() == "to" and len(words) > 1:
            return f"is looking {text}"
        if len(words) > 1 and words[0].lower().endswith("ing") and words[1].lower() in _DETERMINERS:
            # "raising a seed round" is an activity, so it needs help, not finding.
            return f"is looking for help with {text}"
        return f"is looking for {_with_indefinite_article(words, text)}"

    def offer_clause(self, offer: str) -> str:
        """Return what follows a name for an offer: "offers animation for film"."""
        text = _tidy(offer)
        for pattern, lead in ((_OFFER_CAN_OFFER, "offers"), (_OFFER_CAN, "can")):
            rest = pattern.sub("", text, count=1)
            if rest and rest != text:
                return f"{lead} {rest}"
        rest = _OFFER_OFFERS.sub("", text, count=1)
        if rest and rest != text:
            return f"offers {rest}"
        rest = _OFFER_HELP.sub("", text, count=1)
        if rest and rest != text:
            return f"can help {rest}"
        text = self._lower_first(text)
        if not text:
            return "offers help"
        if text.split()[0] in _THIRD_PERSON:
            return text
        return f"offers {text}"

    def pair_reason(
        self,
        asker: str,
        ask: str,
        offerer: str,
        offer: str,
        *,
        shared: Sequence[str] = (),
        reverse: tuple[str, str] | None = None,
        owed: Sequence[str] = (),
    ) -> str:
        """Explain a suggested introduction.

        Args:
            asker: Name of the contact whose ask is met.
            ask: Their ask, as written.
            offerer: Name of the contact whose offer meets it.
            offer: Their offer, as written.
            shared: Phrases for the context both share ("You met both at ...").
            reverse: (ask of the offerer, offer of the asker) when the pair also helps
                the other way round.
            owed: Names of those in the pair the user owes a favour.
        """
        sentences = [f"{asker} {self.ask_clause(ask)}; {offerer} {self.offer_clause(offer)}."]
        if reverse is not None:
            back_ask, back_offer = reverse
            back = f"{offerer} {self.ask_clause(back_ask)}"
            sentences.append(f"In return, {back} and {asker} {self.offer_clause(back_offer)}.")
        if shared:
            parts = [shared[0]] + [self._lower_first(part) for part in shared[1:]]
            sentences.append(_join_and(parts) + ".")
        if owed:
            sentences.append(f"Introducing them would return a favour you owe {_join_and(owed)}.")
        return " ".join(sentences)

    def helper_reason(self, name: str, offer: str, *, owed: bool) -> str:
        """Explain why a contact could meet a need the user typed."""
        reason = f"{name} {self.offer_clause(offer)}."
        return reason + " You owe them a favour." if owed else reason

    def _lower_first(self, text: str) -> str:
        first = text.split(" ", 1)[0]
        # "VC intros" and "iOS" keep their capitals, being no plain capitalised word.
        if len(first) < 2 or not first[0].isupper() or not first[1:].islower():
            return text
        word = first.strip(_TRAILING).lower()
        if word in _LANGUAGES or word in self._proper_nouns:
            return text
        return text[0].lower() + text[1:]


def proper_nouns(texts: Iterable[str], names: Iterable[str] = ()) -> set[str]:
    """Return the folded words capitalised after the start of texts, and those of names."""
    found = {word.lower() for name in names for word in _WORD.findall(name)}
    for text in texts:
        rest = text[1:]
        if rest != rest.lower():
            found.update(word.lower() for word in _WORD.findall(text)[1:] if word[0].isupper())
    return found


def events_phrase(names: Sequence[str]) -> str:
    """Return "You met both at the Leeds Digital Breakfast" for shared events."""
    if not names:
        return "You met both at the same event"
    places = [_with_article(name) for name in names[:2]]
    if len(names) > 2:
        return f"You met both at {places[0]} and {len(names) - 1} other events"
    return "You met both at " + " and ".join(places)


def tags_phrase(tags: Sequence[str]) -> str:
    """Return "Both are tagged design and fintech"."""
    return "Both are tagged " + _join_and(list(tags))


def _tidy(text: str) -> str:
    return " ".join(text.split()).strip(_TRAILING) or text.strip()


def _with_indefinite_article(words: Sequence[str], text: str) -> str:
    """Return "a photographer for headshots" for "photographer for headshots"."""
    first = words[0].lower()
    if first in _DETERMINERS or first in _QUANTIFIERS or first[0].isdigit():
        return text
    subject = list(takewhile(lambda word: word.lower() not in QUALIFIER_MARKERS, words))
    head = subject[-1].strip(_TRAILING).lower() if subject else ""
    if not looks_like_agent_noun(head):
        return text
    first_word = words[0]
    if first_word.isupper() and len(first_word) <= 5:
        # An acronym is read letter by letter: "an SEO consultant", "a UX designer".
        vowel_sound = first_word[0] in "AEFHILMNORSX"
    else:
        vowel_sound = first[0] in "aeio" or (first[0] == "u" and not first.startswith(_YOO))
    return f"{'an' if vowel_sound else 'a'} {text}"


def _with_article(name: str) -> str:
    first = name.split(" ", 1)[0].lower()
    if first in {"the", "a", "an"} or first.endswith(("'s", "\u2019s")):
        return name
    return f"the {name}"


def _join_and(items: Sequence[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]
