"""Introduction suggestions through IntroductionService, on a copy of the sample vault.

    python -m tests.benchmarks.bench_intros [--size M|L] [--json FILE]

- suggest_one_p95_ms: `suggest(contact, 10)` for 200 contacts with asks or offers,
  warm (the matcher was built by an earlier question), p95.
- suggest_all_s: `suggest(None, 25)`, the network-wide top 25, cold: the first question
  to a new IntroductionService, which reads every profile and builds the matcher (the
  Introductions page's first load). Median of 3 new services. Shown too: the same
  question to a service whose matcher is already built (suggest_all_warm_s), and
  asked again (the answer is kept until the vault changes).
  The engine's connection pool is warm in both (the vault was opened and read before).
"""

from __future__ import annotations

import random
import statistics
import tempfile
from functools import partial
from pathlib import Path

from desktop.services.introductions import IntroductionService
from tests.benchmarks.harness import (
    NOW,
    bench_args,
    cached_vault,
    check,
    opened,
    pct,
    report,
    timed_ms,
    working_copy,
)

SAMPLED = 200
COLD_RUNS = 3
TARGET_ONE_MS = 50.0
TARGET_ALL_S = 1.0


def main() -> None:
    """Print cold and warm times for one contact and for the whole network."""
    args = bench_args(__doc__.splitlines()[0])
    with (
        tempfile.TemporaryDirectory(prefix="rapport-intros-") as tmp,
        opened(working_copy(cached_vault(args.size), Path(tmp))) as vault,
    ):
        with vault.raw_connection() as raw:
            ids = [r[0] for r in raw.execute("SELECT DISTINCT contact_id FROM asks_offers")]
        sample = random.Random(20261123).sample(sorted(ids), SAMPLED)

        cold_all: list[float] = []
        for _ in range(COLD_RUNS):
            fresh = IntroductionService(vault.sessions)
            cold_all.append(timed_ms(partial(fresh.suggest, None, 25, now=NOW))[0])
        intros = IntroductionService(vault.sessions)
        cold_one_ms, _ = timed_ms(lambda: intros.suggest(sample[0], 10, now=NOW))
        warm = [timed_ms(partial(intros.suggest, cid, 10, now=NOW))[0] for cid in sample]
        warm_all_ms, top = timed_ms(lambda: intros.suggest(None, 25, now=NOW))
        again_ms, _ = timed_ms(lambda: intros.suggest(None, 25, now=NOW))
        helper_ms, _ = timed_ms(lambda: intros.who_can_help("a bookkeeper", 10, now=NOW))
        builds = intros.matcher_builds
        intros.dismiss_pair(top[0].a_id, top[0].b_id)  # a change: the next question rebuilds
        after_ms, _ = timed_ms(lambda: intros.suggest(None, 25, now=NOW))

    print(f"{len(ids)} contacts with asks or offers; matcher builds (warm part): {builds}")
    print(f"cold suggest(None, 25), new service: {', '.join(f'{v:.0f}' for v in cold_all)} ms")
    print(f"cold suggest(contact, 10), new service: {cold_one_ms:.0f} ms")
    print(
        f"warm suggest(contact, 10), n={SAMPLED}: p50 {pct(warm, 50):.1f} ms, "
        f"p95 {pct(warm, 95):.1f} ms, max {max(warm):.1f} ms"
    )
    print(
        f"warm suggest(None, 25), matcher already built: {warm_all_ms:.0f} ms; asked again "
        f"(answer kept): {again_ms:.1f} ms; who_can_help: {helper_ms:.1f} ms"
    )
    print(f"after 'not now' (rebuild from cached profiles): {after_ms:.0f} ms")
    report(
        [
            check("suggest_one_p95_ms", pct(warm, 95), "ms", TARGET_ONE_MS, "warm"),
            check("suggest_all_s", statistics.median(cold_all) / 1000, "s", TARGET_ALL_S, "cold"),
            check("suggest_all_warm_s", warm_all_ms / 1000, "s", None),
        ],
        args.json,
    )


if __name__ == "__main__":
    main()
