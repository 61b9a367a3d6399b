"""The synonym table: its file format, and how groups are found in phrases."""

from __future__ import annotations

from pathlib import Path

from desktop.matching import DEFAULT_SYNONYMS_PATH, Stemmer, load_synonyms
from desktop.matching.synonyms import SynonymTable, parse_synonyms
from desktop.matching.text import tokenise


def concepts_in(table: SynonymTable, text: str) -> set[str]:
    stemmer = Stemmer()
    stems = [stemmer.stem(token) for token in tokenise(text)]
    return {concept for _start, _end, found in table.find(stems) for concept in found}


def test_the_shipped_table_is_found_next_to_the_package_and_is_rich() -> None:
    assert DEFAULT_SYNONYMS_PATH.is_file()
    assert DEFAULT_SYNONYMS_PATH.read_text(encoding="utf-8").startswith("#")
    assert len(load_synonyms(Stemmer())) >= 40


def test_parse_skips_comments_and_blank_lines() -> None:
    text = "# a comment\n\nlawyer, solicitor ,legal\n  # indented comment\nfilm,video\n,\n"

    assert parse_synonyms(text) == [["lawyer", "solicitor", "legal"], ["film", "video"]]


def test_a_custom_file_replaces_the_shipped_one(tmp_path: Path) -> None:
    path = tmp_path / "synonyms.txt"
    path.write_text("# mine\nbarista, coffee\n", encoding="utf-8")

    table = load_synonyms(Stemmer(), path)

    assert len(table) == 1
    assert concepts_in(table, "Baristas wanted") == {"~barista"}
    assert concepts_in(table, "a lawyer") == set()


def test_words_match_in_any_form_and_case() -> None:
    table = SynonymTable([["accountant", "bookkeeper"]], Stemmer())

    assert concepts_in(table, "Bookkeeping for cafés") == {"~accountant"}
    assert concepts_in(table, "ACCOUNTANTS") == {"~accountant"}


def test_a_phrase_entry_needs_its_words_together_and_in_order() -> None:
    table = SynonymTable([["investor", "venture capital"]], Stemmer())

    assert concepts_in(table, "early-stage venture capital") == {"~investor"}
    assert concepts_in(table, "capital of venture") == set()


def test_hyphenated_entries_meet_every_spelling() -> None:
    table = SynonymTable([["office", "co-working"]], Stemmer())

    for text in ("coworking", "co-working", "co working", "Co-Working space"):
        assert concepts_in(table, text) == {"~office"}, text


def test_the_longest_entry_wins_where_entries_overlap() -> None:
    table = SynonymTable([["mentor", "advice"], ["lawyer", "legal advice"]], Stemmer())

    assert concepts_in(table, "legal advice on contracts") == {"~lawyer"}
    assert concepts_in(table, "advice on pricing") == {"~mentor"}


def test_a_word_in_two_groups_mentions_both() -> None:
    table = SynonymTable([["design", "ux"], ["design", "branding"]], Stemmer())

    assert concepts_in(table, "design") == {"~design", "~design'"}
