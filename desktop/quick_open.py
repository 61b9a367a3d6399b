"""Unlock a vault and read its first contacts before the data layer has loaded.

Light on purpose (no SQLAlchemy, no services): the window can show real contacts a
fraction of a second after it appears, and `vault_access.open_unlocked` then builds
the full services on the same unlocked vault.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from storage.keys import keyring_is_secure
from storage.peek import first_contacts
from storage.unlock import Descriptor, Unlocked, descriptor_path, unlock

if TYPE_CHECKING:
    from desktop.contact_summary import ContactSummary

# About three screens of rows: what shows before the full list takes over.
FIRST_PAGE = 100


class VaultKind(Enum):
    """How a vault at a path is unlocked, or that there is none yet."""

    MISSING = "missing"
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"


def keyring_available() -> bool:
    """Say whether the system has a secure keyring to hold a vault key."""
    return keyring_is_secure()


def vault_kind(path: Path) -> VaultKind:
    """Say whether a vault exists at `path` and how it is unlocked."""
    if not Path(path).is_file():
        return VaultKind.MISSING
    return VaultKind(Descriptor.read(descriptor_path(Path(path))).key_source)


@dataclass(frozen=True)
class QuickStart:
    """An unlocked vault (lock held, key checked) and its first page of contacts."""

    unlocked: Unlocked
    total: int
    contacts: tuple[ContactSummary, ...]

    def release(self) -> None:
        """Give up the vault's lock (when the full open will not follow)."""
        self.unlocked.lock.release()


def quick_start(path: Path, passphrase: str | None = None) -> QuickStart:
    """Unlock the vault at `path` and read the first contacts by name."""
    from desktop.contact_summary import ContactSummary

    unlocked = unlock(Path(path), passphrase)
    try:
        total, rows = first_contacts(unlocked, FIRST_PAGE)
    except BaseException:
        unlocked.lock.release()
        raise
    contacts = tuple(
        ContactSummary(
            id=r.id,
            name=r.name,
            org=r.org,
            title=r.title,
            emails=r.emails,
            tags=r.tags,
            archived=r.archived,
        )
        for r in rows
    )
    return QuickStart(unlocked, total, contacts)


@dataclass(frozen=True)
class Opening:
    """What the app finds at start: the kind of vault and, for a keyring vault, its first page.

    `keyring_ok` is only read for a missing vault, where the welcome needs it.
    """

    kind: VaultKind
    quick: QuickStart | None = None
    keyring_ok: bool = False


def open_at_start(path: Path) -> Opening:
    """Find out how the vault at `path` opens, and open it if no passphrase is needed."""
    kind = vault_kind(path)
    if kind is VaultKind.KEYRING:
        return Opening(kind, quick=quick_start(path))
    if kind is VaultKind.MISSING:
        return Opening(kind, keyring_ok=keyring_available())
    return Opening(kind)
