"""Where a vault's key comes from: the operating system's keyring, or a passphrase.

A keyring key is 32 random bytes, applied to SQLCipher as a raw key. A passphrase is
stretched with Argon2id (slow and memory-hard) into a raw key; the salt is the one
SQLCipher keeps in the first 16 bytes of the database file, so nothing secret is kept
beside the vault.
"""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import dataclass
from typing import Any

KEY_BYTES = 32
SALT_BYTES = 16
KEYRING_SERVICE = "Rapport vault"

# Backends that keep secrets unencrypted, or refuse to keep them at all.
_INSECURE_BACKENDS = (
    "keyring.backends.fail.",
    "keyring.backends.null.",
    "keyrings.alt.file.PlaintextKeyring",
    "keyrings.alt.",
)


class KeyringUnavailableError(Exception):
    """No secure keyring backend is available on this machine."""


@dataclass(frozen=True)
class KdfParams:
    """Argon2id cost parameters; kept beside the vault so they can be raised later."""

    time_cost: int = 3
    memory_kib: int = 64 * 1024
    parallelism: int = 2

    def to_json(self) -> dict[str, Any]:
        """Return the parameters as a JSON-ready mapping."""
        return {
            "algorithm": "argon2id",
            "time_cost": self.time_cost,
            "memory_kib": self.memory_kib,
            "parallelism": self.parallelism,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> KdfParams:
        """Read parameters written by `to_json`."""
        if data.get("algorithm") != "argon2id":
            raise ValueError(f"unknown key derivation {data.get('algorithm')!r}")
        return cls(int(data["time_cost"]), int(data["memory_kib"]), int(data["parallelism"]))


def random_key() -> bytes:
    """Return a fresh random 256-bit key."""
    return secrets.token_bytes(KEY_BYTES)


def random_salt() -> bytes:
    """Return a fresh random salt of the size SQLCipher keeps in its header."""
    return secrets.token_bytes(SALT_BYTES)


def derive_key(passphrase: str, salt: bytes, params: KdfParams) -> bytes:
    """Stretch a passphrase into a raw 256-bit key with Argon2id."""
    # Imported here: opening a keyring vault (the common start) never needs it.
    from argon2.low_level import Type, hash_secret_raw

    return hash_secret_raw(
        passphrase.encode("utf-8"),
        salt,
        time_cost=params.time_cost,
        memory_cost=params.memory_kib,
        parallelism=params.parallelism,
        hash_len=KEY_BYTES,
        type=Type.ID,
    )


def sqlcipher_key_literal(key: bytes, salt: bytes | None = None) -> str:
    """Return the PRAGMA key value for a raw key (and, when given, an explicit salt)."""
    if len(key) != KEY_BYTES:
        raise ValueError("a vault key is 32 bytes")
    hex_part = key.hex() + (salt.hex() if salt is not None else "")
    return f"\"x'{hex_part}'\""


def _backend_name(backend: object) -> str:
    cls = type(backend)
    return f"{cls.__module__}.{cls.__qualname__}"


def keyring_is_secure() -> bool:
    """Say whether the active keyring backend keeps secrets encrypted."""
    import keyring
    from keyring.backends.chainer import ChainerBackend

    backend = keyring.get_keyring()
    backends = list(backend.backends) if isinstance(backend, ChainerBackend) else [backend]
    usable = [
        b
        for b in backends
        if not _backend_name(b).startswith(_INSECURE_BACKENDS) and float(b.priority) > 0
    ]
    return bool(usable)


class KeyringStore:
    """Keeps vault keys in the operating system's keyring, one entry per vault id."""

    def __init__(self, service: str = KEYRING_SERVICE) -> None:
        self._service = service

    def available(self) -> bool:
        """Say whether a secure keyring backend is present."""
        return keyring_is_secure()

    def save(self, vault_id: str, key: bytes) -> None:
        """Store the key for a vault, refusing insecure backends."""
        import keyring
        from keyring.errors import KeyringError

        if not keyring_is_secure():
            raise KeyringUnavailableError(
                "No secure keyring is available; create the vault with a passphrase instead."
            )
        try:
            keyring.set_password(self._service, vault_id, key.hex())
        except KeyringError as exc:
            raise KeyringUnavailableError(f"The keyring refused to store the key: {exc}") from exc

    def load(self, vault_id: str) -> bytes | None:
        """Return the stored key for a vault, or None when there is none."""
        import keyring
        from keyring.errors import KeyringError

        if not keyring_is_secure():
            raise KeyringUnavailableError(
                "No secure keyring is available to unlock this vault on this machine."
            )
        try:
            stored = keyring.get_password(self._service, vault_id)
        except KeyringError as exc:
            raise KeyringUnavailableError(f"The keyring could not be read: {exc}") from exc
        if stored is None:
            return None
        try:
            key = bytes.fromhex(stored)
        except ValueError:
            return None
        return key if len(key) == KEY_BYTES else None

    def delete(self, vault_id: str) -> None:
        """Forget the key for a vault, if one is stored."""
        import keyring
        from keyring.errors import PasswordDeleteError

        with contextlib.suppress(PasswordDeleteError):
            keyring.delete_password(self._service, vault_id)

    # -- other secrets, e.g. the passphrase of automatic backups ----------------------

    def save_secret(self, name: str, secret: str) -> None:
        """Store a secret string under `name`, refusing insecure backends."""
        import keyring
        from keyring.errors import KeyringError

        if not keyring_is_secure():
            raise KeyringUnavailableError("No secure keyring is available to keep this secret.")
        try:
            keyring.set_password(self._service, name, secret)
        except KeyringError as exc:
            raise KeyringUnavailableError(f"The keyring refused to store it: {exc}") from exc

    def load_secret(self, name: str) -> str | None:
        """Return the secret stored under `name`, or None when there is none."""
        import keyring
        from keyring.errors import KeyringError

        if not keyring_is_secure():
            raise KeyringUnavailableError("No secure keyring is available to read this secret.")
        try:
            stored: str | None = keyring.get_password(self._service, name)
        except KeyringError as exc:
            raise KeyringUnavailableError(f"The keyring could not be read: {exc}") from exc
        return stored

    def delete_secret(self, name: str) -> None:
        """Forget the secret stored under `name`, if there is one."""
        import keyring
        from keyring.errors import PasswordDeleteError

        # An insecure backend never received one of our secrets, and the `fail`
        # backend raises on every call, so there is nothing to delete there.
        if not keyring_is_secure():
            return
        with contextlib.suppress(PasswordDeleteError):
            keyring.delete_password(self._service, name)
