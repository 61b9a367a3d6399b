"""Record a favour given or received."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

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
        self.when = QDateEdit(QDate(date.today()))
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("d MMM yyyy")
        self.when.setAccessibleName("Date")
        self.size_box = QComboBox()
        for value, label in SIZES:
            self.size_box.addItem(label, value)
        self.size_box.setAccessibleName("Size")
        self.promised = QCheckBox("Promised, not done yet")
        self.due = QDateEdit(QDate(date.today()).addDays(7))
        self.due.setCalendarPopup(True)
        self.due.setDisplayFormat("d MMM yyyy")
        self.due.setAccessibleName("Due date")
        self.due.setEnabled(False)
        self.promised.toggled.connect(self.due.setEnabled)
        self.error = QLabel()
        self.error.setObjectName("error")
        form = QFormLayout()
        form.addRow("&Who helped", self.direction)
        form.addRow("&What", self.description)
        form.addRow("&When", self.when)
        form.addRow("&Size", self.size_box)
        form.addRow("", self.promised)
        form.addRow("D&ue", self.due)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
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
            "on": self.when.date().toPython(),
            "size": str(self.size_box.currentData()),
            "promised": promised,
            "due_on": self.due.date().toPython() if promised else None,
        }

    def _accept_if_valid(self) -> None:
        if not self.description.text().strip():
            self.error.setText("Describe the favour in a few words.")
            return
        self.accept()
