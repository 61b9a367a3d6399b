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

from desktop.services.followups import FollowUpService
from ui.preferences import THEMES, Preferences
from ui.style import tone


class PreferencesDialog(QDialog):
    """Edits `Preferences`; changes apply when the dialog is accepted."""

    def __init__(
        self,
        preferences: Preferences,
        current_vault: Path,
        followups: FollowUpService | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self._preferences = preferences
        self._followups = followups
        rules = followups.rule_settings() if followups is not None else None
        self.idle = QSpinBox()
        self.idle.setRange(0, 240)
        self.idle.setSuffix(" minutes")
        self.idle.setSpecialValueText("Never")
        self.idle.setValue(preferences.idle_lock_minutes)
        self.idle.setAccessibleName("Lock after idle minutes")
        self.follow_up = self._days(
            "Follow up after an event", rules.after_event_days if rules else 2
        )
        self.reciprocity = self._days(
            "Return a favour within", rules.reciprocity_days if rules else 30
        )
        self.checkin = self._days(
            "Check in after an introduction", rules.intro_checkin_days if rules else 14
        )
        for box in (self.follow_up, self.reciprocity, self.checkin):
            box.setEnabled(followups is not None)
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
        form.addRow("&Return favours within", self.reciprocity)
        form.addRow("&Check in after intros", self.checkin)
        form.addRow("&Theme", self.theme)
        form.addRow("", self.tray)
        form.addRow("Vault", vault_row)
        note = QLabel("A different vault location takes effect the next time Rapport starts.")
        tone(note, "hint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._apply)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @staticmethod
    def _days(name: str, value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, 365)
        box.setSuffix(" days")
        box.setValue(value)
        box.setAccessibleName(name)
        box.setToolTip("Kept in the vault, so the command line uses it too")
        return box

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
        prefs.theme = str(self.theme.currentData())
        prefs.keep_in_tray = self.tray.isChecked()
        prefs.vault_path = Path(self.vault.text())
        prefs.sync()
        if self._followups is not None:
            self._followups.update_rule_settings(
                after_event_days=self.follow_up.value(),
                reciprocity_days=self.reciprocity.value(),
                intro_checkin_days=self.checkin.value(),
            )
        self.accept()
