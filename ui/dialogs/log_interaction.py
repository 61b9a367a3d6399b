"""Log a meeting, call, email, message or note with a contact."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

KINDS = (
    ("meeting", "Meeting"),
    ("call", "Call"),
    ("email", "Email"),
    ("message", "Message"),
    ("note", "Note"),
    ("met", "Met in person"),
)


class LogInteractionDialog(QDialog):
    """Collects the kind, date and note of one interaction."""

    def __init__(self, contact_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(f"Log an interaction with {contact_name}")
        self.setMinimumWidth(420)
        self.kind = QComboBox()
        for value, label in KINDS:
            self.kind.addItem(label, value)
        self.kind.setAccessibleName("Kind of interaction")
        self.when = QDateEdit(QDate(date.today()))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy")
        self.when.setAccessibleName("Date")
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("What did you talk about?")
        self.note.setAccessibleName("Note")
        self.note.setTabChangesFocus(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        form = QFormLayout()
        form.addRow("&Kind", self.kind)
        form.addRow("&Date", self.when)
        form.addRow("&Note", self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.note.setFocus()

    def kind_value(self) -> str:
        """Return the chosen kind."""
        return str(self.kind.currentData())

    def day(self) -> date:
        """Return the chosen date."""
        day = self.when.date().toPython()
        assert isinstance(day, date)
        return day

    def note_text(self) -> str:
        """Return the note."""
        return self.note.toPlainText().strip()

    def _accept_if_valid(self) -> None:
        if self.kind_value() == "note" and not self.note_text():
            self.error.setText("A note cannot be empty.")
            return
        self.accept()
