"""What encryption costs: one mixed workload on the SQLCipher vault and on a plaintext copy.

    python -m tests.benchmarks.bench_cipher [--size M|L] [--json FILE]

The plaintext copy is made with `sqlcipher_export` from a copy of the sample vault, so
both hold the same rows, schema and indexes. Its engine uses the same `sqlcipher3`
library (the same SQLite build) without a key, with the same pragmas, pool and
transaction handling as `Vault` (checked below): only the encryption differs. The
stdlib `sqlite3` here is SQLite 3.40, which lacks `concat_ws` (3.44+), used by the
full-text index triggers, so it cannot run Rapport's writes at all.

One round: add 200 contacts (methods, tags, asks, offers) through ContactService, log
500 interactions, run 300 searches, list 50 pages of 200 contacts, load 100 profiles.
Rounds alternate between the two vaults after one warm-up round of each;
cipher_overhead_ratio is median(encrypted) / median(plaintext).
"""

from __future__ import annotations

import random
import statistics
import tempfile
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.pool import ConnectionPoolEntry

from desktop.app import Services, build_services
from desktop.records import ContactInput
from storage.lock import VaultLock
from storage.vault import Vault, lock_path
from tests.benchmarks.bench_search import queries
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

ROUNDS = 5
TARGET = 1.2
PRAGMAS = ("foreign_keys", "journal_mode", "synchronous", "secure_delete", "temp_store")
PAGE = 200


class PlainVault(Vault):
    """A Vault whose engine opens an unencrypted file (benchmarks only)."""

    @classmethod
    def open_plain(cls, path: Path) -> PlainVault:
        lock = VaultLock(lock_path(path))
        lock.acquire()
        return cls(path, "", lock)

    def _make_engine(self) -> Engine:
        path = self.path
        engine = create_engine(
            URL.create("sqlite+pysqlite", database=str(path)),
            creator=lambda: sqlcipher3.connect(str(path), check_same_thread=False),
            module=sqlcipher3.dbapi2,
            pool_use_lifo=True,
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
            for pragma in (
                "PRAGMA foreign_keys = ON",
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = NORMAL",
                "PRAGMA secure_delete = ON",
                "PRAGMA temp_store = MEMORY",
                "PRAGMA busy_timeout = 5000",
            ):
                dbapi_connection.execute(pragma)
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            connection.exec_driver_sql("BEGIN")

        return engine


def export_plain(vault: Vault, target: Path) -> None:
    """Write a plaintext copy of an open vault's database."""
    with vault.raw_connection() as raw:
        raw.execute(f"ATTACH DATABASE '{target}' AS plaintext KEY ''")
        raw.execute("SELECT sqlcipher_export('plaintext')")
        raw.execute("DETACH DATABASE plaintext")
    assert target.read_bytes()[:16] == b"SQLite format 3\0", "the copy is not plaintext"


def pragmas(vault: Vault) -> tuple[Any, ...]:
    """Return the pragma values a pooled connection of the vault runs with."""
    with vault.engine.connect() as connection:
        return tuple(connection.execute(text(f"PRAGMA {p}")).scalar() for p in PRAGMAS)


def workload(services: Services, asked: list[str], seed: int) -> dict[str, float]:
    """Run one round; return milliseconds per part."""
    rng = random.Random(seed)
    total = services.contacts.count()
    ids = [rng.randint(1, total) for _ in range(600)]
    parts: dict[str, float] = {}

    def add() -> None:
        for n in range(200):
            name = f"Bench {seed} Person {n}"
            services.contacts.add(
                ContactInput(
                    name=name,
                    org=rng.choice(("Kestrel Labs", "Copper Media", None)),
                    emails=(f"p{seed}.{n}@example.org",),
                    phones=(f"07700 9{n:05d}",),
                    tags=("bench", rng.choice(("client", "friend", "investor"))),
                    asks=("a bookkeeper for my startup",),
                    offers=("Python programming", "mentoring first-time founders"),
                )
            )

    def log() -> None:
        for n in range(500):
            services.interactions.log([ids[n]], kind="call", note=f"Call {seed}.{n}", when=NOW)

    def search() -> None:
        for query in asked[:300]:
            services.search.search(query)

    def pages() -> None:
        for n in range(50):
            services.contacts.list_contacts(offset=n * PAGE, limit=PAGE)

    def profiles() -> None:
        for cid in ids[500:600]:
            services.profiles.load(cid)

    for name, part in (("add", add), ("log", log), ("search", search), ("list", pages)):
        parts[name] = timed_ms(part)[0]
    parts["profiles"] = timed_ms(profiles)[0]
    return parts


def main() -> None:
    """Print each part's median on both vaults and the overall ratio."""
    args = bench_args(__doc__.splitlines()[0])
    pristine = cached_vault(args.size)
    with tempfile.TemporaryDirectory(prefix="rapport-cipher-") as tmp:
        folder = Path(tmp)
        with opened(working_copy(pristine, folder / "cipher")) as vault:
            (folder / "plain").mkdir()
            export_plain(vault, folder / "plain" / "rapport.db")
            with vault.raw_connection() as raw:
                asked = queries(raw) * 2
        plain = PlainVault.open_plain(folder / "plain" / "rapport.db")
        with plain, opened(folder / "cipher" / "rapport.db") as cipher:
            assert pragmas(plain) == pragmas(cipher), (pragmas(plain), pragmas(cipher))
            sides = {"plain": build_services(plain), "cipher": build_services(cipher)}
            runs: dict[str, list[dict[str, float]]] = {"plain": [], "cipher": []}
            for round_ in range(ROUNDS + 1):  # round 0 warms both up and is dropped
                order = ("plain", "cipher") if round_ % 2 else ("cipher", "plain")
                for side in order:
                    parts = workload(sides[side], asked, seed=round_)
                    print(f"  round {round_} {side:6}: {sum(parts.values()):7.0f} ms", flush=True)
                    if round_:
                        runs[side].append(parts)
    medians = {s: statistics.median(sum(p.values()) for p in r) for s, r in runs.items()}
    for part in runs["plain"][0]:
        a, b = (statistics.median(p[part] for p in runs[s]) for s in ("plain", "cipher"))
        print(f"  {part:9} plain {a:7.0f} ms  cipher {b:7.0f} ms  x{b / a:.2f}")
    print(f"round: plain {medians['plain']:.0f} ms, cipher {medians['cipher']:.0f} ms")
    ratio = medians["cipher"] / medians["plain"]
    report([check("cipher_overhead_ratio", ratio, "x", TARGET)], args.json)


if __name__ == "__main__":
    main()
