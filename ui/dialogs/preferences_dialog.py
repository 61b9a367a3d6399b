"""Preferences: idle lock, follow-up timing, theme, where the vault is."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ui.preferences import THEMES, Preferences


class PreferencesDialog(QDialog):
    """Edits `Preferences`; changes apply when the dialog is accepted."""

    def __init__(
        self, preferences: Preferences, current_vault: Path, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._preferences = preferences
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(" minutes")
        self.idle.setSpecialValueText("Never")
        self.idle.setValue(preferences.idle_lock_minutes)
        self.idle.setAccessibleName("Lock after idle minutes")
        self.follow_up = QSpinBox()
        self.follow_up.setRange(1, 60)
        self.follow_up.setSuffix(" days")
        self.follow_up.setValue(preferences.follow_up_days)
        self.follow_up.setAccessibleName("Follow up after an event, days")
        self.theme = QComboBox()
        for theme in THEMES:
            self.theme.addItem("Follow the system" if theme == "system" else theme.title(), theme)
        self.theme.setCurrentIndex(THEMES.index(preferences.theme))
        self.theme.setAccessibleName("Theme")
        self.tray = QCheckBox("Keep running in the system tray when the window closes")
        self.tray.setChecked(preferences.keep_in_tray)
        self.vault = QLabel(str(preferences.vault_path or current_vault))
        self.vault.setWordWrap(True)
        self.vault.setAccessibleName("Vault location")
        choose = QPushButton("Choose…")
        choose.clicked.connect(self._choose_vault)
        vault_row = QHBoxLayout()
        vault_row.addWidget(self.vault, 1)
        vault_row.addWidget(choose)
        form = QFormLayout()
        form.addRow("&Lock after idle", self.idle)
        form.addRow("&Follow up after events", self.follow_up)
        form.addRow("&Theme", self.theme)
        form.addRow("", self.tray)
        form.addRow("Vault", vault_row)
        note = QLabel("A different vault location takes effect the next time Rapport starts.")
        note.setObjectName("hint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def _choose_vault(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            "Vault file",
            self.vault.text(),
            "Rapport vault (*.db)",
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.vault.setText(path)

    def _apply(self) -> None:
        prefs = self._preferences
        prefs.idle_lock_minutes = self.idle.value()
        prefs.follow_up_days = self.follow_up.value()
        prefs.theme = str(self.theme.currentData())
        prefs.keep_in_tray = self.tray.isChecked()
        prefs.vault_path = Path(self.vault.text())
        prefs.sync()
        self.accept()
