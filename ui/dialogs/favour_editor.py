"""Record a favour given or received."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.style import tone
from ui.widgets import date_field, picked_date, save_cancel

SIZES = (("small", "Small"), ("medium", "Medium"), ("large", "Large"))


class FavourDialog(QDialog):
    """Collects a favour: direction, what it was, when, its size, and any promise."""

    def __init__(
        self, contact_name: str, direction: str = "given", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setMinimumWidth(440)
        self.direction = QComboBox()
        self.direction.addItem(f"I helped {contact_name}", "given")
        self.direction.addItem(f"{contact_name} helped me", "received")
        self.direction.setCurrentIndex(0 if direction == "given" else 1)
        self.direction.setAccessibleName("Direction")
        self.setWindowTitle(f"Favour with {contact_name}")
        self.description = QLineEdit()
        self.description.setPlaceholderText("e.g. Introduced them to a printer")
        self.description.setAccessibleName("What the favour was")
        self.when = date_field("Date", date.today())
        self.size_box = QComboBox()
        for value, label in SIZES:
            self.size_box.addItem(label, value)
        self.size_box.setAccessibleName("Size")
        self.promised = QCheckBox("Promised, not done yet")
        self.due = date_field("Due date", date.today() + timedelta(days=7))
        self.due.setEnabled(False)
        self.promised.toggled.connect(self.due.setEnabled)
        self.error = QLabel()
        tone(self.error, "error")
        form = QFormLayout()
        form.addRow("&Who helped", self.direction)
        form.addRow("&What", self.description)
        form.addRow("&When", self.when)
        form.addRow("&Size", self.size_box)
        form.addRow("", self.promised)
        form.addRow("D&ue", self.due)
        buttons = save_cancel(self, self._accept_if_valid)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.description.setFocus()

    def values(self) -> dict[str, object]:
        """Return the favour as keyword arguments for `FavourService.record`."""
        promised = self.promised.isChecked()
        return {
            "direction": str(self.direction.currentData()),
            "description": self.description.text().strip(),
            "on": picked_date(self.when),
            "size": str(self.size_box.currentData()),
            "promised": promised,
            "due_on": picked_date(self.due) if promised else None,
        }

    def _accept_if_valid(self) -> None:
        if not self.description.text().strip():
            self.error.setText("Describe the favour in a few words.")
            return
        self.accept()
