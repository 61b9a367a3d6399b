"""Small widgets shared by several pages."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QWidget,
)

from ui.style import tone


def heading(text: str, points: int = 14) -> QLabel:
    """Return a bold label for a page or section title."""
    label = QLabel(text)
    font = QFont(label.font())
    font.setPointSize(points)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def empty_state(text: str) -> QLabel:
    """Return a centred, muted message saying what to do next."""
    label = QLabel(text)
    tone(label, "empty")
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


def record_table(name: str, parent: QWidget | None = None) -> QTableView:
    """Return a read-only, row-selecting table view with sensible defaults."""
    view = QTableView(parent)
    view.setAccessibleName(name)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setShowGrid(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    view.horizontalHeader().setHighlightSections(False)
    return view


def date_field(name: str, day: date) -> QDateEdit:
    """Return a date editor with a calendar pop-up, showing dates as "3 Nov 2026"."""
    edit = QDateEdit(QDate(day))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("d MMM yyyy")
    edit.setAccessibleName(name)
    return edit


def picked_date(edit: QDateEdit) -> date:
    """Return the date chosen in a date editor."""
    day = edit.date().toPython()
    assert isinstance(day, date)
    return day


def save_cancel(dialog: QDialog, on_save: Callable[[], None]) -> QDialogButtonBox:
    """Return Save and Cancel buttons: Save calls `on_save` (which accepts if valid)."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    buttons.accepted.connect(on_save)
    buttons.rejected.connect(dialog.reject)
    return buttons


def table_keys(table: QWidget, keys: tuple[str, ...], slot: Callable[[], object]) -> None:
    """Run `slot` when one of `keys` is pressed while `table` has the keyboard focus."""
    from PySide6.QtGui import QKeySequence, QShortcut

    for key in keys:
        shortcut = QShortcut(QKeySequence(key), table, slot)
        shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
