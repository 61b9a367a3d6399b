"""What every benchmark shares: the cached sample vault, the keyring, timing and results.

The sample vault is generated once per size and kept in `.bench-cache/` at the root of
the work tree, in a folder named after the size and a hash of the generator and the
migrations, so editing either makes the next run generate it again. It is a keyring
vault (a random raw key, no passphrase KDF) whose key lives in a JSON file beside it,
read through `tests.support.memory_keyring.FileKeyring`, so any process can open it.
Benchmarks work on copies: the cached vault itself is never opened for writing.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any, TypeVar

ROOT = Path(__file__).resolve().parents[2]
CACHE = ROOT / ".bench-cache"
SAMPLE_DAY = date(2026, 11, 23)
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
# (contacts, events, interactions, favours) per size.
SIZES = {
    "M": (10_000, 1_000, 100_000, 20_000),
    "L": (100_000, 10_000, 1_000_000, 200_000),
}
VAULT_FILES = ("rapport.db", "rapport.db.vault")
KEYRING_FILE = "keyring.json"
T = TypeVar("T")


@dataclass
class Metric:
    """One line of the results table."""

    key: str
    value: float
    unit: str
    target: str = ""
    passed: bool | None = None
    note: str = ""


def check(key: str, value: float, unit: str, limit: float | None, note: str = "") -> Metric:
    """Return a metric that passes when `value <= limit` (no target when limit is None)."""
    if limit is None:
        return Metric(key, value, unit, "", None, note)
    return Metric(key, value, unit, f"≤ {limit:g}", value <= limit, note)


# -- the environment ---------------------------------------------------------------


def keyring_env(folder: Path) -> dict[str, str]:
    """Return the environment that makes a process read keys from folder/keyring.json."""
    return {
        "PYTHON_KEYRING_BACKEND": "tests.support.memory_keyring.FileKeyring",
        "RAPPORT_TEST_KEYRING_FILE": str(folder / KEYRING_FILE),
    }


def use_file_keyring(folder: Path) -> None:
    """Read and write vault keys in folder/keyring.json, in this process."""
    import keyring

    os.environ.update(keyring_env(folder))
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.support.memory_keyring import FileKeyring

    keyring.set_keyring(FileKeyring())


def source_hash() -> str:
    """Hash what decides the sample vault's content: the generator and the migrations."""
    files = [ROOT / "desktop" / "sample.py", ROOT / "desktop" / "sample_vocab.py"]
    files += sorted((ROOT / "storage" / "migrations").rglob("*.py"))
    digest = hashlib.sha256()
    for path in files:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached_vault(size: str) -> Path:
    """Return the cached sample vault of a size, generating it first when needed."""
    folder = CACHE / f"{size}-{source_hash()}"
    if (folder / "complete").exists():
        use_file_keyring(folder)
        return folder / "rapport.db"
    for stale in CACHE.glob(f"{size}-*"):
        shutil.rmtree(stale)
    building = CACHE / f"building-{size}"
    shutil.rmtree(building, ignore_errors=True)
    building.mkdir(parents=True)
    use_file_keyring(building)
    from desktop.sample import SampleSize, generate_sample
    from storage.vault import Vault

    contacts, events, interactions, favours = SIZES[size]
    print(f"Generating the {size} sample vault ({contacts:,} contacts), once...", flush=True)
    started = time.perf_counter()
    with Vault.create(building / "rapport.db") as vault:
        summary = generate_sample(
            vault, SampleSize(contacts, events, interactions, favours), today=SAMPLE_DAY
        )
        vault.checkpoint()
    seconds = time.perf_counter() - started
    (building / "rapport.db.lock").unlink(missing_ok=True)
    (building / "complete").write_text(f"{summary}\ngenerated in {seconds:.1f} s\n")
    print(f"  {summary} in {seconds:.1f} s", flush=True)
    building.rename(folder)
    use_file_keyring(folder)
    return folder / "rapport.db"


def working_copy(pristine: Path, folder: Path) -> Path:
    """Copy a vault (database and descriptor) into an empty folder; return its path."""
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    for name in VAULT_FILES:
        shutil.copy2(pristine.with_name(name), folder / name)
    return folder / pristine.name


@contextmanager
def opened(path: Path) -> Iterator[Any]:
    """Open a keyring vault (the key from the file keyring), closed afterwards."""
    from storage.vault import Vault

    vault = Vault.open(path)
    try:
        yield vault
    finally:
        vault.close()


# -- timing ------------------------------------------------------------------------


def timed_ms(work: Callable[[], T]) -> tuple[float, T]:
    """Return (milliseconds, result) of one call."""
    started = time.perf_counter()
    result = work()
    return (time.perf_counter() - started) * 1000.0, result


def pct(values: list[float], q: int) -> float:
    """Return the q-th percentile (inclusive method; q=50 is the median)."""
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1]


# -- reporting ---------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """Return the cores, memory and CPU model of this machine."""
    model = platform.processor() or platform.machine()
    memory_gb = 0.0
    with contextlib.suppress(OSError):  # Linux only; elsewhere the platform's guess
        cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8").splitlines()
        model = next(
            (x.split(":", 1)[1].strip() for x in cpuinfo if x.startswith("model name")), model
        )
        meminfo = Path("/proc/meminfo").read_text(encoding="utf-8").splitlines()
        total = next(x for x in meminfo if x.startswith("MemTotal:"))
        memory_gb = round(int(total.split()[1]) / 1024 / 1024, 1)
    return {"cores": os.cpu_count(), "memory_gb": memory_gb, "cpu": model}


def commit() -> str:
    """Return HEAD's hash, with "+dirty" when the work tree has changes."""

    def git(*args: str) -> str:
        return subprocess.run(
            ["git", "--no-optional-locks", *args],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        ).stdout.strip()

    head = git("rev-parse", "HEAD") or "unknown"
    return head + ("+dirty" if git("status", "--porcelain") else "")


def table(metrics: list[Metric]) -> str:
    """Return the metrics as a Markdown table."""
    lines = ["| metric | value | target | result |", "| --- | --- | --- | --- |"]
    for m in metrics:
        verdict = "—" if m.passed is None else ("pass" if m.passed else "**FAIL**")
        value = f"{m.value:.3g}" if abs(m.value) < 100 else f"{m.value:,.0f}"
        lines.append(f"| `{m.key}` | {value} {m.unit} | {m.target or '—'} | {verdict} |")
    return "\n".join(lines)


def bench_args(description: str) -> argparse.Namespace:
    """Parse the options every benchmark module takes."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--size", choices=sorted(SIZES), default="M")
    parser.add_argument("--json", type=Path, help="append the metrics to this JSON file")
    return parser.parse_args()


def report(metrics: list[Metric], out: Path | None) -> None:
    """Print the metrics and, when asked, add them to a JSON list of metrics."""
    print(table(metrics), flush=True)
    if out is not None:
        found = json.loads(out.read_text()) if out.exists() else []
        out.write_text(json.dumps(found + [asdict(m) for m in metrics], indent=1))
