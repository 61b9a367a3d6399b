"""Log a meeting, call, email, message or note with a contact."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from ui.style import tone
from ui.widgets import date_field, picked_date, save_cancel

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
        self.when = date_field("Date", date.today())
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("What did you talk about?")
        self.note.setAccessibleName("Note")
        self.note.setTabChangesFocus(True)
        self.error = QLabel()
        tone(self.error, "error")
        form = QFormLayout()
        form.addRow("&Kind", self.kind)
        form.addRow("&Date", self.when)
        form.addRow("&Note", self.note)
        buttons = save_cancel(self, self._accept_if_valid)
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
        return picked_date(self.when)

    def note_text(self) -> str:
        """Return the note."""
        return self.note.toPlainText().strip()

    def _accept_if_valid(self) -> None:
        if self.kind_value() == "note" and not self.note_text():
            self.error.setText("A note cannot be empty.")
            return
        self.accept()
