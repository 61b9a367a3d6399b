"""Automatic backups: a preference of the vault, due every N days, keeping the newest N.

The passphrase lives in the keyring (the in-memory one stands in for a secure keyring)
or, with no keyring, comes from the app at run time; never from a file.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import text

from desktop.app import build_services
from desktop.errors import ValidationError
from desktop.records import ContactInput
from desktop.services.backups import (
    KEYRING_SERVICE,
    NEED_PASSPHRASE,
    AutoBackup,
    BackupService,
)
from storage.backup import BACKUP_PREFIX, list_backups, restore_backup, verify_backup
from storage.vault import Vault, WrongKeyError
from tests.conftest import FAST_KDF
from tests.support.memory_keyring import MemoryKeyring

PASSPHRASE = "heron quarry almanac"
VAULT_PASSPHRASE = "copper meadow violin"
NOW = datetime(2025, 3, 10, 9, 0, tzinfo=UTC)


@pytest.fixture
def backups(vault: Vault) -> BackupService:
    build_services(vault).contacts.add(ContactInput(name="Imogen Auto", org="Nightly Ltd"))
    return BackupService(vault, kdf=FAST_KDF)


@pytest.fixture
def passphrase_vault(tmp_path: Path) -> Iterator[Vault]:
    opened = Vault.create(
        tmp_path / "pvault" / "rapport.db", passphrase=VAULT_PASSPHRASE, kdf=FAST_KDF
    )
    yield opened
    opened.close()


def _files_under(*folders: Path) -> list[Path]:
    return [p for folder in folders for p in folder.rglob("*") if p.is_file()]


def test_automatic_backups_are_off_by_default(backups: BackupService) -> None:
    auto = backups.auto_settings()
    assert auto == AutoBackup(
        folder=None,
        every_days=1,
        keep=5,
        last_at=None,
        passphrase_stored=False,
        keyring_available=True,
    )
    assert backups.run_auto_if_due(NOW) is None


def test_a_backup_is_due_every_n_days(backups: BackupService, tmp_path: Path) -> None:
    folder = tmp_path / "nightly" / "rapport"
    auto = backups.set_auto(folder, every_days=3, passphrase=PASSPHRASE)
    assert auto.folder == folder.resolve() and folder.is_dir()
    assert auto.every_days == 3 and auto.passphrase_stored and auto.last_at is None

    first = backups.run_auto_if_due(NOW)
    assert first is not None and first.parent == folder.resolve()
    assert first.name.startswith(BACKUP_PREFIX)
    assert backups.auto_settings().last_at == NOW
    assert backups.run_auto_if_due(NOW + timedelta(days=2, hours=23)) is None
    second = backups.run_auto_if_due(NOW + timedelta(days=3))
    assert second is not None and second != first
    assert backups.auto_settings().last_at == NOW + timedelta(days=3)
    assert list_backups(folder) == [first, second]


def test_changing_only_the_interval_keeps_the_schedule(
    backups: BackupService, tmp_path: Path
) -> None:
    backups.set_auto(tmp_path / "nightly", every_days=1, passphrase=PASSPHRASE)
    assert backups.run_auto_if_due(NOW) is not None
    backups.set_auto(tmp_path / "nightly", every_days=7)
    assert backups.run_auto_if_due(NOW + timedelta(days=6)) is None
    # A new folder gets its first backup at once.
    backups.set_auto(tmp_path / "elsewhere", every_days=7)
    assert backups.run_auto_if_due(NOW + timedelta(days=6)) is not None


def test_rotation_keeps_the_newest_n(backups: BackupService, tmp_path: Path) -> None:
    folder = tmp_path / "nightly"
    backups.set_keep(2)
    backups.set_auto(folder, passphrase=PASSPHRASE)
    written = [backups.run_auto_if_due(NOW + timedelta(days=day)) for day in range(4)]
    assert all(path is not None for path in written)
    assert list_backups(folder) == written[-2:]
    assert backups.auto_settings().keep == 2


def test_the_passphrase_is_kept_in_the_keyring_and_nowhere_on_disk(
    backups: BackupService,
    vault: Vault,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
) -> None:
    folder = tmp_path / "nightly"
    backups.set_auto(folder, passphrase=PASSPHRASE)
    [(service, _entry)] = [k for k, v in memory_keyring.secrets.items() if v == PASSPHRASE]
    assert service == KEYRING_SERVICE
    written = backups.run_auto_if_due(NOW)
    assert written is not None
    vault.checkpoint()
    files = _files_under(vault.path.parent, folder)
    assert written in files and len(files) >= 3
    for path in files:
        assert PASSPHRASE.encode() not in path.read_bytes(), path

    # The backup opens with that passphrase, and only with it.
    verify_backup(written, PASSPHRASE)
    with pytest.raises(WrongKeyError):
        verify_backup(written, VAULT_PASSPHRASE)
    restored = tmp_path / "restored" / "rapport.db"
    assert restore_backup(written, PASSPHRASE, restored) is None
    with Vault.open(restored) as opened, opened.engine.connect() as connection:
        names = connection.execute(text("SELECT name FROM contacts")).scalars().all()
    assert names == ["Imogen Auto"]


def test_turning_automatic_backups_off_forgets_the_passphrase(
    backups: BackupService, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    backups.set_auto(tmp_path / "nightly", every_days=2, passphrase=PASSPHRASE)
    auto = backups.set_auto(None, every_days=2)
    assert auto.folder is None and auto.every_days == 2 and not auto.passphrase_stored
    assert PASSPHRASE not in memory_keyring.secrets.values()
    assert backups.run_auto_if_due(NOW) is None


def test_a_passphrase_given_by_the_app_is_used_when_none_is_stored(
    backups: BackupService, tmp_path: Path
) -> None:
    backups.set_auto(tmp_path / "nightly")
    written = backups.run_auto_if_due(NOW, VAULT_PASSPHRASE)
    assert written is not None
    verify_backup(written, VAULT_PASSPHRASE)


def test_a_stored_passphrase_wins_over_the_one_the_app_gives(
    backups: BackupService, tmp_path: Path
) -> None:
    backups.set_auto(tmp_path / "nightly", passphrase=PASSPHRASE)
    written = backups.run_auto_if_due(NOW, VAULT_PASSPHRASE)
    assert written is not None
    verify_backup(written, PASSPHRASE)


def test_a_missing_passphrase_is_a_clear_error_and_writes_nothing(
    backups: BackupService, tmp_path: Path, memory_keyring: MemoryKeyring
) -> None:
    folder = tmp_path / "nightly"
    backups.set_auto(folder, passphrase=PASSPHRASE)
    memory_keyring.secrets.clear()  # e.g. the keyring was reset
    with pytest.raises(ValidationError) as caught:
        backups.run_auto_if_due(NOW)
    assert str(caught.value) == NEED_PASSPHRASE
    assert list(folder.iterdir()) == []
    assert backups.auto_settings().last_at is None


def test_without_a_keyring_the_vault_passphrase_is_supplied_at_run_time(
    passphrase_vault: Vault, tmp_path: Path
) -> None:
    keyring.set_keyring(fail.Keyring())
    backups = BackupService(passphrase_vault, kdf=FAST_KDF)
    folder = tmp_path / "nightly"
    with pytest.raises(ValidationError, match="no secure keyring"):
        backups.set_auto(folder, passphrase=PASSPHRASE)
    auto = backups.set_auto(folder)
    assert auto.folder is not None
    assert not auto.keyring_available and not auto.passphrase_stored
    with pytest.raises(ValidationError, match="need their passphrase"):
        backups.run_auto_if_due(NOW)
    assert list(folder.iterdir()) == []
    written = backups.run_auto_if_due(NOW, VAULT_PASSPHRASE)
    assert written is not None
    verify_backup(written, VAULT_PASSPHRASE)
    passphrase_vault.checkpoint()
    for path in _files_under(passphrase_vault.path.parent, folder):
        assert VAULT_PASSPHRASE.encode() not in path.read_bytes(), path


@pytest.mark.parametrize("days", [0, 31, True])
def test_the_interval_is_checked(backups: BackupService, tmp_path: Path, days: int) -> None:
    with pytest.raises(ValidationError, match="every 1 to 30 days"):
        backups.set_auto(tmp_path / "nightly", every_days=days)
    assert backups.auto_settings().folder is None


def test_a_short_passphrase_is_refused(backups: BackupService, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="at least 8"):
        backups.set_auto(tmp_path / "nightly", passphrase="short")
    assert backups.auto_settings().folder is None


def test_a_folder_that_cannot_be_created_is_refused(backups: BackupService, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(ValidationError, match="cannot create the folder"):
        backups.set_auto(blocker / "backups", passphrase=PASSPHRASE)
    assert backups.auto_settings().folder is None


def test_a_folder_that_vanished_is_a_clear_error(backups: BackupService, tmp_path: Path) -> None:
    folder = tmp_path / "usb-stick"
    backups.set_auto(folder, passphrase=PASSPHRASE)
    folder.rmdir()
    folder.write_text("the stick was swapped for a file")
    with pytest.raises(ValidationError, match="could not be written"):
        backups.run_auto_if_due(NOW)
    assert backups.auto_settings().last_at is None


def test_automatic_backups_carry_on_after_a_restore(
    backups: BackupService, vault: Vault, tmp_path: Path
) -> None:
    folder = tmp_path / "nightly"
    backups.set_auto(folder, passphrase=PASSPHRASE)
    written = backups.run_auto_if_due(NOW)
    assert written is not None

    backups.restore(written, PASSPHRASE)  # the restored vault has a new id

    with Vault.open(vault.path) as reopened:
        again = BackupService(reopened, kdf=FAST_KDF)
        assert again.auto_settings().passphrase_stored
        later = again.run_auto_if_due(NOW + timedelta(days=2))
        assert later is not None
        verify_backup(later, PASSPHRASE)
