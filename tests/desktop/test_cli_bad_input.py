"""Bad arguments and bad data: one line, a non-zero status, and nothing written."""

from __future__ import annotations

import pytest

from tests.support.cli_runner import Cli
from tests.support.cli_vaults import assert_one_line_error, digests, inside

# -- bad input: one line, non-zero, nothing written --------------------------------------

LONG = "x" * 201
BAD_INPUT: list[tuple[str, tuple[str, ...], int, tuple[str, ...]]] = [
    # contact add
    ("add-empty-name", ("contact", "add", ""), 1, ("needs a name",)),
    ("add-blank-name", ("contact", "add", "   "), 1, ("needs a name",)),
    ("add-long-name", ("contact", "add", LONG), 1, ("longer than 200",)),
    (
        "add-one-bad-email-among-good",
        ("contact", "add", "Dan", "--email", "dan@example.com", "--email", "dan-at-example"),
        1,
        ("'dan-at-example' is not an email address", "name@example.com"),
    ),
    ("add-bad-phone", ("contact", "add", "Dan", "--phone", "call me"), 1, ("not a phone",)),
    ("add-zero-cadence", ("contact", "add", "Dan", "--cadence", "0"), 1, ("1 to 3650",)),
    ("add-negative-cadence", ("contact", "add", "Dan", "--cadence", "-3"), 1, ("1 to 3650",)),
    ("add-huge-cadence", ("contact", "add", "Dan", "--cadence", "9999"), 1, ("1 to 3650",)),
    ("add-word-cadence", ("contact", "add", "Dan", "--cadence", "monthly"), 2, ("--cadence",)),
    ("add-empty-tag", ("contact", "add", "Dan", "--tag", " "), 1, ("tag cannot be empty",)),
    ("add-empty-ask", ("contact", "add", "Dan", "--ask", ""), 1, ("cannot be empty",)),
    ("add-empty-offer", ("contact", "add", "Dan", "--offer", "  "), 1, ("cannot be empty",)),
    ("add-no-name", ("contact", "add"), 2, ("NAME", "--help")),
    ("add-unknown-option", ("contact", "add", "Dan", "--mood", "happy"), 2, ("--mood",)),
    # contact list / show / search
    ("contact-no-action", ("contact",), 2, ("ACTION",)),
    ("contact-unknown-action", ("contact", "remove", "Bob"), 2, ("remove",)),
    ("list-extra-argument", ("contact", "list", "Bob"), 2, ("Bob",)),
    ("show-unknown", ("contact", "show", "Zebedee"), 1, ("No contact is called 'Zebedee'",)),
    ("show-typo", ("contact", "show", "Bob Brwn"), 1, ("Did you mean Bob Brown?",)),
    ("show-unknown-id", ("contact", "show", "999"), 1, ("No contact is called '999'",)),
    ("show-ambiguous", ("contact", "show", "Ann"), 1, ("matches 2 contacts", "Use the id")),
    ("show-blank", ("contact", "show", " "), 1, ("give a name or an id",)),
    ("search-no-query", ("search",), 2, ("QUERY",)),
    ("search-bad-limit", ("search", "ann", "--limit", "lots"), 2, ("--limit",)),
    # event add / list
    ("event-no-date", ("event", "add", "Meetup"), 2, ("--date",)),
    ("event-bad-date", ("event", "add", "Meetup", "--date", "someday"), 1, ("not a date",)),
    ("event-impossible-date", ("event", "add", "M", "--date", "2026-02-30"), 1, ("not a date",)),
    ("event-month-only", ("event", "add", "M", "--date", "Nov 2026"), 1, ("not a date",)),
    ("event-ancient-date", ("event", "add", "M", "--date", "1066-10-14"), 1, ("plausible",)),
    ("event-empty-name", ("event", "add", " ", "--date", "2026-01-01"), 1, ("needs a name",)),
    (
        "event-unknown-attendee",
        ("event", "add", "Meetup", "--date", "2026-01-01", "--attendee", "Bob", "--attendee", "X"),
        1,
        ("No contact is called 'X'",),
    ),
    (
        "event-ambiguous-attendee",
        ("event", "add", "Meetup", "--date", "2026-01-01", "--attendee", "Ann"),
        1,
        ("matches 2 contacts",),
    ),
    ("event-list-extra", ("event", "list", "--all"), 2, ("--all",)),
    # log
    ("log-no-note", ("log", "Bob"), 2, ("--note",)),
    ("log-empty-note", ("log", "Bob", "--note", " "), 1, ("note cannot be empty",)),
    ("log-long-note", ("log", "Bob", "--note", "x" * 20_001), 1, ("longer than 20000",)),
    ("log-bad-kind", ("log", "Bob", "--note", "hi", "--kind", "chat"), 2, ("chat",)),
    ("log-bad-date", ("log", "Bob", "--note", "hi", "--date", "soonish"), 1, ("not a date",)),
    ("log-time-not-date", ("log", "Bob", "--note", "hi", "--date", "12:00"), 1, ("not a date",)),
    ("log-unknown", ("log", "Nobody", "--note", "hi"), 1, ("No contact is called",)),
    ("log-ambiguous", ("log", "Ann", "--note", "hi"), 1, ("matches 2 contacts",)),
    # relate
    ("relate-self", ("relate", "Bob", "Bob Brown"), 1, ("cannot be related to themself",)),
    ("relate-unknown", ("relate", "Bob", "Nobody"), 1, ("No contact is called 'Nobody'",)),
    ("relate-one-name", ("relate", "Bob"), 2, ("NAME",)),
    ("relate-long-kind", ("relate", "Bob", "Ann Smith", "--kind", "k" * 61), 1, ("under 60",)),
    # favours
    ("favour-no-direction", ("favour",), 2, ("give|receive",)),
    ("favour-bad-direction", ("favour", "lend", "Bob", "x"), 2, ("lend",)),
    ("favour-no-text", ("favour", "give", "Bob"), 2, ("TEXT",)),
    ("favour-empty-text", ("favour", "give", "Bob", "  "), 1, ("Describe the favour",)),
    ("favour-bad-size", ("favour", "give", "Bob", "x", "--size", "huge"), 2, ("huge",)),
    ("favour-bad-date", ("favour", "give", "Bob", "x", "--date", "later"), 1, ("not a date",)),
    ("favour-bad-due", ("favour", "give", "Bob", "x", "--promised", "--due", "?"), 1, ("date",)),
    (
        "favour-due-not-promised",
        ("favour", "receive", "Bob", "x", "--due", "2026-12-01"),
        1,
        ("Only a promised favour has a due date", "--promised"),
    ),
    ("favour-unknown", ("favour", "receive", "Nobody", "x"), 1, ("No contact is called",)),
    ("favour-ambiguous", ("favour", "give", "Ann", "x"), 1, ("matches 2 contacts",)),
    # balance, check, init, the top level
    ("balance-unknown", ("balance", "Nobody"), 1, ("No contact is called",)),
    ("balance-ambiguous", ("balance", "Ann"), 1, ("matches 2 contacts",)),
    ("balance-two-names", ("balance", "Ann", "Bob"), 2, ("Bob",)),
    ("check-extra", ("check", "--deep"), 2, ("--deep",)),
    ("init-existing", ("init",), 1, ("already exists",)),
    ("init-extra", ("init", "now"), 2, ("now",)),
    ("unknown-command", ("frobnicate",), 2, ("frobnicate",)),
]


