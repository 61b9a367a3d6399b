"""Shared fixtures: real SQLCipher vaults in temporary folders, a keyring in memory."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend

from desktop.app import Services, build_services
from storage.keys import KdfParams
from storage.vault import Vault
from tests.support.memory_keyring import MemoryKeyring

REPO_ROOT = Path(__file__).resolve().parents[1]
SHARED_FIXTURES = REPO_ROOT.parent / "shared" / "fixtures"
# Cheap Argon2 settings so tests of passphrase vaults stay quick; the real default is
# exercised by its own test.
FAST_KDF = KdfParams(time_cost=1, memory_kib=8 * 1024, parallelism=1)


@pytest.fixture(autouse=True)
def memory_keyring() -> Iterator[MemoryKeyring]:
    """Give every test an empty in-memory keyring, and restore the real one after."""
    previous: KeyringBackend = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    yield backend
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def isolated_vault_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Keep tests away from the user's real vault and passphrase."""
    monkeypatch.setenv("RAPPORT_VAULT", str(tmp_path / "env-vault" / "rapport.db"))
    monkeypatch.delenv("RAPPORT_PASSPHRASE", raising=False)


@pytest.fixture
def vault_path(tmp_path: Path) -> Path:
    """Return a path for a new vault in a temporary folder."""
    return tmp_path / "vault" / "rapport.db"


@pytest.fixture
def vault(vault_path: Path) -> Iterator[Vault]:
    """Return a new keyring-keyed vault, closed after the test."""
    opened = Vault.create(vault_path)
    yield opened
    opened.close()


@pytest.fixture
def services(vault: Vault) -> Services:
    """Return the services of a new vault."""
    return build_services(vault)
