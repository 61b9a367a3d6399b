"""Run the benchmark suite (`make bench`, `make bench SIZE=L`) and write benchmark-results.json.

    python -m tests.benchmarks.run_all [--size M|L] [--strict]

Each benchmark module runs in its own process, one after the other, so none inherits
another's caches or heap. At size M (10,000 contacts) everything runs; at size L
(100,000 contacts) start-up, scrolling and search. Prints one Markdown table; with
--strict, exits with status 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.benchmarks.harness import ROOT, SIZES, Metric, cached_vault, commit, machine, table

MODULES = {
    "M": ("bench_startup", "bench_search", "bench_intros", "bench_today", "bench_import",
          "bench_cipher"),
    "L": ("bench_startup", "bench_search"),
}  # fmt: skip
RESULTS = ROOT / "benchmark-results.json"


def main() -> None:
    """Generate the vault if needed, run every module, print and save the results."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=sorted(SIZES), default="M")
    parser.add_argument("--strict", action="store_true", help="fail when a target is missed")
    args = parser.parse_args()
    started = time.perf_counter()
    cached_vault(args.size)  # generated here, once, rather than inside a timed module
    with tempfile.TemporaryDirectory(prefix="rapport-bench-") as tmp:
        out = Path(tmp) / "metrics.json"
        for module in MODULES[args.size]:
            print(f"\n## {module} (size {args.size})\n", flush=True)
            command = [sys.executable, "-m", f"tests.benchmarks.{module}", "--size", args.size]
            subprocess.run([*command, "--json", str(out)], cwd=ROOT, check=True)
        metrics = [Metric(**m) for m in json.loads(out.read_text())]
    results: dict[str, object] = {m.key: round(m.value, 4) for m in metrics}
    results |= {
        "size": args.size,
        "contacts": SIZES[args.size][0],
        "data": dict(
            zip(("contacts", "events", "interactions", "favours"), SIZES[args.size], strict=True)
        ),
        "machine": machine(),
        "python": platform.python_version(),
        "commit": commit(),
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "command": f"make bench SIZE={args.size}",
        "targets": {m.key: {"target": m.target, "pass": m.passed} for m in metrics if m.target},
    }
    RESULTS.write_text(json.dumps(results, indent=2) + "\n")
    missed = [m.key for m in metrics if m.passed is False]
    print(f"\n## Results, size {args.size} ({SIZES[args.size][0]:,} contacts)\n")
    print(table(metrics))
    print(f"\n{machine()}, Python {platform.python_version()}, commit {results['commit']}")
    print(f"Written to {RESULTS.name} in {time.perf_counter() - started:.0f} s.")
    if missed:
        print(f"Missed: {', '.join(missed)}")
    sys.exit(1 if missed and args.strict else 0)


if __name__ == "__main__":
    main()