@pytest.mark.parametrize(
    ("args", "code", "fragments"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_bad_input_is_one_line_and_writes_nothing(
    seeded: dict[str, int], cli: Cli, args: tuple[str, ...], code: int, fragments: tuple[str, ...]
) -> None:
    before = digests(cli.vault)
    outcome = cli(*args)
    assert_one_line_error(outcome, *fragments, code=code)
    assert digests(cli.vault) == before


def test_an_ambiguous_name_lists_each_candidate_with_its_id(
    seeded: dict[str, int], cli: Cli
) -> None:
    outcome = cli("contact", "show", "ann")
    assert_one_line_error(outcome)
    assert f"Ann Smith (id {seeded['ann_smith']}, Acme)" in outcome.err
    assert f"Ann Jones (id {seeded['ann_jones']})" in outcome.err


def test_a_bad_email_among_good_ones_adds_no_contact(seeded: dict[str, int], cli: Cli) -> None:
    cli("contact", "add", "Dan", "--email", "dan@example.com", "--email", "nope")
    with inside(cli.vault) as services:
        assert services.contacts.count() == 3
        assert services.search.search("dan") == []


def test_an_unknown_attendee_creates_no_event(seeded: dict[str, int], cli: Cli) -> None:
    outcome = cli(
        "event", "add", "Meetup", "--date", "today", "--attendee", "Bob", "--attendee", "Zed"
    )
    assert outcome.code == 1
    with inside(cli.vault) as services:
        assert services.events.list_events() == []
        assert services.interactions.timeline(seeded["bob"]) == []
