"""Fixtures for the command-line tests: a vault path, and a seeded vault copied per test."""

from __future__ import annotations

import shutil
from pathlib import Path

import keyring
import pytest

from desktop.app import build_services
from desktop.records import ContactInput
from storage.keys import KEYRING_SERVICE
from storage.vault import Vault
from tests.support.cli_runner import Cli
from tests.support.cli_vaults import Template
from tests.support.memory_keyring import MemoryKeyring


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> Cli:
    return Cli(capsys, tmp_path / "cli" / "rapport.db")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Template:
    previous = keyring.get_keyring()
    store = MemoryKeyring()
    keyring.set_keyring(store)
    try:
        path = tmp_path_factory.mktemp("template") / "rapport.db"
        with Vault.create(path) as vault:
            add = build_services(vault).contacts.add
            ids = {
                "ann_smith": add(
                    ContactInput(name="Ann Smith", org="Acme", emails=("ann@acme.example",))
                ).id,
                "ann_jones": add(ContactInput(name="Ann Jones")).id,
                "bob": add(
                    ContactInput(name="Bob Brown", emails=("bob@example.com",), tags=("golf",))
                ).id,
            }
    finally:
        keyring.set_keyring(previous)
    ((_, vault_id), key) = next(iter(store.secrets.items()))
    return Template(path.parent, vault_id, key, ids)


@pytest.fixture
def seeded(cli: Cli, template: Template, memory_keyring: MemoryKeyring) -> dict[str, int]:
    """A keyring vault holding two Anns and a Bob, its key in this test's keyring."""
    shutil.copytree(template.folder, cli.vault.parent)
    memory_keyring.secrets[(KEYRING_SERVICE, template.vault_id)] = template.key
    return dict(template.ids)
