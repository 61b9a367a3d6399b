"""Start the desktop app; the only place the core reaches into `ui`, and lazily."""

from __future__ import annotations


def launch(vault: str | None = None) -> int:
    """Open the main window on the vault (first run: the welcome screen)."""
    from ui.application import run_app

    return run_app(vault)
