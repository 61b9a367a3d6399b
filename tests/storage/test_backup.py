"""Encrypted backups and restore: no plaintext, wrong passphrases, atomic replacement."""

from __future__ import annotations

import hashlib
import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import text

from desktop.app import build_services
from desktop.records import ContactInput
from storage.backup import (
    backup_name,
    list_backups,
    restore_backup,
    rotate_backups,
    verify_backup,
    write_backup,
)
from storage.lock import VaultLockedError
from storage.vault import Vault, VaultError, WrongKeyError, descriptor_path
from tests.conftest import FAST_KDF
from tests.support.memory_keyring import MemoryKeyring

PASSPHRASE = "tangerine lighthouse"
SECRETS = (b"Zebulon", b"Quirkwright", b"zeb@quirkwright.example", b"marmalade", b"SQLite format")


def _fill(vault: Vault, name: str = "Zebulon Quirkwright") -> None:
    build_services(vault).contacts.add(
        ContactInput(
            name=name,
            org="Quirkwright Ltd",
            emails=("zeb@quirkwright.example",),
            about="Likes marmalade",
        )
    )


def _names(path: Path, passphrase: str | None = None) -> list[str]:
    with Vault.open(path, passphrase=passphrase) as opened, opened.engine.connect() as c:
        return [row[0] for row in c.execute(text("SELECT name FROM contacts ORDER BY id"))]


def _digests(folder: Path) -> dict[str, str]:
    return {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.iterdir())
        if p.is_file() and not p.name.endswith(".lock")
    }


@pytest.fixture
def backup_file(vault: Vault, tmp_path: Path) -> Path:
    _fill(vault)
    out = tmp_path / "backups" / "copy.db"
    write_backup(vault, out, PASSPHRASE, FAST_KDF)
    return out


def test_a_backup_is_a_passphrase_vault_with_no_plaintext(backup_file: Path) -> None:
    assert sorted(p.name for p in backup_file.parent.iterdir()) == ["copy.db", "copy.db.vault"]
    for path in (backup_file, descriptor_path(backup_file)):
        data = path.read_bytes()
        for secret in SECRETS:
            assert secret not in data, (path.name, secret)
    assert Vault.key_source(backup_file) == "passphrase"
    assert _names(backup_file, PASSPHRASE) == ["Zebulon Quirkwright"]


def test_the_search_index_survives_the_copy(backup_file: Path) -> None:
    with Vault.open(backup_file, passphrase=PASSPHRASE) as opened, opened.engine.begin() as c:
        hits = c.execute(text("SELECT rowid FROM contact_search WHERE contact_search MATCH 'zeb*'"))
        assert hits.all() == [(1,)]
        c.execute(
            text("INSERT INTO contact_search(contact_search, rank) VALUES('integrity-check', 1)")
        )


def test_a_backup_never_overwrites_a_file(vault: Vault, backup_file: Path) -> None:
    before = backup_file.read_bytes()
    with pytest.raises(VaultError, match="already exists"):
        write_backup(vault, backup_file, PASSPHRASE, FAST_KDF)
    assert backup_file.read_bytes() == before


def test_an_empty_backup_passphrase_is_refused(vault: Vault, tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="empty"):
        write_backup(vault, tmp_path / "x.db", "", FAST_KDF)
    assert not (tmp_path / "x.db").exists()


def test_a_wrong_passphrase_is_a_clear_error_and_changes_nothing(
    vault: Vault, vault_path: Path, backup_file: Path
) -> None:
    vault.close()
    before, backups_before = _digests(vault_path.parent), _digests(backup_file.parent)
    with pytest.raises(WrongKeyError, match="does not open this backup"):
        verify_backup(backup_file, "not the passphrase")
    with pytest.raises(WrongKeyError):
        restore_backup(backup_file, "not the passphrase", vault_path)
    assert _digests(vault_path.parent) == before
    assert _digests(backup_file.parent) == backups_before


