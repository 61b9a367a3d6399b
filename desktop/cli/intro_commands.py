"""Commands about introductions: `suggest`, `help-with`, and `intro` through its stages."""

from __future__ import annotations

import argparse
import textwrap
from typing import Any

from desktop.cli.context import CliContext
from desktop.cli.output import print_json, print_table, to_jsonable
from desktop.services.introductions import Helper, IntroductionRecord, Suggestion
from storage.models import INTRO_STAGES

_INDENT = "   "
_WIDTH = 88


def register(commands: Any) -> None:
    """Add the introduction commands to the parser."""
    suggest = commands.add_parser("suggest", help="who should meet whom")
    suggest.add_argument("contact", metavar="NAME", nargs="?", help="suggestions for one contact")
    suggest.add_argument("--limit", type=int, default=10, metavar="N", help="at most N (10)")
    suggest.add_argument("--json", action="store_true", help="print JSON")
    suggest.set_defaults(handler=run_suggest)

    helpers = commands.add_parser("help-with", help="who in your network can help with …")
    helpers.add_argument("need", metavar="TEXT", help='the need in your words ("a bookkeeper")')
    helpers.add_argument("--limit", type=int, default=10, metavar="N", help="at most N (10)")
    helpers.add_argument("--json", action="store_true", help="print JSON")
    helpers.set_defaults(handler=run_help_with)

    intro = commands.add_parser("intro", help="track an introduction from proposal to outcome")
    actions = intro.add_subparsers(dest="action", metavar="ACTION", required=True)
    propose = actions.add_parser("propose", help="start introducing two people")
    propose.add_argument("first", metavar="A")
    propose.add_argument("second", metavar="B")
    propose.add_argument("--reason", default="", help="why they should meet")
    propose.set_defaults(handler=run_propose)

    ask = actions.add_parser("ask", help="note that one side was asked, and their answer")
    ask.add_argument("id", type=int, metavar="ID")
    ask.add_argument("--side", required=True, choices=("a", "b"), help="which person")
    answer = ask.add_mutually_exclusive_group()
    answer.add_argument("--yes", dest="agreed", action="store_const", const=True)
    answer.add_argument("--no", dest="agreed", action="store_const", const=False)
    ask.set_defaults(handler=run_ask, agreed=None)

    make = actions.add_parser("make", help="mark it made (both sides agreed)")
    make.add_argument("id", type=int, metavar="ID")
    make.add_argument("--force", action="store_true", help="make it without both answers")
    make.set_defaults(handler=run_make)

    outcome = actions.add_parser("outcome", help="note how it went")
    outcome.add_argument("id", type=int, metavar="ID")
    outcome.add_argument("--note", required=True, help="what came of it")
    worked = outcome.add_mutually_exclusive_group(required=True)
    worked.add_argument("--worked", dest="worked", action="store_true")
    worked.add_argument("--did-not-work", dest="worked", action="store_false")
    outcome.set_defaults(handler=run_outcome)

    dismiss = actions.add_parser("dismiss", help="drop an introduction")
    dismiss.add_argument("id", type=int, metavar="ID")
    dismiss.set_defaults(handler=run_dismiss)

    pair = actions.add_parser("dismiss-pair", help="never suggest these two again")
    pair.add_argument("first", metavar="A")
    pair.add_argument("second", metavar="B")
    pair.add_argument("--reason", default="", help="why not")
    pair.set_defaults(handler=run_dismiss_pair)

    listing = actions.add_parser("list", help="introductions, latest change first")
    listing.add_argument("--stage", choices=INTRO_STAGES, help="only this stage")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(handler=run_list)

    email = actions.add_parser("email", help="draft the introduction email")
    email.add_argument("id", type=int, metavar="ID")
    email.add_argument("--json", action="store_true", help="print JSON")
    email.set_defaults(handler=run_email)


def suggestion_json(s: Suggestion) -> dict[str, Any]:
    """Return a suggestion as JSON."""
    return {
        "a": s.a,
        "b": s.b,
        "a_id": s.a_id,
        "b_id": s.b_id,
        "score": round(s.score, 3),
        "reason": s.reason,
        "ask": s.ask,
        "offer": s.offer,
        "shared": list(s.shared),
    }


def helper_json(h: Helper) -> dict[str, Any]:
    """Return a helper as JSON."""
    return {
        "contact": h.name,
        "contact_id": h.contact_id,
        "score": round(h.score, 3),
        "offer": h.offer,
        "reason": h.reason,
    }


def _wrapped(text: str) -> str:
    return textwrap.fill(text, _WIDTH, initial_indent=_INDENT, subsequent_indent=_INDENT)


