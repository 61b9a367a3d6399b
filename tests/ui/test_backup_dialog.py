"""The backup dialog: back up now into a folder, and restore with the backup's passphrase."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app import Services, build_services
from desktop.records import ContactInput
from desktop.services.backups import BackupService
from storage.vault import Vault
from tests.conftest import FAST_KDF
from ui.dialogs.backup_dialog import BackupDialog
from ui.operations import Operations

PASSPHRASE = "kestrel orchard saffron"


@pytest.fixture
def operations() -> Iterator[Operations]:
    ops = Operations()
    yield ops
    ops.wait()


@pytest.fixture
def dialog(qtbot: QtBot, vault: Vault, services: Services, operations: Operations) -> BackupDialog:
    services.contacts.add(ContactInput(name="Backed Up"))
    shown = BackupDialog(BackupService(vault, kdf=FAST_KDF), operations)
    qtbot.addWidget(shown)
    shown.show()
    qtbot.waitUntil(shown.keep.isEnabled, timeout=5000)
    return shown


def _back_up(qtbot: QtBot, dialog: BackupDialog, folder: Path) -> Path:
    dialog.folder.setText(str(folder))
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.status.text().startswith("Backed up to"), timeout=5000)
    [written] = folder.glob("rapport-backup-*.db")
    return written


def test_back_up_now_into_a_folder(qtbot: QtBot, dialog: BackupDialog, tmp_path: Path) -> None:
    assert dialog.keep.value() == 5
    dialog.keep.setValue(3)
    written = _back_up(qtbot, dialog, tmp_path / "auto")
    assert Path(str(written) + ".vault").is_file()
    assert str(written) in dialog.status.text()


def test_passphrases_must_match_and_be_long_enough(
    qtbot: QtBot, dialog: BackupDialog, tmp_path: Path
) -> None:
    dialog.folder.setText(str(tmp_path / "auto"))
    dialog.passphrase.setText("short")
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert "at least 8" in dialog.status.text()
    dialog.passphrase.setText(PASSPHRASE)
    dialog.repeat.setText(PASSPHRASE + "!")
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "The two passphrases differ."
    assert not (tmp_path / "auto").exists()


def test_restore_asks_then_replaces_the_vault(
    qtbot: QtBot,
    dialog: BackupDialog,
    services: Services,
    vault_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    written = _back_up(qtbot, dialog, tmp_path / "auto")
    services.contacts.add(ContactInput(name="Added Later"))
    dialog.backup_file.setText(str(written))
    dialog.restore_passphrase.setText("not the passphrase")
    monkeypatch.setattr(dialog, "confirm_restore", lambda backup: True)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "does not open" in dialog.status.text(), timeout=5000)
    assert not dialog.restored and services.contacts.count() == 2
    dialog.restore_passphrase.setText(PASSPHRASE)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.restored, timeout=5000)
    assert dialog.restored_aside is not None and dialog.restored_aside.is_file()
    assert "Unlock to continue" in dialog.status.text()
    with Vault.open(vault_path) as restored:
        assert [c.name for c in build_services(restored).contacts.list_contacts()] == ["Backed Up"]


def test_restore_can_be_cancelled(
    qtbot: QtBot, dialog: BackupDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.backup_file.setText(str(tmp_path / "x.db"))
    dialog.restore_passphrase.setText(PASSPHRASE)
    monkeypatch.setattr(dialog, "confirm_restore", lambda backup: False)
    qtbot.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert dialog.status.text() == "" and not dialog.busy
