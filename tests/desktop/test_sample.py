"""The sample network: deterministic, realistic in shape, and searchable."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from desktop.app import Services, build_services
from desktop.sample import SampleSize, generate_sample
from desktop.services.vault_check import check_vault
from storage.vault import Vault

DAY = date(2026, 11, 20)


def test_counts_match_the_requested_size(services: Services) -> None:
    summary = generate_sample(
        services.vault,
        SampleSize(contacts=120, events=12, interactions=900, favours=240),
        today=DAY,
    )
    report = check_vault(services.vault)
    assert report.integrity == "ok"
    assert report.counts["contacts"] == summary.contacts == 120
    assert report.counts["events"] == 12
    assert report.counts["interactions"] == summary.interactions >= 900
    assert report.counts["favours"] == 240
    assert report.counts["relationships"] == summary.relationships


def test_same_seed_same_network(tmp_path: Path) -> None:
    names = []
    for run in range(2):
        with Vault.create(tmp_path / f"v{run}" / "r.db") as vault:
            generate_sample(vault, SampleSize(contacts=40), seed=3, today=DAY)
            names.append([c.name for c in build_services(vault).contacts.list_contacts()])
    assert names[0] == names[1]


def test_generated_contacts_are_in_the_search_index(services: Services) -> None:
    generate_sample(services.vault, SampleSize(contacts=60), today=DAY)
    someone = services.contacts.get(7)
    assert 7 in services.search.search_ids(someone.name.split()[-1])
    if someone.offers:
        assert 7 in services.search.search_ids(someone.offers[0])
    with services.vault.engine.connect() as connection:
        triggers = connection.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'"
        ).scalar()
    assert triggers == 15  # restored after the bulk load
