"""The column-mapping step of an import: which column of the file fills each field."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QTableWidget, QTableWidgetItem, QWidget

from desktop.interchange.csv_mapping import FIELDS

FIELD_LABELS = {
    "name": "Full name",
    "given_name": "First name",
    "family_name": "Last name",
    "org": "Organisation",
    "title": "Job title",
    "email": "Email",
    "phone": "Phone",
    "url": "Web address",
    "note": "Note",
    "tags": "Tags",
    "location": "Location",
}
NOT_IMPORTED = "(not imported)"


class ColumnMappingTable(QTableWidget):
    """One row per Rapport field, with a combo box of the file's columns.

    Signals:
        mapping_changed: the user picked another column for a field.
    """

    mapping_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(len(FIELDS), 2, parent)
        self.setAccessibleName("Columns to import")
        self.setHorizontalHeaderLabels(["Rapport field", "Column in the file"])
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setStretchLastSection(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.boxes: dict[str, QComboBox] = {}
        for row, field in enumerate(FIELDS):
            self.setItem(row, 0, QTableWidgetItem(FIELD_LABELS.get(field, field)))
            box = QComboBox()
            box.setAccessibleName(f"Column for {FIELD_LABELS.get(field, field)}")
            box.currentIndexChanged.connect(self.mapping_changed)
            self.setCellWidget(row, 1, box)
            self.boxes[field] = box

    def set_columns(self, headers: Sequence[str], guess: Mapping[str, str]) -> None:
        """Offer the file's columns for every field, preselecting the guessed ones."""
        for field, box in self.boxes.items():
            box.blockSignals(True)
            box.clear()
            box.addItem(NOT_IMPORTED, "")
            for header in headers:
                box.addItem(header, header)
            chosen = box.findData(guess.get(field, ""))
            box.setCurrentIndex(max(chosen, 0))
            box.blockSignals(False)

    def mapping(self) -> dict[str, str]:
        """Return {Rapport field: column} for every field given a column."""
        return {
            field: str(box.currentData()) for field, box in self.boxes.items() if box.currentData()
        }
