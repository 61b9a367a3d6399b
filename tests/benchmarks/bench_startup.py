"""Start-up, peak memory and (at size L) scrolling, each in fresh processes.

    python -m tests.benchmarks.bench_startup [--size M|L] [--reps 7] [--json FILE]

Alternates a bare QMainWindow (baseline_probe) with Rapport on a copy of the sample
vault (startup_probe), after one discarded warm-up of each, and compares medians.
The figure used for the ratios is the wall time measured by this parent process from
just before it spawns the probe until it reads the probe's line on its pipe: what a
user waits for, interpreter start-up included. The probes' own figures (from the first
line of the script) are printed beside it.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tests.benchmarks.harness import (
    ROOT,
    Metric,
    bench_args,
    cached_vault,
    check,
    keyring_env,
    report,
    working_copy,
)

BASELINE = "tests.benchmarks.baseline_probe"
SUBJECT = "tests.benchmarks.startup_probe"
# The ratio targets are set for 10,000 contacts; at size L the list must paint in < 2 s.
TARGETS = {"window_ratio": 1.3, "startup_ratio": 2.5, "peak_rss_mb": 300.0}
L_STARTUP_S = 2.0
L_WORST_FRAME_MS = 50.0


def probe_env(keys: Path, config: Path) -> dict[str, str]:
    """Return the probes' environment: offscreen Qt, file keyring, empty QSettings.

    Python may write its bytecode cache, as it does for an installed app: with
    PYTHONDONTWRITEBYTECODE set, every start would compile Rapport's modules again
    (the discarded warm-up run writes the cache).
    """
    env = os.environ | keyring_env(keys) | {"PYTHONPATH": str(ROOT)}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env | {"QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(config)}


def probe(module: str, *args: str, env: dict[str, str]) -> dict[str, tuple[float, float]]:
    """Run a probe; return {label: (parent wall seconds, probe's own seconds/value)}."""
    command = [sys.executable, "-m", module, *args]
    started = time.perf_counter()
    found: dict[str, tuple[float, float]] = {}
    with subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    ) as process:
        assert process.stdout is not None
        for line in process.stdout:
            label, value = line.split()
            found[label] = (time.perf_counter() - started, float(value))
    if process.returncode != 0:
        raise RuntimeError(f"{module} {' '.join(args)} failed ({process.returncode}): {found}")
    return found


def startup(vault: Path, env: dict[str, str], reps: int, size: str) -> list[Metric]:
    """Alternate baseline and Rapport; return the two ratios."""
    base: list[tuple[float, float]] = []
    window: list[tuple[float, float]] = []
    listed: list[tuple[float, float]] = []
    for rep in range(reps + 1):  # the first pair warms the page cache and is dropped
        b = probe(BASELINE, env=env)["window"]
        s = probe(SUBJECT, str(vault), "list", env=env)
        print(
            f"  rep {rep}: baseline {b[0]:.3f} s, window {s['window'][0]:.3f} s, "
            f"list {s['list'][0]:.3f} s" + (" (warm-up, dropped)" if rep == 0 else ""),
            flush=True,
        )
        if rep:
            base.append(b)
            window.append(s["window"])
            listed.append(s["list"])

    def med(values: list[tuple[float, float]], i: int) -> float:
        return statistics.median(v[i] for v in values)

    b_wall, b_own = med(base, 0), med(base, 1)
    targets = TARGETS if size == "M" else {}
    print(
        f"medians of {reps}: baseline {b_wall:.3f} s (in-process {b_own:.3f}), window "
        f"{med(window, 0):.3f} s ({med(window, 1):.3f}), list {med(listed, 0):.3f} s "
        f"({med(listed, 1):.3f}); in-process ratios {med(window, 1) / b_own:.2f} / "
        f"{med(listed, 1) / b_own:.2f}"
    )
    return [
        check("baseline_window_s", b_wall, "s", None, "bare QMainWindow, median"),
        check("window_s", med(window, 0), "s", None),
        check("list_s", med(listed, 0), "s", None),
        check("window_ratio", med(window, 0) / b_wall, "x", targets.get("window_ratio")),
        check("startup_ratio", med(listed, 0) / b_wall, "x", targets.get("startup_ratio")),
    ]


def memory(vault: Path, env: dict[str, str]) -> list[Metric]:
    """Peak RSS with the list, Today, Favours and Introductions loaded (median of 3)."""
    runs = [probe(SUBJECT, str(vault), "memory", env=env) for _ in range(3)]
    base = probe(BASELINE, "memory", env=env)["rss"][1]
    for run in runs:
        pages = ", ".join(f"{k[5:]} {v[1]:.2f} s" for k, v in run.items() if k.startswith("page_"))
        print(f"  rss {run['rss'][1]:.0f} MB; pages loaded in: {pages}")
    rss = statistics.median(r["rss"][1] for r in runs)
    print(f"peak RSS {rss:.0f} MB (bare QMainWindow: {base:.0f} MB)")
    return [check("peak_rss_mb", rss, "MB", TARGETS["peak_rss_mb"])]


def scroll(vault: Path, env: dict[str, str]) -> list[Metric]:
    """Scroll the whole contact list once, fetching every page."""
    run = {k: v[1] for k, v in probe(SUBJECT, str(vault), "scroll", env=env).items()}
    print(
        f"  {run['rows']:.0f} rows in {run['pages']:.0f} fetches; fetch p50 "
        f"{run['fetch_p50_ms']:.1f} ms, max {run['fetch_max_ms']:.1f} ms; worst frame "
        f"{run['worst_frame_at_s']:.1f} s after scrolling began"
    )
    return [
        check("scroll_worst_frame_ms", run["worst_frame_ms"], "ms", L_WORST_FRAME_MS),
        check("scroll_total_s", run["scroll_s"], "s", None, f"{run['rows']:.0f} rows"),
    ]


def main() -> None:
    """Measure start-up (and memory at M, scrolling at L) on a copy of the sample vault."""
    args = bench_args(__doc__.splitlines()[0])
    reps = int(os.environ.get("BENCH_REPS", "7"))
    pristine = cached_vault(args.size)
    with tempfile.TemporaryDirectory(prefix="rapport-startup-") as tmp:
        vault = working_copy(pristine, Path(tmp) / "vault")
        env = probe_env(pristine.parent, Path(tmp) / "config")
        metrics = startup(vault, env, reps, args.size)
        if args.size == "L":
            list_s = next(m.value for m in metrics if m.key == "list_s")
            metrics.append(check("startup_list_s", list_s, "s", L_STARTUP_S, "list painted"))
            metrics += scroll(vault, env)
        else:
            metrics += memory(vault, env)
    report(metrics, args.json)


if __name__ == "__main__":
    main()
