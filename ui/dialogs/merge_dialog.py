"""Merge duplicates: contacts that look entered twice, one Merge button per pair."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.records import ContactDetail
from desktop.services.merge import DuplicatePair, MergeService
from ui.models.record_table import Column, RecordTableModel
from ui.operations import EVERYTHING, Operations
from ui.widgets import record_table

KEEP_COLUMN, MERGE_COLUMN = 3, 4


def _who(name: str, org: str | None) -> str:
    return f"{name} ({org})" if org else name


PAIR_COLUMNS: list[Column[DuplicatePair]] = [
    Column("Contact", lambda p: _who(p.a_name, p.a_org)),
    Column("Looks like", lambda p: _who(p.b_name, p.b_org)),
    Column("Why", lambda p: p.why),
    Column("Keep", lambda p: ""),
    Column("", lambda p: ""),
]


class MergeDialog(QDialog):
    """Lists likely duplicate pairs; each row chooses whom to keep and merges."""

    def __init__(
        self, merge: MergeService, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Merge duplicates")
        self.setMinimumSize(760, 420)
        self._merge = merge
        self._operations = operations
        self.pairs = RecordTableModel(PAIR_COLUMNS)
        self.view = record_table("Contacts that look entered twice")
        self.view.setModel(self.pairs)
        self.keep_boxes: list[QComboBox] = []
        self.merge_buttons: list[QPushButton] = []
        self.status = QLabel("Looking for duplicates…")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                "Merging keeps everything both records hold: notes, timeline, favours, "
                "introductions and reminders move to the contact you keep."
            )
        )
        layout.addWidget(self.view, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        """Look for duplicate pairs again."""
        self._operations.run(self._merge.find_duplicates, done=self._show_pairs, error=self._failed)

    def _show_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.pairs.set_records(pairs)
        self.keep_boxes, self.merge_buttons = [], []
        for row, pair in enumerate(pairs):
            keep = QComboBox()
            keep.setAccessibleName(f"Whom to keep of {pair.a_name} and {pair.b_name}")
            keep.addItem(f"Keep {pair.a_name} (id {pair.a_id})", (pair.a_id, pair.b_id))
            keep.addItem(f"Keep {pair.b_name} (id {pair.b_id})", (pair.b_id, pair.a_id))
            button = QPushButton("Merge")
            button.setAccessibleName(f"Merge {pair.a_name} and {pair.b_name}")
            button.clicked.connect(lambda _checked=False, box=keep: self._merge_pair(box))
            self.view.setIndexWidget(self.pairs.index(row, KEEP_COLUMN), keep)
            self.view.setIndexWidget(self.pairs.index(row, MERGE_COLUMN), button)
            self.keep_boxes.append(keep)
            self.merge_buttons.append(button)
        self.view.resizeColumnsToContents()
        self.status.setText(
            f"{len(pairs)} pairs look like the same person."
            if pairs
            else "No duplicates found: nobody shares an email, a phone or a close name "
            "at the same organisation."
        )

    def _merge_pair(self, keep_box: QComboBox) -> None:
        keep_id, other_id = keep_box.currentData()
        for button in self.merge_buttons:
            button.setEnabled(False)
        self._operations.run(
            lambda: self._merge.merge(keep_id, other_id),
            done=self._merged,
            error=self._failed,
            changes=EVERYTHING,
        )

    def _merged(self, detail: ContactDetail) -> None:
        self.status.setText(f"Merged into {detail.name}.")
        self.refresh()

    def _failed(self, exc: Exception) -> None:
        self.status.setText(str(exc) or "That did not work; nothing was changed.")
        for button in self.merge_buttons:
            button.setEnabled(True)
