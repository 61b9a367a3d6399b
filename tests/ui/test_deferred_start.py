"""Start-up as the app does it: a bare first frame, then the window, then the vault."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from desktop.vault_access import create_vault
from tests.ui.conftest import add_people
from ui.main_window import MainWindow
from ui.preferences import Preferences
from ui.style import apply_look


@pytest.fixture
def deferred(qtbot: QtBot, preferences: Preferences, vault_path: Path) -> Iterator[MainWindow]:
    """Return a window made and started the way `run_app` does."""
    win = MainWindow(preferences, vault_path, deferred=True)
    qtbot.addWidget(win)
    win.first_painted.connect(win.begin)
    win.first_painted.connect(win.start)
    yield win
    win.operations.wait()
    if win.services is not None:
        win.services.vault.close()
        win.services = None


def test_first_frame_is_the_bare_window(deferred: MainWindow) -> None:
    assert deferred.centralWidget() is None
    assert deferred.windowTitle() == "Rapport"


def test_keyring_vault_shows_its_contacts_without_the_lock_screen(
    qtbot: QtBot, deferred: MainWindow
) -> None:
    services = create_vault(deferred.vault_path)
    add_people(services)
    services.vault.close()

    with qtbot.waitSignal(deferred.first_painted, timeout=5000):
        deferred.show()
    # The rest of the window is built on the next turn of the event loop.
    qtbot.waitUntil(lambda: deferred._built, timeout=5000)
    qtbot.waitUntil(lambda: deferred.preview.model.rowCount() == 3, timeout=10_000)
    assert deferred.central.currentWidget() is deferred.workspace
    assert deferred.opening is None
    qtbot.waitUntil(lambda: deferred.services is not None, timeout=10_000)
    assert deferred.contacts_page.model.total() == 3
    # What is loaded by now lives as long as the app: out of the collector's way.
    assert gc.get_freeze_count() > 0
    # Never needed, so never built.
    assert deferred._lock_screen is None


def test_missing_vault_shows_the_welcome(qtbot: QtBot, deferred: MainWindow) -> None:
    gc.disable()  # as desktop.gui.launch does while starting
    with qtbot.waitSignal(deferred.first_painted, timeout=5000):
        deferred.show()
    qtbot.waitUntil(lambda: deferred._lock_screen is not None, timeout=10_000)
    screen = deferred.lock_screen
    assert deferred.central.currentWidget() is screen
    assert screen._stack.currentWidget() is screen._welcome
    # The memory keyring of the tests is a secure one.
    assert screen._use_passphrase.isEnabled()
    assert gc.isenabled()


def test_passphrase_vault_asks_for_the_passphrase(qtbot: QtBot, deferred: MainWindow) -> None:
    create_vault(deferred.vault_path, "correct horse battery").vault.close()
    with qtbot.waitSignal(deferred.first_painted, timeout=5000):
        deferred.show()
    qtbot.waitUntil(lambda: deferred._lock_screen is not None, timeout=10_000)
    screen = deferred.lock_screen
    assert screen._stack.currentWidget() is screen._unlock
    assert screen._passphrase.isVisibleTo(screen)
    screen._passphrase.setText("correct horse battery")
    screen._unlock_button.click()
    qtbot.waitUntil(lambda: deferred.services is not None, timeout=10_000)


def test_damaged_descriptor_is_reported_on_the_unlock_form(
    qtbot: QtBot, deferred: MainWindow
) -> None:
    create_vault(deferred.vault_path).vault.close()
    descriptor = deferred.vault_path.with_name(deferred.vault_path.name + ".vault")
    descriptor.write_text("{not json", encoding="utf-8")
    with qtbot.waitSignal(deferred.first_painted, timeout=5000):
        deferred.show()
    qtbot.waitUntil(lambda: deferred._lock_screen is not None, timeout=10_000)
    screen = deferred.lock_screen
    assert deferred.central.currentWidget() is screen
    assert "damaged" in screen._unlock_error.text()
    assert deferred.services is None


def test_closing_before_the_window_is_built_saves_geometry(
    deferred: MainWindow, preferences: Preferences
) -> None:
    deferred.close()
    assert preferences.window_geometry() is not None


def test_starting_look_leaves_the_system_scheme_alone(qapp: QApplication) -> None:
    hints = qapp.styleHints()
    before = hints.colorScheme()
    apply_look(qapp, "system", starting=True)
    assert hints.colorScheme() == before


def test_tones_colour_labels_without_an_application_style_sheet(
    qapp: QApplication,
) -> None:
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QLabel

    from ui.style import ERROR_COLOUR, tone

    error, hint, empty = QLabel("x"), QLabel("y"), QLabel("z")
    tone(error, "error")
    tone(hint, "hint")
    tone(empty, "empty")
    assert error.palette().color(QPalette.ColorRole.WindowText) == QColor(ERROR_COLOUR)
    assert hint.foregroundRole() == QPalette.ColorRole.PlaceholderText
    assert empty.font().pointSize() == 13
    assert [w.objectName() for w in (error, hint, empty)] == ["error", "hint", "empty"]
    assert qapp.styleSheet() == ""
    with pytest.raises(ValueError, match="unknown tone"):
        tone(QLabel(), "loud")
