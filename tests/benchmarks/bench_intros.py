"""Time introduction suggestions through IntroductionService over a 10,000-contact vault.

Run from the project root:

    .venv/bin/python tests/benchmarks/bench_intros.py [--folder DIR] [--rebuild]

The sample vault (desktop.sample.generate_sample: 10,000 contacts, 1,000 events,
100,000 interactions, 20,000 favours) is a passphrase vault with a cheap KDF, kept in
DIR and reused; each run works on a fresh copy. Everything is measured through the
service, so times include the SQLCipher reads and the change-stamp check made before
every question. Targets: one contact < 50 ms p95 (warm), network-wide top 25 < 1 s.
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import TypeVar

from desktop.queries.matching_inputs import (
    context_stamp,
    load_context,
    load_profiles,
    profile_stamp,
)
from desktop.sample import SampleSize, generate_sample
from desktop.services.introductions import IntroductionService
from storage.keys import KdfParams
from storage.vault import Vault

SIZE = SampleSize(contacts=10_000, events=1_000, interactions=100_000, favours=20_000)
SAMPLE_DAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
PASSPHRASE = "benchmark passphrase, not a secret"
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
SAMPLED = 200
T = TypeVar("T")


def pristine_vault(folder: Path, rebuild: bool) -> Path:
    """Return the cached sample vault, generating it first if needed."""
    path = folder / "pristine" / "rapport.db"
    done = path.with_name("complete")
    if rebuild and path.parent.exists():
        shutil.rmtree(path.parent)
    if done.exists():
        return path
    if path.parent.exists():
        shutil.rmtree(path.parent)
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


def fresh_copy(pristine: Path, folder: Path) -> Path:
    """Copy the pristine vault (and its key file) to a working folder."""
    work = folder / "work"
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(pristine.parent, work)
    return work / pristine.name


def timed(work: Callable[[], T]) -> tuple[float, T]:
    """Return (milliseconds, result) of one call."""
    started = time.perf_counter()
    result = work()
    return (time.perf_counter() - started) * 1000.0, result


def main() -> None:
    """Print cold build, warm per-contact p50/p95 and network-wide times."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--folder", type=Path, default=Path(tempfile.gettempdir()) / "rapport-bench"
    )
    parser.add_argument("--rebuild", action="store_true", help="generate the sample again")
    args = parser.parse_args()

    path = fresh_copy(pristine_vault(args.folder, args.rebuild), args.folder)
    vault = Vault.open(path, passphrase=PASSPHRASE)
    try:
        intros = IntroductionService(vault.sessions)
        with vault.sessions() as session:
            stamp_ms, _ = timed(lambda: (profile_stamp(session), context_stamp(session)))
            profiles_ms, profiles = timed(lambda: load_profiles(session, NOW))
            context_ms, _ = timed(lambda: load_context(session, NOW))
        ids = [p.contact_id for p in profiles]
        sample = random.Random(20261123).sample(ids, SAMPLED)

        cold_ms, _ = timed(lambda: intros.suggest(sample[0], 10, now=NOW))
        warm = [timed(partial(intros.suggest, cid, 10, now=NOW))[0] for cid in sample]
        cuts = statistics.quantiles(warm, n=100)
        all_first_ms, top = timed(lambda: intros.suggest(None, 25, now=NOW))
        all_again_ms, _ = timed(lambda: intros.suggest(None, 25, now=NOW))
        helper_ms, helpers = timed(lambda: intros.who_can_help("a bookkeeper", 10, now=NOW))
        builds = intros.matcher_builds

        # "Not now" on the first suggestion: a context change, so the next question
        # rebuilds the matcher from the profiles already read.
        intros.dismiss_pair(top[0].a_id, top[0].b_id)
        after_ms, _ = timed(lambda: intros.suggest(None, 25, now=NOW))
        fresh = IntroductionService(vault.sessions)
        cold_all_ms, _ = timed(lambda: fresh.suggest(None, 25, now=NOW))
    finally:
        vault.close()

    print(f"vault: {SIZE.contacts} contacts, {len(profiles)} with asks or offers")
    print(f"change stamps (both):           {stamp_ms:7.1f} ms")
    print(f"read profiles / context:        {profiles_ms:7.1f} ms / {context_ms:.1f} ms")
    print(f"cold: first suggest(contact):   {cold_ms:7.1f} ms (reads the vault, builds)")
    print(f"cold: first suggest(None, 25):  {cold_all_ms:7.1f} ms (new service)")
    print(
        f"warm suggest(contact), n={SAMPLED}:  p50 {cuts[49]:.1f} ms, p95 {cuts[94]:.1f} ms, "
        f"max {max(warm):.1f} ms"
    )
    print(
        f"warm suggest(None, 25):         {all_first_ms:7.1f} ms first, {all_again_ms:.1f} ms again"
    )
    print(f"who_can_help('a bookkeeper'):   {helper_ms:7.1f} ms ({len(helpers)} found)")
    print(f"after 'not now', top 25:        {after_ms:7.1f} ms (rebuild from cached profiles)")
    print(f"matcher builds before 'not now': {builds}")
    print(f"best: {top[0].score:.3f} {top[0].reason}" if top else "no suggestions")


if __name__ == "__main__":
    main()
