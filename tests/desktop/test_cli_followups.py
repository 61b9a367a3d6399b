"""`rapport due / remind / done / snooze / dismiss / export`, run in-process on real vaults.

These run against the real clock and the machine's zone, so every date is placed days
away from today, where no zone can move it across a day boundary.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from icalendar import Calendar

from desktop.app import build_services
from storage.vault import Vault
from tests.support.cli_runner import Cli

TODAY = date.today()


def day(offset: int) -> str:
    return (TODAY + timedelta(days=offset)).isoformat()


class FollowUpCli(Cli):
    """The command line, with a shortcut for `due --json`."""

    def due(self, *args: str) -> list[dict[str, Any]]:
        found: list[dict[str, Any]] = self.ok("due", "--json", *args).json()
        return found


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Iterator[FollowUpCli]:
    yield FollowUpCli(capsys, tmp_path / "cli" / "rapport.db")


@pytest.fixture
def seeded(cli: FollowUpCli) -> FollowUpCli:
    """A vault where Ann and Bob were met ten days ago and nobody followed up."""
    cli.ok("init")
    cli.ok("contact", "add", "Ann Smith")
    cli.ok("contact", "add", "Bob Brown")
    cli.ok("event", "add", "Design Meetup", "--date", day(-10), "--attendee", "Ann")
    cli.ok("event", "add", "Film Night", "--date", day(-10), "--attendee", "Bob")
    return cli


def digests(vault: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(vault.parent.iterdir())
        if p.is_file()
    }


def test_due_json_has_the_documented_shape(seeded: FollowUpCli) -> None:
    rows = seeded.due()
    assert [(r["contact"], r["kind"], r["due"]) for r in rows] == [
        ("Ann Smith", "after_event", day(-8)),
        ("Bob Brown", "after_event", day(-8)),
    ]
    first = rows[0]
    assert {"id", "contact", "due", "kind", "reason", "status"} <= set(first)
    assert isinstance(first["id"], int)
    assert first["status"] == "open"
    assert first["reason"] == "Follow up with Ann Smith after Design Meetup"
    assert seeded.due() == rows  # listing twice adds nothing


def test_due_as_a_table(seeded: FollowUpCli) -> None:
    lines = seeded.ok("due").out.splitlines()
    assert lines[0].split() == ["id", "due", "kind", "contact", "reason"]
    assert "Follow up with Ann Smith after Design Meetup" in lines[1]


def test_days_and_as_of_look_ahead(seeded: FollowUpCli) -> None:
    seeded.ok("remind", "Ann", "Send the deck", "--date", day(3))
    seeded.ok("event", "add", "Winter Mixer", "--date", day(10), "--attendee", "Bob")
    assert [r["kind"] for r in seeded.due()] == ["after_event", "after_event"]
    ahead = seeded.due("--days", "5")
    assert [(r["kind"], r["due"]) for r in ahead][-1] == ("manual", day(3))

    forecast = seeded.due("--as-of", day(20))
    mixer = forecast[-1]
    assert (mixer["contact"], mixer["due"], mixer["kind"]) == ("Bob Brown", day(12), "after_event")
    assert mixer["id"] is None  # a forecast, not stored: nothing to act on yet
    assert len(seeded.due("--as-of", day(2), "--days", "1")) == 3
    # The forecast stored nothing: today's list has not changed.
    assert [r["kind"] for r in seeded.due()] == ["after_event", "after_event"]
    with Vault.open(seeded.vault) as vault:
        stored = build_services(vault).reminders.open_reminders()
    assert [r.reason for r in stored if "Winter Mixer" in r.reason] == []


@pytest.mark.parametrize(
    ("repeat", "rule"),
    [
        ("weekly", "FREQ=WEEKLY"),
        ("Monthly", "FREQ=MONTHLY"),
        ("quarterly", "FREQ=MONTHLY;INTERVAL=3"),
        ("yearly", "FREQ=YEARLY"),
        ("every:10", "FREQ=DAILY;INTERVAL=10"),
        ("freq=monthly;bymonthday=1", "FREQ=MONTHLY;BYMONTHDAY=1"),
    ],
)
def test_remind_with_a_repeat(seeded: FollowUpCli, repeat: str, rule: str) -> None:
    made = seeded.ok("remind", "Ann", "Call Ann", "--date", day(-1), "--repeat", repeat, "--json")
    assert made.json()["repeat"] == rule
    (row,) = [r for r in seeded.due() if r["kind"] == "manual"]
    assert (row["contact"], row["reason"], row["due"], row["repeat"]) == (
        "Ann Smith",
        "Call Ann",
        day(-1),
        rule,
    )
    out = seeded.ok("done", str(row["id"])).out
    assert out.startswith(f"Reminder {row['id']} done; it comes back on ")
    assert all(r["kind"] != "manual" for r in seeded.due())


def test_done_snooze_and_dismiss(seeded: FollowUpCli) -> None:
    ann, bob = (r["id"] for r in seeded.due())
    assert seeded.ok("done", str(ann), "--log", "--note", "Coffee").out == f"Reminder {ann} done.\n"
    with Vault.open(seeded.vault) as vault:
        assert build_services(vault).interactions.timeline(1)[0].note == "Coffee"
    assert seeded.ok("snooze", str(bob), "--for", "1d").out.startswith(
        f"Reminder {bob} snoozed until {day(1)} "
    )
    assert seeded.due() == []
    assert [r["id"] for r in seeded.due("--days", "2")] == [bob]
    until = seeded.ok("snooze", str(bob), "--until", day(5)).out
    assert until == f"Reminder {bob} snoozed until {day(5)} 09:00.\n"
    assert seeded.ok("dismiss", str(bob)).out == (
        f"Reminder {bob} dismissed: Follow up with Bob Brown after Film Night\n"
    )
    assert seeded.due("--days", "30") == []


def test_export_ics_writes_a_calendar(seeded: FollowUpCli, tmp_path: Path) -> None:
    seeded.ok("remind", "Bob", "Send the contract", "--date", day(30))
    out = tmp_path / "follow-ups.ics"
    assert seeded.ok("export", "--format", "ics", str(out)).out == (
        f"Wrote 3 follow-ups to {out}.\n"
    )
    events = list(Calendar.from_ical(out.read_bytes()).walk("VEVENT"))
    assert sorted(str(e["SUMMARY"]) for e in events) == [
        "Follow up with Ann Smith after Design Meetup",
        "Follow up with Bob Brown after Film Night",
        "Send the contract",
    ]
    uids = [str(e["UID"]) for e in events]
    seeded.ok("export", "--format", "ics", str(out))
    assert [str(e["UID"]) for e in Calendar.from_ical(out.read_bytes()).walk("VEVENT")] == uids


BAD_INPUT = [
    ("due-bad-date", ("due", "--as-of", "someday"), 1, "not a date"),
    ("due-negative-days", ("due", "--days", "-1"), 1, "0 or more"),
    ("due-word-days", ("due", "--days", "few"), 2, "--days"),
    ("remind-bad-date", ("remind", "Ann", "Call", "--date", "2026-02-30"), 1, "not a date"),
    ("remind-no-date", ("remind", "Ann", "Call"), 2, "--date"),
    (
        "remind-bad-repeat",
        ("remind", "Ann", "x", "--date", "today", "--repeat", "often"),
        1,
        "'often' is none of these",
    ),
    (
        "remind-every-zero",
        ("remind", "Ann", "x", "--date", "today", "--repeat", "every:0"),
        1,
        "every:N needs a whole number",
    ),
    (
        "remind-bad-rrule",
        ("remind", "Ann", "x", "--date", "today", "--repeat", "FREQ=HOURLY"),
        1,
        "That repeat rule is not valid",
    ),
    ("remind-empty", ("remind", "Ann", " ", "--date", "today"), 1, "Say what the reminder"),
    ("remind-unknown", ("remind", "Zed", "Call", "--date", "today"), 1, "No contact is called"),
    ("done-unknown", ("done", "999"), 1, "There is no reminder with id 999"),
    ("done-not-a-number", ("done", "first"), 2, "first"),
    ("snooze-unknown", ("snooze", "999", "--for", "1d"), 1, "no reminder with id 999"),
    ("snooze-no-choice", ("snooze", "1"), 2, "--for"),
    ("snooze-both", ("snooze", "1", "--for", "1d", "--until", "tomorrow"), 2, "not allowed"),
    ("snooze-bad-for", ("snooze", "1", "--for", "2d"), 2, "2d"),
    ("snooze-past", ("snooze", "1", "--until", "2020-01-01"), 1, "Pick a later day"),
    ("dismiss-unknown", ("dismiss", "999"), 1, "no reminder with id 999"),
    ("export-unknown-format", ("export", "--format", "pdf", "out.pdf"), 2, "pdf"),
    (
        "export-no-folder",
        ("export", "--format", "ics", "/nonexistent/dir/f.ics"),
        1,
        "There is no folder",
    ),
]


@pytest.mark.parametrize(
    ("args", "code", "fragment"),
    [case[1:] for case in BAD_INPUT],
    ids=[case[0] for case in BAD_INPUT],
)
def test_bad_input_is_one_line_and_writes_nothing(
    seeded: FollowUpCli, args: tuple[str, ...], code: int, fragment: str
) -> None:
    seeded.due()  # store today's follow-ups, so reminder 1 exists
    before = digests(seeded.vault)
    outcome = seeded(*args)
    assert outcome.code == code, outcome.err
    assert outcome.out == ""
    lines = outcome.err.splitlines()
    assert len(lines) == 1, outcome.err
    assert lines[0].startswith("rapport: ")
    assert fragment in lines[0]
    assert "Traceback" not in outcome.err
    assert digests(seeded.vault) == before
