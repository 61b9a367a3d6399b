"""Opening, creating and closing vaults for the desktop app, without it touching storage."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from desktop.app import Services, build_services
from desktop.sample import SampleSize, generate_sample
from storage.keys import KeyringUnavailableError, keyring_is_secure
from storage.lock import VaultLockedError
from storage.vault import PassphraseRequiredError, Vault, VaultError, WrongKeyError

__all__ = [
    "KeyringUnavailableError",
    "PassphraseRequiredError",
    "VaultAccessError",
    "VaultKind",
    "VaultLockedError",
    "WrongKeyError",
    "create_sample_vault",
    "create_vault",
    "keyring_available",
    "open_vault",
    "vault_kind",
]

# Every error that means "this vault cannot be opened as asked"; each has a message a
# person can act on.
VaultAccessError = (VaultError, VaultLockedError, KeyringUnavailableError)


class VaultKind(Enum):
    """How a vault at a path is unlocked, or that there is none yet."""

    MISSING = "missing"
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"


def vault_kind(path: Path) -> VaultKind:
    """Say whether a vault exists at `path` and how it is unlocked."""
    if not Path(path).is_file():
        return VaultKind.MISSING
    return VaultKind(Vault.key_source(path))


def keyring_available() -> bool:
    """Say whether the system has a secure keyring to hold a vault key."""
    return keyring_is_secure()


def open_vault(path: Path, passphrase: str | None = None) -> Services:
    """Unlock a vault and return its services."""
    return build_services(Vault.open(path, passphrase=passphrase))


def create_vault(path: Path, passphrase: str | None = None) -> Services:
    """Create a vault (keyring key, or passphrase when given) and return its services."""
    return build_services(Vault.create(path, passphrase=passphrase))


def create_sample_vault(path: Path, contacts: int = 300) -> Services:
    """Create a vault filled with a generated sample network to explore."""
    services = create_vault(path, None if keyring_is_secure() else "rapport-sample")
    generate_sample(services.vault, SampleSize(contacts))
    return services
