"""Computing Today (FollowUpService.today) on a copy of the sample vault.

    python -m tests.benchmarks.bench_today [--size M|L] [--json FILE]

- due_ms: `today(now)` on a vault unchanged since the last derivation (what the Today
  page and the tray's check do most of the time): median of 21 calls.
- due_recompute_ms: `today(now)` right after a write elsewhere (an interaction logged),
  so the rules run again over the whole vault and the reminders table is synced:
  median of 5. A new service's first call (cold) is shown too.
"""

from __future__ import annotations

import statistics
import tempfile
from pathlib import Path
from zoneinfo import ZoneInfo

from desktop.app import build_services
from desktop.services.followups import FollowUpService
from tests.benchmarks.harness import (
    NOW,
    bench_args,
    cached_vault,
    check,
    opened,
    report,
    timed_ms,
    working_copy,
)

ZONE = ZoneInfo("Europe/London")
WARM_RUNS = 21
RECOMPUTE_RUNS = 5
TARGET_MS = 100.0


def main() -> None:
    """Print the warm and recompute medians of today()."""
    args = bench_args(__doc__.splitlines()[0])
    with (
        tempfile.TemporaryDirectory(prefix="rapport-today-") as tmp,
        opened(working_copy(cached_vault(args.size), Path(tmp))) as vault,
    ):
        followups = FollowUpService(vault.sessions, zone=ZONE)
        first_ms, _ = timed_ms(lambda: followups.refresh(NOW))
        warm = [timed_ms(lambda: followups.today(NOW))[0] for _ in range(WARM_RUNS)]
        view = followups.today(NOW)
        people = [r.contact_id for r in view.overdue if r.contact_id is not None]
        log = build_services(vault).interactions.log
        recompute = []
        for n in range(RECOMPUTE_RUNS):
            log([people[n]], kind="call", note="Caught up", when=NOW)
            recompute.append(timed_ms(lambda: followups.today(NOW))[0])
        cold_ms, _ = timed_ms(lambda: FollowUpService(vault.sessions, zone=ZONE).today(NOW))
        snapshot_ms, state = timed_ms(lambda: followups.snapshot(NOW))
    due_ms, again_ms = statistics.median(warm), statistics.median(recompute)
    print(
        f"{len(state.contacts)} contacts, {len(state.attendances)} attendances, "
        f"{len(state.favours)} favours read; Today shows {len(view.overdue)} overdue, "
        f"{len(view.today)} today, {len(view.week)} this week, "
        f"{len(view.losing_touch)} losing touch"
    )
    print(f"first refresh (empty reminders table): {first_ms:.0f} ms")
    print(f"today(), unchanged: median {due_ms:.1f} ms (min {min(warm):.1f}, max {max(warm):.1f})")
    print(f"today() after a write: median {again_ms:.0f} ms; new service: {cold_ms:.0f} ms")
    print(f"snapshot (the rules' SQL reads alone): {snapshot_ms:.0f} ms")
    report(
        [
            check("due_ms", due_ms, "ms", TARGET_MS, "warm, unchanged vault"),
            check("due_recompute_ms", again_ms, "ms", None, "after a write"),
        ],
        args.json,
    )


if __name__ == "__main__":
    main()
