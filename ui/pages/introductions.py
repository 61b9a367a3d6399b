"""The Introductions page: who should meet, who can help with a need, and what is under way.

Suggestions take a moment on a large vault (the matcher is built on first use), so the
page loads only while it is on screen; changes made elsewhere mark it stale until then.
"""

from __future__ import annotations

import html
from typing import Any

from PySide6.QtCore import QItemSelection, Qt, QTimer
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app import Services
from desktop.services.introductions import Helper, Suggestion
from ui.operations import CONTACTS, FAVOURS, INTRODUCTIONS, Areas, Operations
from ui.pages.base import Page
from ui.pages.intro_progress import IntroProgressPanel
from ui.pages.intro_tables import HELPER_COLUMNS, SUGGESTION_COLUMNS, WrappedTipsModel
from ui.resources import icon
from ui.style import tone
from ui.widgets import empty_state, heading, record_table, table_keys

SUGGESTIONS_SHOWN = 25
HELPERS_SHOWN = 10
SEARCH_DELAY_MS = 300
_WATCHED: Areas = frozenset({INTRODUCTIONS, CONTACTS, FAVOURS})
NO_SUGGESTIONS = (
    "No suggestions yet. On a contact, note what they are looking for (asks) and what "
    "they can help with (offers): Rapport then suggests who should meet."
)
SEARCH_HINT = (
    'Type a need, e.g. "a bookkeeper" or "press for our launch", to see who in your '
    "network offers it."
)


def _hint(text: str = "") -> QLabel:
    label = QLabel(text)
    tone(label, "hint")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    return label


def _stacked(table: QTableView, empty: QLabel) -> QStackedWidget:
    stack = QStackedWidget()
    stack.addWidget(table)
    stack.addWidget(empty)
    return stack


