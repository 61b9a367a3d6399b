"""The Events page: every event logged, and who was met there."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import Services
from desktop.records import EventRecord
from ui.models.record_table import Column, RecordTableModel
from ui.models.roles import ContactIdRole
from ui.operations import CONTACTS, EVENTS, Areas, Operations
from ui.pages.base import Page
from ui.resources import icon
from ui.widgets import empty_state, heading, record_table

EVENT_COLUMNS: list[Column[EventRecord]] = [
    Column("Date", lambda e: e.held_on.strftime("%d %b %Y"), lambda e: e.held_on),
    Column("Event", lambda e: e.name),
    Column("Place", lambda e: e.place or ""),
    Column("Met", lambda e: str(len(e.attendees)), lambda e: len(e.attendees)),
]


class EventsPage(Page):
    """Events, newest first; selecting one lists the people met there.

    Signals:
        capture_requested: the user wants to log a new event (quick capture).
        contact_activated: a contact id to open on the Contacts page.
    """

    capture_requested = Signal()
    contact_activated = Signal(int)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self.model: RecordTableModel[EventRecord] = RecordTableModel(EVENT_COLUMNS)
        self.table = record_table("Events")
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 110)
        self.table.setColumnWidth(1, 260)
        self.table.setColumnWidth(2, 220)
        self.attendees = QListWidget()
        self.attendees.setAccessibleName("People met at the event")
        self.event_title = heading("", 13)
        self.capture_button = QPushButton(icon("capture"), "Log an event…")
        self.capture_button.setToolTip("Quick capture (Ctrl+Shift+N)")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(
            empty_state("No events yet. After your next meetup, press Ctrl+Shift+N.")
        )
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.addWidget(self.event_title)
        right_layout.addWidget(QLabel("People you met (double-click to open):"))
        right_layout.addWidget(self.attendees, 1)
        splitter = QSplitter()
        splitter.addWidget(self._stack)
        splitter.addWidget(right)
        splitter.setSizes([760, 380])
        top = QHBoxLayout()
        top.addWidget(heading("Events"))
        top.addStretch(1)
        top.addWidget(self.capture_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.capture_button.clicked.connect(self.capture_requested)
        self.table.selectionModel().selectionChanged.connect(self._selected)
        self.attendees.itemActivated.connect(
            lambda item: self.contact_activated.emit(item.data(ContactIdRole))
        )
        self._operations.changed.connect(self.refresh)

    def attach(self, services: Services | None) -> None:
        """Show a vault's events, or nothing when it is locked."""
        self.attendees.clear()
        self.event_title.clear()
        super().attach(services)

    def refresh(self, changes: Areas) -> None:
        """Reload when events or contacts changed."""
        if changes & {EVENTS, CONTACTS}:
            self.reload()

    def load(self) -> None:
        """Fetch the events again."""
        if self._services is None:
            self.model.set_records([])
            return
        events = self._services.events
        self._operations.run(events.list_events, done=self._show)

    def _show(self, records: list[EventRecord]) -> None:
        self.model.set_records(records)
        self._stack.setCurrentIndex(0 if records else 1)

    def _selected(self, selected: QItemSelection, _old: QItemSelection) -> None:
        indexes = selected.indexes()
        record = self.model.record(indexes[0].row()) if indexes else None
        self.attendees.clear()
        if record is None:
            return
        self.event_title.setText(f"{record.name}, {record.held_on:%d %b %Y}")
        for cid, name in zip(record.attendee_ids, record.attendees, strict=True):
            item = QListWidgetItem(name)
            item.setData(ContactIdRole, cid)
            self.attendees.addItem(item)
