"""Start the Qt application: the window first, the vault right after it paints."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from desktop.paths import default_vault_path
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.style import apply_look


def run_app(vault: str | None) -> int:
    """Open the main window on the vault and run until it closes."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv)
    app.setApplicationName("Rapport")
    app.setOrganizationName("Rapport")
    app.setDesktopFileName("rapport")
    preferences = Preferences()
    apply_look(app, preferences.theme, starting=True)
    path = Path(vault).expanduser() if vault else (preferences.vault_path or default_vault_path())
    window = MainWindow(preferences, path, deferred=True)
    # The rest of the window, then the vault (and the data layer with it), load only
    # after the window has painted its first (bare) frame.
    # Slots run in the order connected: the worker starts opening the vault, then
    # the rest of the window is built while it does.
    window.first_painted.connect(window.begin)
    window.first_painted.connect(window.start)
    window.show()
    return app.exec()
