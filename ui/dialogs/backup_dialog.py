"""Back up now, or restore a backup, each protected by its own passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services.backups import MAX_KEEP, MIN_PASSPHRASE, BackupService
from ui.operations import Operations


def _secret(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setAccessibleName(name)
    return field


def _path_row(field: QLineEdit, button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addWidget(field, 1)
    row.addWidget(button)
    return row


class BackupDialog(QDialog):
    """Writes a backup into a folder (keeping the newest N), or restores one.

    After a restore the vault is closed; `restored` is then True and `restored_aside`
    says where the replaced vault was kept (None if there was none), so the window
    can lock and let the user unlock the restored vault.
    """

    def __init__(
        self, backups: BackupService, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.setMinimumWidth(560)
        self._backups = backups
        self._operations = operations
        self.restored = False
        self.restored_aside: Path | None = None
        self.busy = False
        self.folder = QLineEdit()
        self.folder.setAccessibleName("Backup folder")
        self.choose_folder = QPushButton("Choose…")
        self.passphrase = _secret("Backup passphrase")
        self.repeat = _secret("Repeat backup passphrase")
        self.keep = QSpinBox()
        self.keep.setRange(1, MAX_KEEP)
        self.keep.setAccessibleName("Backups to keep")
        self.keep.setEnabled(False)  # until the vault's setting has been read
        self.backup_button = QPushButton("&Back up now")
        self.backup_file = QLineEdit()
        self.backup_file.setAccessibleName("Backup to restore")
        self.choose_backup = QPushButton("Choose…")
        self.restore_passphrase = _secret("Passphrase of the backup")
        self.restore_button = QPushButton("&Restore…")
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._lay_out()
        self._connect_signals()
        operations.run(backups.keep, done=self._show_keep, error=self._failed)

    def _lay_out(self) -> None:
        backup = QGroupBox("Back up")
        form = QFormLayout(backup)
        form.addRow("&Folder", _path_row(self.folder, self.choose_folder))
        form.addRow("&Passphrase", self.passphrase)
        form.addRow("R&epeat", self.repeat)
        form.addRow("&Keep the newest", self.keep)
        form.addRow("", self.backup_button)
        restore = QGroupBox("Restore")
        form = QFormLayout(restore)
        form.addRow("B&ackup", _path_row(self.backup_file, self.choose_backup))
        form.addRow("Pa&ssphrase", self.restore_passphrase)
        form.addRow("", self.restore_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(backup)
        layout.addWidget(restore)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _connect_signals(self) -> None:
        self.choose_folder.clicked.connect(self._choose_folder)
        self.choose_backup.clicked.connect(self._choose_backup)
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Back up into")
        if folder:
            self.folder.setText(folder)

    def _choose_backup(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Restore from", self.folder.text(), "Rapport backups (*.db);;All files (*)"
        )
        if name:
            self.backup_file.setText(name)

    def _show_keep(self, keep: int) -> None:
        self.keep.setValue(keep)
        self.keep.setEnabled(True)

    def back_up(self) -> None:
        """Write a backup into the chosen folder with the passphrase typed twice."""
        folder, passphrase = self.folder.text().strip(), self.passphrase.text()
        if not folder:
            self.status.setText("Choose a folder to keep the backups in.")
        elif len(passphrase) < MIN_PASSPHRASE:
            self.status.setText(
                f"Choose a passphrase of at least {MIN_PASSPHRASE} characters for the backup."
            )
        elif passphrase != self.repeat.text():
            self.status.setText("The two passphrases differ.")
        else:
            backups, keep = self._backups, self.keep.value()

            def work() -> Path:
                backups.set_keep(keep)
                return backups.backup_now(Path(folder), passphrase)

            self._start("Backing up…")
            self._operations.run(work, done=self._backed_up, error=self._failed)

    def _backed_up(self, path: Path) -> None:
        self._set_busy(False)
        self.status.setText(
            f"Backed up to {path}. It opens only with its passphrase: keep that somewhere safe."
        )

    def confirm_restore(self, backup: Path) -> bool:
        """Ask before replacing the vault (tests replace this)."""
        answer = QMessageBox.question(
            self,
            "Restore",
            f"Replace this vault with {backup.name}? The current vault is kept aside, "
            "and Rapport locks so you can unlock the restored one.",
        )
        return answer == QMessageBox.StandardButton.Yes

    def restore(self) -> None:
        """Replace the vault with the chosen backup, after asking."""
        name, passphrase = self.backup_file.text().strip(), self.restore_passphrase.text()
        if not name or not passphrase:
            self.status.setText("Choose a backup and type its passphrase.")
            return
        backup = Path(name)
        if not self.confirm_restore(backup):
            return
        backups = self._backups
        self._start("Checking the backup and restoring…")
        self._operations.run(
            lambda: backups.restore(backup, passphrase), done=self._restored, error=self._failed
        )

    def _restored(self, aside: Path | None) -> None:
        self._set_busy(False)
        self.restored, self.restored_aside = True, aside
        kept = f" The replaced vault was kept at {aside}." if aside else ""
        self.status.setText(f"Restored.{kept} Unlock to continue.")
        for widget in (self.backup_button, self.restore_button):
            widget.setEnabled(False)  # the vault is closed now

    def _start(self, message: str) -> None:
        self._set_busy(True)
        self.status.setText(message)

    def _failed(self, exc: Exception) -> None:
        self._set_busy(False)
        self.status.setText(str(exc) or "That did not work; nothing was changed.")

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        for widget in (self.backup_button, self.restore_button):
            widget.setEnabled(not busy)

    def reject(self) -> None:
        """Override QDialog.reject: stay open while a backup or restore runs."""
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Override QWidget.closeEvent: stay open while a backup or restore runs."""
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)
