"""The user-editable synonym table: groups of words and phrases that mean the same.

Each group becomes one *concept*, a term such as ``~accountant`` that stands beside
the word stems of any phrase mentioning one of the group's entries. "bookkeeping"
and "accountant" share no stem but both carry ``~accountant``, so they meet.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from desktop.matching.text import Stemmer, normalise, tokenise

DEFAULT_SYNONYMS_PATH = Path(__file__).resolve().parents[2] / "resources" / "synonyms.txt"

CONCEPT_PREFIX = "~"


class SynonymTable:
    """Groups of stemmed entries, and the lookup that finds them in a phrase."""

    def __init__(self, groups: Iterable[Sequence[str]], stemmer: Stemmer) -> None:
        """Build a table from groups of entries (words or phrases) in plain text."""
        # Single words are looked up directly; a phrase only where its first word occurs.
        self._words: dict[str, frozenset[str]] = {}
        self._phrases: dict[str, dict[tuple[str, ...], frozenset[str]]] = {}
        self._concepts: set[str] = set()
        for group in groups:
            entries = [entry for entry in group if entry.strip()]
            if entries:
                self._add_group(entries, stemmer)

    def __len__(self) -> int:
        """Return the number of groups."""
        return len(self._concepts)

    def _add_group(self, entries: Sequence[str], stemmer: Stemmer) -> None:
        concept = CONCEPT_PREFIX + "_".join(normalise(entries[0]).split())
        while concept in self._concepts:
            concept += "'"
        for entry in entries:
            for variant in _spellings(entry):
                stems = tuple(stemmer.stem(token) for token in variant)
                if len(stems) == 1:
                    self._words[stems[0]] = self._words.get(stems[0], frozenset()) | {concept}
                elif stems:
                    phrases = self._phrases.setdefault(stems[0], {})
                    phrases[stems] = phrases.get(stems, frozenset()) | {concept}
                if stems:
                    self._concepts.add(concept)

    def find(self, stems: Sequence[str]) -> list[tuple[int, int, frozenset[str]]]:
        """Return (start, end, concepts) for each entry mentioned in a stem sequence.

        The longest entry wins where entries overlap, reading left to right, so
        "legal advice" counts as legal help, not also as the "advice" of mentoring.
        """
        found: list[tuple[int, int, frozenset[str]]] = []
        start, count = 0, len(stems)
        while start < count:
            length, concepts = 0, self._words.get(stems[start])
            if concepts:
                length = 1
            for phrase, phrase_concepts in self._phrases.get(stems[start], {}).items():
                if len(phrase) > length and tuple(stems[start : start + len(phrase)]) == phrase:
                    length, concepts = len(phrase), phrase_concepts
            if concepts:
                found.append((start, start + length, concepts))
                start += length
            else:
                start += 1
        return found


def _spellings(entry: str) -> list[list[str]]:
    """Return the token sequences an entry should match.

    "co-working" in the table must meet "coworking", "co-working" and "co working" in
    a phrase, whose tokens differ ("co-" is never a token on its own).
    """
    variants = [tokenise(entry)]
    if "-" in entry:
        variants.append(tokenise(entry.replace("-", " ")))
    return variants


def parse_synonyms(text: str) -> list[list[str]]:
    """Read groups from the text of a synonym file (format: see resources/synonyms.txt)."""
    groups: list[list[str]] = []
    for raw_line in text.splitlines():
        line = raw_line.strip()
        entries = [] if line.startswith("#") else [e.strip() for e in line.split(",") if e.strip()]
        if entries:
            groups.append(entries)
    return groups


def load_synonyms(stemmer: Stemmer, path: Path | None = None) -> SynonymTable:
    """Load the synonym table from a file, by default the one shipped in resources/.

    Raises:
        OSError: The file cannot be read.
    """
    source = DEFAULT_SYNONYMS_PATH if path is None else path
    return SynonymTable(parse_synonyms(source.read_text(encoding="utf-8")), stemmer)
