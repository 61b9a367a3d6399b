"""Commands about the favour ledger: `favour give/receive` and `balance`."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import CliContext
from desktop.cli.output import print_json, print_table, to_jsonable
from desktop.dates import parse_date
from desktop.records import Balance
from storage.models import FAVOUR_SIZES


def register(commands: Any) -> None:
    """Add the ledger commands to the parser."""
    favour = commands.add_parser("favour", help="record a favour given or received")
    actions = favour.add_subparsers(dest="action", metavar="give|receive", required=True)
    for action, direction in (("give", "given"), ("receive", "received")):
        sub = actions.add_parser(action, help=f"record a favour {direction}")
        sub.add_argument("contact", metavar="NAME")
        sub.add_argument("text", metavar="TEXT", help="what the favour was")
        sub.add_argument("--date", help="when (default: today)")
        sub.add_argument("--size", default="small", choices=FAVOUR_SIZES)
        sub.add_argument("--promised", action="store_true", help="promised, not done yet")
        sub.add_argument("--due", help="when a promised favour is due")
        sub.add_argument("--json", action="store_true", help="print JSON")
        sub.set_defaults(handler=run_favour, direction=direction)

    balance = commands.add_parser("balance", help="reciprocity balance with contacts")
    balance.add_argument("contact", metavar="NAME", nargs="?")
    balance.add_argument("--json", action="store_true", help="print JSON")
    balance.set_defaults(handler=run_balance)


def balance_json(balance: Balance) -> dict[str, Any]:
    """Return a balance as JSON."""
    return {
        "contact": balance.contact,
        "contact_id": balance.contact_id,
        "given": balance.given,
        "received": balance.received,
        "balance": balance.balance,
    }


def run_favour(args: argparse.Namespace, ctx: CliContext) -> int:
    """Record a favour."""
    on = parse_date(args.date) if args.date else None
    due = parse_date(args.due) if args.due else None
    contact_id = ctx.services.contacts.resolve_id(args.contact)
    entry = ctx.services.favours.record(
        contact_id,
        args.direction,
        args.text,
        on=on,
        size=args.size,
        promised=args.promised,
        due_on=due,
    )
    if ctx.json:
        print_json(to_jsonable(entry))
    else:
        what = "Promised" if entry.status == "promised" else entry.direction.capitalize()
        towards = "to" if entry.direction == "given" else "from"
        print(f"{what}: {entry.description} ({entry.size}) {towards} {entry.contact}.")
    return 0


def run_balance(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the balance with one contact, or with everyone."""
    favours = ctx.services.favours
    if args.contact:
        balances = [favours.balance(ctx.services.contacts.resolve_id(args.contact))]
    else:
        balances = favours.balances()
    if ctx.json:
        print_json([balance_json(b) for b in balances])
    else:
        print_table(
            [(b.contact, str(b.given), str(b.received), f"{b.balance:+d}") for b in balances],
            ("contact", "given", "received", "balance"),
        )
    return 0
