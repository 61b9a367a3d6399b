"""Time the Today page over a 10,000-contact sample vault, read from a real SQLCipher file.

Run from the project root:

    .venv/bin/python tests/benchmarks/bench_today.py [--folder DIR] [--rebuild]

The sample vault (10,000 contacts, 1,000 events, 100,000 interactions, 20,000 favours)
takes a while to generate, so it is kept in DIR (default: a folder in the temp dir) and
reused. It is a passphrase vault with a cheap KDF: a keyring vault could not be reopened
by a later process, since the keyring here lives in memory. Every run works on a fresh
copy, so "first refresh" really finds an empty reminders table.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import keyring

from desktop.app import build_services
from desktop.rules import RuleSettings, derive_all
from desktop.sample import SampleSize, generate_sample
from desktop.services.followups import FollowUpService
from storage.keys import KdfParams
from storage.vault import Vault

SIZE = SampleSize(contacts=10_000, events=1_000, interactions=100_000, favours=20_000)
SAMPLE_DAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
ZONE = ZoneInfo("Europe/London")
PASSPHRASE = "benchmark passphrase, not a secret"
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
RUNS = 5
TARGET_MS = 100.0
VAULT_FILES = ("rapport.db", "rapport.db.vault")


def use_memory_keyring() -> None:
    """Keep the machine's real keyring out of it, as the tests do."""
    # The project is installed, its tests folder is not: find it beside this file.
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
    from tests.support.memory_keyring import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())


def pristine_vault(folder: Path, rebuild: bool) -> Path:
    """Return the cached sample vault, generating it first if needed."""
    path = folder / "pristine" / "rapport.db"
    done = path.with_name("complete")
    if rebuild and path.parent.exists():
        shutil.rmtree(path.parent)
    if done.exists():
        return path
    if path.parent.exists():
        shutil.rmtree(path.parent)  # a generation that was interrupted
    print(f"Generating the sample vault in {path.parent} (once)...", flush=True)
    started = time.perf_counter()
    vault = Vault.create(path, passphrase=PASSPHRASE, kdf=FAST_KDF)
    try:
        summary = generate_sample(vault, SIZE, today=SAMPLE_DAY)
        vault.checkpoint()
    finally:
        vault.close()
    done.write_text(f"{summary}\n", encoding="utf-8")
    print(f"  {summary} in {time.perf_counter() - started:.1f} s", flush=True)
    return path


@contextmanager
def working_copy(pristine: Path, folder: Path) -> Iterator[Vault]:
    """Open a fresh copy of the pristine vault."""
    work = folder / "work"
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    for name in VAULT_FILES:
        shutil.copy2(pristine.with_name(name), work / name)
    vault = Vault.open(work / "rapport.db", passphrase=PASSPHRASE)
    try:
        yield vault
    finally:
        vault.close()


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


Record = Callable[[str, float], None]


def one_run(pristine: Path, folder: Path, record: Record) -> str:
    """Time everything once on a fresh copy; return what the vault holds."""
    with working_copy(pristine, folder) as vault:
        followups = FollowUpService(vault.sessions, zone=ZONE)
        record("refresh, first (empty reminders table)", timed(lambda: followups.refresh(NOW)))
        record("refresh, again (nothing changed)", timed(lambda: followups.refresh(NOW)))
        record("today(), vault unchanged since refresh", timed(lambda: followups.today(NOW)))
        view = followups.today(NOW)
        followups.snooze(view.overdue[0].id, "1d", NOW)
        record("today() after a snooze (no derive)", timed(lambda: followups.today(NOW)))
        contact = view.overdue[1].contact_id
        assert contact is not None
        build_services(vault).interactions.log([contact], kind="call", note="Call", when=NOW)
        record("today() after a write elsewhere (derives)", timed(lambda: followups.today(NOW)))
        cold = FollowUpService(vault.sessions, zone=ZONE)
        record("today(), new service (derives)", timed(lambda: cold.today(NOW)))
        state = followups.snapshot(NOW)
        record("snapshot (SQL)", timed(lambda: followups.snapshot(NOW)))
        made: list[int] = []
        record(
            "derive_all",
            timed(lambda: made.append(len(derive_all(state, RuleSettings(tz=ZONE), NOW)))),
        )
        later = NOW + timedelta(days=30)
        record("due(as_of=+30 days), a forecast", timed(lambda: followups.due(later, now=NOW)))
    return (
        f"{len(state.contacts)} contacts, {len(state.attendances)} attendances, "
        f"{len(state.favours)} favours read; {made[0]} derived reminders; Today shows "
        f"{len(view.overdue)} overdue, {len(view.today)} today, {len(view.week)} this week, "
        f"{len(view.losing_touch)} losing touch"
    )


def main() -> None:
    """Print median timings of snapshot, derive_all, refresh and today()."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    default = Path(tempfile.gettempdir()) / "rapport-bench-today"
    parser.add_argument("--folder", type=Path, default=default, help=f"cache (default {default})")
    parser.add_argument("--rebuild", action="store_true", help="generate the vault again")
    args = parser.parse_args()
    use_memory_keyring()
    pristine = pristine_vault(args.folder, args.rebuild)

    timings: dict[str, list[float]] = {}

    def record(label: str, ms: float) -> None:
        timings.setdefault(label, []).append(ms)

    counts = [one_run(pristine, args.folder, record) for _ in range(RUNS)]
    print(counts[-1])
    print(f"median of {RUNS} runs, zone {ZONE}:")
    for label, values in timings.items():
        ms = statistics.median(values)
        print(f"  {label:<45} {ms:8.1f} ms   (min {min(values):.1f}, max {max(values):.1f})")
    fast = statistics.median(timings["today(), vault unchanged since refresh"])
    verdict = "meets" if fast < TARGET_MS else "misses"
    print(f"Today's fast path {verdict} the {TARGET_MS:.0f} ms target ({fast:.1f} ms).")


if __name__ == "__main__":
    main()
