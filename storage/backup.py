"""Encrypted backups of a vault, and restoring one in place of the current vault.

A backup is an ordinary passphrase vault: SQLCipher's own `sqlcipher_export` copies the
open vault, page by page, into a new file keyed from the backup passphrase (Argon2id
with a fresh salt kept in the file's first 16 bytes, exactly as `Vault.create` does),
and a descriptor (``OUT.vault``) beside it records the key-derivation cost. So a backup
opens with `Vault.open(OUT, passphrase=...)` on any machine, without the keyring, and no
byte of it is ever plaintext: SQLCipher encrypts each page before it reaches the disk,
and the only temporary file is the encrypted copy itself, under a hidden name until it
is complete.

Restoring re-keys the copy for this machine. When a secure keyring is available the
restored vault gets a new random key kept there (and a new vault id, so the key of the
vault it replaces stays in the keyring and that vault still opens); otherwise it stays a
passphrase vault, unlocked with the backup's passphrase. The replaced vault is kept
aside as ``<target>.replaced-<timestamp>`` with its descriptor and write-ahead log.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from storage.keys import (
    SALT_BYTES,
    KdfParams,
    KeyringStore,
    derive_key,
    random_key,
    random_salt,
    sqlcipher_key_literal,
)
from storage.lock import VaultLock
from storage.vault import (
    Descriptor,
    Vault,
    VaultError,
    WrongKeyError,
    descriptor_path,
    lock_path,
)

__all__ = [
    "BACKUP_PREFIX",
    "BACKUP_SUFFIX",
    "backup_name",
    "list_backups",
    "restore_backup",
    "rotate_backups",
    "verify_backup",
    "write_backup",
]

BACKUP_PREFIX = "rapport-backup-"
BACKUP_SUFFIX = ".db"
_ALIAS = "rapport_copy"
# SQLite's companions of a database file; they belong to it and move with it.
_SIDECARS = ("-wal", "-shm", "-journal")


def backup_name(moment: datetime) -> str:
    """Return the file name of an automatic backup taken at `moment`.

    Microseconds keep two backups in one second apart, and the fixed width makes
    the names sort in time order.
    """
    return f"{BACKUP_PREFIX}{moment.astimezone(UTC):%Y%m%dT%H%M%S%fZ}{BACKUP_SUFFIX}"


def list_backups(folder: Path) -> list[Path]:
    """Return the automatic backups in `folder`, oldest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob(f"{BACKUP_PREFIX}*{BACKUP_SUFFIX}") if p.is_file())


def rotate_backups(folder: Path, keep: int) -> list[Path]:
    """Delete all but the newest `keep` automatic backups in `folder`; return those deleted.

    Only files named by `backup_name` are touched, so backups made by hand stay.
    """
    if keep < 1:
        raise ValueError("keep at least one backup")
    doomed = list_backups(folder)[:-keep]
    for path in doomed:
        path.unlink(missing_ok=True)
        descriptor_path(path).unlink(missing_ok=True)
    return doomed


def write_backup(vault: Vault, out: Path, passphrase: str, kdf: KdfParams | None = None) -> None:
    """Write an encrypted copy of an open vault to `out` (and its descriptor to `out.vault`).

    Raises:
        VaultError: If the passphrase is empty or `out` already exists.
    """
    out = Path(out)
    if not passphrase:
        raise VaultError("The backup passphrase is empty; choose one you will remember.")
    if out.exists() or descriptor_path(out).exists():
        raise VaultError(f"{out} already exists; choose a new name so no backup is overwritten.")
    out.parent.mkdir(parents=True, exist_ok=True)
    params = kdf or KdfParams()
    salt = random_salt()
    literal = sqlcipher_key_literal(derive_key(passphrase, salt, params), salt)
    vault_id = Descriptor.read(descriptor_path(vault.path)).vault_id
    partial = _partial_beside(out)
    try:
        with vault.raw_connection() as connection:
            _export(connection, partial, literal)
        _write_descriptor(Descriptor(vault_id, "passphrase", params), descriptor_path(partial))
        _fsync(partial)
        os.replace(partial, out)
        os.replace(descriptor_path(partial), descriptor_path(out))
        _fsync_folder(out.parent)
    finally:
        _remove(partial)