def run_suggest(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the best introductions, for one contact or across the network."""
    contact_id = ctx.services.contacts.resolve_id(args.contact) if args.contact else None
    found = ctx.services.introductions.suggest(contact_id, args.limit)
    if ctx.json:
        print_json([suggestion_json(s) for s in found])
        return 0
    if not found:
        print(
            "No suggestions yet: note what people are looking for (--ask) and what they "
            "can help with (--offer)."
        )
    for n, s in enumerate(found, 1):
        print(f"{n}. {s.a} + {s.b}  (score {s.score:.2f})")
        print(_wrapped(s.reason))
    return 0


def run_help_with(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print who can help with a need."""
    found = ctx.services.introductions.who_can_help(args.need, args.limit)
    if ctx.json:
        print_json([helper_json(h) for h in found])
        return 0
    if not found:
        print("Nobody in your network offers that yet; try other words.")
    for n, h in enumerate(found, 1):
        print(f"{n}. {h.name}  (score {h.score:.2f})")
        print(_wrapped(h.reason))
    return 0


def _waiting(intro: IntroductionRecord) -> str:
    answers = []
    for name, agreed in ((intro.a, intro.a_agreed), (intro.b, intro.b_agreed)):
        answers.append(f"{name}: {'yes' if agreed else 'no' if agreed is False else 'no answer'}")
    return "; ".join(answers)


def run_propose(args: argparse.Namespace, ctx: CliContext) -> int:
    """Start an introduction."""
    contacts = ctx.services.contacts
    a, b = contacts.resolve_id(args.first), contacts.resolve_id(args.second)
    intro = ctx.services.introductions.propose(a, b, args.reason)
    print(f"Proposed introduction {intro.id}: {intro.a} and {intro.b}.")
    if intro.reason:
        print(_wrapped(intro.reason))
    print(f"Next, ask each of them: rapport intro ask {intro.id} --side a --yes")
    return 0


def run_ask(args: argparse.Namespace, ctx: CliContext) -> int:
    """Note that one side was asked."""
    intro = ctx.services.introductions.ask(args.id, args.side, args.agreed)
    who = intro.a if args.side == "a" else intro.b
    print(f"Asked {who} about introduction {intro.id}. {_waiting(intro)}.")
    if intro.both_agreed:
        print(f"Both agreed: rapport intro make {intro.id}")
    return 0


def run_make(args: argparse.Namespace, ctx: CliContext) -> int:
    """Mark an introduction made."""
    intro = ctx.services.introductions.make(args.id, force=args.force)
    print(
        f"Introduced {intro.a} and {intro.b} (id {intro.id}); noted a favour given to each. "
        f"Draft the email with: rapport intro email {intro.id}"
    )
    return 0


def run_outcome(args: argparse.Namespace, ctx: CliContext) -> int:
    """Note how an introduction went."""
    intro = ctx.services.introductions.record_outcome(args.id, args.note, args.worked)
    verdict = "it worked" if intro.outcome_worked else "it did not work out"
    print(f"Noted for {intro.a} and {intro.b} (id {intro.id}): {verdict}.")
    return 0


def run_dismiss(args: argparse.Namespace, ctx: CliContext) -> int:
    """Drop an introduction."""
    intro = ctx.services.introductions.dismiss(args.id)
    print(f"Dismissed introduction {intro.id} ({intro.a} and {intro.b}).")
    return 0


def run_dismiss_pair(args: argparse.Namespace, ctx: CliContext) -> int:
    """Never suggest two people again."""
    contacts = ctx.services.contacts
    a, b = contacts.resolve_id(args.first), contacts.resolve_id(args.second)
    intro = ctx.services.introductions.dismiss_pair(a, b, args.reason)
    print(f"{intro.a} and {intro.b} will not be suggested again.")
    return 0


def run_list(args: argparse.Namespace, ctx: CliContext) -> int:
    """List introductions."""
    intros = ctx.services.introductions.list_introductions(args.stage)
    if ctx.json:
        print_json([to_jsonable(i) for i in intros])
        return 0
    print_table(
        [
            (str(i.id), i.stage, f"{i.a} + {i.b}", i.updated_at.astimezone().date().isoformat())
            for i in intros
        ],
        ("id", "stage", "between", "updated"),
    )
    return 0


def run_email(args: argparse.Namespace, ctx: CliContext) -> int:
    """Print the introduction email and its mailto: link."""
    email = ctx.services.introductions.draft_email(args.id)
    if ctx.json:
        print_json(to_jsonable(email))
        return 0
    print(f"To: {', '.join(email.to) or '(no email address known)'}")
    print(f"Subject: {email.subject}")
    print()
    print(email.body)
    print()
    if email.missing:
        print(f"No email address for {' or '.join(email.missing)}; add it to send this.")
    print(email.mailto)
    return 0
