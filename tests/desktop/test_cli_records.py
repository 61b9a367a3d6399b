"""`rapport contact / search / event / log / relate / favour / balance`, run in-process."""

from __future__ import annotations

from datetime import date, datetime

from desktop.dates import local_zone
from tests.support.cli_runner import Cli
from tests.support.cli_vaults import inside

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
