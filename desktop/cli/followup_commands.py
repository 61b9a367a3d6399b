"""Commands about follow-ups: `due`, `remind`, `done`, `snooze`, `dismiss`."""

from __future__ import annotations

import argparse
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from typing import Any

from desktop.cli.context import CliContext
from desktop.cli.output import print_json, print_table
from desktop.dates import parse_date
from desktop.errors import ValidationError
from desktop.rules import RECURRENCE_PRESETS, every_n_days, parse_rrule
from desktop.rules.localtime import local_date, local_morning, localise
from desktop.services.reminders import ReminderRecord

REPEAT_HELP = "weekly, monthly, quarterly, yearly, every:N (days), or an RRULE"


def register(commands: Any) -> None:
    """Add the follow-up commands to the parser."""
    due = commands.add_parser("due", help="follow-ups due, overdue included")
    due.add_argument("--as-of", metavar="DATE", help="as on this day (default: today)")
    due.add_argument("--days", type=int, default=0, metavar="N", help="and the next N days")
    due.add_argument("--json", action="store_true", help="print JSON")
    due.set_defaults(handler=run_due)

    remind = commands.add_parser("remind", help="set a reminder about a contact")
    remind.add_argument("contact", metavar="NAME")
    remind.add_argument("text", metavar="TEXT", help="what to do")
    remind.add_argument("--date", required=True, help="the day it is due (09:00 local time)")
    remind.add_argument("--repeat", metavar="RULE", help=REPEAT_HELP)
    remind.add_argument("--json", action="store_true", help="print JSON")
    remind.set_defaults(handler=run_remind)

    done = commands.add_parser("done", help="mark a follow-up done")
    done.add_argument("id", type=int, metavar="ID")
    done.add_argument("--log", action="store_true", help="also note it on the contact's timeline")
    done.add_argument("--note", default="", help="the note to log (with --log)")
    done.set_defaults(handler=run_done)

    snooze = commands.add_parser("snooze", help="put a follow-up off")
    snooze.add_argument("id", type=int, metavar="ID")
    until = snooze.add_mutually_exclusive_group(required=True)
    until.add_argument("--for", dest="period", choices=("1d", "1w"), help="a day or a week")
    until.add_argument("--until", metavar="DATE", help="until 09:00 on this day")
    snooze.set_defaults(handler=run_snooze)

    dismiss = commands.add_parser("dismiss", help="dismiss a follow-up for good")
    dismiss.add_argument("id", type=int, metavar="ID")
    dismiss.set_defaults(handler=run_dismiss)


def repeat_rule(text: str) -> str:
    """Turn a --repeat value into an RRULE, or raise `ValidationError` saying what works."""
    value = text.strip().lower()
    if value in RECURRENCE_PRESETS:
        return RECURRENCE_PRESETS[value]
    if value.startswith("every:"):
        days = value.removeprefix("every:")
        if days.isdigit() and int(days) >= 1:
            return every_n_days(int(days))
        raise ValidationError(f"every:N needs a whole number of days of 1 or more, not {text!r}.")
    if "freq=" in value:
        try:
            return parse_rrule(text)
        except ValueError as error:
            raise ValidationError(str(error)) from None
    raise ValidationError(f"--repeat is {REPEAT_HELP}; {text!r} is none of these.")


def end_of_day(day: date, zone: tzinfo) -> datetime:
    """Return the last moment of a local day, so "due on that day" includes all of it."""
    next_day = localise(datetime.combine(day + timedelta(days=1), time()), zone)
    return next_day - timedelta(microseconds=1)


def reminder_json(record: ReminderRecord, zone: tzinfo) -> dict[str, Any]:
    """Return a reminder as JSON; `due` is the local day it next asks for attention."""
    return {
        # A forecast (`due --as-of` a later day) not stored yet has no id to act on.
        "id": record.id or None,
        "contact": record.contact,
        "contact_id": record.contact_id,
        "due": local_date(record.effective_due, zone).isoformat(),
        "due_at": record.effective_due.astimezone(UTC).isoformat(),
        "kind": record.kind,
        "reason": record.reason,
        "status": record.status,
        "repeat": record.rrule,
    }


def run_due(args: argparse.Namespace, ctx: CliContext) -> int:
    """List what is due."""
    day = parse_date(args.as_of) if args.as_of else None
    if args.days < 0:
        raise ValidationError(f"--days counts days ahead: 0 or more, not {args.days}.")
    followups = ctx.services.followups
    zone = followups.zone
    now = datetime.now(UTC)
    as_of = end_of_day(day or local_date(now, zone), zone)
    # Store what is due now first, so every listed reminder has an id to act on.
    followups.refresh(now)
    records = followups.due(as_of, args.days, now=now)
    if ctx.json:
        print_json([reminder_json(r, zone) for r in records])
    else:
        print_table(
            [
                (
                    str(r.id or "-"),
                    local_date(r.effective_due, zone).isoformat(),
                    r.kind.replace("_", " "),
                    r.contact or "",
                    r.reason,
                )
                for r in records
            ],
            ("id", "due", "kind", "contact", "reason"),
        )
    return 0


def run_remind(args: argparse.Namespace, ctx: CliContext) -> int:
    """Add a manual reminder."""
    day = parse_date(args.date)
    rrule = repeat_rule(args.repeat) if args.repeat else None
    followups = ctx.services.followups
    contact_id = ctx.services.contacts.resolve_id(args.contact)
    record = followups.add_manual(contact_id, args.text, local_morning(day, followups.zone), rrule)
    if ctx.json:
        print_json(reminder_json(record, followups.zone))
    else:
        repeats = f", repeating {args.repeat.strip()}" if rrule else ""
        print(f"Reminder {record.id} set for {day.isoformat()}{repeats}: {record.reason}")
    return 0


def run_done(args: argparse.Namespace, ctx: CliContext) -> int:
    """Mark a reminder done; a repeating one moves to its next date."""
    followups = ctx.services.followups
    following = followups.complete(
        args.id, datetime.now(UTC), log_interaction=args.log, note=args.note
    )
    if following is None:
        print(f"Reminder {args.id} done.")
    else:
        day = local_date(following.due_at, followups.zone).isoformat()
        print(f"Reminder {args.id} done; it comes back on {day}.")
    return 0


def run_snooze(args: argparse.Namespace, ctx: CliContext) -> int:
    """Snooze a reminder."""
    choice: str | date = args.period or parse_date(args.until)
    followups = ctx.services.followups
    record = followups.snooze(args.id, choice, datetime.now(UTC))
    assert record.snoozed_until is not None  # a snoozed record always says until when
    until = record.snoozed_until.astimezone(followups.zone)
    print(f"Reminder {args.id} snoozed until {until:%Y-%m-%d %H:%M}.")
    return 0


def run_dismiss(args: argparse.Namespace, ctx: CliContext) -> int:
    """Dismiss a reminder."""
    record = ctx.services.followups.dismiss(args.id, datetime.now(UTC))
    print(f"Reminder {args.id} dismissed: {record.reason}")
    return 0
