"""The vault: encryption at rest, keys, the lock, and schema migrations."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from sqlalchemy import text

from desktop.app import build_services
from desktop.records import ContactInput
from storage import migrate
from storage.keys import KdfParams, KeyringUnavailableError, keyring_is_secure
from storage.lock import VaultLockedError
from storage.vault import PassphraseRequiredError, Vault, VaultError, WrongKeyError
from tests.conftest import FAST_KDF

SECRET_WORDS = ("Zanzibar", "Quillfeather", "octarine-consulting", "marmalade@example.org")


def _vault_files(path: Path) -> list[Path]:
    return sorted(p for p in path.parent.iterdir() if p.is_file())


def _digests(path: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in _vault_files(path)}


def _fill(vault: Vault) -> None:
    services = build_services(vault)
    contact = services.contacts.add(
        ContactInput(
            name="Ines Zanzibar",
            org="octarine-consulting",
            emails=("marmalade@example.org",),
            asks=("Quillfeather bookkeeping",),
        )
    )
    services.interactions.log([contact.id], kind="note", note="Talked about Quillfeather at length")


def test_nothing_readable_on_disk_while_open_and_after(vault_path: Path) -> None:
    vault = Vault.create(vault_path, passphrase="a long passphrase", kdf=FAST_KDF)
    _fill(vault)
    # While open the WAL and SHM hold recent pages: they must be encrypted too.
    files_open = _vault_files(vault_path)
    assert any(p.name.endswith("-wal") for p in files_open)
    for file in files_open:
        data = file.read_bytes()
        for word in SECRET_WORDS:
            assert word.encode() not in data, f"{word} readable in {file.name}"
            assert word.encode("utf-16-le") not in data
    vault.close()
    for file in _vault_files(vault_path):
        for word in SECRET_WORDS:
            assert word.encode() not in file.read_bytes()


def test_plain_sqlite_cannot_read_the_vault(vault: Vault) -> None:
    _fill(vault)
    vault.checkpoint()
    plain = sqlite3.connect(vault.path)
    with pytest.raises(sqlite3.DatabaseError):
        plain.execute("SELECT * FROM sqlite_master").fetchall()
    plain.close()


def test_wrong_passphrase_changes_no_byte_and_right_one_reads(vault_path: Path) -> None:
    vault = Vault.create(vault_path, passphrase="right passphrase", kdf=FAST_KDF)
    _fill(vault)
    vault.close()
    before = _digests(vault_path)
    with pytest.raises(WrongKeyError, match="does not open this vault"):
        Vault.open(vault_path, passphrase="wrong passphrase")
    assert _digests(vault_path) == before
    with Vault.open(vault_path, passphrase="right passphrase") as reopened:
        found = build_services(reopened).contacts.find("Ines Zanzibar")
        assert found.org == "octarine-consulting"
        assert found.emails == ("marmalade@example.org",)


def test_passphrase_vault_needs_a_passphrase(vault_path: Path) -> None:
    Vault.create(vault_path, passphrase="right passphrase", kdf=FAST_KDF).close()
    with pytest.raises(PassphraseRequiredError):
        Vault.open(vault_path)


def test_kdf_cost_is_recorded_beside_the_vault(vault_path: Path) -> None:
    Vault.create(vault_path, passphrase="right passphrase").close()
    descriptor = vault_path.with_name(vault_path.name + ".vault").read_text()
    assert '"algorithm": "argon2id"' in descriptor
    assert f'"memory_kib": {KdfParams().memory_kib}' in descriptor
    assert "right passphrase" not in descriptor


def test_keyring_vault_keeps_its_key_only_in_the_keyring(vault_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    Vault.create(vault_path).close()
    (stored,) = memory_keyring.secrets.values()
    for file in _vault_files(vault_path):
        assert stored.encode() not in file.read_bytes()
        assert bytes.fromhex(stored) not in file.read_bytes()
    Vault.open(vault_path).close()


def test_a_missing_keyring_key_is_a_clear_error(vault_path: Path, memory_keyring) -> None:  # type: ignore[no-untyped-def]
    Vault.create(vault_path).close()
    memory_keyring.secrets.clear()
    with pytest.raises(VaultError, match="no key for this vault"):
        Vault.open(vault_path)


def test_insecure_keyring_backends_are_refused(vault_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    assert not keyring_is_secure()
    with pytest.raises(KeyringUnavailableError):
        Vault.create(vault_path)
    assert not vault_path.exists()


def test_plaintext_keyring_backend_is_refused() -> None:
    alt = pytest.importorskip("keyrings.alt.file")
    keyring.set_keyring(alt.PlaintextKeyring())
    assert not keyring_is_secure()


def test_second_writer_gets_a_clear_message(vault: Vault) -> None:
    with pytest.raises(VaultLockedError, match="open in another Rapport"):
        Vault.open(vault.path)
    vault.close()
    Vault.open(vault.path).close()


def test_pragmas_keep_everything_in_memory_and_enforce_keys(vault: Vault) -> None:
    with vault.engine.connect() as connection:
        pragma = lambda name: connection.execute(text(f"PRAGMA {name}")).scalar()  # noqa: E731
        assert pragma("foreign_keys") == 1
        assert pragma("journal_mode") == "wal"
        assert pragma("secure_delete") == 1
        assert pragma("temp_store") == 2
        assert pragma("cipher_version")


def test_create_refuses_to_overwrite(vault: Vault) -> None:
    with pytest.raises(VaultError, match="already exists"):
        Vault.create(vault.path)


def test_open_missing_vault_says_how_to_create_one(tmp_path: Path) -> None:
    with pytest.raises(VaultError, match="rapport init"):
        Vault.open(tmp_path / "nothing.db")


def test_head_revision_matches_the_migration_scripts() -> None:
    assert migrate.script_head() == migrate.HEAD_REVISION


def test_older_vault_is_backed_up_then_migrated(vault_path: Path) -> None:
    vault = Vault.create(vault_path)
    _fill(vault)
    with vault.engine.begin() as connection:
        from alembic import command
        from alembic.config import Config

        config = Config()
        config.set_main_option("script_location", str(migrate.MIGRATIONS_DIR))
        config.attributes["connection"] = connection
        command.downgrade(config, "0001")
    assert vault.schema_revision() == "0001"
    vault.close()

    with Vault.open(vault_path) as migrated:
        assert migrated.schema_revision() == migrate.HEAD_REVISION
        assert build_services(migrated).contacts.find("Zanzibar").name == "Ines Zanzibar"
    backup = vault_path.with_name(f"{vault_path.name}.before-{migrate.HEAD_REVISION}.bak")
    assert backup.exists()
    for word in SECRET_WORDS:
        assert word.encode() not in backup.read_bytes()
