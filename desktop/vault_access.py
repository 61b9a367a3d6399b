"""Opening, creating and closing vaults for the desktop app, without it touching storage."""

from __future__ import annotations

from pathlib import Path

from desktop.app import Services, build_services
from desktop.quick_open import QuickStart, VaultKind, keyring_available, vault_kind
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
    "open_unlocked",
    "open_vault",
    "vault_kind",
]

# Every error that means "this vault cannot be opened as asked"; each has a message a
# person can act on.
VaultAccessError = (VaultError, VaultLockedError, KeyringUnavailableError)


def open_vault(path: Path, passphrase: str | None = None) -> Services:
    """Unlock a vault and return its services."""
    return build_services(Vault.open(path, passphrase=passphrase))


def open_unlocked(quick: QuickStart) -> Services:
    """Build the services on a vault that `quick_start` already unlocked."""
    return build_services(Vault.open(quick.unlocked.path, unlocked=quick.unlocked))


def create_vault(path: Path, passphrase: str | None = None) -> Services:
    """Create a vault (keyring key, or passphrase when given) and return its services."""
    return build_services(Vault.create(path, passphrase=passphrase))


def create_sample_vault(path: Path, contacts: int = 300) -> Services:
    """Create a vault filled with a generated sample network to explore."""
    services = create_vault(path, None if keyring_is_secure() else "rapport-sample")
    generate_sample(services.vault, SampleSize(contacts))
    return services
