"""Fixtures for Qt tests: preferences in a temporary file, a window over a real vault."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.records import ContactInput
from ui.main_window import MainWindow
from ui.preferences import Preferences


@pytest.fixture(autouse=True)
def unfrozen_gc() -> Iterator[None]:
    """Undo the app's gc.freeze() (and any gc.disable()) after each test."""
    yield
    gc.unfreeze()
    gc.enable()


@pytest.fixture
def preferences(tmp_path: Path) -> Preferences:
    """Return preferences kept in a temporary ini file."""
    return Preferences(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


def add_people(services: Services) -> dict[str, int]:
    """Add a few contacts and return their ids by first name."""
    people = {
        "Maya": ContactInput(
            name="Maya Patel", org="Pixel Co", tags=("design",), asks=("a cartoonist for film",)
        ),
        "Tom": ContactInput(
            name="Tom Reed", org="Reed Animation", offers=("animation and illustration",)
        ),
        "Ana": ContactInput(name="Ana Silva", org="Silva Books", tags=("client",)),
    }
    return {key: services.contacts.add(data).id for key, data in people.items()}


@pytest.fixture
def window(qtbot: QtBot, preferences: Preferences, vault_path: Path) -> Iterator[MainWindow]:
    """Return a main window (pages built, no vault attached yet)."""
    win = MainWindow(preferences, vault_path, sample_path=vault_path.parent / "sample.db")
    qtbot.addWidget(win)
    win.build_pages()
    yield win
    win.operations.wait()
    if win.services is not None:
        win.services.vault.close()
        win.services = None
