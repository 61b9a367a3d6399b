"""Turn an ask or an offer into comparable word stems.

Asks and offers are short phrases written in a hurry ("need a bookkeeper!",
"bookkeeping for small firms"), so two phrasings of one idea must reduce to the same
stems. The snowball (Porter2) stemmer does most of that; a few extra rules join the
agent nouns it leaves apart ("investor" and "investing", "coder" and "coding").
"""

from __future__ import annotations

import re

import snowballstemmer

from desktop.normalise import fold


def word_set(words: str) -> frozenset[str]:
    """Return the whitespace-separated words of a string, as a set (for word lists)."""
    return frozenset(words.split())


STOPWORDS = word_set(
    """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by did do does doing down during each etc few for
    from further had has have having he her here hers herself him himself his how i id if
    im in into is it its itself ive just let lets me more most my myself no nor not now of
    off on once only or other our ours ourselves out over own per same she should so some
    such than that the their theirs them themselves then there these they this those
    through to too under until up very via was we were what when where which while who
    whom why will with would you your yours yourself yourselves dont cant wont isnt
    """
)

# Words that carry the shape of a request rather than its subject: "does anyone know
# someone who can help find..." says nothing about what is wanted.
FILLER_WORDS = word_set(
    """
    looking look seeking seek searching search need needs needed want wants wanted
    someone somebody anyone anybody everyone people person help helping helps find
    finding can could may might know knows knowing recommend recommendation
    recommendations introduce introduction introductions intro intros connect connected
    connection please thanks thank would like love keen interested hoping hope trying try
    get getting got good great reliable decent trusted experienced expert really
    offer offers offering offered provide provides providing available happy able
    willing us anyones lot lots kind sort type something thing things
    """
)

# In "a developer to build our MVP" or "journalist at the Yorkshire Post", what
# follows the first of these words qualifies the subject of a phrase rather than names it.
QUALIFIER_MARKERS = word_set(
    "for to on in at with near into from by about around across within via who that which"
)

# "co-working" is one word, not "co" plus "working": these never stand alone.
_PREFIXES = word_set("co e re pre non multi self sub anti ex post semi inter")

# Spellings folded to one form before stemming, since Porter2 keeps them apart.
_SPELLINGS = {
    "center": "centre",
    "centers": "centres",
    "theater": "theatre",
    "theaters": "theatres",
    "fiber": "fibre",
    "color": "colour",
    "colors": "colours",
    "favor": "favour",
    "favors": "favours",
}

# Words whose "-er"/"-or" is part of the word, not an agent suffix; stripping it would
# merge them with unrelated words ("career" with "care", "factor" with "fact").
_NOT_AGENT_NOUNS = word_set(
    """
    career corner paper water power tower order offer other cover letter matter master
    number winter summer silver river never ever over under after finger tiger super
    cyber ginger banner dinner manner hammer ladder proper monster poster chapter charter
    quarter factor mirror error horror terror corridor minor major motor colour
    """
)

_TOKEN = re.compile(r"[a-z]&[a-z](?![a-z0-9])|[a-z0-9]+(?:-[a-z0-9]+)*[+#]*")
_APOSTROPHES = re.compile(r"['\u2019\u2018`]")
_IZE = re.compile(r"iz(e|es|ed|ing|er|ers|ation|ations)$")
_SHORT_SYLLABLE = re.compile(r"^[^aeiouy]*[aeiouy][^aeiouywx]$")
_DOUBLES = word_set("bb dd ff gg mm nn pp rr tt")


def normalise(text: str) -> str:
    """Return text case-folded, without accents or apostrophes ("Café's" -> "cafes")."""
    # Most phrases are plain ASCII; decomposing them character by character for
    # accents that are not there dominated indexing time.
    folded = text.lower() if text.isascii() else fold(text)
    return _APOSTROPHES.sub("", folded)


def tokenise(text: str) -> list[str]:
    """Split text into normalised word tokens, in order.

    A hyphenated word is one word where a part cannot stand alone ("co-working",
    "start-up", "e-commerce" give "coworking", "startup", "ecommerce") and its parts
    otherwise ("web-design" gives "web", "design"). Single characters are dropped.
    """
    tokens: list[str] = []
    for match in _TOKEN.finditer(normalise(text)):
        word = match.group()
        if "-" in word:
            parts = word.split("-")
            if parts[0] in _PREFIXES or any(len(p) < 3 or p in STOPWORDS for p in parts):
                tokens.append("".join(parts))
            else:
                tokens.extend(parts)
        elif len(word) > 1:
            tokens.append(word)
    return tokens


def is_noise(token: str) -> bool:
    """Say whether a normalised token is a stopword or request filler."""
    return token in STOPWORDS or token in FILLER_WORDS


def looks_like_agent_noun(word: str) -> bool:
    """Say whether a normalised word names one person by role ("designer", "accountant")."""
    return (
        len(word) > 4
        and word.endswith(("er", "or", "ist", "ant", "ian"))
        and word not in _NOT_AGENT_NOUNS
        and word not in STOPWORDS
    )


class Stemmer:
    """English stemmer with agent-noun rules and a cache.

    Stemming is the costly step of indexing (tens of microseconds per word in pure
    Python) while a network uses a few thousand distinct words, so each word is
    stemmed once per Stemmer.
    """

    def __init__(self) -> None:
        self._snowball = snowballstemmer.stemmer("english")
        self._cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        """Return the stem of one normalised token."""
        cached = self._cache.get(word)
        if cached is None:
            cached = self._cache[word] = self._compute(word)
        return cached

    def _compute(self, word: str) -> str:
        word = _SPELLINGS.get(word, word)
        word = _IZE.sub(r"is\1", word)
        stem: str = self._snowball.stemWord(word)
        if word in _NOT_AGENT_NOUNS or stem in _NOT_AGENT_NOUNS:
            return stem
        return _conflate(stem)


def _conflate(stem: str) -> str:
    """Join stems Porter2 leaves apart: "partnership"/"partner", "coder"/"code"."""
    if stem.endswith("ship") and len(stem) >= 7:
        stem = stem[:-4]
    stripped = _strip_agent_suffix(stem)
    if stripped is not None:
        if stripped[-2:] in _DOUBLES:
            return stripped[:-1]
        # Porter2 gives "code" for "coding"; "coder" minus "er" must meet it there.
        return stripped + "e" if _SHORT_SYLLABLE.match(stripped) else stripped
    if stem[-2:] in _DOUBLES and len(stem) >= 5:
        # Porter2 strips "-er" before undoubling: "programmer" -> "programm". Short
        # words ("app", "add") are words, not such leftovers.
        return stem[:-1]
    if stem.endswith("i") and len(stem) >= 5:
        # Porter2 turns a final y into i: "photography" -> "photographi".
        return stem[:-1]
    return stem


def _strip_agent_suffix(stem: str) -> str | None:
    if stem.endswith("er") and len(stem) >= 5:
        return stem[:-2]
    if stem.endswith("or") and len(stem) >= 6:
        return stem[:-2]
    if stem.endswith("ist") and len(stem) >= 6 and stem[-4] not in "sx":
        return stem[:-3]
    return None
