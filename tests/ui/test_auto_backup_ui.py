"""Automatic backups in the app: the dialog saves the preference, the window acts on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import Services
from desktop.services.backups import KEYRING_SERVICE, BackupService
from storage.vault import Vault
from tests.conftest import FAST_KDF
from tests.support.memory_keyring import MemoryKeyring
from tests.ui.conftest import add_people
from ui.dialogs.backup_dialog import BackupDialog
from ui.main_window import MainWindow
from ui.operations import Operations

PASSPHRASE = "lantern thistle orbit"
VAULT_PASSPHRASE = "copper meadow violin"


@pytest.fixture
def operations() -> Iterator[Operations]:
    ops = Operations()
    yield ops
    ops.wait()


def _dialog(qtbot: QtBot, backups: BackupService, operations: Operations) -> BackupDialog:
    shown = BackupDialog(backups, operations)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(shown.save_auto_button.isEnabled, timeout=5000)
    return shown


def _backups_in(folder: Path) -> list[Path]:
    return sorted(folder.glob("rapport-backup-*.db"))


def test_the_dialog_saves_automatic_backups_with_a_keyring_passphrase(
    qtbot: QtBot, vault: Vault, operations: Operations, tmp_path: Path
) -> None:
    backups = BackupService(vault, kdf=FAST_KDF)
    dialog = _dialog(qtbot, backups, operations)
    assert not dialog.auto_enabled.isChecked() and not dialog.auto_folder.isEnabled()
    assert "to be stored in the system keyring" in dialog.auto_passphrase_note.text()

    folder = tmp_path / "nightly"
    dialog.auto_enabled.setChecked(True)
    dialog.auto_folder.setText(str(folder))
    dialog.every_days.setValue(3)
    dialog.keep.setValue(4)
    qtbot.mouseClick(dialog.save_auto_button, Qt.MouseButton.LeftButton)
    assert "at least 8" in dialog.status.text()  # a first passphrase is needed
    dialog.auto_passphrase.setText(PASSPHRASE)
    dialog.auto_repeat.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.save_auto_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Automatic backups are on" in dialog.status.text(), timeout=5000)
    assert "every 3 days" in dialog.status.text() and "newest 4" in dialog.status.text()
    assert dialog.auto_passphrase.text() == ""  # not kept in the dialog either
    assert "stored in the system keyring" in dialog.auto_passphrase_note.text()

    auto = backups.auto_settings()
    assert auto.folder == folder.resolve() and folder.is_dir()
    assert auto.every_days == 3 and auto.keep == 4 and auto.passphrase_stored

    dialog.auto_enabled.setChecked(False)
    qtbot.mouseClick(dialog.save_auto_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text() == "Automatic backups are off.", timeout=5000)
    assert backups.auto_settings().folder is None


def test_without_a_keyring_the_dialog_uses_the_vault_passphrase(
    qtbot: QtBot, tmp_path: Path, operations: Operations
) -> None:
    keyring.set_keyring(fail.Keyring())
    with Vault.create(
        tmp_path / "pvault" / "rapport.db", passphrase=VAULT_PASSPHRASE, kdf=FAST_KDF
    ) as vault:
        backups = BackupService(vault, kdf=FAST_KDF)
        dialog = _dialog(qtbot, backups, operations)
        assert "uses your vault passphrase" in dialog.auto_passphrase_note.text()
        assert dialog.auto_passphrase.isHidden() and dialog.auto_repeat.isHidden()
        dialog.auto_enabled.setChecked(True)
        dialog.auto_folder.setText(str(tmp_path / "nightly"))
        qtbot.mouseClick(dialog.save_auto_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: "Automatic backups are on" in dialog.status.text(), timeout=5000)
        assert backups.auto_settings().folder == (tmp_path / "nightly").resolve()
        operations.wait()


def test_a_due_backup_is_written_after_attach_and_announced(
    qtbot: QtBot, window: MainWindow, services: Services, tmp_path: Path
) -> None:
    add_people(services)
    folder = tmp_path / "nightly"
    services.backups.set_auto(folder, passphrase=PASSPHRASE)
    window.attach(services)
    qtbot.waitUntil(lambda: len(_backups_in(folder)) == 1, timeout=10_000)
    [written] = _backups_in(folder)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage() == f"Backed up to {written}.", timeout=5000
    )
    assert services.backups.auto_settings().last_at is not None
    window.run_auto_backup()  # not due again today
    window.operations.wait()
    assert _backups_in(folder) == [written]


def test_a_passphrase_vault_is_backed_up_with_the_passphrase_typed_at_unlock(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    keyring.set_keyring(fail.Keyring())
    folder = tmp_path / "nightly"
    with Vault.create(window.vault_path, passphrase=VAULT_PASSPHRASE, kdf=FAST_KDF) as vault:
        BackupService(vault).set_auto(folder)
    window.start()
    window.lock_screen._passphrase.setText(VAULT_PASSPHRASE)
    window.lock_screen._unlock_button.click()
    qtbot.waitUntil(lambda: len(_backups_in(folder)) == 1, timeout=10_000)
    qtbot.waitUntil(
        lambda: window.statusBar().currentMessage().startswith("Backed up to"), timeout=5000
    )
    assert window._vault_passphrase == VAULT_PASSPHRASE
    window.lock()
    assert window._vault_passphrase is None


def test_a_missing_passphrase_shows_in_the_status_bar_not_a_dialog(
    qtbot: QtBot,
    window: MainWindow,
    services: Services,
    tmp_path: Path,
    memory_keyring: MemoryKeyring,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    folder = tmp_path / "nightly"
    services.backups.set_auto(folder, passphrase=PASSPHRASE)
    for key in [k for k in memory_keyring.secrets if k[0] == KEYRING_SERVICE]:
        del memory_keyring.secrets[key]
    dialogs: list[str] = []
    monkeypatch.setattr(window, "show_error", dialogs.append)
    window.attach(services)
    qtbot.waitUntil(
        lambda: "need their passphrase" in window.statusBar().currentMessage(), timeout=5000
    )
    assert dialogs == [] and _backups_in(folder) == []
