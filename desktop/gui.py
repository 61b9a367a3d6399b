"""Start the desktop app; the only place the core reaches into `ui`, and lazily."""

from __future__ import annotations


def launch(vault: str | None = None) -> int:
    """Open the main window on the vault (first run: the welcome screen)."""
    import gc

    # Start-up only allocates what the app keeps (modules, widgets, the first rows):
    # collecting garbage then is wasted work. The window turns the collector back on
    # once the vault is open or the lock screen shows.
    gc.disable()
    from ui.application import run_app

    return run_app(vault)
