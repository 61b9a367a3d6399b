"""The contact list as it first appears: real rows, shown while the rest of Rapport loads."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from desktop.contact_summary import ContactSummary
from ui.models.contact_table import COLUMNS, cell_text
from ui.models.record_table import Column, RecordTableModel
from ui.style import tone
from ui.widgets import record_table


def _column(index: int) -> Column[ContactSummary]:
    return Column(COLUMNS[index], lambda row: cell_text(row, index))


PREVIEW_COLUMNS = [_column(index) for index in range(len(COLUMNS))]


class ContactPreview(QWidget):
    """The first page of contacts, read before the data layer has loaded."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit()
        self.search.setPlaceholderText("Opening your vault…")
        self.search.setEnabled(False)
        self.model: RecordTableModel[ContactSummary] = RecordTableModel(PREVIEW_COLUMNS)
        self.table = record_table("Contacts")
        self.table.setModel(self.model)
        for column, width in enumerate((190, 170, 150, 210)):
            self.table.setColumnWidth(column, width)
        self.count = QLabel()
        tone(self.count, "hint")
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)

    def show_contacts(self, total: int, contacts: tuple[ContactSummary, ...]) -> None:
        """Show the first contacts and how many there are in all."""
        self.model.set_records(contacts)
        self.count.setText(f"{total} contacts")

    def clear(self) -> None:
        """Show nothing (the vault locked)."""
        self.model.set_records([])
        self.count.clear()
