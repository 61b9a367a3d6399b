"""The Favours page: the ledger, and where help has flowed most one way."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.records import Balance, FavourEntry
from ui.models.record_table import Column, RecordTableModel
from ui.operations import CONTACTS, FAVOURS, Areas, Operations
from ui.pages.base import Page
from ui.widgets import empty_state, heading, record_table

FILTERS = (
    ("all", "All favours"),
    ("owe", "You could return"),
    ("owed", "You have helped more"),
    ("promised", "Promises open"),
)

FAVOUR_COLUMNS: list[Column[FavourEntry]] = [
    Column("Date", lambda f: f.occurred_on.strftime("%d %b %Y"), lambda f: f.occurred_on),
    Column("Who", lambda f: f.contact),
    Column("Way", lambda f: "you helped" if f.direction == "given" else "helped you"),
    Column("What", lambda f: f.description),
    Column("Size", lambda f: f.size),
    Column(
        "Status",
        lambda f: f.status + (f" (due {f.due_on:%d %b})" if f.due_on else ""),
    ),
]

BALANCE_COLUMNS: list[Column[Balance]] = [
    Column("Who", lambda b: b.contact),
    Column("Given", lambda b: str(b.given), lambda b: b.given),
    Column("Received", lambda b: str(b.received), lambda b: b.received),
    Column("Balance", lambda b: f"{b.balance:+d}", lambda b: b.balance),
]


@dataclass(frozen=True)
class _Ledger:
    favours: list[FavourEntry]
    balances: list[Balance]


def keep(entry: FavourEntry, mode: str, balances: dict[int, int]) -> bool:
    """Say whether a favour belongs in the chosen view."""
    if mode == "owe":
        return balances.get(entry.contact_id, 0) < 0 and entry.direction == "received"
    if mode == "owed":
        return balances.get(entry.contact_id, 0) > 0 and entry.direction == "given"
    if mode == "promised":
        return entry.status == "promised"
    return True


class FavoursPage(Page):
    """Every favour, filterable, beside the biggest imbalances."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._ledger = _Ledger([], [])
        self.filter = QComboBox()
        for value, label in FILTERS:
            self.filter.addItem(label, value)
        self.filter.setAccessibleName("Which favours to show")
        self.favours: RecordTableModel[FavourEntry] = RecordTableModel(FAVOUR_COLUMNS)
        self.balances: RecordTableModel[Balance] = RecordTableModel(BALANCE_COLUMNS)
        self.favour_table = record_table("Favours")
        self.favour_table.setModel(self.favours)
        for column, width in enumerate((100, 150, 90, 250, 70)):
            self.favour_table.setColumnWidth(column, width)
        self.balance_table = record_table("Balances")
        self.balance_table.setModel(self.balances)
        for column, width in enumerate((150, 55, 70)):
            self.balance_table.setColumnWidth(column, width)
        self._stack = QStackedWidget()
        self._stack.addWidget(self.favour_table)
        self._stack.addWidget(
            empty_state(
                "No favours recorded yet. On a contact, use Favour to note help you gave "
                "or received; Rapport reminds you to return kindness."
            )
        )
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(QLabel("<b>Most one-sided first</b>"))
        right_layout.addWidget(self.balance_table)
        splitter = QSplitter()
        splitter.addWidget(self._stack)
        splitter.addWidget(right)
        splitter.setSizes([760, 400])
        top = QHBoxLayout()
        top.addWidget(heading("Favours"))
        top.addStretch(1)
        top.addWidget(self.filter)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self.filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self._operations.changed.connect(self.refresh)

    def refresh(self, changes: Areas) -> None:
        """Reload when favours or contacts changed."""
        if changes & {FAVOURS, CONTACTS}:
            self.reload()

    def load(self) -> None:
        """Fetch the ledger again."""
        if self._services is None:
            self._ledger = _Ledger([], [])
            self._apply_filter()
            return
        favours = self._services.favours
        self._operations.run(
            lambda: _Ledger(favours.history(), favours.balances()), done=self._loaded
        )

    def _loaded(self, ledger: _Ledger) -> None:
        self._ledger = ledger
        self.balances.set_records(ledger.balances)
        self._apply_filter()

    def _apply_filter(self) -> None:
        mode = str(self.filter.currentData())
        by_contact = {b.contact_id: b.balance for b in self._ledger.balances}
        shown = [f for f in self._ledger.favours if keep(f, mode, by_contact)]
        self.favours.set_records(shown)
        self._stack.setCurrentIndex(0 if self._ledger.favours else 1)
