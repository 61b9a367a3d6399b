"""The `rapport` command line, run in-process against real vaults in temporary folders.

Every failure must be one actionable line on stderr, a non-zero status, no traceback,
and no change at all to the vault's files.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from desktop.app import Services, build_services
from desktop.dates import local_zone
from desktop.records import ContactInput
from storage import migrate
from storage.keys import KEYRING_SERVICE
from storage.vault import Vault
from tests.conftest import FAST_KDF
from tests.support.cli_runner import Cli, Outcome
from tests.support.memory_keyring import MemoryKeyring

PASSPHRASE = "correct horse battery"


def assert_one_line_error(outcome: Outcome, *fragments: str, code: int = 1) -> None:
    assert outcome.code == code, (outcome.code, outcome.err)
    assert "Traceback" not in outcome.err
    assert outcome.out == ""
    assert outcome.err.endswith("\n")
    lines = outcome.err.splitlines()
    assert len(lines) == 1, outcome.err
    assert lines[0].startswith("rapport"), lines[0]
    if code == 1:
        assert lines[0].startswith("rapport: "), lines[0]
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


def digests(vault: Path) -> dict[str, str]:
    """Return the hash of every file in the vault's folder."""
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(vault.parent.iterdir())
        if p.is_file()
    }


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Cli:
    return Cli(capsys, tmp_path / "cli" / "rapport.db")


@dataclass(frozen=True)
class Template:
    """A seeded keyring vault, built once per module and copied for each test."""

    folder: Path
    vault_id: str
    key: str
    ids: dict[str, int]


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    try:
        path = tmp_path_factory.mktemp("template") / "rapport.db"
        with Vault.create(path) as vault:
            add = build_services(vault).contacts.add
            ids = {
                "ann_smith": add(
                    ContactInput(name="Ann Smith", org="Acme", emails=("ann@acme.example",))
                ).id,
                "ann_jones": add(ContactInput(name="Ann Jones")).id,
                "bob": add(
                    ContactInput(name="Bob Brown", emails=("bob@example.com",), tags=("golf",))
                ).id,
            }
    finally:
        keyring.set_keyring(previous)
    ((_, vault_id), key) = next(iter(store.secrets.items()))
    return Template(path.parent, vault_id, key, ids)


@pytest.fixture
def seeded(cli: Cli, template: Template, memory_keyring: MemoryKeyring) -> dict[str, int]:
    """A keyring vault holding two Anns and a Bob, its key in this test's keyring."""
    shutil.copytree(template.folder, cli.vault.parent)
    memory_keyring.secrets[(KEYRING_SERVICE, template.vault_id)] = template.key
    return dict(template.ids)


@contextlib.contextmanager
def inside(path: Path, passphrase: str | None = None) -> Iterator[Services]:
    """Open a vault the CLI made, to look inside; closed before the next command runs."""
    with Vault.open(path, passphrase=passphrase) as vault:
        yield build_services(vault)


# -- vault commands ---------------------------------------------------------------------


def test_init_creates_a_keyring_vault(cli: Cli, memory_keyring: MemoryKeyring) -> None:
    outcome = cli.ok("init")
    assert "Created a vault at" in outcome.out
    assert "system keyring" in outcome.out
    assert cli.vault.is_file()
    assert Vault.key_source(cli.vault) == "keyring"
    assert [service for service, _ in memory_keyring.secrets] == [KEYRING_SERVICE]
    with Vault.open(cli.vault) as vault:
        assert vault.schema_revision() == migrate.HEAD_REVISION


