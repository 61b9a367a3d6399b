"""The Today page: follow-ups overdue, due today and this week, and who is slipping away."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.services.reminders import ReminderRecord
from ui.models.record_table import Column, RecordTableModel
from ui.operations import (
    CONTACTS,
    FAVOURS,
    INTERACTIONS,
    INTRODUCTIONS,
    REMINDERS,
    Areas,
    Operations,
)
from ui.pages.base import Page
from ui.style import tone
from ui.widgets import empty_state, heading, record_table

KIND_LABELS = {
    "after_event": "After event",
    "keep_in_touch": "Keep in touch",
    "reciprocity": "Return a favour",
    "promise": "Promise",
    "intro_checkin": "Intro check-in",
    "manual": "Reminder",
}


def _due_text(record: ReminderRecord) -> str:
    moment = record.snoozed_until or record.due_at
    return moment.astimezone().strftime("%a %d %b")


REMINDER_COLUMNS: list[Column[ReminderRecord]] = [
    Column("Due", _due_text, lambda r: r.snoozed_until or r.due_at),
    Column("Who", lambda r: r.contact or ""),
    Column("Kind", lambda r: KIND_LABELS.get(r.kind, r.kind)),
    Column("What", lambda r: r.reason),
]


class _Section(QWidget):
    """A titled table of reminders with done, snooze and dismiss beside it."""

    def __init__(self, title: str, empty_text: str) -> None:
        super().__init__()
        self.model: RecordTableModel[ReminderRecord] = RecordTableModel(REMINDER_COLUMNS)
        self.table = record_table(title)
        self.table.setModel(self.model)
        self.table.setColumnWidth(0, 100)
        self.table.setColumnWidth(1, 170)
        self.table.setColumnWidth(2, 120)
        self.title = heading(title, 12)
        self.empty = QLabel(empty_text)
        tone(self.empty, "hint")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.table)
        layout.addWidget(self.empty)
        self._base_title = title

    def set_records(self, records: tuple[ReminderRecord, ...]) -> None:
        self.model.set_records(records)
        self.title.setText(f"{self._base_title} ({len(records)})" if records else self._base_title)
        self.table.setVisible(bool(records))
        self.empty.setVisible(not records)
        rows = min(max(len(records), 1), 8)
        self.table.setFixedHeight(30 + rows * self.table.verticalHeader().defaultSectionSize())


class SnoozeDateDialog(QDialog):
    """Pick the day a reminder should come back."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Snooze until")
        self.date = QDateEdit(QDate.currentDate().addDays(3))
        self.date.setCalendarPopup(True)
        self.date.setMinimumDate(QDate.currentDate().addDays(1))
        self.date.setAccessibleName("Snooze until")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.date)
        layout.addWidget(buttons)


