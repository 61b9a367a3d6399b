"""Encrypted backups: back up now (keeping the last few), automatically, and restore one.

A backup is protected by its own passphrase, so it opens on another machine without
this one's keyring. Backups taken with `backup_now` are named by their UTC time and
only the newest N are kept (N from the vault setting "backup.keep", 5 by default).

Automatic backups are a preference of the vault (folder and interval in its settings).
Their passphrase is never written to a file: it is kept in the system keyring under an
entry per vault, or, with no secure keyring, the app supplies the vault's own
passphrase each time (it has it from the unlock form).
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.errors import ValidationError
from storage.backup import (
    backup_name,
    list_backups,
    restore_backup,
    rotate_backups,
    verify_backup,
    write_backup,
)
from storage.keys import KdfParams, KeyringStore, KeyringUnavailableError, keyring_is_secure
from storage.models import VaultSetting
from storage.vault import Descriptor, Vault, descriptor_path

KEEP_SETTING = "backup.keep"
DEFAULT_KEEP = 5
MAX_KEEP = 100
MIN_PASSPHRASE = 8
AUTO_FOLDER_SETTING = "backup.auto_folder"
EVERY_DAYS_SETTING = "backup.every_days"
LAST_AT_SETTING = "backup.last_at"
DEFAULT_EVERY_DAYS = 1
MAX_EVERY_DAYS = 30
# Its own keyring service, so the entries read as what they are in a keyring manager.
KEYRING_SERVICE = "Rapport backup"
NEED_PASSPHRASE = "Automatic backups need their passphrase: set it again in Backup and restore."
_AUTO_KEYS = (KEEP_SETTING, AUTO_FOLDER_SETTING, EVERY_DAYS_SETTING, LAST_AT_SETTING)


@dataclass(frozen=True)
class AutoBackup:
    """The automatic-backup preference of a vault.

    Attributes:
        folder: where backups are written; None when automatic backups are off.
        every_days: days between two backups (1 to 30).
        keep: how many automatic backups are kept, the newest.
        last_at: when the last automatic backup was written (UTC), or None.
        passphrase_stored: the backup passphrase is kept in the system keyring.
        keyring_available: a secure keyring could keep it; without one the app
            supplies the vault's own passphrase.
    """

    folder: Path | None
    every_days: int = DEFAULT_EVERY_DAYS
    keep: int = DEFAULT_KEEP
    last_at: datetime | None = None
    passphrase_stored: bool = False
    keyring_available: bool = False

    def is_due(self, now: datetime) -> bool:
        """Say whether a backup should be written at `now`."""
        if self.folder is None:
            return False
        if self.last_at is None:
            return True
        now = _as_utc(now)
        # A last backup "in the future" means a clock was wrong; waiting for it to catch
        # up could mean months without a backup.
        return self.last_at > now or now - self.last_at >= timedelta(days=self.every_days)


def _as_utc(moment: datetime) -> datetime:
    """Return `moment` in UTC, reading a naive time as UTC already."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _parse_int(value: str | None, default: int, low: int, high: int) -> int:
    try:
        number = int(value) if value is not None else default
    except ValueError:
        return default
    return number if low <= number <= high else default


def _parse_time(value: str | None) -> datetime | None:
    try:
        return _as_utc(datetime.fromisoformat(value)) if value else None
    except ValueError:
        return None


def _put(session: Session, key: str, value: str | None) -> None:
    """Set a vault setting, or remove it when `value` is None."""
    setting = session.get(VaultSetting, key)
    if value is None:
        if setting is not None:
            session.delete(setting)
    elif setting is None:
        session.add(VaultSetting(key=key, value=value))
    else:
        setting.value = value