def verify_backup(backup: Path, passphrase: str) -> None:
    """Check that the passphrase opens the backup and that it passes the integrity check.

    Raises:
        WrongKeyError: If the passphrase does not open it.
        VaultError: If it is missing, not a backup, or damaged.
    """
    literal, _ = _backup_key(Path(backup), passphrase)
    _check(Path(backup), literal)


def restore_backup(
    backup: Path, passphrase: str, target: Path, *, keyring_store: KeyringStore | None = None
) -> Path | None:
    """Replace the vault at `target` with the backup, re-keyed for this machine.

    Nothing changes unless the backup opens and passes the integrity check. The new
    vault is written beside the target under a hidden name, flushed to disk, and
    swapped in with `os.replace`, so `target` is at every moment either the old vault
    or the new one. The target must not be open (its lock is taken).

    Returns:
        Where the replaced vault was kept, or None when there was no vault at `target`.

    Raises:
        WrongKeyError: If the passphrase does not open the backup.
        VaultError: If the backup is missing or damaged.
        VaultLockedError: If the target vault is open.
    """
    backup, target = Path(backup), Path(target)
    literal, descriptor = _backup_key(backup, passphrase)
    _check(backup, literal)
    target.parent.mkdir(parents=True, exist_ok=True)
    lock = VaultLock(lock_path(target))
    lock.acquire()
    store = keyring_store or KeyringStore()
    partial = _partial_beside(target)
    new_id = str(uuid.uuid4())
    saved_key = False
    try:
        if store.available():
            key = random_key()
            store.save(new_id, key)
            saved_key = True
            new_literal = sqlcipher_key_literal(key)
            restored = Descriptor(new_id, "keyring", None)
        else:
            params = descriptor.kdf or KdfParams()
            salt = random_salt()
            new_literal = sqlcipher_key_literal(derive_key(passphrase, salt, params), salt)
            restored = Descriptor(new_id, "passphrase", params)
        with _connected(backup, literal) as source:
            _export(source, partial, new_literal)
        _write_descriptor(restored, descriptor_path(partial))
        _fsync(partial)
        aside = _swap_in(partial, target)
        saved_key = False  # the key now belongs to the restored vault
        return aside
    finally:
        _remove(partial)
        if saved_key:
            store.delete(new_id)
        lock.release()


# -- helpers ------------------------------------------------------------------------


def _backup_key(backup: Path, passphrase: str) -> tuple[str, Descriptor]:
    """Return the key literal that should open a backup, and the backup's descriptor."""
    if not backup.is_file():
        raise VaultError(f"There is no backup at {backup}.")
    descriptor = Descriptor.read(descriptor_path(backup))
    if descriptor.key_source != "passphrase":
        raise VaultError(
            f"{backup} is keyed from a keyring, not a passphrase, so it is not a portable "
            "backup; make one with `rapport backup`."
        )
    with backup.open("rb") as handle:
        salt = handle.read(SALT_BYTES)
    if len(salt) != SALT_BYTES:
        raise VaultError(f"{backup} is too short to be a Rapport backup.")
    params = descriptor.kdf or KdfParams()
    return sqlcipher_key_literal(derive_key(passphrase, salt, params), salt), descriptor


