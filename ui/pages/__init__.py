"""The pages of the main window, one module per feature."""

from __future__ import annotations

import importlib

PAGE_MODULES = (
    "ui.pages.today",
    "ui.pages.contacts",
    "ui.pages.events",
    "ui.pages.favours",
    "ui.pages.introductions",
)


def preload_pages() -> None:
    """Import the page modules (and the data layer they use) ahead of building them.

    Called on a worker thread while the first contacts are on screen, so building the
    pages on the UI thread afterwards costs no imports.
    """
    for name in PAGE_MODULES:
        importlib.import_module(name)
