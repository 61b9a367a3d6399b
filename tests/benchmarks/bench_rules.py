"""Time derive_all over a large synthetic vault.

Run from the project root: .venv/bin/python tests/benchmarks/bench_rules.py
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import UTC, date, datetime, timedelta, tzinfo
from zoneinfo import ZoneInfo

from desktop.rules import (
    AttendanceState,
    ContactState,
    FavourState,
    IntroState,
    RuleSettings,
    VaultState,
    derive_all,
)
from desktop.rules.localtime import local_zone

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
CONTACTS = 10_000
EVENTS = 1_000
ATTENDEES_PER_EVENT = 10
FAVOURS = 20_000
INTROS = 1_000
RUNS = 5


def build_state(seed: int = 20261123) -> VaultState:
    """Build a seeded vault of the size the rules must handle."""
    rng = random.Random(seed)
    start = NOW - timedelta(days=3 * 365)

    def moment() -> datetime:
        return start + timedelta(seconds=rng.randrange(3 * 365 * 86_400))

    def day() -> date:
        return moment().date()

    contacts = []
    for cid in range(1, CONTACTS + 1):
        created = moment()
        last = None if rng.random() < 0.1 else created + (NOW - created) * rng.random()
        contacts.append(
            ContactState(
                contact_id=cid,
                name=f"Person {cid}",
                cadence_days=rng.choice((None, None, 14, 30, 60, 90)),
                last_interaction=last,
                created_at=created,
                asks=tuple(f"ask {cid}.{n}" for n in range(rng.randrange(4))),
            )
        )
    attendances = [
        AttendanceState(
            event_id=eid,
            event_name=f"Event {eid}",
            held_on=held_on,
            contact_id=cid,
            contact_name=f"Person {cid}",
            followed_up=rng.random() < 0.6,
        )
        for eid in range(1, EVENTS + 1)
        for held_on in (day(),)
        for cid in rng.sample(range(1, CONTACTS + 1), ATTENDEES_PER_EVENT)
    ]
    favours = []
    for fid in range(1, FAVOURS + 1):
        cid = rng.randrange(1, CONTACTS + 1)
        occurred = day()
        status = rng.choices(("done", "promised", "declined"), weights=(8, 1, 1))[0]
        due = occurred + timedelta(days=rng.randrange(60)) if status == "promised" else None
        favours.append(
            FavourState(
                favour_id=fid,
                contact_id=cid,
                contact_name=f"Person {cid}",
                direction=rng.choice(("given", "received")),
                status=status,
                occurred_on=occurred,
                due_on=due,
                description=f"favour {fid}",
            )
        )
    intros = []
    for iid in range(1, INTROS + 1):
        a, b = rng.sample(range(1, CONTACTS + 1), 2)
        intros.append(IntroState(iid, a, f"Person {a}", b, f"Person {b}", moment()))
    return VaultState(tuple(contacts), tuple(attendances), tuple(favours), tuple(intros))


def median_ms(state: VaultState, zone: tzinfo) -> tuple[float, int]:
    """Return the median time of derive_all in milliseconds, and how many reminders it made."""
    timings = []
    made = 0
    for _ in range(RUNS):
        settings = RuleSettings(tz=zone)  # fresh, so no due time is memoised from a previous run
        started = time.perf_counter()
        made = len(derive_all(state, settings, NOW))
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), made


def main() -> None:
    """Print the median of five runs for a fixed zone and for the machine's zone."""
    state = build_state()
    print(
        f"{len(state.contacts)} contacts, {len(state.attendances)} attendances, "
        f"{len(state.favours)} favours, {len(state.intros)} intros"
    )
    for label, zone in (
        ("Europe/London (zoneinfo)", ZoneInfo("Europe/London")),
        ("local zone", local_zone()),
    ):
        ms, made = median_ms(state, zone)
        print(f"derive_all, {label}: median of {RUNS} runs {ms:.1f} ms ({made} reminders)")


if __name__ == "__main__":
    main()
