"""Importing 10,000 vCards against vobject merely parsing the same file.

    python -m tests.benchmarks.bench_import [--json FILE]

import_ratio: ImportService.run (parse, match against the vault, write, in one
transaction) over `list(vobject.readComponents(text))` on the same text; runs of the
two alternate, medians of three each. Each import goes into a new, empty keyring vault
(created before the clock starts, so no key derivation is timed).
"""

from __future__ import annotations

import base64
import random
import statistics
import tempfile
import time
import uuid
from pathlib import Path

import vobject

from desktop.services.imports import ImportService
from storage.vault import Vault
from tests.benchmarks.harness import bench_args, check, report, use_file_keyring

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
    with Vault.create(folder / f"run{run}" / "rapport.db") as vault:
        started = time.perf_counter()
        result = ImportService(vault.sessions).run(data, "contacts.vcf")
        elapsed = time.perf_counter() - started
    # Invented people sometimes share a name at one organisation; those cards merge.
    assert result.imported + result.merged == CARDS and not result.errors, result
    print(f"  run {run + 1}: {elapsed:.2f} s, {result.imported} new, {result.merged} merged")
    return elapsed


def main() -> None:
    """Run the benchmark and print the ratio."""
    args = bench_args(__doc__.splitlines()[0])
    text = generate(CARDS)
    data = text.encode("utf-8")
    print(f"{CARDS} vCard 3.0 cards, {len(data) / 1e6:.1f} MB")
    parse: list[float] = []
    full: list[float] = []
    with tempfile.TemporaryDirectory(prefix="rapport-import-") as folder:
        use_file_keyring(Path(folder))
        for run in range(RUNS):
            parse.append(_time_vobject(text))
            full.append(_time_import(data, Path(folder), run))
    parse_s, full_s = statistics.median(parse), statistics.median(full)
    print(f"vobject.readComponents alone: {parse_s:.2f} s (median of {RUNS})")
    print(f"ImportService.run, empty vault: {full_s:.2f} s (median of {RUNS})")
    report([check("import_ratio", full_s / parse_s, "x", BUDGET, f"{full_s:.1f} s")], args.json)


if __name__ == "__main__":
    main()
