"""Search-as-you-type latency: SearchService.search against the same FTS5 query run raw.

    python -m tests.benchmarks.bench_search [--size M|L] [--json FILE]

200 queries drawn from the sample vault itself, the way people type them: prefixes of
2 to 6 letters, whole first or last names, company words, words from asks and offers,
and two-word queries. Each query runs through the service (a session from the pool,
SQLAlchemy `text()`, rows turned into SearchHit) and through one keyed `sqlcipher3`
connection opened once (the same SQL statements, MATCH expression and steps:
`search.top_matches` with `search.RANKED_SQL`), the two alternating, after a warm-up
pass; a query's latency is its median over the rounds.
"""

from __future__ import annotations

import random
import re
from functools import partial
from typing import Any

from desktop.services.search import RANKED_SQL, SearchService, match_expression, top_matches
from tests.benchmarks.harness import (
    Metric,
    bench_args,
    cached_vault,
    check,
    opened,
    pct,
    report,
    timed_ms,
)

ROUNDS = 5
LIMIT = 50  # SearchService.search's default
TARGET_P95_MS = 30.0
TARGET_RATIO = 2.0


def queries(connection: Any, seed: int = 2026) -> list[str]:
    """Return 200 queries made from the vault's own names, companies, asks and offers."""
    rng = random.Random(seed)
    people = connection.execute(
        "SELECT given_name, family_name FROM contacts ORDER BY id LIMIT 5000"
    ).fetchall()
    orgs = [r[0] for r in connection.execute("SELECT DISTINCT org FROM contacts WHERE org != ''")]
    phrases = [r[0] for r in connection.execute("SELECT DISTINCT text FROM asks_offers")]
    words = sorted({w for p in phrases for w in re.findall(r"\w{4,}", p.lower())})
    titles = [r[0] for r in connection.execute("SELECT DISTINCT title FROM contacts")]
    found: list[str] = []
    for _ in range(50):  # a name as it is being typed
        name = rng.choice(rng.choice(people))
        found.append(name[: rng.randint(2, 6)].lower())
    found += [rng.choice(rng.choice(people)) for _ in range(40)]
    found += [rng.choice(rng.choice(orgs).split()) for _ in range(15)]
    found += [rng.choice(orgs) for _ in range(15)]
    found += [rng.choice(words) for _ in range(40)]
    for _ in range(20):
        first, last = rng.choice(people)
        found.append(f"{first} {last}")
    for _ in range(10):
        first, last = rng.choice(people)
        found.append(f"{first} {last[: rng.randint(1, 4)]}")
    for _ in range(10):
        found.append(f"{rng.choice(words)} {rng.choice(rng.choice(titles).split()).lower()}")
    return found


def main() -> None:
    """Print p50/p95 of both, and the ratio of the p95s."""
    args = bench_args(__doc__.splitlines()[0])
    with opened(cached_vault(args.size)) as vault, vault.raw_connection() as raw:
        asked = queries(raw)
        service = SearchService(vault.sessions)

        def via_service(query: str) -> int:
            return len(service.search(query, limit=LIMIT))

        def via_raw(query: str) -> int:
            # The service's own statements and steps, through sqlcipher3 directly.
            expression = match_expression(query)
            if expression is None:
                return 0

            def run(read: int) -> list[Any]:
                rows: list[Any] = raw.execute(RANKED_SQL, {"q": expression, "k": read}).fetchall()
                return rows

            return len(top_matches(run, LIMIT))

        timings: dict[str, list[list[float]]] = {"service": [], "raw": []}
        hits = 0
        for query in asked:  # warm-up, and both ways must find the same
            hits += via_service(query)
            assert via_service(query) == via_raw(query), query
        for query in asked:
            runs: dict[str, list[float]] = {"service": [], "raw": []}
            for round_ in range(ROUNDS):
                order = ("service", "raw") if round_ % 2 == 0 else ("raw", "service")
                for name in order:
                    work = via_service if name == "service" else via_raw
                    runs[name].append(timed_ms(partial(work, query))[0])
            for name, values in runs.items():
                timings[name].append(values)
    per_query = {k: [sorted(v)[len(v) // 2] for v in runs_] for k, runs_ in timings.items()}
    service_p95, raw_p95 = pct(per_query["service"], 95), pct(per_query["raw"], 95)
    slowest = sorted(zip(per_query["service"], asked, strict=True), reverse=True)[:5]
    print(f"{len(asked)} queries, {hits / len(asked):.1f} hits on average (limit {LIMIT})")
    print(
        f"service p50 {pct(per_query['service'], 50):.2f} ms, p95 {service_p95:.2f} ms; "
        f"raw p50 {pct(per_query['raw'], 50):.2f} ms, p95 {raw_p95:.2f} ms"
    )
    print("slowest: " + ", ".join(f"{q!r} {ms:.1f} ms" for ms, q in slowest))
    metrics: list[Metric] = [
        check("search_p50_ms", pct(per_query["service"], 50), "ms", None),
        check("search_p95_ms", service_p95, "ms", TARGET_P95_MS),
        check("search_raw_p95_ms", raw_p95, "ms", None, "sqlcipher3, same SQL"),
        check("search_ratio", service_p95 / raw_p95, "x", TARGET_RATIO),
    ]
    report(metrics, args.json)


if __name__ == "__main__":
    main()
