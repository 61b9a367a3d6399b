"""Time importing 10,000 vCards against vobject merely parsing the same file.

Run from the project root: .venv/bin/python tests/benchmarks/bench_import.py
The budget is an import at most 1.5 times as long as `list(vobject.readComponents(text))`.
Each import goes into a new, empty passphrase vault (cheap key derivation, so creating
the vault stays out of the timing); the median of three runs is compared.
"""

from __future__ import annotations

import argparse
import base64
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import vobject

from desktop.services.imports import ImportService
from storage.keys import KdfParams
from storage.vault import Vault

CARDS = 10_000
RUNS = 3
BUDGET = 1.5
FIRST = (
    "Amara", "Lukas", "Sofía", "Priya", "Tom", "Maya", "Ana", "Ravi", "Hannah", "Zoë",
    "Chen", "Olu", "Fatima", "Jonas", "Inès", "Mateo", "Aoife", "Kwame", "Yuki", "Sven",
    "Grace", "Omar", "Leila", "Pedro", "Ingrid", "Tariq", "Nadia", "Felix", "Rosa", "Emeka",
    "Hugo", "Mina", "Arjun", "Clara", "Dmitri", "Elif", "Jamal", "Kirsten", "Lars", "Noor",
)  # fmt: skip
LAST = (
    "Okafor", "Brandt", "Ramírez", "Natarajan", "Reed", "Patel", "Silva", "Shah",
    "Kowalski", "Müller", "Wei", "Adeyemi", "Haddad", "Berg", "Dubois", "O'Neill",
    "Nakamura", "Fischer", "Mensah", "Costa", "Lindqvist", "Rossi", "Novak", "Sato",
    "García", "Eriksen", "Murphy", "Kaur", "Bianchi", "Horvath", "Ivanova", "Jensen",
    "Keller", "Lopez", "Moreau", "Nowak", "Oyelaran", "Petrov", "Quinn", "Rahman",
)  # fmt: skip
ORG_WORDS = (
    "Northwind", "Pixel", "Harbour", "Vistula", "Blue Fern", "Copper", "Lantern", "Granite",
    "Orchard", "Meridian", "Kestrel", "Saffron", "Tidewater", "Juniper", "Beacon", "Alder",
)  # fmt: skip
ORG_KINDS = (
    "Analytics", "Design", "Legal", "Foods", "Books", "Studio", "Partners", "Labs",
    "Health", "Logistics", "Media", "Energy", "Capital", "Robotics", "Travel", "Architects",
)  # fmt: skip
TITLES = ("Founder", "Head of Data", "Creative Director", "Solicitor", "Procurement Lead")
CITIES = (("Leeds", "LS1 4AP", "United Kingdom"), ("Berlin", "10115", "Germany"))
NOTES = ("Met at the founders breakfast\\, wants a bookkeeper", "Intro via Maya; likes tea")
PHOTO = base64.b64encode(bytes(range(256)) * 6).decode("ascii")


def _card(rng: random.Random, number: int) -> str:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    org = f"{rng.choice(ORG_WORDS)} {rng.choice(ORG_KINDS)}"
    local = f"{first}.{last}".lower().replace("'", "")
    lines = [
        "BEGIN:VCARD",
        "VERSION:3.0",
        f"UID:{uuid.UUID(int=rng.getrandbits(128), version=4)}",
        f"N:{last};{first};;;",
        f"FN:{first} {last}",
        f"ORG:{org};Operations",
        f"TITLE:{rng.choice(TITLES)}",
        f"EMAIL;TYPE=INTERNET,WORK:{local}.{number}@{org.lower().replace(' ', '')}.example",
        f"TEL;TYPE=CELL:+44 7700 9{number:05d}",
    ]
    if rng.random() < 0.4:
        lines.append(f"EMAIL;TYPE=INTERNET,HOME:{local}{number}@mail.example")
    if rng.random() < 0.5:
        lines.append(f"TEL;TYPE=WORK:0113 496 {number % 10_000:04d}")
    if rng.random() < 0.5:
        city, code, country = rng.choice(CITIES)
        lines.append(f"ADR;TYPE=WORK:;;{rng.randint(1, 99)} High Street;{city};;{code};{country}")
    if rng.random() < 0.3:
        lines.append(f"NOTE:{rng.choice(NOTES)}")
    if rng.random() < 0.2:
        lines.append(f"BDAY:19{rng.randint(50, 99)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
    if rng.random() < 0.2:
        lines.append(f"URL:https://www.linkedin.com/in/{local}-{number}")
    if rng.random() < 0.02:
        lines.append(f"PHOTO;ENCODING=b;TYPE=JPEG:{PHOTO}")
    lines += ["CATEGORIES:networking,clients", "END:VCARD"]
    return "".join(_fold(line) for line in lines)


def _fold(line: str) -> str:
    """Fold a content line at 75 characters, as vCard writers do."""
    parts = [line[:75]] + [" " + line[i : i + 74] for i in range(75, len(line), 74)]
    return "\r\n".join(parts) + "\r\n"


def generate(count: int, seed: int = 11) -> str:
    """Return `count` vCard 3.0 cards as one file's text."""
    rng = random.Random(seed)
    return "".join(_card(rng, number) for number in range(count))


def _time_vobject(text: str) -> float:
    started = time.perf_counter()
    cards = list(vobject.readComponents(text))
    elapsed = time.perf_counter() - started
    assert len(cards) == CARDS, len(cards)
    return elapsed


def _time_import(data: bytes, folder: Path, run: int) -> float:
    kdf = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)
    with Vault.create(folder / f"run{run}" / "rapport.db", passphrase="bench", kdf=kdf) as vault:
        started = time.perf_counter()
        result = ImportService(vault.sessions).run(data, "contacts.vcf")
        elapsed = time.perf_counter() - started
    # Invented people sometimes share a name at one organisation; those cards merge.
    assert result.imported + result.merged == CARDS and not result.errors, result
    print(f"  run {run + 1}: {elapsed:.2f} s, {result.imported} new, {result.merged} merged")
    return elapsed


def main() -> None:
    """Run the benchmark and print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    text = generate(CARDS)
    data = text.encode("utf-8")
    print(f"{CARDS} vCard 3.0 cards, {len(data) / 1e6:.1f} MB")
    parse = statistics.median(_time_vobject(text) for _ in range(args.runs))
    with tempfile.TemporaryDirectory() as folder:
        full = statistics.median(_time_import(data, Path(folder), i) for i in range(args.runs))
    ratio = full / parse
    print(f"vobject.readComponents alone: {parse:.2f} s (median of {args.runs})")
    print(f"ImportService.run, empty vault: {full:.2f} s (median of {args.runs})")
    print(f"ratio: {ratio:.2f} (budget {BUDGET})")
    raise SystemExit(0 if ratio <= BUDGET else 1)


if __name__ == "__main__":
    main()
