"""Start the Qt application (placeholder replaced by the main window)."""

from __future__ import annotations


def run_app(vault: str | None) -> int:
    """Open the main window."""
    raise NotImplementedError
