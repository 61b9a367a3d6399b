"""The vault: one SQLCipher database file, its key, its lock and its schema.

A vault is three files side by side: the encrypted database (``rapport.db``), a small
descriptor (``rapport.db.vault``: the vault's id, where its key comes from and the
key-derivation cost; nothing about any contact, nothing secret) and an empty lock
file. SQLCipher adds its own ``-wal`` and ``-shm`` files while the vault is open; their
pages are encrypted too.
"""

from __future__ import annotations

import contextlib
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import URL, Connection, Engine, create_engine, event, text
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.pool import ConnectionPoolEntry

from storage import migrate
from storage.keys import (
    KdfParams,
    KeyringStore,
    KeyringUnavailableError,
    derive_key,
    random_key,
    random_salt,
    sqlcipher_key_literal,
)
from storage.lock import VaultLock, VaultLockedError
from storage.unlock import (
    Descriptor,
    PassphraseRequiredError,
    Unlocked,
    VaultError,
    WrongKeyError,
    descriptor_path,
    lock_path,
    raw_connect,
    sqlite_sidecars,
    unlock,
)

__all__ = [
    "Descriptor",
    "KeyringUnavailableError",
    "PassphraseRequiredError",
    "Unlocked",
    "Vault",
    "VaultError",
    "VaultLockedError",
    "WrongKeyError",
    "descriptor_path",
    "lock_path",
]


class Vault:
    """An open, unlocked vault: an engine, a session factory and the lock that guards it.

    Use `Vault.create` or `Vault.open`; close it (or use it as a context manager) to
    release the lock and drop every connection.
    """

    def __init__(self, path: Path, key_literal: str, lock: VaultLock) -> None:
        self.path = path
        self._key_literal = key_literal
        self._lock = lock
        self.engine: Engine = self._make_engine()
        self.sessions: sessionmaker[Session] = sessionmaker(self.engine, expire_on_commit=False)
        self._closed = False

    # -- creation and opening -------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        keyring_store: KeyringStore | None = None,
        kdf: KdfParams | None = None,
    ) -> Vault:
        """Create a new vault, keyed from the keyring, or from a passphrase when given."""
        path = Path(path)
        if path.exists():
            raise VaultError(f"A vault already exists at {path}; open it instead.")
        if passphrase is not None and not passphrase:
            raise VaultError("The passphrase is empty; choose one you will remember.")
        path.parent.mkdir(parents=True, exist_ok=True)
        vault_id = str(uuid.uuid4())
        store = keyring_store or KeyringStore()
        lock = VaultLock(lock_path(path))
        lock.acquire()
        saved_key = False
        try:
            if passphrase is not None:
                params = kdf or KdfParams()
                salt = random_salt()
                literal = sqlcipher_key_literal(derive_key(passphrase, salt, params), salt)
                descriptor = Descriptor(vault_id, "passphrase", params)
            else:
                key = random_key()
                store.save(vault_id, key)
                saved_key = True
                literal = sqlcipher_key_literal(key)
                descriptor = Descriptor(vault_id, "keyring", None)
            descriptor.write(descriptor_path(path))
            vault = cls(path, literal, lock)
            vault._migrate(backup=False)
        except BaseException:
            # A vault that could not be finished leaves nothing behind to confuse the next try.
            lock.release()
            for leftover in (path, descriptor_path(path), *sqlite_sidecars(path)):
                leftover.unlink(missing_ok=True)
            if saved_key:
                store.delete(vault_id)
            raise
        return vault

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        passphrase: str | None = None,
        keyring_store: KeyringStore | None = None,
        unlocked: Unlocked | None = None,
    ) -> Vault:
        """Unlock an existing vault; a wrong key leaves every file untouched.

        `unlocked` is a vault already unlocked by `storage.unlock.unlock` (its lock is
        held and its key checked), so the app can show data before this module loads.
        """
        unlocked = unlocked or unlock(Path(path), passphrase, keyring_store)
        try:
            vault = cls(unlocked.path, unlocked.key_literal, unlocked.lock)
            vault._migrate(backup=True)
        except BaseException:
            unlocked.lock.release()
            raise
        return vault

    @staticmethod
    def key_source(path: Path) -> str:
        """Return "keyring" or "passphrase": how the vault at `path` is unlocked."""
        return Descriptor.read(descriptor_path(Path(path))).key_source

    # -- engine ---------------------------------------------------------------------

    def _make_engine(self) -> Engine:
        path, literal = self.path, self._key_literal

        def connect() -> Any:
            return raw_connect(path, literal)

        # A file URL (not the in-memory default) gives a QueuePool: each connection is
        # used by one thread at a time, and handed between the UI's worker threads safely.
        engine = create_engine(
            URL.create("sqlite+pysqlite", database=str(path)),
            creator=connect,
            module=sqlcipher3.dbapi2,
            # The most recently used connection first: its page cache is warm.
            pool_use_lifo=True,
        )

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection: Any, _record: ConnectionPoolEntry) -> None:
            # Nothing of the vault may reach the disk unencrypted: temporary tables and
            # indices stay in memory, and deleted content is overwritten.
            cursor = dbapi_connection.cursor()
            for pragma in (
                "PRAGMA foreign_keys = ON",
                "PRAGMA journal_mode = WAL",
                "PRAGMA synchronous = NORMAL",
                "PRAGMA secure_delete = ON",
                "PRAGMA temp_store = MEMORY",
                "PRAGMA busy_timeout = 5000",
            ):
                cursor.execute(pragma)
            cursor.close()
            # The driver would otherwise open transactions only before DML, so schema
            # changes (migrations, suspending index triggers for a bulk load) would
            # commit on their own. Rapport begins every transaction itself instead.
            dbapi_connection.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin(connection: Connection) -> None:
            connection.exec_driver_sql("BEGIN")

        return engine

    @contextlib.contextmanager
    def raw_connection(self) -> Iterator[Any]:
        """Yield a keyed DB-API connection of its own (for bulk loads and benchmarks)."""
        connection = raw_connect(self.path, self._key_literal)
        try:
            connection.execute("PRAGMA foreign_keys = ON")
            connection.execute("PRAGMA temp_store = MEMORY")
            yield connection
        finally:
            connection.close()

    # -- schema ---------------------------------------------------------------------

    def schema_revision(self) -> str | None:
        """Return the schema revision stored in the vault."""
        with self.engine.connect() as connection:
            return migrate.current_revision(connection)

    def _migrate(self, *, backup: bool) -> None:
        with self.engine.connect() as connection:
            revision = migrate.current_revision(connection)
        if revision == migrate.HEAD_REVISION:
            return
        if backup and revision is not None:
            self.checkpoint()
            copy = self.path.with_name(f"{self.path.name}.before-{migrate.HEAD_REVISION}.bak")
            shutil.copy2(self.path, copy)
        with self.engine.begin() as connection:
            migrate.upgrade(connection)

    def checkpoint(self) -> None:
        """Fold the write-ahead log back into the database file."""
        with self.engine.connect() as connection:
            connection.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))

    # -- lifetime -------------------------------------------------------------------

    def close(self) -> None:
        """Close every connection and release the lock."""
        if self._closed:
            return
        self._closed = True
        try:
            self.engine.dispose()
        finally:
            self._lock.release()

    def __enter__(self) -> Vault:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