def _check(backup: Path, literal: str) -> None:
    """Open the backup read-only with the key and run SQLite's integrity check."""
    uri = f"{backup.resolve().as_uri()}?mode=ro"
    connection = sqlcipher3.connect(uri, uri=True, check_same_thread=False)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {literal}")
        try:
            connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError:
            raise WrongKeyError("That passphrase does not open this backup.") from None
        try:
            results = [row[0] for row in connection.execute("PRAGMA integrity_check")]
        except sqlcipher3.DatabaseError as exc:
            results = [str(exc)]
        if results != ["ok"]:
            raise VaultError(
                f"The backup {backup} is damaged ({'; '.join(results[:3])}); nothing was restored."
            )
    finally:
        connection.close()


@contextlib.contextmanager
def _connected(path: Path, literal: str) -> Iterator[Any]:
    connection = sqlcipher3.connect(str(path), check_same_thread=False)
    try:
        connection.execute("PRAGMA cipher_log_level = NONE")
        connection.execute(f"PRAGMA key = {literal}")
        connection.execute("PRAGMA temp_store = MEMORY")
        yield connection
    finally:
        connection.close()


def _export(connection: Any, target: Path, literal: str) -> None:
    """Copy the connection's database into a new encrypted file at `target`."""
    quoted = "'" + str(target).replace("'", "''") + "'"
    connection.execute(f"ATTACH DATABASE {quoted} AS {_ALIAS} KEY {literal}")
    try:
        connection.execute(f"SELECT sqlcipher_export('{_ALIAS}')").fetchall()
        # A rollback journal rather than WAL: the copy is one self-contained file that
        # can be opened read-only. The vault turns WAL back on when it opens it.
        connection.execute(f"PRAGMA {_ALIAS}.journal_mode = DELETE").fetchall()
    finally:
        connection.execute(f"DETACH DATABASE {_ALIAS}")


def _swap_in(partial: Path, target: Path) -> Path | None:
    """Put the finished file at `target`, keeping any vault that was there aside."""
    if not target.exists():
        os.replace(partial, target)
        os.replace(descriptor_path(partial), descriptor_path(target))
        _fsync_folder(target.parent)
        return None
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    aside = target.with_name(f"{target.name}.replaced-{stamp}")
    # The old database's write-ahead log holds committed data and must stay with it;
    # left behind, SQLite would try to apply it to the restored file.
    moved = [
        (side, aside.with_name(aside.name + suffix))
        for suffix in _SIDECARS
        if (side := target.with_name(target.name + suffix)).exists()
    ]
    try:
        for source, destination in moved:
            os.replace(source, destination)
        if descriptor_path(target).exists():
            shutil.copy2(descriptor_path(target), descriptor_path(aside))
        try:
            os.link(target, aside)  # a second name: `target` never goes missing
        except OSError:
            shutil.copy2(target, aside)  # file systems without hard links
        os.replace(partial, target)
    except BaseException:
        # Put the old vault back together exactly as it was.
        for source, destination in moved:
            if destination.exists():
                os.replace(destination, source)
        if target.exists() and aside.exists():
            aside.unlink()
        descriptor_path(aside).unlink(missing_ok=True)
        raise
    # Two renames cannot be one atomic step; the database goes first because a
    # descriptor without its database opens nothing, and this rename does not fail
    # where the one before it succeeded (same folder, same file system).
    os.replace(descriptor_path(partial), descriptor_path(target))
    _fsync_folder(target.parent)
    return aside


def _partial_beside(path: Path) -> Path:
    return path.with_name(f".{path.name}.partial-{secrets.token_hex(4)}")


def _write_descriptor(descriptor: Descriptor, path: Path) -> None:
    descriptor.write(path)
    _fsync(path)


def _fsync(path: Path) -> None:
    with path.open("r+b") as handle:
        os.fsync(handle.fileno())


def _fsync_folder(folder: Path) -> None:
    """Make renames in a folder durable (POSIX only; Windows has no folder handles)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove(partial: Path) -> None:
    sidecars = [partial.with_name(partial.name + suffix) for suffix in _SIDECARS]
    for leftover in (partial, descriptor_path(partial), *sidecars):
        leftover.unlink(missing_ok=True)
