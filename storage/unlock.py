"""Unlocking a vault without the data layer: its descriptor, its key, its lock.

This module stays light (no SQLAlchemy), so the app can unlock the vault and show the
first contacts while the rest of Rapport is still loading.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from storage.keys import (
    SALT_BYTES,
    KdfParams,
    KeyringStore,
    derive_key,
    sqlcipher_key_literal,
)
from storage.lock import VaultLock

DESCRIPTOR_SUFFIX = ".vault"
LOCK_SUFFIX = ".lock"
FORMAT = 1


class VaultError(Exception):
    """A problem with the vault that the user can act on; the message says how."""


class WrongKeyError(VaultError):
    """The passphrase or key does not open this vault."""


class PassphraseRequiredError(VaultError):
    """The vault is protected by a passphrase and none was given."""


@dataclass(frozen=True)
class Descriptor:
    """What is kept beside the database: how to find or derive its key."""

    vault_id: str
    key_source: str  # "keyring" or "passphrase"
    kdf: KdfParams | None

    def write(self, path: Path) -> None:
        """Write the descriptor as JSON."""
        data: dict[str, Any] = {
            "format": FORMAT,
            "vault_id": self.vault_id,
            "key_source": self.key_source,
        }
        if self.kdf is not None:
            data["kdf"] = self.kdf.to_json()
        path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")

    @classmethod
    def read(cls, path: Path) -> Descriptor:
        """Read a descriptor, with a clear message when it is missing or damaged."""
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            kdf = KdfParams.from_json(data["kdf"]) if "kdf" in data else None
            source = str(data["key_source"])
            if source not in ("keyring", "passphrase"):
                raise ValueError(source)
            return cls(str(data["vault_id"]), source, kdf)
        except FileNotFoundError:
            raise VaultError(
                f"{path.name} is missing beside the vault, so Rapport cannot tell how to "
                "unlock it. Restore it from a backup of the vault folder."
            ) from None
        except (ValueError, KeyError, TypeError) as exc:
            raise VaultError(f"{path} is damaged ({exc}); restore it from a backup.") from None


def descriptor_path(db_path: Path) -> Path:
    """Return where the descriptor of a vault lives."""
    return db_path.with_name(db_path.name + DESCRIPTOR_SUFFIX)


def lock_path(db_path: Path) -> Path:
    """Return where the lock file of a vault lives."""
    return db_path.with_name(db_path.name + LOCK_SUFFIX)


def vault_exists(db_path: Path) -> bool:
    """Say whether a vault database exists at this path."""
    return db_path.is_file()


def sqlite_sidecars(db_path: Path) -> tuple[Path, ...]:
    """Return the write-ahead log and shared-memory files SQLite keeps beside a database."""
    return tuple(db_path.with_name(db_path.name + suffix) for suffix in ("-wal", "-shm"))


def raw_connect(db_path: Path, key_literal: str) -> Any:
    """Return a DB-API connection to the vault file, keyed."""
    import sqlcipher3  # loaded on first use: deciding how to unlock needs no database

    connection = sqlcipher3.connect(str(db_path), check_same_thread=False)
    # SQLCipher would print decryption failures to stderr; a wrong key is reported
    # by Rapport in one sentence instead.
    connection.execute("PRAGMA cipher_log_level = NONE")
    connection.execute(f"PRAGMA key = {key_literal}")
    return connection


def probe(db_path: Path, key_literal: str) -> None:
    """Open the file with the key and read its schema, writing nothing."""
    import sqlcipher3

    connection = raw_connect(db_path, key_literal)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher3.DatabaseError:
        raise WrongKeyError("That passphrase or key does not open this vault.") from None
    finally:
        connection.close()


def read_salt(db_path: Path) -> bytes:
    """Return the salt SQLCipher keeps in the first bytes of the file."""
    with db_path.open("rb") as handle:
        salt = handle.read(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        raise VaultError(f"{db_path} is too short to be a Rapport vault.")
    return salt


def key_literal_for(
    path: Path,
    descriptor: Descriptor,
    passphrase: str | None,
    keyring_store: KeyringStore | None,
) -> str:
    """Return the PRAGMA key value for a vault: from its passphrase, or the keyring."""
    if descriptor.key_source == "passphrase":
        if passphrase is None:
            raise PassphraseRequiredError("This vault is protected by a passphrase.")
        salt = read_salt(path)
        params = descriptor.kdf or KdfParams()
        return sqlcipher_key_literal(derive_key(passphrase, salt, params), salt)
    store = keyring_store or KeyringStore()
    key = store.load(descriptor.vault_id)
    if key is None:
        raise VaultError(
            "The keyring on this machine has no key for this vault. Restore it from a "
            "passphrase-protected backup (`rapport restore`)."
        )
    return sqlcipher_key_literal(key)


@dataclass(frozen=True)
class Unlocked:
    """A vault whose key has been checked and whose lock this process holds."""

    path: Path
    key_literal: str
    lock: VaultLock


def unlock(
    path: Path, passphrase: str | None = None, keyring_store: KeyringStore | None = None
) -> Unlocked:
    """Take a vault's lock and check its key, changing nothing on disk.

    On any failure the lock is released again and the error says what to do.
    """
    if not path.is_file():
        raise VaultError(f"There is no vault at {path}; create one with `rapport init`.")
    if path.stat().st_size == 0:
        raise VaultError(f"{path} is empty, not a vault; restore it from a backup.")
    descriptor = Descriptor.read(descriptor_path(path))
    lock = VaultLock(lock_path(path))
    lock.acquire()
    try:
        literal = key_literal_for(path, descriptor, passphrase, keyring_store)
        probe(path, literal)
    except BaseException:
        lock.release()
        raise
    return Unlocked(path, literal, lock)
