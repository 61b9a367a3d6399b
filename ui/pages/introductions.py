"""The Introductions page: introductions in progress and how they turned out."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from desktop.app import Services
from desktop.services.introductions import IntroductionRecord
from ui.models.record_table import Column, RecordTableModel
from ui.operations import CONTACTS, INTRODUCTIONS, Areas, Operations
from ui.widgets import empty_state, heading, record_table

STAGE_LABELS = {
    "suggested": "Suggested",
    "proposed": "Proposed",
    "asked": "Asking both sides",
    "made": "Introduced",
    "outcome": "Outcome noted",
    "dismissed": "Dismissed",
}

INTRO_COLUMNS: list[Column[IntroductionRecord]] = [
    Column("Between", lambda i: f"{i.a} ↔ {i.b}"),
    Column("Stage", lambda i: STAGE_LABELS.get(i.stage, i.stage)),
    Column("Why", lambda i: i.reason),
    Column(
        "Updated", lambda i: i.updated_at.astimezone().strftime("%d %b %Y"), lambda i: i.updated_at
    ),
]


class IntroductionsPage(QWidget):
    """Introductions by stage, most recent first."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._services: Services | None = None
        self.model: RecordTableModel[IntroductionRecord] = RecordTableModel(INTRO_COLUMNS)
        self.table = record_table("Introductions")
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 280)
        self.table.setColumnWidth(1, 140)
        self.table.setColumnWidth(2, 420)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(
            empty_state(
                "No introductions yet. Add what people are looking for (asks) and what they "
                "can help with (offers); Rapport suggests who should meet."
            )
        )
        top = QHBoxLayout()
        top.addWidget(heading("Introductions"))
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self._stack, 1)
        self._operations.changed.connect(self.refresh)

    def attach(self, services: Services | None) -> None:
        """Show a vault's introductions, or nothing when it is locked."""
        self._services = services
        self.reload()

    def refresh(self, changes: Areas) -> None:
        """Reload when introductions or contacts changed."""
        if changes & {INTRODUCTIONS, CONTACTS}:
            self.reload()

    def reload(self) -> None:
        """Fetch the introductions again."""
        if self._services is None:
            self.model.set_records([])
            return
        intros = self._services.introductions
        self._operations.run(intros.list_introductions, done=self._show)

    def _show(self, records: list[IntroductionRecord]) -> None:
        self.model.set_records(records)
        self._stack.setCurrentIndex(0 if records else 1)