def _creatable(folder: Path) -> Path:
    """Create the folder if needed and return its absolute path, or say why not."""
    folder = Path(folder).expanduser()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise ValidationError(
            f"Rapport cannot create the folder {folder} ({reason}); choose another one."
        ) from None
    return folder.resolve()


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

        The restored vault gets a new id; a passphrase kept in the keyring for
        automatic backups is kept for it too, so they carry on. (The replaced vault,
        kept aside, keeps its own entry.)
        """
        verify_backup(Path(backup), passphrase)
        carried = self._stored_passphrase()
        self._vault.close()
        aside = restore_backup(Path(backup), passphrase, self._vault.path)
        if carried is not None:
            with contextlib.suppress(KeyringUnavailableError):
                KeyringStore(KEYRING_SERVICE).save_secret(self._keyring_entry(), carried)
        return aside

    # -- automatic backups ------------------------------------------------------------

    def auto_settings(self) -> AutoBackup:
        """Return the automatic-backup preference, and whether its passphrase is stored."""
        auto = self._read_auto()
        secure = keyring_is_secure()
        stored = secure and self._stored_passphrase() is not None
        return AutoBackup(auto.folder, auto.every_days, auto.keep, auto.last_at, stored, secure)

    def set_auto(
        self,
        folder: Path | None,
        every_days: int = DEFAULT_EVERY_DAYS,
        passphrase: str | None = None,
    ) -> AutoBackup:
        """Back up into `folder` every `every_days` days, or stop when `folder` is None.

        A passphrase, when given, is kept in the system keyring (never in a file); with
        none given a stored one stays. Turning automatic backups off forgets it. A new
        folder gets its first backup at the next check rather than `every_days` later.
        """
        if (
            isinstance(every_days, bool)
            or not isinstance(every_days, int)
            or not 1 <= every_days <= MAX_EVERY_DAYS
        ):
            raise ValidationError(f"Back up every 1 to {MAX_EVERY_DAYS} days, not {every_days!r}.")
        if passphrase is not None:
            _check_passphrase(passphrase)
            if not keyring_is_secure():
                raise ValidationError(
                    "There is no secure keyring to keep a backup passphrase in, so automatic "
                    "backups use your vault passphrase; leave the passphrase empty."
                )
        target = _creatable(folder) if folder is not None else None
        store, entry = KeyringStore(KEYRING_SERVICE), self._keyring_entry()
        try:
            if target is None:
                store.delete_secret(entry)
            elif passphrase is not None:
                store.save_secret(entry, passphrase)  # before the settings: none without it
        except KeyringUnavailableError as exc:
            raise ValidationError(str(exc)) from None
        with self._vault.sessions.begin() as session:
            previous = session.get(VaultSetting, AUTO_FOLDER_SETTING)
            if previous is None or previous.value != str(target):
                _put(session, LAST_AT_SETTING, None)
            _put(session, AUTO_FOLDER_SETTING, None if target is None else str(target))
            _put(session, EVERY_DAYS_SETTING, str(every_days))
        return self.auto_settings()

    def run_auto_if_due(self, now: datetime, passphrase: str | None = None) -> Path | None:
        """Write an automatic backup if one is due at `now`; return it, or None.

        The passphrase stored for backups wins over `passphrase` (the vault's own, from
        the app), so a backup always opens with the passphrase the user was told.

        Raises:
            ValidationError: If no passphrase is available, or the folder cannot be
                written; nothing is recorded, so the next check tries again.
        """
        auto = self._read_auto()
        if not auto.is_due(now) or auto.folder is None:
            return None
        chosen = self._stored_passphrase() or passphrase
        if not chosen:
            raise ValidationError(NEED_PASSPHRASE)
        try:
            written = self.backup_now(auto.folder, chosen)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise ValidationError(
                f"The automatic backup could not be written to {auto.folder} ({reason}); "
                "check that folder in Backup and restore."
            ) from None
        with self._vault.sessions.begin() as session:
            _put(session, LAST_AT_SETTING, _as_utc(now).isoformat())
        return written

    def _read_auto(self) -> AutoBackup:
        """Read the preference from the vault's settings alone (no keyring)."""
        with self._vault.sessions() as session:
            rows = session.execute(
                select(VaultSetting.key, VaultSetting.value).where(VaultSetting.key.in_(_AUTO_KEYS))
            )
            values: dict[str, str] = {key: value for key, value in rows}
        folder = values.get(AUTO_FOLDER_SETTING)
        return AutoBackup(
            folder=Path(folder) if folder else None,
            every_days=_parse_int(
                values.get(EVERY_DAYS_SETTING), DEFAULT_EVERY_DAYS, 1, MAX_EVERY_DAYS
            ),
            keep=_parse_int(values.get(KEEP_SETTING), DEFAULT_KEEP, 1, MAX_KEEP),
            last_at=_parse_time(values.get(LAST_AT_SETTING)),
        )

    def _keyring_entry(self) -> str:
        """Name the keyring entry by the vault's id, so each vault keeps its own."""
        return Descriptor.read(descriptor_path(self._vault.path)).vault_id

    def _stored_passphrase(self) -> str | None:
        if not keyring_is_secure():
            return None
        with contextlib.suppress(KeyringUnavailableError):
            return KeyringStore(KEYRING_SERVICE).load_secret(self._keyring_entry())
        return None
