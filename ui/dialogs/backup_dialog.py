"""Back up now or automatically, or restore a backup, each protected by a passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
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

from desktop.services.backups import (
    MAX_EVERY_DAYS,
    MAX_KEEP,
    MIN_PASSPHRASE,
    AutoBackup,
    BackupService,
)
from ui.dialogs.busy import BusyDialog
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


def _passphrase_problem(passphrase: str, repeat: str) -> str | None:
    """Say what is wrong with a new passphrase typed twice, or None."""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"Choose a passphrase of at least {MIN_PASSPHRASE} characters for the backup."
    if passphrase != repeat:
        return "The two passphrases differ."
    return None


class BackupDialog(BusyDialog):
    """Writes a backup into a folder (keeping the newest N), or restores one.

    The "Automatic backups" group saves the preference the window acts on: a folder,
    every N days, and a passphrase kept in the system keyring (none is asked for when
    there is no keyring: the vault's own passphrase is used then).

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
        self.auto_enabled = QCheckBox("Back up au&tomatically")
        self.auto_folder = QLineEdit()
        self.auto_folder.setAccessibleName("Automatic backup folder")
        self.choose_auto_folder = QPushButton("Choose…")
        self.every_days = QSpinBox()
        self.every_days.setRange(1, MAX_EVERY_DAYS)
        self.every_days.setAccessibleName("Back up every so many days")
        self.auto_passphrase = _secret("Automatic backup passphrase")
        self.auto_repeat = _secret("Repeat automatic backup passphrase")
        self.auto_passphrase_note = QLabel()
        self.auto_passphrase_note.setWordWrap(True)
        self.save_auto_button = QPushButton("Sa&ve")
        self.auto_settings: AutoBackup | None = None
        self.status = QLabel()
        self.status.setWordWrap(True)
        self._lay_out()
        self._connect_signals()
        self._show_auto_enabled(False)
        self.save_auto_button.setEnabled(False)  # until the preference has been read
        operations.run(backups.keep, done=self._show_keep, error=self._failed)
        operations.run(backups.auto_settings, done=self._show_auto, error=self._failed)

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
        automatic = QGroupBox("Automatic backups")
        form = self._auto_form = QFormLayout(automatic)
        form.addRow(self.auto_enabled)
        form.addRow("F&older", _path_row(self.auto_folder, self.choose_auto_folder))
        days = QHBoxLayout()
        days.addWidget(self.every_days)
        days.addWidget(QLabel("days, keeping the newest as above"), 1)
        form.addRow("Every", days)
        form.addRow("Passphrase", self.auto_passphrase)
        form.addRow("Repeat", self.auto_repeat)
        form.addRow("", self.auto_passphrase_note)
        form.addRow("", self.save_auto_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(backup)
        layout.addWidget(automatic)
        layout.addWidget(restore)
        layout.addWidget(self.status)
        layout.addWidget(buttons)

    def _connect_signals(self) -> None:
        self.choose_folder.clicked.connect(self._choose_folder)
        self.choose_backup.clicked.connect(self._choose_backup)
        self.backup_button.clicked.connect(self.back_up)
        self.restore_button.clicked.connect(self.restore)
        self.auto_enabled.toggled.connect(self._show_auto_enabled)
        self.choose_auto_folder.clicked.connect(self._choose_auto_folder)
        self.save_auto_button.clicked.connect(self.save_auto)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Back up into")
        if folder:
            self.folder.setText(folder)

    def _choose_auto_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Back up automatically into")
        if folder:
            self.auto_folder.setText(folder)

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
        elif problem := _passphrase_problem(passphrase, self.repeat.text()):
            self.status.setText(problem)
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

    # -- automatic backups ------------------------------------------------------------

    def _show_auto(self, auto: AutoBackup) -> None:
        self.auto_settings = auto
        self.auto_enabled.setChecked(auto.folder is not None)
        self.auto_folder.setText(str(auto.folder) if auto.folder is not None else "")
        self.every_days.setValue(auto.every_days)
        self.auto_passphrase.clear()
        self.auto_repeat.clear()
        if not auto.keyring_available:
            note = "The passphrase: uses your vault passphrase (there is no system keyring)."
        elif auto.passphrase_stored:
            note = "The passphrase: stored in the system keyring; type one only to change it."
        else:
            note = "The passphrase: to be stored in the system keyring, never in a file."
        self.auto_passphrase_note.setText(note)
        for field in (self.auto_passphrase, self.auto_repeat):
            self._auto_form.setRowVisible(field, auto.keyring_available)
        self.save_auto_button.setEnabled(not self.busy)

    def _show_auto_enabled(self, enabled: bool) -> None:
        for widget in (
            self.auto_folder,
            self.choose_auto_folder,
            self.every_days,
            self.auto_passphrase,
            self.auto_repeat,
        ):
            widget.setEnabled(enabled)

    def save_auto(self) -> None:
        """Save the automatic-backup preference (the passphrase goes to the keyring)."""
        auto = self.auto_settings
        if auto is None:
            return
        on, folder = self.auto_enabled.isChecked(), self.auto_folder.text().strip()
        passphrase = self.auto_passphrase.text() if on and auto.keyring_available else ""
        problem = None
        if on and not folder:
            problem = "Choose a folder for the automatic backups."
        elif passphrase or (on and auto.keyring_available and not auto.passphrase_stored):
            problem = _passphrase_problem(passphrase, self.auto_repeat.text())
        if problem:
            self.status.setText(problem)
            return
        backups, keep, days = self._backups, self.keep.value(), self.every_days.value()
        target = Path(folder) if on else None

        def work() -> AutoBackup:
            backups.set_keep(keep)
            return backups.set_auto(target, days, passphrase or None)

        self._start("Saving…")
        self._operations.run(work, done=self._auto_saved, error=self._failed)

    def _auto_saved(self, auto: AutoBackup) -> None:
        self._set_busy(False)
        self._show_auto(auto)
        if auto.folder is None:
            self.status.setText("Automatic backups are off.")
        else:
            every = "every day" if auto.every_days == 1 else f"every {auto.every_days} days"
            self.status.setText(
                f"Automatic backups are on: {every} into {auto.folder}, "
                f"keeping the newest {auto.keep}."
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
        for widget in (self.backup_button, self.restore_button, self.save_auto_button):
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
        self.save_auto_button.setEnabled(not busy and self.auto_settings is not None)
