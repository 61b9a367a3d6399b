"""Introduction matching: who in the network can meet whose ask, and why.

Qt-free and database-free: a service builds `Profile` records and a `NetworkContext`
from the vault and asks an `IntroductionMatcher` for suggestions.
"""

from desktop.matching.matcher import IntroductionMatcher
from desktop.matching.profiles import HelperResult, Match, NetworkContext, Profile
from desktop.matching.synonyms import DEFAULT_SYNONYMS_PATH, SynonymTable, load_synonyms
from desktop.matching.text import Stemmer
from desktop.matching.weights import DEFAULT_WEIGHTS, MatchWeights

__all__ = [
    "DEFAULT_SYNONYMS_PATH",
    "DEFAULT_WEIGHTS",
    "HelperResult",
    "IntroductionMatcher",
    "Match",
    "MatchWeights",
    "NetworkContext",
    "Profile",
    "Stemmer",
    "SynonymTable",
    "load_synonyms",
]
