"""The `merge` and `duplicates` commands: find contacts entered twice, and merge them."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.contact_commands import detail_json
from desktop.cli.context import CliContext
from desktop.cli.output import print_json, print_table
from desktop.services.merge import DuplicatePair


def register(commands: Any) -> None:
    """Add the merge and duplicates commands to the parser."""
    merge = commands.add_parser("merge", help="merge the second contact into the first")
    merge.add_argument("keep", metavar="NAME", help="the contact to keep")
    merge.add_argument("other", metavar="NAME", help="the contact merged into it and removed")
    merge.add_argument("--json", action="store_true", help="print JSON")
    merge.set_defaults(handler=run_merge)

    duplicates = commands.add_parser("duplicates", help="list contacts that look entered twice")
    duplicates.add_argument("--limit", type=int, default=100)
    duplicates.add_argument("--json", action="store_true", help="print JSON")
    duplicates.set_defaults(handler=run_duplicates)


def pair_json(pair: DuplicatePair) -> dict[str, Any]:
    """Return a likely duplicate pair as JSON."""
    return {
        "a": pair.a_name,
        "a_id": pair.a_id,
        "a_org": pair.a_org,
        "b": pair.b_name,
        "b_id": pair.b_id,
        "b_org": pair.b_org,
        "why": pair.why,
    }


def run_merge(args: argparse.Namespace, ctx: CliContext) -> int:
    """Merge two contacts."""
    contacts = ctx.services.contacts
    keep, other = contacts.resolve_id(args.keep), contacts.resolve_id(args.other)
    gone = contacts.get(other).name
    detail = ctx.services.merge.merge(keep, other)
    if ctx.json:
        print_json(detail_json(detail))
    else:
        print(f"Merged {gone} into {detail.name} (id {detail.id}).")
    return 0


def run_duplicates(args: argparse.Namespace, ctx: CliContext) -> int:
    """List likely duplicate pairs."""
    pairs = ctx.services.merge.find_duplicates(limit=max(1, args.limit))
    if ctx.json:
        print_json([pair_json(p) for p in pairs])
    else:
        print_table(
            [(str(p.a_id), p.a_name, str(p.b_id), p.b_name, p.why) for p in pairs],
            ("id", "contact", "id", "looks like", "why"),
        )
    return 0