def test_restore_replaces_the_vault_and_keeps_the_old_one_aside(
    vault: Vault, vault_path: Path, tmp_path: Path
) -> None:
    _fill(vault, "Old Person")
    with Vault.create(tmp_path / "other" / "rapport.db") as other:
        _fill(other, "New Person")
        write_backup(other, tmp_path / "new.db", PASSPHRASE, FAST_KDF)
    vault.close()
    aside = restore_backup(tmp_path / "new.db", PASSPHRASE, vault_path)
    assert aside is not None and aside.name.startswith("rapport.db.replaced-")
    assert descriptor_path(aside).is_file()
    assert _names(vault_path) == ["New Person"]
    assert _names(aside) == ["Old Person"]  # its key is still in the keyring
    leftovers = [p.name for p in vault_path.parent.iterdir() if ".partial-" in p.name]
    assert leftovers == []


def test_a_failed_swap_leaves_the_old_vault_in_place(
    vault: Vault,
    vault_path: Path,
    backup_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    memory_keyring: MemoryKeyring,
) -> None:
    vault.close()
    before = _digests(vault_path.parent)
    keys_before = dict(memory_keyring.secrets)
    real_replace = os.replace

    def failing_replace(src: object, dst: object) -> None:
        if Path(str(dst)) == vault_path:
            raise OSError(28, "No space left on device")
        real_replace(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr("storage.backup.os.replace", failing_replace)
    with pytest.raises(OSError, match="No space"):
        restore_backup(backup_file, PASSPHRASE, vault_path)
    monkeypatch.undo()
    assert _digests(vault_path.parent) == before
    assert memory_keyring.secrets == keys_before  # the new key was forgotten again
    assert _names(vault_path) == ["Zebulon Quirkwright"]


def test_restore_is_refused_while_the_vault_is_open(
    vault: Vault, vault_path: Path, backup_file: Path
) -> None:
    before = _digests(vault_path.parent)
    with pytest.raises(VaultLockedError):
        restore_backup(backup_file, PASSPHRASE, vault_path)
    assert _digests(vault_path.parent) == before


def test_a_damaged_backup_is_refused(vault: Vault, vault_path: Path, backup_file: Path) -> None:
    vault.close()
    data = bytearray(backup_file.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 64] = bytes(64)
    backup_file.write_bytes(bytes(data))
    before = _digests(vault_path.parent)
    with pytest.raises(VaultError):
        restore_backup(backup_file, PASSPHRASE, vault_path)
    assert _digests(vault_path.parent) == before


def test_a_backup_opens_on_another_machine(backup_file: Path, tmp_path: Path) -> None:
    keyring.set_keyring(MemoryKeyring())  # a machine that never saw this vault's key
    target = tmp_path / "elsewhere" / "rapport.db"
    assert restore_backup(backup_file, PASSPHRASE, target) is None
    assert Vault.key_source(target) == "keyring"
    assert _names(target) == ["Zebulon Quirkwright"]


def test_without_a_secure_keyring_the_restored_vault_keeps_the_passphrase(
    backup_file: Path, tmp_path: Path
) -> None:
    keyring.set_keyring(fail.Keyring())
    target = tmp_path / "headless" / "rapport.db"
    restore_backup(backup_file, PASSPHRASE, target)
    assert Vault.key_source(target) == "passphrase"
    assert _names(target, PASSPHRASE) == ["Zebulon Quirkwright"]


def test_rotation_keeps_the_newest_automatic_backups_only(tmp_path: Path) -> None:
    start = datetime(2026, 1, 1, 9, tzinfo=UTC)
    for hours in range(4):
        path = tmp_path / backup_name(start + timedelta(hours=hours))
        path.write_bytes(b"x")
        descriptor_path(path).write_text("{}")
    (tmp_path / "by-hand.db").write_bytes(b"mine")
    deleted = rotate_backups(tmp_path, 2)
    assert [p.name for p in deleted] == [
        backup_name(start),
        backup_name(start + timedelta(hours=1)),
    ]
    remaining = [p.name for p in list_backups(tmp_path)]
    assert remaining == [backup_name(start + timedelta(hours=h)) for h in (2, 3)]
    assert (tmp_path / "by-hand.db").exists()
    assert not descriptor_path(tmp_path / backup_name(start)).exists()
    with pytest.raises(ValueError):
        rotate_backups(tmp_path, 0)


def test_names_sort_in_time_order_even_within_a_second() -> None:
    moment = datetime(2026, 5, 1, 12, 0, 0, 5, tzinfo=UTC)
    assert backup_name(moment) < backup_name(moment + timedelta(microseconds=1))
