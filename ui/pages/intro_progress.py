"""Introductions under way: ask each side, make it, note the outcome, send the email."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QItemSelection, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app import Services
from desktop.services.introductions import IntroductionRecord, IntroEmail
from ui.dialogs.intro_outcome import OutcomeDialog
from ui.operations import FAVOURS, INTRODUCTIONS, REMINDERS, Areas, Operations
from ui.pages.intro_tables import (
    INTRO_COLUMNS,
    STAGE_LABELS,
    WrappedTipsModel,
    first_name,
    standing,
)
from ui.style import tone
from ui.widgets import empty_state, heading, record_table, table_keys

OPEN = ("suggested", "proposed", "asked", "made")
FILTERS = (
    ("open", "In progress"),
    ("proposed", "Proposed"),
    ("asked", "Asking both sides"),
    ("made", "Introduced"),
    ("outcome", "Outcome noted"),
    ("dismissed", "Dismissed"),
    ("all", "Everything"),
)
_ASKABLE = ("suggested", "proposed", "asked")
_STAGE_CHANGE: Areas = frozenset({INTRODUCTIONS, REMINDERS})


def _shown(intro: IntroductionRecord, mode: str) -> bool:
    if mode == "open":
        return intro.stage in OPEN
    if mode == "all":
        return True
    return intro.stage == mode


def _detail(intro: IntroductionRecord) -> str:
    parts = [f"<b>{html.escape(intro.a)} ↔ {html.escape(intro.b)}</b>"]
    parts.append(f"{STAGE_LABELS.get(intro.stage, intro.stage)} — {html.escape(standing(intro))}")
    if intro.reason:
        parts.append(f"Why: {html.escape(intro.reason)}")
    return "<br>".join(parts)


class IntroProgressPanel(QWidget):
    """Introductions by stage, with the action each stage allows.

    Signals:
        message: a sentence about what just happened (or went wrong), for the page.
    """

    message = Signal(str)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._services: Services | None = None
        self._all: list[IntroductionRecord] = []
        self._serial = 0
        self._want: int | None = None
        # Replaced in tests, so that no mail program opens.
        self.open_url: Callable[[QUrl], Any] = QDesktopServices.openUrl
        self.filter = QComboBox()
        for value, label in FILTERS:
            self.filter.addItem(label, value)
        self.filter.setAccessibleName("Which introductions to show")
        self.model: WrappedTipsModel[IntroductionRecord] = WrappedTipsModel(INTRO_COLUMNS)
        self.table = record_table("Introductions in progress")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(False)
        for column, width in enumerate((240, 130, 200, 100)):
            self.table.setColumnWidth(column, width)
        self.empty = empty_state("")
        self._stack = QStackedWidget()
        self._stack.addWidget(self.table)
        self._stack.addWidget(self.empty)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        tone(self.detail, "hint")
        self.ask_a_button = QPushButton("&Ask A")
        self.ask_b_button = QPushButton("As&k B")
        for button, side in ((self.ask_a_button, "a"), (self.ask_b_button, "b")):
            menu = QMenu(button)
            for text, agreed in (
                ("They said yes", True),
                ("They said no", False),
                ("Asked, no answer yet", None),
            ):
                menu.addAction(text, self._asker(side, agreed))
            button.setMenu(menu)
        self.make_button = QPushButton("&Make introduction")
        self.make_button.setToolTip("Both said yes: note the introduction made")
        self.outcome_button = QPushButton("Record &outcome…")
        self.email_button = QPushButton("&Email draft")
        email_menu = QMenu(self.email_button)
        email_menu.addAction("Open in your mail program", self.open_email)
        email_menu.addAction("Copy to the clipboard", self.copy_email)
        self.email_button.setMenu(email_menu)
        self.dismiss_button = QPushButton("&Dismiss")
        self.dismiss_button.setToolTip("This introduction is not going ahead (Delete in the list)")
        self._build_layout()
        self._connect_signals()
        self._update_actions()

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(heading("Introductions in progress", 12))
        top.addStretch(1)
        top.addWidget(self.filter)
        actions = QHBoxLayout()
        for button in (
            self.ask_a_button,
            self.ask_b_button,
            self.make_button,
            self.outcome_button,
            self.email_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.dismiss_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self.detail)
        layout.addLayout(actions)

    def _connect_signals(self) -> None:
        self.filter.currentIndexChanged.connect(lambda _i: self._apply_filter())
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)
        self.make_button.clicked.connect(self._make_clicked)
        self.outcome_button.clicked.connect(self._outcome_clicked)
        self.dismiss_button.clicked.connect(self.dismiss)
        table_keys(self.table, ("Delete",), self.dismiss)

    # -- loading ----------------------------------------------------------------------

    def attach(self, services: Services | None) -> None:
        """Work on a vault's introductions, or on nothing when it is locked."""
        self._services = services
        self._all, self._want = [], None
        self._apply_filter()

    def reload(self, select: int | None = None) -> None:
        """Fetch the introductions again, then select `select` if given."""
        if self._services is None:
            return
        # Kept until a load lands: a later reload (the page's, on the same change)
        # supersedes this one but must still select what was asked for.
        self._want = select if select is not None else self._want
        self._serial += 1
        serial = self._serial
        intros = self._services.introductions

        def done(records: list[IntroductionRecord]) -> None:
            if serial == self._serial:
                self._all = records
                want, self._want = self._want, None
                self._apply_filter(want)

        self._operations.run(
            lambda: intros.list_introductions(include_dismissed=True),
            done=done,
            error=self._failed,
        )

    def _apply_filter(self, select: int | None = None) -> None:
        keep = select if select is not None else self._selected_id()
        mode = str(self.filter.currentData())
        shown = [i for i in self._all if _shown(i, mode)]
        self.model.set_records(shown)
        self._stack.setCurrentWidget(self.table if shown else self.empty)
        if not self._all:
            self.empty.setText(
                "No introductions yet. Pick a suggestion above and press Propose, then "
                "ask each side here before you make the introduction."
            )
        else:
            self.empty.setText("None at this stage. Choose another in the list above right.")
        row = next((n for n, i in enumerate(shown) if i.id == keep), None)
        if row is not None:
            self.table.selectRow(row)
        self._update_actions()

    # -- selection --------------------------------------------------------------------

    def selected(self) -> IntroductionRecord | None:
        """Return the introduction selected, if any."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.record(rows[0].row()) if rows else None

    def _selected_id(self) -> int | None:
        intro = self.selected()
        return intro.id if intro else None

    def select(self, intro_id: int) -> None:
        """Select an introduction if it is shown."""
        row = next((n for n, i in enumerate(self.model.records()) if i.id == intro_id), None)
        if row is not None:
            self.table.selectRow(row)

    def _selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        intro = self.selected()
        stage = intro.stage if intro else ""
        # Alt+A and Alt+K, whoever the two are.
        self.ask_a_button.setText(f"&Ask {first_name(intro.a)}" if intro else "&Ask A")
        self.ask_b_button.setText(f"As&k {first_name(intro.b)}" if intro else "As&k B")
        for button in (self.ask_a_button, self.ask_b_button):
            button.setEnabled(stage in _ASKABLE)
            button.setToolTip("Note that you asked them whether they want this, and the answer")
        self.make_button.setEnabled(stage in _ASKABLE)
        self.outcome_button.setEnabled(stage in ("made", "outcome"))
        self.email_button.setEnabled(bool(intro) and stage != "dismissed")
        self.dismiss_button.setEnabled(stage in OPEN)
        self.detail.setText(_detail(intro) if intro else "")
        self.detail.setVisible(intro is not None)

    # -- actions ----------------------------------------------------------------------

    def _run(self, work: Callable[[], IntroductionRecord], said: str, changes: Areas) -> None:
        def done(intro: IntroductionRecord) -> None:
            self.message.emit(said.format(a=intro.a, b=intro.b))
            self.reload(select=intro.id)

        self._operations.run(work, done=done, changes=changes, error=self._failed)

    def _failed(self, exc: Exception) -> None:
        self.message.emit(str(exc) or "That did not work; nothing was changed.")

    def _asker(self, side: str, agreed: bool | None) -> Callable[[], None]:
        # A slot without parameters: Qt passes nothing that could shadow `side`.
        return lambda: self.ask(side, agreed)

    def ask(self, side: str, agreed: bool | None) -> None:
        """Note that one side was asked, and their answer (None: not yet)."""
        intro = self.selected()
        if intro is None or self._services is None:
            return
        intros, name = self._services.introductions, intro.a if side == "a" else intro.b
        answer = {True: "said yes", False: "said no", None: "was asked"}[agreed]
        self._run(
            lambda: intros.ask(intro.id, side, agreed),
            f"{name} {answer}.",
            frozenset({INTRODUCTIONS}),
        )

    def _make_clicked(self) -> None:
        intro = self.selected()
        if intro is None:
            return
        if not intro.both_agreed:
            answer = QMessageBox.question(
                self,
                "Make the introduction",
                f"{intro.a} and {intro.b} have not both said yes. Make the introduction anyway?",
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.make(force=True)

    def make(self, *, force: bool = False) -> None:
        """Mark the selected introduction made (a favour given to each side is noted)."""
        intro = self.selected()
        if intro is None or self._services is None:
            return
        intros = self._services.introductions
        self._run(
            lambda: intros.make(intro.id, force=force),
            "Introduced {a} and {b}; a favour to each is noted. Send the email draft next.",
            frozenset({INTRODUCTIONS, FAVOURS, REMINDERS}),
        )

    def _outcome_clicked(self) -> None:
        intro = self.selected()
        if intro is None:
            return
        dialog = OutcomeDialog(intro.a, intro.b, parent=self)
        if dialog.exec():
            self.record_outcome(*dialog.values())

    def record_outcome(self, note: str, worked: bool) -> None:
        """Note how the selected introduction went."""
        intro = self.selected()
        if intro is None or self._services is None:
            return
        intros = self._services.introductions
        self._run(
            lambda: intros.record_outcome(intro.id, note, worked),
            "Noted how introducing {a} and {b} went.",
            _STAGE_CHANGE,
        )

    def dismiss(self) -> None:
        """Drop the selected introduction; the pair is not suggested again."""
        intro = self.selected()
        if intro is None or self._services is None:
            return
        intros = self._services.introductions
        self._run(lambda: intros.dismiss(intro.id), "Dismissed {a} and {b}.", _STAGE_CHANGE)

    def _with_email(self, use: Callable[[IntroEmail], None]) -> None:
        intro = self.selected()
        if intro is None or self._services is None:
            return
        intros = self._services.introductions
        self._operations.run(lambda: intros.draft_email(intro.id), done=use, error=self._failed)

    def copy_email(self) -> None:
        """Copy the selected introduction's email draft to the clipboard."""

        def copy(email: IntroEmail) -> None:
            text = f"To: {', '.join(email.to)}\nSubject: {email.subject}\n\n{email.body}\n"
            QGuiApplication.clipboard().setText(text)
            self.message.emit("Copied the email draft." + self._missing(email))

        self._with_email(copy)

    def open_email(self) -> None:
        """Open the selected introduction's email draft in the user's mail program."""

        def open_draft(email: IntroEmail) -> None:
            self.open_url(QUrl.fromEncoded(email.mailto.encode("ascii")))
            self.message.emit("Opened the email draft in your mail program." + self._missing(email))

        self._with_email(open_draft)

    @staticmethod
    def _missing(email: IntroEmail) -> str:
        if not email.missing:
            return ""
        return f" No email address for {' or '.join(email.missing)}: add it on their page."
