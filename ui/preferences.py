"""Preferences kept per machine in QSettings (never anything about a contact)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

THEMES = ("system", "light", "dark")


class Preferences:
    """Typed access to the app's QSettings."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self._settings = settings or QSettings("Rapport", "Rapport")

    def _int(self, key: str, default: int) -> int:
        value: object = self._settings.value(key, default)
        try:
            return int(str(value))
        except (TypeError, ValueError):
            return default

    @property
    def idle_lock_minutes(self) -> int:
        """Minutes without input before the vault locks itself (0: never)."""
        return self._int("lock/idle_minutes", 10)

    @idle_lock_minutes.setter
    def idle_lock_minutes(self, minutes: int) -> None:
        self._settings.setValue("lock/idle_minutes", max(0, minutes))

    @property
    def theme(self) -> str:
        """The colour scheme: "system", "light" or "dark"."""
        value = str(self._settings.value("look/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, theme: str) -> None:
        self._settings.setValue("look/theme", theme if theme in THEMES else "system")

    @property
    def vault_path(self) -> Path | None:
        """The vault chosen in preferences, if any (else the default location)."""
        value = self._settings.value("vault/path", "")
        return Path(str(value)) if value else None

    @vault_path.setter
    def vault_path(self, path: Path | None) -> None:
        self._settings.setValue("vault/path", str(path) if path else "")

    @property
    def keep_in_tray(self) -> bool:
        """Keep running in the system tray when the window closes."""
        return str(self._settings.value("tray/keep_running", "false")).lower() == "true"

    @keep_in_tray.setter
    def keep_in_tray(self, keep: bool) -> None:
        self._settings.setValue("tray/keep_running", "true" if keep else "false")

    def window_geometry(self) -> QByteArray | None:
        """Return the saved window geometry."""
        value = self._settings.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def save_window_geometry(self, geometry: QByteArray) -> None:
        """Remember the window geometry."""
        self._settings.setValue("window/geometry", geometry)

    def sync(self) -> None:
        """Write pending changes to disk."""
        self._settings.sync()
