"""Encrypted backups: back up now (keeping the last few), and restore one.

A backup is protected by its own passphrase, so it opens on another machine without
this one's keyring. Backups taken with `backup_now` are named by their UTC time and
only the newest N are kept (N from the vault setting "backup.keep", 5 by default).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from desktop.errors import ValidationError
from storage.backup import (
    backup_name,
    list_backups,
    restore_backup,
    rotate_backups,
    verify_backup,
    write_backup,
)
from storage.keys import KdfParams
from storage.models import VaultSetting
from storage.vault import Vault

KEEP_SETTING = "backup.keep"
DEFAULT_KEEP = 5
MAX_KEEP = 100
MIN_PASSPHRASE = 8


def _check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(
            f"Choose a backup passphrase of at least {MIN_PASSPHRASE} characters "
            "(a few unrelated words work well)."
        )


class BackupService:
    """Backs up the open vault, and restores a backup in its place."""

    def __init__(self, vault: Vault, *, kdf: KdfParams | None = None) -> None:
        self._vault = vault
        self._kdf = kdf

    def keep(self) -> int:
        """Return how many automatic backups are kept."""
        with self._vault.sessions() as session:
            setting = session.get(VaultSetting, KEEP_SETTING)
        try:
            return max(1, int(setting.value)) if setting is not None else DEFAULT_KEEP
        except ValueError:
            return DEFAULT_KEEP

    def set_keep(self, count: int) -> None:
        """Keep the newest `count` automatic backups (1 to 100)."""
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_KEEP:
            raise ValidationError(f"Keep from 1 to {MAX_KEEP} backups, not {count!r}.")
        with self._vault.sessions.begin() as session:
            setting = session.get(VaultSetting, KEEP_SETTING)
            if setting is None:
                session.add(VaultSetting(key=KEEP_SETTING, value=str(count)))
            else:
                setting.value = str(count)

    def backup_now(self, out_dir: Path, passphrase: str) -> Path:
        """Write a backup named by the time into `out_dir`, drop the oldest beyond N, return it."""
        _check_passphrase(passphrase)
        out = Path(out_dir) / backup_name(datetime.now(UTC))
        write_backup(self._vault, out, passphrase, self._kdf)
        rotate_backups(Path(out_dir), self.keep())
        return out

    def backup_to(self, out: Path, passphrase: str) -> Path:
        """Write a backup to a file chosen by the user (never rotated away); return it."""
        _check_passphrase(passphrase)
        write_backup(self._vault, Path(out), passphrase, self._kdf)
        return Path(out)

    def backups_in(self, out_dir: Path) -> list[Path]:
        """Return the automatic backups in a folder, oldest first."""
        return list_backups(Path(out_dir))

    def restore(self, backup: Path, passphrase: str) -> Path | None:
        """Replace this vault with a backup; return where the replaced vault was kept.

        The backup is verified first, so a wrong passphrase or a damaged file changes
        nothing and leaves the vault open. Otherwise the vault is closed for the swap
        and stays closed: the caller opens the restored vault again (the desktop app
        locks, and the user unlocks).
        """
        verify_backup(Path(backup), passphrase)
        self._vault.close()
        return restore_backup(Path(backup), passphrase, self._vault.path)
