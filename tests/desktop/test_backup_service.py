"""BackupService: timestamped backups, keeping the newest N, restoring in place."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app import build_services
from desktop.errors import ValidationError
from desktop.records import ContactInput
from desktop.services.backups import DEFAULT_KEEP, BackupService
from storage.backup import BACKUP_PREFIX
from storage.vault import Vault, WrongKeyError
from tests.conftest import FAST_KDF

PASSPHRASE = "orchard kestrel lantern"


@pytest.fixture
def backups(vault: Vault) -> BackupService:
    return BackupService(vault, kdf=FAST_KDF)


def test_backups_are_named_by_time_and_only_the_newest_are_kept(
    backups: BackupService, tmp_path: Path
) -> None:
    assert backups.keep() == DEFAULT_KEEP
    backups.set_keep(2)
    assert backups.keep() == 2
    written = [backups.backup_now(tmp_path / "auto", PASSPHRASE) for _ in range(4)]
    assert all(p.name.startswith(BACKUP_PREFIX) for p in written)
    assert backups.backups_in(tmp_path / "auto") == written[-2:]
    assert sorted(p.name for p in (tmp_path / "auto").iterdir()) == sorted(
        [p.name for p in written[-2:]] + [p.name + ".vault" for p in written[-2:]]
    )


@pytest.mark.parametrize("count", [0, 101, True])
def test_keep_is_checked(backups: BackupService, count: int) -> None:
    with pytest.raises(ValidationError):
        backups.set_keep(count)


def test_a_short_backup_passphrase_is_refused(backups: BackupService, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="at least 8"):
        backups.backup_now(tmp_path / "auto", "short")
    assert not (tmp_path / "auto").exists()


def test_restore_closes_the_vault_and_keeps_the_old_one(
    vault: Vault, vault_path: Path, backups: BackupService, tmp_path: Path
) -> None:
    services = build_services(vault)
    services.contacts.add(ContactInput(name="Before Backup"))
    copy = backups.backup_to(tmp_path / "copy.db", PASSPHRASE)
    services.contacts.add(ContactInput(name="After Backup"))
    with pytest.raises(WrongKeyError):
        backups.restore(copy, "wrong passphrase")
    assert services.contacts.count() == 2  # still open, nothing changed
    aside = backups.restore(copy, PASSPHRASE)
    assert aside is not None
    with Vault.open(vault_path) as restored:
        assert [c.name for c in build_services(restored).contacts.list_contacts()] == [
            "Before Backup"
        ]
    with Vault.open(aside) as old:
        assert build_services(old).contacts.count() == 2