def test_init_uses_rapport_vault_when_no_path_is_given(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "from-env" / "rapport.db"
    monkeypatch.setenv("RAPPORT_VAULT", str(target))
    outcome = cli("init", vault=False)
    assert outcome.code == 0
    assert target.is_file()
    assert not cli.vault.exists()


def test_init_twice_refuses_and_changes_nothing(cli: Cli, memory_keyring: MemoryKeyring) -> None:
    cli.ok("init")
    before = digests(cli.vault)
    keys = dict(memory_keyring.secrets)
    assert_one_line_error(cli("init"), "already exists", "nothing was changed")
    assert_one_line_error(cli("init", "--passphrase"), "already exists")
    assert digests(cli.vault) == before
    assert memory_keyring.secrets == keys


def test_init_passphrase_then_use_it_from_the_environment(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("RAPPORT_PASSPHRASE", PASSPHRASE)
    outcome = cli.ok("init", "--passphrase")
    assert "passphrase-protected vault" in outcome.out
    assert Vault.key_source(cli.vault) == "passphrase"
    descriptor = cli.vault.with_name("rapport.db.vault").read_text()
    assert PASSPHRASE not in descriptor
    cli.ok("contact", "add", "Ann Smith")
    assert [c["name"] for c in cli.ok("contact", "list", "--json").json()] == ["Ann Smith"]


def test_init_refuses_a_short_passphrase(cli: Cli, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RAPPORT_PASSPHRASE", "seven77")
    assert_one_line_error(cli("init", "--passphrase"), "at least 8 characters")
    assert not cli.vault.parent.exists()


def test_init_with_a_passphrase_file(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\nsecond line is ignored\n", encoding="utf-8")
    cli.ok("--passphrase-file", str(secret), "init", "--passphrase")
    cli.ok("--passphrase-file", str(secret), "contact", "add", "Ann Smith")
    shown = cli.ok("--passphrase-file", str(secret), "contact", "show", "Ann", "--json").json()
    assert shown["name"] == "Ann Smith"
    with inside(cli.vault, PASSPHRASE) as services:
        assert services.contacts.count() == 1


@pytest.mark.parametrize("content", ["", "\n", "\nafter a blank first line\n"])
def test_an_empty_passphrase_file_is_a_clear_error(cli: Cli, tmp_path: Path, content: str) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text(content, encoding="utf-8")
    outcome = cli("--passphrase-file", str(secret), "init", "--passphrase")
    assert_one_line_error(outcome, "passphrase file", "is empty")
    assert not cli.vault.exists()


def test_a_missing_passphrase_file_is_a_clear_error(cli: Cli, tmp_path: Path) -> None:
    missing = tmp_path / "nowhere" / "passphrase.txt"
    outcome = cli("--passphrase-file", str(missing), "init", "--passphrase")
    assert_one_line_error(outcome, "Cannot read the passphrase file", "No such file")
    assert not cli.vault.exists()


def test_a_short_passphrase_from_a_file_is_refused(cli: Cli, tmp_path: Path) -> None:
    secret = tmp_path / "passphrase.txt"
    secret.write_text("short\n", encoding="utf-8")
    outcome = cli("--passphrase-file", str(secret), "init", "--passphrase")
    assert_one_line_error(outcome, "at least 8 characters")
    assert not cli.vault.exists()


def use_no_secure_keyring() -> None:
    keyring.set_keyring(fail.Keyring())


def test_init_without_a_secure_keyring_asks_for_a_passphrase(cli: Cli) -> None:
    use_no_secure_keyring()
    assert_one_line_error(cli("init"), "No secure keyring", "rapport init --passphrase")
    assert not cli.vault.exists()


def test_init_without_a_secure_keyring_uses_a_given_passphrase(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    use_no_secure_keyring()
    monkeypatch.setenv("RAPPORT_PASSPHRASE", PASSPHRASE)
    outcome = cli("init")
    assert outcome.code == 0
    assert "No secure keyring is available" in outcome.err
    assert Vault.key_source(cli.vault) == "passphrase"


def test_init_where_a_folder_cannot_be_made_is_one_line(
    cli: Cli, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    cli.vault = blocker / "rapport.db"
    assert_one_line_error(cli("init"), str(blocker))
    assert memory_keyring.secrets == {}


def test_wrong_passphrase_is_one_line_and_changes_no_byte(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.create(cli.vault, passphrase=PASSPHRASE, kdf=FAST_KDF):
        pass
    monkeypatch.setenv("RAPPORT_PASSPHRASE", PASSPHRASE)
    cli.ok("contact", "add", "Ann Smith", "--email", "ann@acme.example")
    before = digests(cli.vault)
    monkeypatch.setenv("RAPPORT_PASSPHRASE", "not the passphrase")
    for args in (("contact", "list"), ("contact", "add", "Bob"), ("check",)):
        assert_one_line_error(cli(*args), "does not open this vault")
        assert digests(cli.vault) == before
    monkeypatch.setenv("RAPPORT_PASSPHRASE", PASSPHRASE)
    assert len(cli.ok("contact", "list", "--json").json()) == 1


def test_wrong_passphrase_from_a_file(cli: Cli, tmp_path: Path) -> None:
    with Vault.create(cli.vault, passphrase=PASSPHRASE, kdf=FAST_KDF):
        pass
    before = digests(cli.vault)
    secret = tmp_path / "wrong.txt"
    secret.write_text("not the passphrase\n")
    outcome = cli("--passphrase-file", str(secret), "contact", "list")
    assert_one_line_error(outcome, "does not open this vault")
    assert digests(cli.vault) == before


def test_passphrase_vault_without_a_passphrase_says_how_to_give_one(
    cli: Cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    with Vault.create(cli.vault, passphrase=PASSPHRASE, kdf=FAST_KDF):
        pass
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # not a terminal: never prompt
    outcome = cli("contact", "list")
    assert_one_line_error(outcome, "--passphrase-file", "RAPPORT_PASSPHRASE")


def test_a_vault_open_elsewhere_gets_the_lock_message(seeded: dict[str, int], cli: Cli) -> None:
    before = cli.ok("contact", "list", "--json").json()
    with Vault.open(cli.vault):
        for args in (("contact", "list"), ("contact", "add", "Dan"), ("check",)):
            assert_one_line_error(cli(*args), "open in another Rapport", "try again")
    assert cli.ok("contact", "list", "--json").json() == before


MISSING_VAULT_COMMANDS = [
    ("contact", "list"),
    ("contact", "add", "Ann"),
    ("contact", "show", "Ann"),
    ("search", "ann"),
    ("event", "add", "Meetup", "--date", "2026-01-01"),
    ("event", "list"),
    ("log", "Ann", "--note", "hi"),
    ("relate", "Ann", "Bob"),
    ("favour", "give", "Ann", "coffee"),
    ("favour", "receive", "Ann", "coffee"),
    ("balance",),
    ("check",),
]


@pytest.mark.parametrize("args", MISSING_VAULT_COMMANDS, ids=" ".join)
def test_a_missing_vault_says_to_run_init(cli: Cli, args: tuple[str, ...]) -> None:
    assert_one_line_error(cli(*args), "There is no vault at", "rapport init")
    assert not cli.vault.parent.exists()


def test_check_reports_integrity_schema_and_counts(seeded: dict[str, int], cli: Cli) -> None:
    text = cli.ok("check").out
    assert "integrity: ok" in text
    assert f"schema:    {migrate.HEAD_REVISION}" in text
    assert "key:       keyring" in text
    report = cli.ok("check", "--json").json()
    assert report["integrity"] == "ok"
    assert report["key_source"] == "keyring"
    assert report["schema_revision"] == migrate.HEAD_REVISION
    assert report["path"] == str(cli.vault)
    assert report["counts"]["contacts"] == 3
    assert report["counts"]["tags"] == 1
    assert report["counts"]["favours"] == 0


def test_a_damaged_vault_is_one_line_not_a_traceback(seeded: dict[str, int], cli: Cli) -> None:
    data = bytearray(cli.vault.read_bytes())
    page = 4096
    assert len(data) > 4 * page
    for offset in range(2 * page + 100, 2 * page + 164):
        data[offset] ^= 0xFF
    cli.vault.write_bytes(bytes(data))
    assert_one_line_error(cli("check"), "could not be read", "restore it from a backup")


# -- contacts ---------------------------------------------------------------------------


def test_contact_add_with_every_option(cli: Cli) -> None:
    cli.ok("init")
    outcome = cli.ok(
        "contact",
        "add",
        "Grace Hopper",
        "--org",
        "Navy",
        "--title",
        "Rear Admiral",
        "--location",
        "Arlington",
        "--email",
        "grace@navy.example",
        "--email",
        "hopper@cobol.example",
        "--phone",
        "+1 202 555 0100",
        "--url",
        "https://cobol.example",
        "--tag",
        "computing",
        "--ask",
        "a compiler team",
        "--offer",
        "debugging",
        "--note",
        "Found the first bug",
        "--cadence",
        "30",
    )
    assert outcome.out.startswith("Added Grace Hopper (id ")
    with inside(cli.vault) as services:
        detail = services.contacts.find("Grace Hopper")
    assert detail.org == "Navy"
    assert detail.title == "Rear Admiral"
    assert detail.location == "Arlington"
    assert detail.emails == ("grace@navy.example", "hopper@cobol.example")
    assert detail.phones == ("+1 202 555 0100",)
    assert detail.tags == ("computing",)
    assert (detail.asks, detail.offers) == (("a compiler team",), ("debugging",))
    assert detail.about == "Found the first bug"
    assert detail.cadence_days == 30


def test_contact_add_json_has_the_documented_shape(cli: Cli) -> None:
    cli.ok("init")
    added = cli.ok(
        "contact", "add", "Ann Smith", "--org", "Acme", "--email", "a@acme.example", "--json"
    ).json()
    assert isinstance(added["id"], int)
    assert added["name"] == "Ann Smith"
    assert added["org"] == "Acme"
    assert added["emails"] == ["a@acme.example"]
    assert added["phones"] == []
    assert added["methods"] == [{"kind": "email", "value": "a@acme.example", "label": None}]
    datetime.fromisoformat(added["created_at"])


def test_contact_list_json_is_an_array_of_contacts(seeded: dict[str, int], cli: Cli) -> None:
    rows = cli.ok("contact", "list", "--json").json()
    assert isinstance(rows, list)
    assert [r["name"] for r in rows] == ["Ann Jones", "Ann Smith", "Bob Brown"]
    for row in rows:
        assert {"id", "name", "org", "emails"} <= row.keys()
        assert isinstance(row["emails"], list)
    smith = next(r for r in rows if r["name"] == "Ann Smith")
    assert smith == {
        "id": seeded["ann_smith"],
        "name": "Ann Smith",
        "org": "Acme",
        "title": None,
        "emails": ["ann@acme.example"],
        "tags": [],
        "archived": False,
    }
    golfers = cli.ok("contact", "list", "--tag", "GOLF", "--json").json()
    assert [r["id"] for r in golfers] == [seeded["bob"]]


def test_contact_list_as_a_table(seeded: dict[str, int], cli: Cli) -> None:
    lines = cli.ok("contact", "list").out.splitlines()
    assert lines[0].split() == ["id", "name", "org", "emails", "tags"]
    assert len(lines) == 4
    assert "Ann Smith" in lines[2]
    assert "ann@acme.example" in lines[2]
    assert "golf" in lines[3]


def test_empty_lists(cli: Cli) -> None:
    cli.ok("init")
    assert cli.ok("contact", "list").out == "(none)\n"
    for args in (("contact", "list"), ("event", "list"), ("balance",), ("search", "x")):
        assert cli.ok(*args, "--json").json() == []


def test_archived_contacts_are_listed_only_on_request(seeded: dict[str, int], cli: Cli) -> None:
    with inside(cli.vault) as services:
        services.contacts.set_archived(seeded["bob"])
    names = [r["name"] for r in cli.ok("contact", "list", "--json").json()]
    assert "Bob Brown" not in names
    rows = cli.ok("contact", "list", "--archived", "--json").json()
    assert [r["archived"] for r in rows if r["name"] == "Bob Brown"] == [True]


def test_contact_show_by_name_or_id(seeded: dict[str, int], cli: Cli) -> None:
    by_name = cli.ok("contact", "show", "bob", "--json").json()
    by_id = cli.ok("contact", "show", str(seeded["bob"]), "--json").json()
    assert by_name == by_id
    assert {"id", "name", "org", "emails"} <= by_name.keys()
    assert by_name["emails"] == ["bob@example.com"]
    assert by_name["tags"] == ["golf"]
    text = cli.ok("contact", "show", "Ann Smith").out
    assert text.startswith(f"Ann Smith  (id {seeded['ann_smith']})")
    assert "email:" in text
    assert "ann@acme.example" in text
    assert "Acme" in text


def test_search_finds_by_any_field(seeded: dict[str, int], cli: Cli) -> None:
    cli.ok("contact", "add", "Carol Chen", "--offer", "growth marketing")
    hits = cli.ok("search", "growth", "--json").json()
    assert [h["name"] for h in hits] == ["Carol Chen"]
    assert {"id", "name", "org", "emails"} <= hits[0].keys()
    assert [h["id"] for h in cli.ok("search", "acme", "--json").json()] == [seeded["ann_smith"]]
    table = cli.ok("search", "ann").out
    assert "Ann Smith" in table
    assert "Ann Jones" in table
    assert "Bob" not in table
    assert cli.ok("search", "nothing-like-this").out == "(none)\n"


# -- events, timeline, relationships ----------------------------------------------------


def test_event_add_and_list(seeded: dict[str, int], cli: Cli) -> None:
    outcome = cli.ok(
        "event",
        "add",
        "PyCon UK",
        "--date",
        "2026-09-18",
        "--place",
        "Cardiff",
        "--attendee",
        "Bob",
        "--attendee",
        str(seeded["ann_jones"]),
    )
    assert outcome.out.startswith("Logged PyCon UK on 2026-09-18 (id ")
    assert "met Ann Jones, Bob Brown" in outcome.out
    added = cli.ok("event", "add", "Breakfast", "--date", "20 Nov 2026", "--json").json()
    assert added["held_on"] == "2026-11-20"
    assert added["attendees"] == []
    events = cli.ok("event", "list", "--json").json()
    assert isinstance(events, list)
    assert [e["name"] for e in events] == ["Breakfast", "PyCon UK"]
    pycon = events[1]
    assert pycon["place"] == "Cardiff"
    assert pycon["attendees"] == ["Ann Jones", "Bob Brown"]
    assert pycon["attendee_ids"] == sorted([seeded["bob"], seeded["ann_jones"]])
    table = cli.ok("event", "list").out
    assert "PyCon UK" in table
    assert "2026-09-18" in table
    with inside(cli.vault) as services:
        met = services.interactions.timeline(seeded["bob"])
    assert [(m.kind, m.event) for m in met] == [("met", "PyCon UK")]


def test_event_add_accepts_relative_dates(seeded: dict[str, int], cli: Cli) -> None:
    added = cli.ok("event", "add", "Drinks", "--date", "today", "--json").json()
    assert added["held_on"] == date.today().isoformat()


def test_log_adds_to_the_timeline(seeded: dict[str, int], cli: Cli) -> None:
    outcome = cli.ok("log", "Bob", "--note", "Talked golf", "--kind", "call")
    assert outcome.out == "Logged a call with Bob Brown.\n"
    record = cli.ok("log", "Ann Smith", "--note", "Lunch", "--date", "2026-03-02", "--json").json()
    assert record["kind"] == "note"
    assert record["note"] == "Lunch"
    assert record["participants"] == ["Ann Smith"]
    when = datetime.fromisoformat(record["occurred_at"])
    assert when.astimezone(local_zone()).date() == date(2026, 3, 2)
    with inside(cli.vault) as services:
        (call,) = services.interactions.timeline(seeded["bob"])
    assert (call.kind, call.note) == ("call", "Talked golf")


def test_relate_records_a_pair_once(seeded: dict[str, int], cli: Cli) -> None:
    outcome = cli.ok("relate", "Bob", "Ann Smith", "--kind", "neighbours")
    assert outcome.out == "Noted: Ann Smith and Bob Brown (neighbours).\n"
    cli.ok("relate", "Ann Smith", "Bob")
    with inside(cli.vault) as services:
        (relation,) = services.relationships.for_contact(seeded["bob"])
    assert (relation.a, relation.b, relation.kind) == ("Ann Smith", "Bob Brown", "knows")


# -- favours and balances ---------------------------------------------------------------


def test_favours_and_balances(seeded: dict[str, int], cli: Cli) -> None:
    given = cli.ok("favour", "give", "Bob", "Reviewed his deck", "--size", "large", "--json").json()
    assert given["direction"] == "given"
    assert given["status"] == "done"
    assert given["size"] == "large"
    assert given["occurred_on"] == date.today().isoformat()
    received = cli.ok("favour", "receive", "Bob", "An intro", "--date", "2026-01-05").out
    assert received == "Received: An intro (small) from Bob Brown.\n"
    promised = cli.ok(
        "favour", "give", "Ann Smith", "A reference", "--promised", "--due", "2026-12-01"
    ).out
    assert promised == "Promised: A reference (small) to Ann Smith.\n"
    cli.ok("favour", "receive", "Ann Jones", "Coffee", "--size", "medium")

    balances = cli.ok("balance", "--json").json()
    assert balances == [
        {
            "contact": "Ann Jones",
            "contact_id": seeded["ann_jones"],
            "given": 0,
            "received": 2,
            "balance": -2,
        },
        {
            "contact": "Bob Brown",
            "contact_id": seeded["bob"],
            "given": 3,
            "received": 1,
            "balance": 2,
        },
    ]
    for row in balances:
        assert {"contact", "given", "received", "balance"} <= row.keys()
    # A promise does not count until it is done.
    assert cli.ok("balance", "Ann Smith", "--json").json() == [
        {
            "contact": "Ann Smith",
            "contact_id": seeded["ann_smith"],
            "given": 0,
            "received": 0,
            "balance": 0,
        }
    ]
    table = cli.ok("balance").out.splitlines()
    assert table[0].split() == ["contact", "given", "received", "balance"]
    assert table[1].split()[-1] == "-2"
    assert table[2].split()[-1] == "+2"


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