class IntroductionsPage(Page):
    """Suggested introductions, a "who can help with…?" search, and introductions under way."""

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._serial = 0
        self._search_serial = 0
        self.feedback = _hint()
        self.feedback.setTextFormat(Qt.TextFormat.PlainText)
        self.suggestions: WrappedTipsModel[Suggestion] = WrappedTipsModel(SUGGESTION_COLUMNS)
        self.suggestion_table = record_table("Suggested introductions")
        self.suggestion_table.setModel(self.suggestions)
        for column, width in enumerate((250, 55)):
            self.suggestion_table.setColumnWidth(column, width)
        self.suggestion_empty = empty_state(NO_SUGGESTIONS)
        self._suggestion_stack = _stacked(self.suggestion_table, self.suggestion_empty)
        self.suggestion_title = heading("Suggested introductions", 12)
        self.suggestion_detail = _hint()
        self.propose_button = QPushButton(icon("introductions"), "&Propose")
        self.propose_button.setToolTip(
            "Start this introduction: next, ask each of them (Enter in the list)"
        )
        self.not_now_button = QPushButton("&Not now")
        self.not_now_button.setToolTip("Never suggest these two again (Delete in the list)")

        self.need = QLineEdit()
        self.need.setPlaceholderText("e.g. a bookkeeper, or press for our launch")
        self.need.setClearButtonEnabled(True)
        self.need.setAccessibleName("Who can help with")
        self.need.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.helpers: WrappedTipsModel[Helper] = WrappedTipsModel(HELPER_COLUMNS)
        self.helper_table = record_table("People who can help")
        self.helper_table.setModel(self.helpers)
        for column, width in enumerate((160, 55)):
            self.helper_table.setColumnWidth(column, width)
        self.helper_empty = empty_state(SEARCH_HINT)
        self._helper_stack = _stacked(self.helper_table, self.helper_empty)
        self._helper_stack.setCurrentWidget(self.helper_empty)
        self.helper_detail = _hint()

        self.progress = IntroProgressPanel(operations)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._build_layout()
        self._connect_signals()
        self._update_actions()

    def _build_layout(self) -> None:
        suggested = QWidget()
        column = QVBoxLayout(suggested)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.suggestion_title)
        column.addWidget(self._suggestion_stack, 1)
        column.addWidget(self.suggestion_detail)
        buttons = QHBoxLayout()
        buttons.addWidget(self.propose_button)
        buttons.addWidget(self.not_now_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        search = QWidget()
        right = QVBoxLayout(search)
        right.setContentsMargins(0, 0, 0, 0)
        right.addWidget(heading("Who can help with…?", 12))
        right.addWidget(self.need)
        right.addWidget(self._helper_stack, 1)
        right.addWidget(self.helper_detail)
        top = QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(suggested)
        top.addWidget(search)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([720, 480])
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(top)
        split.addWidget(self.progress)
        split.setSizes([470, 330])
        title = QHBoxLayout()
        title.addWidget(heading("Introductions"))
        title.addSpacing(16)
        title.addWidget(self.feedback, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(title)
        layout.addWidget(split, 1)

    def _connect_signals(self) -> None:
        self.suggestion_table.selectionModel().selectionChanged.connect(self._suggestion_selected)
        self.helper_table.selectionModel().selectionChanged.connect(self._helper_selected)
        self.propose_button.clicked.connect(self.propose)
        self.not_now_button.clicked.connect(self.not_now)
        table_keys(self.suggestion_table, ("Return", "Enter"), self.propose)
        table_keys(self.suggestion_table, ("Delete",), self.not_now)
        self.need.textChanged.connect(lambda _text: self._search_timer.start())
        self.need.returnPressed.connect(self.search)
        self._search_timer.timeout.connect(self.search)
        self.progress.message.connect(self.feedback.setText)
        self._operations.changed.connect(self.refresh)

    # -- loading ----------------------------------------------------------------------

    def attach(self, services: Services | None) -> None:
        """Show a vault's introductions, or nothing when it is locked."""
        self._services = services
        self._serial += 1
        self._search_serial += 1
        self.feedback.clear()
        self.need.blockSignals(True)
        self.need.clear()
        self.need.blockSignals(False)
        self._show_suggestions([])
        self._show_helpers([], "")
        self.progress.attach(services)
        super().attach(services)

    def refresh(self, changes: Areas) -> None:
        """Reload when introductions, contacts or favours changed (at once if on screen)."""
        if self._services is None or not changes & _WATCHED:
            return
        self.reload()

    def load(self) -> None:
        """Fetch suggestions and introductions again, and repeat the search."""
        if self._services is None:
            return
        self._serial += 1
        serial = self._serial
        intros = self._services.introductions
        if not self.suggestions.rowCount():
            self.suggestion_title.setText("Suggested introductions (finding…)")

        def done(found: list[Suggestion]) -> None:
            if serial == self._serial:
                self._show_suggestions(found)

        self._operations.run(
            lambda: intros.suggest(None, SUGGESTIONS_SHOWN), done=done, error=self._failed
        )
        self.progress.reload()
        if self.need.text().strip():
            self.search()

    def _show_suggestions(self, found: list[Suggestion]) -> None:
        keep = self._selected_suggestion()
        self.suggestions.set_records(found)
        count = f" ({len(found)})" if found else ""
        self.suggestion_title.setText(f"Suggested introductions{count}")
        empty = self._services is None or not found
        self._suggestion_stack.setCurrentWidget(
            self.suggestion_empty if empty else self.suggestion_table
        )
        pairs = [(s.a_id, s.b_id) for s in found]
        if keep is not None and (keep.a_id, keep.b_id) in pairs:
            self.suggestion_table.selectRow(pairs.index((keep.a_id, keep.b_id)))
        elif found:
            self.suggestion_table.selectRow(0)
        self._update_actions()

    # -- who can help -----------------------------------------------------------------

    def search(self) -> None:
        """Look up who can help with the need typed."""
        self._search_timer.stop()
        need = self.need.text().strip()
        self._search_serial += 1
        serial = self._search_serial
        if self._services is None or not need:
            self._show_helpers([], need)
            return
        intros = self._services.introductions

        def done(found: list[Helper]) -> None:
            if serial == self._search_serial:
                self._show_helpers(found, need)

        self._operations.run(
            lambda: intros.who_can_help(need, HELPERS_SHOWN), done=done, error=self._failed
        )

    def _show_helpers(self, found: list[Helper], need: str) -> None:
        self.helpers.set_records(found)
        if found:
            self._helper_stack.setCurrentWidget(self.helper_table)
            self.helper_table.selectRow(0)
        else:
            self.helper_empty.setText(
                f"Nobody in your network offers “{need}” yet. Try other words, or add "
                "offers to your contacts."
                if need
                else SEARCH_HINT
            )
            self._helper_stack.setCurrentWidget(self.helper_empty)
            self.helper_detail.clear()

    def _helper_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        rows = self.helper_table.selectionModel().selectedRows()
        helper = self.helpers.record(rows[0].row()) if rows else None
        self.helper_detail.setText(html.escape(helper.reason) if helper else "")

    # -- suggestions ------------------------------------------------------------------

    def _selected_suggestion(self) -> Suggestion | None:
        rows = self.suggestion_table.selectionModel().selectedRows()
        return self.suggestions.record(rows[0].row()) if rows else None

    def _suggestion_selected(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        chosen = self._selected_suggestion()
        self.propose_button.setEnabled(chosen is not None)
        self.not_now_button.setEnabled(chosen is not None)
        self.suggestion_detail.setText(
            f"<b>{html.escape(chosen.a)} ↔ {html.escape(chosen.b)}</b> — "
            f"{html.escape(chosen.reason)}"
            if chosen
            else ""
        )

    def _drop(self, chosen: Suggestion) -> None:
        """Take a suggestion off the list at once; the reload that follows confirms it."""
        rest = [s for s in self.suggestions.records() if s != chosen]
        self._show_suggestions(rest)

    def propose(self) -> None:
        """Start the selected introduction."""
        chosen = self._selected_suggestion()
        if chosen is None or self._services is None:
            return
        intros = self._services.introductions

        def done(record: Any) -> None:
            self.feedback.setText(
                f"Proposed introducing {chosen.a} and {chosen.b}. Next, ask each of them below."
            )
            self.progress.reload(select=record.id)

        self._drop(chosen)
        self._operations.run(
            lambda: intros.propose(chosen.a_id, chosen.b_id, chosen.reason),
            done=done,
            changes=frozenset({INTRODUCTIONS}),
            error=self._failed,
        )

    def not_now(self) -> None:
        """Never suggest the selected pair again."""
        chosen = self._selected_suggestion()
        if chosen is None or self._services is None:
            return
        intros = self._services.introductions
        self._drop(chosen)
        self._operations.run(
            lambda: intros.dismiss_pair(chosen.a_id, chosen.b_id),
            done=lambda _r: self.feedback.setText(
                f"{chosen.a} and {chosen.b} will not be suggested again."
            ),
            changes=frozenset({INTRODUCTIONS}),
            error=self._failed,
        )

    def _failed(self, exc: Exception) -> None:
        self.feedback.setText(str(exc) or "That did not work; nothing was changed.")
        self._stale = True
