"""Unlocking and reading the first contacts without the data layer."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop.app import Services
from desktop.quick_open import (
    FIRST_PAGE,
    Opening,
    VaultKind,
    open_at_start,
    quick_start,
    vault_kind,
)
from desktop.records import ContactInput
from desktop.sample import SampleSize, generate_sample
from desktop.vault_access import create_vault, open_unlocked
from storage.lock import VaultLockedError
from storage.vault import Vault, WrongKeyError
from tests.conftest import FAST_KDF


def test_first_page_matches_the_contact_service(services: Services) -> None:
    generate_sample(services.vault, SampleSize(contacts=260, interactions=300, favours=20))
    services.contacts.set_archived(services.contacts.list_contacts(limit=1)[0].id)
    expected = services.contacts.list_contacts(limit=FIRST_PAGE)
    total = services.contacts.count()
    path = services.vault.path
    services.vault.close()
    quick = quick_start(path)
    try:
        assert quick.total == total == 259
        assert list(quick.contacts) == expected
    finally:
        quick.release()


def test_the_lock_is_held_until_the_full_open_takes_it_over(vault_path: Path) -> None:
    Vault.create(vault_path).close()
    quick = quick_start(vault_path)
    with pytest.raises(VaultLockedError):
        Vault.open(vault_path)
    services = open_unlocked(quick)
    try:
        services.contacts.add(ContactInput(name="After Quick Start"))
        assert services.contacts.count() == 1
    finally:
        services.vault.close()
    Vault.open(vault_path).close()


def test_a_wrong_passphrase_changes_nothing_and_releases_the_lock(vault_path: Path) -> None:
    Vault.create(vault_path, passphrase="right passphrase", kdf=FAST_KDF).close()
    files = sorted(p for p in vault_path.parent.iterdir() if p.is_file())
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    with pytest.raises(WrongKeyError):
        quick_start(vault_path, "wrong passphrase")
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in files}
    assert after == before
    quick_start(vault_path, "right passphrase").release()


def test_vault_kind(vault_path: Path, tmp_path: Path) -> None:
    assert vault_kind(tmp_path / "none.db") is VaultKind.MISSING
    Vault.create(vault_path).close()
    assert vault_kind(vault_path) is VaultKind.KEYRING


def test_open_at_start_opens_a_keyring_vault(vault_path: Path) -> None:
    services = create_vault(vault_path)
    services.contacts.add(ContactInput(name="Ana Silva"))
    services.vault.close()
    opening = open_at_start(vault_path)
    assert opening.kind is VaultKind.KEYRING
    assert opening.quick is not None
    try:
        assert [c.name for c in opening.quick.contacts] == ["Ana Silva"]
    finally:
        opening.quick.release()


def test_open_at_start_leaves_a_passphrase_vault_closed(vault_path: Path) -> None:
    create_vault(vault_path, "correct horse battery").vault.close()
    opening = open_at_start(vault_path)
    assert (opening.kind, opening.quick) == (VaultKind.PASSPHRASE, None)
    # Nothing holds the vault: it opens at once.
    quick_start(vault_path, "correct horse battery").release()


def test_open_at_start_says_whether_a_new_vault_can_use_the_keyring(vault_path: Path) -> None:
    opening = open_at_start(vault_path)
    assert opening == Opening(VaultKind.MISSING, keyring_ok=True)
