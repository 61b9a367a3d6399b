"""Commands about what happened: `event add/list`, `log`, `relate`."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import CliContext
from desktop.cli.output import joined, print_json, print_table, to_jsonable
from desktop.dates import local_moment, parse_date
from storage.models import INTERACTION_KINDS


def register(commands: Any) -> None:
    """Add the timeline commands to the parser."""
    event = commands.add_parser("event", help="log networking events")
    actions = event.add_subparsers(dest="action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="log an event and who you met")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--date", required=True, help="when it was (2026-11-20, 20 Nov, today)")
    add.add_argument("--place", help="where it was")
    add.add_argument("--notes", help="notes about the event")
    add.add_argument(
        "--attendee", action="append", default=[], metavar="NAME", help="someone you met"
    )
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(handler=run_event_add)
    listing = actions.add_parser("list", help="list events, newest first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_event_list)

    log = commands.add_parser("log", help="add an interaction to a contact's timeline")
    log.add_argument("contact", metavar="NAME")
    log.add_argument("--note", required=True, help="what happened")
    log.add_argument("--date", help="when (default: now)")
    log.add_argument("--kind", default="note", choices=INTERACTION_KINDS)
    log.add_argument("--json", action="store_true", help="print JSON")
    log.set_defaults(handler=run_log)

    relate = commands.add_parser("relate", help="record that two contacts know each other")
    relate.add_argument("first", metavar="NAME")
    relate.add_argument("second", metavar="NAME")
    relate.add_argument("--kind", default="knows", help="how they know each other")
    relate.set_defaults(handler=run_relate)


def run_event_add(args: argparse.Namespace, ctx: CliContext) -> int:
    """Log an event with its attendees."""
    held_on = parse_date(args.date)
    contacts = ctx.services.contacts
    attendees = tuple(contacts.resolve_id(name) for name in args.attendee)
    event = ctx.services.events.add(
        args.name, held_on, place=args.place, notes=args.notes, attendee_ids=attendees
    )
    if ctx.json:
        print_json(to_jsonable(event))
    else:
        met = f"; met {joined(event.attendees)}" if event.attendees else ""
        print(f"Logged {event.name} on {event.held_on.isoformat()} (id {event.id}){met}.")
    return 0


def run_event_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """List events."""
    events = ctx.services.events.list_events()
    if ctx.json:
        print_json([to_jsonable(e) for e in events])
    else:
        print_table(
            [
                (str(e.id), e.held_on.isoformat(), e.name, e.place or "", str(len(e.attendees)))
                for e in events
            ],
            ("id", "date", "name", "place", "met"),
        )
    return 0


def run_log(args: argparse.Namespace, ctx: CliContext) -> int:
    """Log an interaction."""
    contact_id = ctx.services.contacts.resolve_id(args.contact)
    when = local_moment(parse_date(args.date)) if args.date else None
    record = ctx.services.interactions.log([contact_id], kind=args.kind, note=args.note, when=when)
    if ctx.json:
        print_json(to_jsonable(record))
    else:
        print(f"Logged a {record.kind} with {joined(record.participants)}.")
    return 0


def run_relate(args: argparse.Namespace, ctx: CliContext) -> int:
    """Record a relationship."""
    contacts = ctx.services.contacts
    a, b = contacts.resolve_id(args.first), contacts.resolve_id(args.second)
    record = ctx.services.relationships.relate(a, b, kind=args.kind)
    print(f"Noted: {record.a} and {record.b} ({record.kind}).")
    return 0
