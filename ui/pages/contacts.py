"""The Contacts page: a searchable list on the left, the chosen person on the right."""

from __future__ import annotations

from datetime import UTC, datetime, time
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import Services
from desktop.records import ContactInput
from desktop.services.profiles import ContactProfile
from ui.dialogs.contact_editor import ContactEditor
from ui.dialogs.favour_editor import FavourDialog
from ui.dialogs.log_interaction import LogInteractionDialog
from ui.models.contact_table import ContactTableModel
from ui.models.roles import ContactIdRole
from ui.operations import CONTACTS, FAVOURS, INTERACTIONS, REMINDERS, Areas, Operations
from ui.pages.contact_detail import ContactDetailPanel
from ui.pages.contact_matches import ContactMatchesPanel
from ui.resources import icon
from ui.style import tone
from ui.widgets import empty_state, record_table

SEARCH_DELAY_MS = 150
UNDO_SECONDS = 8
ALL_TAGS = "All tags"


class ContactsPage(QWidget):
    """List, search, filter and act on contacts.

    Signals:
        status: a message for the status bar, with an optional undo action.
    """

    status = Signal(str, object)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._services: Services | None = None
        self._search_serial = 0
        self._pending_delete: tuple[int, bool] | None = None
        self._selected: int | None = None

        self.search = QLineEdit()
        self.search.setPlaceholderText("Search names, companies, notes, asks, offers…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search contacts")
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.tag_filter = QComboBox()
        self.tag_filter.setAccessibleName("Filter by tag")
        self.tag_filter.setMinimumWidth(140)
        self.add_button = QPushButton(icon("add"), "New contact")
        self.add_button.setToolTip("Add a contact (Ctrl+N)")
        self.count_label = QLabel()
        tone(self.count_label, "hint")

        self.model = ContactTableModel()
        self.table = record_table("Contacts")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setColumnWidth(0, 190)
        self.table.setColumnWidth(1, 170)
        self.table.setColumnWidth(2, 150)
        self.table.setColumnWidth(3, 210)
        self.detail = ContactDetailPanel()
        self.matches = ContactMatchesPanel(operations)
        self._list_stack = QStackedWidget()
        self.empty = empty_state(
            "No contacts yet.\n\nJust back from an event? Press Ctrl+Shift+N to log everyone "
            "you met in one go, or Ctrl+N to add one person."
        )
        self.no_match = empty_state("Nobody matches that search. Try fewer or shorter words.")
        self._list_stack.addWidget(self.table)
        self._list_stack.addWidget(self.empty)
        self._list_stack.addWidget(self.no_match)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.tag_filter)
        top.addWidget(self.add_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self._list_stack, 1)
        left_layout.addWidget(self.count_label)
        splitter = QSplitter()
        splitter.addWidget(left)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.detail)
        right.addWidget(self.matches)
        right.setSizes([560, 240])
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 480])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._delete_timer = QTimer(self)
        self._delete_timer.setSingleShot(True)
        self._delete_timer.setInterval(UNDO_SECONDS * 1000)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self._search_timer.timeout.connect(self._run_search)
        self.tag_filter.activated.connect(lambda _index: self._run_search())
        self.add_button.clicked.connect(self.new_contact)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.model.modelReset.connect(self._update_counts)
        self.model.rowsInserted.connect(self._update_counts)
        self.detail.edit_requested.connect(self.edit_contact)
        self.detail.log_requested.connect(self.log_interaction)
        self.detail.favour_requested.connect(self.record_favour)
        self.detail.archive_requested.connect(self._archive)
        self.detail.delete_requested.connect(self.delete_contact)
        self.matches.contact_activated.connect(self.select_contact)
        self._delete_timer.timeout.connect(self.finish_pending_delete)
        self._operations.changed.connect(self.refresh)

    # -- vault ----------------------------------------------------------------------

    def attach(self, services: Services | None) -> None:
        """Show a vault's contacts, or nothing when it is locked."""
        if services is None:
            self.finish_pending_delete()
        self._services = services
        self._selected = None
        self.search.clear()
        self.detail.clear()
        self.matches.attach(services)
        self.model.set_service(services.contacts if services else None)
        self._load_tags()
        self._update_counts()

    def refresh(self, changes: Areas) -> None:
        """React to a change elsewhere in the app."""
        if self._services is None:
            return
        if CONTACTS in changes:
            self._load_tags()
            self._run_search()
        if self._selected is not None and changes & {CONTACTS, INTERACTIONS, FAVOURS, REMINDERS}:
            self.show_contact(self._selected)

    def _load_tags(self) -> None:
        current = self.tag_filter.currentText()
        self.tag_filter.clear()
        self.tag_filter.addItem(ALL_TAGS)
        if self._services is not None:
            self.tag_filter.addItems([name for name, _ in self._services.contacts.tags()])
        index = self.tag_filter.findText(current)
        self.tag_filter.setCurrentIndex(max(index, 0))

    # -- search ---------------------------------------------------------------------

    def focus_search(self) -> None:
        """Put the cursor in the search field."""
        self.search.setFocus()
        self.search.selectAll()

    def _tag(self) -> str | None:
        text = self.tag_filter.currentText()
        return None if text in ("", ALL_TAGS) else text

    def _run_search(self) -> None:
        if self._services is None:
            return
        query = self.search.text().strip()
        tag = self._tag()
        if not query:
            self.model.set_filter(None, tag)
            self._update_counts()
            return
        self._search_serial += 1
        serial = self._search_serial
        search = self._services.search
        contacts = self._services.contacts

        def work() -> list[int]:
            ids = search.search_ids(query, limit=5000)
            if tag:
                tagged = {s.id for s in contacts.list_contacts(tag=tag)}
                ids = [i for i in ids if i in tagged]
            return ids

        def done(ids: list[int]) -> None:
            # Results of an older query that finished late are dropped.
            if serial == self._search_serial and self._services is not None:
                self.model.set_filter(ids, tag)
                self._update_counts()

        self._operations.run(work, done=done)

    def _update_counts(self) -> None:
        total = self.model.rowCount()
        searching = bool(self.search.text().strip()) or self._tag() is not None
        if self._services is None:
            self.count_label.clear()
        elif searching:
            self.count_label.setText(f"{self.model.total()} found")
        else:
            self.count_label.setText(f"{self.model.total()} contacts")
        if total == 0 and not self.model.canFetchMore(self.table.rootIndex()):
            self._list_stack.setCurrentWidget(self.no_match if searching else self.empty)
        else:
            self._list_stack.setCurrentWidget(self.table)

    # -- selection --------------------------------------------------------------------

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if not indexes:
            return
        contact_id = indexes[0].data(ContactIdRole)
        if isinstance(contact_id, int):
            self.show_contact(contact_id)

    def select_contact(self, contact_id: int) -> None:
        """Select a contact in the list if it is loaded, and show it."""
        row = self.model.row_of(contact_id)
        if row is not None:
            self.table.selectRow(row)
        self.show_contact(contact_id)

    def show_contact(self, contact_id: int) -> None:
        """Load and show one contact's profile."""
        if self._services is None:
            return
        self._selected = contact_id
        self.matches.load(contact_id)
        profiles = self._services.profiles

        def done(profile: ContactProfile) -> None:
            if self._selected == contact_id:
                self.detail.show_profile(profile)

        def error(_exc: Exception) -> None:
            if self._selected == contact_id:
                self._selected = None
                self.detail.clear()
                self.matches.clear()

        self._operations.run(lambda: profiles.load(contact_id), done=done, error=error)

    # -- actions ------------------------------------------------------------------------

    def new_contact(self) -> None:
        """Open the form for a new contact."""
        if self._services is None:
            return
        editor = ContactEditor(parent=self)
        if editor.exec():
            self._save_contact(None, editor.result_input())

    def edit_contact(self, contact_id: int) -> None:
        """Open the form for an existing contact."""
        if self._services is None:
            return
        editor = ContactEditor(self._services.contacts.get(contact_id), parent=self)
        if editor.exec():
            self._save_contact(contact_id, editor.result_input())

    def _save_contact(self, contact_id: int | None, data: ContactInput) -> None:
        assert self._services is not None
        contacts = self._services.contacts

        def work() -> Any:
            return contacts.add(data) if contact_id is None else contacts.update(contact_id, data)

        def done(detail: Any) -> None:
            self.status.emit(f"Saved {detail.name}.", None)
            self._selected = detail.id

        self._operations.run(work, done=done, changes=frozenset({CONTACTS}))

    def log_interaction(self, contact_id: int) -> None:
        """Log a meeting, call, email, message or note with a contact."""
        if self._services is None:
            return
        name = self._services.contacts.get(contact_id).name
        dialog = LogInteractionDialog(name, parent=self)
        if not dialog.exec():
            return
        interactions = self._services.interactions
        day = dialog.day()
        when = (
            datetime.now(UTC)
            if day == datetime.now().date()
            else datetime.combine(day, time(12)).astimezone(UTC)
        )
        kind, note = dialog.kind_value(), dialog.note_text()
        self._operations.run(
            lambda: interactions.log([contact_id], kind=kind, note=note, when=when),
            done=lambda _r: self.status.emit(f"Logged a {kind} with {name}.", None),
            changes=frozenset({INTERACTIONS, REMINDERS}),
        )

    def record_favour(self, contact_id: int) -> None:
        """Record a favour given to or received from a contact."""
        if self._services is None:
            return
        name = self._services.contacts.get(contact_id).name
        dialog = FavourDialog(name, parent=self)
        if not dialog.exec():
            return
        favours = self._services.favours
        values = dialog.values()
        self._operations.run(
            lambda: favours.record(contact_id, **values),  # type: ignore[arg-type]
            done=lambda _r: self.status.emit(f"Recorded a favour with {name}.", None),
            changes=frozenset({FAVOURS, REMINDERS}),
        )

    def _archive(self, contact_id: int, archive: bool) -> None:
        if self._services is None:
            return
        contacts = self._services.contacts
        verb = "Archived" if archive else "Restored"
        self._operations.run(
            lambda: contacts.set_archived(contact_id, archive),
            done=lambda d: self.status.emit(f"{verb} {d.name}.", None),
            changes=frozenset({CONTACTS}),
        )

    def delete_contact(self, contact_id: int) -> None:
        """Delete a contact after confirmation; it can be undone for a few seconds."""
        if self._services is None:
            return
        detail = self._services.contacts.get(contact_id)
        answer = QMessageBox.question(
            self,
            "Delete contact",
            f"Delete {detail.name}, with their timeline, favours and reminders?\n\n"
            "You can undo this for a few seconds. Archive keeps them instead.",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.finish_pending_delete()
        # Hidden at once (archived); really deleted when the undo time is over.
        self._pending_delete = (contact_id, detail.archived)
        self._services.contacts.set_archived(contact_id, True)
        self._selected = None
        self.detail.clear()
        self.matches.clear()
        self._operations.announce(frozenset({CONTACTS}))
        self._delete_timer.start()
        self.status.emit(f"Deleted {detail.name}.", self.undo_delete)

    def undo_delete(self) -> None:
        """Bring back the contact whose deletion is pending."""
        if self._pending_delete is None or self._services is None:
            return
        contact_id, was_archived = self._pending_delete
        self._pending_delete = None
        self._delete_timer.stop()
        self._services.contacts.set_archived(contact_id, was_archived)
        self._operations.announce(frozenset({CONTACTS}))
        self.status.emit("Restored.", None)

    def finish_pending_delete(self) -> None:
        """Carry out a pending deletion now (the undo time ran out, or the vault locks)."""
        self._delete_timer.stop()
        if self._pending_delete is None or self._services is None:
            return
        contact_id, _ = self._pending_delete
        self._pending_delete = None
        self._services.contacts.delete(contact_id)