class TodayPage(Page):
    """What to do today, with one-click actions on each follow-up.

    Signals:
        contact_activated: a contact id to open on the Contacts page.
        due_count: how many follow-ups are overdue or due today.
    """

    contact_activated = Signal(int)
    due_count = Signal(int)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self.overdue = _Section("Overdue", "Nothing overdue.")
        self.today = _Section("Due today", "Nothing else due today.")
        self.week = _Section("Next 7 days", "A quiet week ahead.")
        self.losing = QLabel()
        self.losing.setWordWrap(True)
        self.empty = empty_state("")
        self.done_button = QPushButton("Done")
        self.done_button.setToolTip("Mark the selected follow-up done")
        self.log_done_button = QPushButton("Log && done")
        self.log_done_button.setToolTip("Note that you got in touch, and mark it done")
        self.snooze_button = QPushButton("Snooze")
        snooze_menu = QMenu(self.snooze_button)
        snooze_menu.addAction("1 day", lambda: self._snooze("1d"))
        snooze_menu.addAction("1 week", lambda: self._snooze("1w"))
        snooze_menu.addAction("Pick a date…", self._snooze_to_date)
        self.snooze_button.setMenu(snooze_menu)
        self.dismiss_button = QPushButton("Dismiss")
        actions = QHBoxLayout()
        actions.addWidget(heading("Today", 16))
        actions.addStretch(1)
        for button in (
            self.done_button,
            self.log_done_button,
            self.snooze_button,
            self.dismiss_button,
        ):
            actions.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(actions)
        for section in (self.overdue, self.today, self.week):
            layout.addWidget(section)
        layout.addWidget(heading("Losing touch", 12))
        layout.addWidget(self.losing)
        layout.addStretch(1)
        self._connect_signals()

    def _connect_signals(self) -> None:
        self.done_button.clicked.connect(lambda: self._complete(log=False))
        self.log_done_button.clicked.connect(lambda: self._complete(log=True))
        self.dismiss_button.clicked.connect(self._dismiss)
        for section in self._sections():
            section.table.doubleClicked.connect(
                lambda index, s=section: self._open_contact(s.model.record(index.row()))
            )
            section.table.clicked.connect(lambda _i, s=section: self._focus(s))
        self._operations.changed.connect(self.refresh)

    def _sections(self) -> tuple[_Section, ...]:
        return (self.overdue, self.today, self.week)

    def _focus(self, keep: _Section) -> None:
        # One selection across the three tables, so the buttons act on one reminder.
        for section in self._sections():
            if section is not keep:
                section.table.clearSelection()

    def selected(self) -> ReminderRecord | None:
        """Return the follow-up selected in any of the tables."""
        for section in self._sections():
            table: QTableView = section.table
            rows = table.selectionModel().selectedRows()
            if rows:
                return section.model.record(rows[0].row())
        return None

    def _open_contact(self, record: ReminderRecord | None) -> None:
        if record is not None and record.contact_id is not None:
            self.contact_activated.emit(record.contact_id)

    # -- vault --------------------------------------------------------------------

    def refresh(self, changes: Areas) -> None:
        """Recompute when anything a rule reads has changed."""
        if changes & {CONTACTS, INTERACTIONS, FAVOURS, REMINDERS, INTRODUCTIONS}:
            self.reload()

    def load(self) -> None:
        """Compute Today again."""
        if self._services is None:
            for section in self._sections():
                section.set_records(())
            self.losing.clear()
            return
        followups = self._services.followups
        self._operations.run(lambda: followups.today(datetime.now(UTC)), done=self._show)

    def _show(self, view: Any) -> None:
        self.overdue.set_records(view.overdue)
        self.today.set_records(view.today)
        self.week.set_records(view.week)
        slipping = view.losing_touch[:12]
        if slipping:
            self.losing.setText(
                " · ".join(f"{p.name} ({p.days_overdue} days over)" for p in slipping)
                + (
                    f" · and {len(view.losing_touch) - 12} more"
                    if len(view.losing_touch) > 12
                    else ""
                )
            )
        else:
            self.losing.setText("Everyone with a keep-in-touch rhythm is up to date.")
        self.due_count.emit(len(view.overdue) + len(view.today))

    # -- actions ------------------------------------------------------------------

    def _complete(self, *, log: bool) -> None:
        record = self.selected()
        if record is None or self._services is None:
            return
        followups = self._services.followups
        now = datetime.now(UTC)
        self._operations.run(
            lambda: followups.complete(record.id, now, log_interaction=log),
            changes=frozenset({REMINDERS, INTERACTIONS} if log else {REMINDERS}),
        )

    def _snooze(self, choice: Any) -> None:
        record = self.selected()
        if record is None or self._services is None:
            return
        followups = self._services.followups
        now = datetime.now(UTC)
        self._operations.run(
            lambda: followups.snooze(record.id, choice, now), changes=frozenset({REMINDERS})
        )

    def _snooze_to_date(self) -> None:
        if self.selected() is None:
            return
        dialog = SnoozeDateDialog(self)
        if dialog.exec():
            self._snooze(dialog.date.date().toPython())

    def _dismiss(self) -> None:
        record = self.selected()
        if record is None or self._services is None:
            return
        followups = self._services.followups
        now = datetime.now(UTC)
        self._operations.run(
            lambda: followups.dismiss(record.id, now), changes=frozenset({REMINDERS})
        )
