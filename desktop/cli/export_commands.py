"""The `export` command: one writer per format, picked with --format.

A new format is one function returning the file's bytes and a few words on what is in
it, added to `WRITERS`.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from desktop.calendar_export import reminders_to_ics
from desktop.cli.contact_exports import CONTACT_WRITERS, VCARD_VERSIONS
from desktop.cli.context import CliContext
from desktop.errors import ValidationError

# Given the command's context and the time, return (file content, what it holds).
Writer = Callable[[CliContext, datetime], tuple[bytes, str]]


def _ics(ctx: CliContext, now: datetime) -> tuple[bytes, str]:
    reminders = ctx.services.followups.open_reminders(now)
    noun = "follow-up" if len(reminders) == 1 else "follow-ups"
    return reminders_to_ics(reminders, now=now), f"{len(reminders)} {noun}"


WRITERS: dict[str, Writer] = {"ics": _ics, **CONTACT_WRITERS}


def register(commands: Any) -> None:
    """Add the export command to the parser."""
    export = commands.add_parser("export", help="write data to a file for other programs")
    export.add_argument(
        "--format",
        required=True,
        choices=sorted(WRITERS),
        help="ics: open follow-ups; vcard, csv: contacts; json: everything in the vault",
    )
    export.add_argument(
        "--vcard-version", choices=VCARD_VERSIONS, default="4.0", help="for --format vcard"
    )
    export.add_argument("out", metavar="OUT", help="the file to write")
    export.set_defaults(handler=run_export)


def run_export(args: argparse.Namespace, ctx: CliContext) -> int:
    """Write the chosen export."""
    out = Path(args.out).expanduser()
    # Checked before the vault is read, so a typo in the path costs nothing.
    if out.is_dir():
        raise ValidationError(f"{out} is a folder; give a file name to write to.")
    if not out.parent.is_dir():
        raise ValidationError(f"There is no folder {out.parent}; create it first.")
    content, holds = WRITERS[args.format](ctx, datetime.now(UTC))
    out.write_bytes(content)
    print(f"Wrote {holds} to {out}.")
    return 0
