"""Commands about contacts: `contact add/list/show` and `search`."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.context import CliContext
from desktop.cli.output import joined, print_json, print_table, to_jsonable
from desktop.records import ContactDetail, ContactInput, ContactSummary


def register(commands: Any) -> None:
    """Add the contact commands to the parser."""
    contact = commands.add_parser("contact", help="add, list and show contacts")
    actions = contact.add_subparsers(dest="action", metavar="ACTION", required=True)

    add = actions.add_parser("add", help="add a contact")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--org", help="organisation")
    add.add_argument("--title", help="job title")
    add.add_argument("--location", help="city or region")
    add.add_argument("--email", action="append", default=[], help="email (repeatable)")
    add.add_argument("--phone", action="append", default=[], help="phone (repeatable)")
    add.add_argument("--url", action="append", default=[], help="web address (repeatable)")
    add.add_argument("--tag", action="append", default=[], help="tag (repeatable)")
    add.add_argument("--ask", action="append", default=[], help="what they look for")
    add.add_argument("--offer", action="append", default=[], help="what they can help with")
    add.add_argument("--note", help="free text about them")
    add.add_argument("--cadence", type=int, metavar="DAYS", help="keep in touch every DAYS days")
    add.add_argument("--json", action="store_true", help="print JSON")
    add.set_defaults(handler=run_add)

    listing = actions.add_parser("list", help="list contacts")
    listing.add_argument("--tag", help="only contacts with this tag")
    listing.add_argument("--archived", action="store_true", help="include archived contacts")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)

    show = actions.add_parser("show", help="show one contact")
    show.add_argument("contact", metavar="NAME_OR_ID")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(handler=run_show)

    search = commands.add_parser("search", help="search contacts, notes, asks and offers")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=int, default=50)
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(handler=run_search)


def summary_json(summary: ContactSummary) -> dict[str, Any]:
    """Return a contact list row as JSON."""
    return {
        "id": summary.id,
        "name": summary.name,
        "org": summary.org,
        "title": summary.title,
        "emails": list(summary.emails),
        "tags": list(summary.tags),
        "archived": summary.archived,
    }


def detail_json(detail: ContactDetail) -> dict[str, Any]:
    """Return a whole contact as JSON."""
    data: dict[str, Any] = to_jsonable(detail)
    data["emails"] = list(detail.emails)
    data["phones"] = list(detail.phones)
    return data


def print_detail(detail: ContactDetail) -> None:
    """Print a contact for a person to read."""
    print(detail.name + (f"  (id {detail.id})" if detail.id else ""))
    role = " at ".join(x for x in (detail.title, detail.org) if x)
    for label, value in (
        ("role", role),
        ("location", detail.location or ""),
        ("tags", joined(detail.tags)),
        ("asks", "; ".join(detail.asks)),
        ("offers", "; ".join(detail.offers)),
        ("cadence", f"every {detail.cadence_days} days" if detail.cadence_days else ""),
        ("about", detail.about or ""),
    ):
        if value:
            print(f"  {label + ':':<10}{value}")
    for method in detail.methods:
        label = f" ({method.label})" if method.label else ""
        print(f"  {method.kind + ':':<10}{method.value}{label}")


def run_add(args: argparse.Namespace, ctx: CliContext) -> int:
    """Add a contact."""
    detail = ctx.services.contacts.add(
        ContactInput(
            name=args.name,
            org=args.org,
            title=args.title,
            location=args.location,
            about=args.note,
            cadence_days=args.cadence,
            emails=tuple(args.email),
            phones=tuple(args.phone),
            urls=tuple(args.url),
            tags=tuple(args.tag),
            asks=tuple(args.ask),
            offers=tuple(args.offer),
        )
    )
    if ctx.json:
        print_json(detail_json(detail))
    else:
        print(f"Added {detail.name} (id {detail.id}).")
    return 0


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """List contacts."""
    rows = ctx.services.contacts.list_contacts(include_archived=args.archived, tag=args.tag)
    if ctx.json:
        print_json([summary_json(r) for r in rows])
    else:
        print_table(
            [(str(r.id), r.name, r.org or "", joined(r.emails), joined(r.tags)) for r in rows],
            ("id", "name", "org", "emails", "tags"),
        )
    return 0


def run_show(args: argparse.Namespace, ctx: CliContext) -> int:
    """Show one contact."""
    detail = ctx.services.contacts.find(args.contact)
    if ctx.json:
        print_json(detail_json(detail))
    else:
        print_detail(detail)
    return 0


def run_search(args: argparse.Namespace, ctx: CliContext) -> int:
    """Search the full-text index."""
    hits = ctx.services.search.search(args.query, limit=args.limit)
    if ctx.json:
        summaries = ctx.services.contacts.summaries_for([h.contact_id for h in hits])
        print_json([summary_json(s) for s in summaries])
    else:
        print_table([(str(h.contact_id), h.name, h.org or "") for h in hits], ("id", "name", "org"))
    return 0
