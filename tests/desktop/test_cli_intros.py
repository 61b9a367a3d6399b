"""`rapport suggest / help-with / intro ...`, run in-process on real vaults."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.cli_runner import Cli


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Iterator[Cli]:
    cli = Cli(capsys, tmp_path / "cli" / "rapport.db")
    cli.ok("init")
    cli.ok(
        "contact",
        "add",
        "Maya Patel",
        "--email",
        "maya@pixel.example",
        "--ask",
        "Looking for a cartoonist for short films",
    )
    cli.ok(
        "contact",
        "add",
        "Tom Reed",
        "--email",
        "tom@reed.example",
        "--offer",
        "Animation and illustration for film",
    )
    cli.ok("contact", "add", "Priya Shah", "--ask", "Need a bookkeeper for my bakery")
    cli.ok("contact", "add", "Dan Hughes", "--offer", "Bookkeeping and VAT returns")
    yield cli


def digests(vault: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(vault.parent.iterdir())
        if p.is_file()
    }


def test_suggest_json_has_the_documented_shape(cli: Cli) -> None:
    rows = cli.ok("suggest", "--json").json()

    assert isinstance(rows, list) and len(rows) == 2
    assert {"a", "b", "score", "reason", "ask", "offer"} <= set(rows[0])
    pairs = {(r["a"], r["b"]) for r in rows}
    assert pairs == {("Maya Patel", "Tom Reed"), ("Priya Shah", "Dan Hughes")}
    maya = next(r for r in rows if r["a"] == "Maya Patel")
    assert maya["ask"] == "Looking for a cartoonist for short films"
    assert maya["offer"] == "Animation and illustration for film"
    assert 0 < maya["score"] <= 1
    assert "cartoonist" in maya["reason"]


def test_suggest_for_one_contact_and_as_text(cli: Cli) -> None:
    rows = cli.ok("suggest", "Tom", "--json", "--limit", "5").json()
    assert [(r["a"], r["b"]) for r in rows] == [("Tom Reed", "Maya Patel")]

    text = cli.ok("suggest", "Maya").out
    assert text.startswith("1. Maya Patel + Tom Reed  (score ")
    assert "looking for a cartoonist" in text


def test_help_with_finds_the_helper(cli: Cli) -> None:
    rows = cli.ok("help-with", "who can do our books and VAT?", "--json").json()

    assert rows[0]["contact"] == "Dan Hughes"
    assert {"contact", "score", "offer", "reason"} <= set(rows[0])
    assert "Dan Hughes" in cli.ok("help-with", "bookkeeping").out
    assert "Nobody in your network" in cli.ok("help-with", "a submarine captain").out


def test_intro_stages_end_to_end(cli: Cli) -> None:
    proposed = cli.ok("intro", "propose", "Maya", "Tom", "--reason", "Film work")
    assert "Proposed introduction 1: Maya Patel and Tom Reed." in proposed.out

    cli.ok("intro", "ask", "1", "--side", "a", "--yes")
    early = cli("intro", "make", "1")
    assert early.code == 1
    assert "Tom Reed has not answered yet" in early.err
    asked = cli.ok("intro", "ask", "1", "--side", "b", "--yes").out
    assert "Both agreed" in asked

    made = cli.ok("intro", "make", "1").out
    assert "Introduced Maya Patel and Tom Reed (id 1)" in made
    balance = {r["contact"]: r["given"] for r in cli.ok("balance", "--json").json()}
    assert balance == {"Maya Patel": 2, "Tom Reed": 2}

    email = cli.ok("intro", "email", "1").out
    assert "To: maya@pixel.example, tom@reed.example" in email
    assert "Why I think you should talk: Film work" in email
    assert "mailto:maya@pixel.example,tom@reed.example?subject=Introduction%3A%20" in email

    cli.ok("intro", "outcome", "1", "--note", "They are making a short", "--worked")
    listed = cli.ok("intro", "list", "--json").json()
    assert [(i["id"], i["stage"], i["a"], i["b"], i["outcome_worked"]) for i in listed] == [
        (1, "outcome", "Maya Patel", "Tom Reed", True)
    ]
    assert cli.ok("suggest", "--json").json()[0]["a"] == "Priya Shah"


def test_dismissing(cli: Cli) -> None:
    cli.ok("intro", "dismiss-pair", "Priya", "Dan")
    assert [r["a"] for r in cli.ok("suggest", "--json").json()] == ["Maya Patel"]

    cli.ok("intro", "propose", "Maya", "Tom")
    assert "Dismissed introduction" in cli.ok("intro", "dismiss", "2").out
    assert cli.ok("intro", "list", "--json").json() == []
    assert len(cli.ok("intro", "list", "--stage", "dismissed", "--json").json()) == 2
    assert cli.ok("suggest", "--json").json() == []
    assert "No suggestions yet" in cli.ok("suggest").out


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("intro", "propose", "Maya", "Maya"), "two different people"),
        (("intro", "propose", "Maya", "Nobody Here"), "No contact is called 'Nobody Here'"),
        (("intro", "ask", "99", "--side", "a"), "no introduction with id 99"),
        (("intro", "make", "99"), "no introduction with id 99"),
        (("intro", "outcome", "99", "--note", "x", "--worked"), "no introduction with id 99"),
        (("suggest", "--limit", "0"), "1 to 1000"),
        (("suggest", "Zed"), "No contact is called 'Zed'"),
        (("help-with", "   "), "what you need help with"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(
    cli: Cli, args: tuple[str, ...], fragment: str
) -> None:
    before = digests(cli.vault)

    outcome = cli(*args)

    assert outcome.code == 1, outcome.err
    assert outcome.out == ""
    lines = outcome.err.splitlines()
    assert len(lines) == 1 and lines[0].startswith("rapport: ")
    assert fragment in lines[0]
    assert "Traceback" not in outcome.err
    assert digests(cli.vault) == before


def test_a_refused_stage_change_writes_nothing(cli: Cli) -> None:
    cli.ok("intro", "propose", "Priya", "Dan")
    before = digests(cli.vault)

    outcome = cli("intro", "outcome", "1", "--note", "Went well", "--worked")

    assert outcome.code == 1
    assert (
        outcome.err
        == "rapport: Introduction 1 is proposed, so it cannot be given an outcome yet.\n"
    )
    assert digests(cli.vault) == before


def test_usage_errors_exit_two(cli: Cli) -> None:
    assert cli("intro", "ask", "1", "--side", "c").code == 2
    assert cli("intro", "outcome", "1", "--note", "x").code == 2
    assert cli("intro", "ask", "1", "--side", "a", "--yes", "--no").code == 2
