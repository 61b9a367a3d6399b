"""Quick capture: "I just left an event" — the event, then one line per person met."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.services.events import CapturedPerson
from ui.style import tone
from ui.widgets import date_field, picked_date

FIELDS = ("Name", "Company", "Note", "Asks", "Offers", "Tags")


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in text.replace(";", ",").split(",") if p.strip())


class _PersonRow:
    """The fields of one person; remembers which existing contact was picked, if any."""

    def __init__(self, number: int) -> None:
        self.edits = [QLineEdit() for _ in FIELDS]
        for field, edit in zip(FIELDS, self.edits, strict=True):
            edit.setAccessibleName(f"Person {number} {field.lower()}")
            edit.setPlaceholderText(field if field != "Asks" else "Looking for…")
        self.edits[4].setPlaceholderText("Can help with…")
        self.contact_id: int | None = None
        self.name.textEdited.connect(self._forget_pick)

    @property
    def name(self) -> QLineEdit:
        return self.edits[0]

    def _forget_pick(self, _text: str) -> None:
        self.contact_id = None

    def is_empty(self) -> bool:
        return not any(edit.text().strip() for edit in self.edits)

    def person(self) -> CapturedPerson:
        name, company, note, asks, offers, tags = (e.text().strip() for e in self.edits)
        return CapturedPerson(
            name=name,
            contact_id=self.contact_id,
            org=company or None,
            note=note,
            asks=_phrases(asks),
            offers=_phrases(offers),
            tags=_phrases(tags),
        )


class QuickCaptureDialog(QDialog):
    """Keyboard-first capture: Enter moves to the next person, Ctrl+Enter saves all."""

    def __init__(
        self,
        known_contacts: list[tuple[int, str, str | None]],
        parent: QWidget | None = None,
        *,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Quick capture: who did you meet?")
        self.resize(980, 520)
        self.event_name = QLineEdit()
        self.event_name.setPlaceholderText("e.g. Leeds Digital Breakfast")
        self.event_name.setAccessibleName("Event name")
        self.event_date = date_field("Event date", today or date.today())
        self.place = QLineEdit()
        self.place.setPlaceholderText("Where it was")
        self.place.setAccessibleName("Event place")
        self.error = QLabel()
        tone(self.error, "error")

        self._labels: dict[str, tuple[int, str | None]] = {}
        for cid, name, org in known_contacts:
            label = f"{name} — {org}" if org else name
            self._labels.setdefault(label, (cid, org))
        self._completion_model = QStringListModel(list(self._labels))
        self.rows: list[_PersonRow] = []
        self._grid = QGridLayout()
        for column, field in enumerate(FIELDS):
            title = QLabel(f"<b>{field}</b>")
            self._grid.addWidget(title, 0, column)
        self._grid.setColumnStretch(0, 3)
        self._grid.setColumnStretch(2, 4)

        form = QFormLayout()
        form.addRow("&Event", self.event_name)
        form.addRow("&Date", self.event_date)
        form.addRow("&Place", self.place)
        people = QWidget()
        people_layout = QVBoxLayout(people)
        people_layout.addLayout(self._grid)
        people_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(people)
        hint = QLabel(
            "Enter: next person · Tab: next field · separate asks, offers and tags with commas"
            " · Ctrl+Enter: save everything"
        )
        tone(hint, "hint")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Save all")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scroll, 1)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.save)
        for edit in (self.event_name, self.place):
            edit.installEventFilter(self)
        self.add_row()
        self.event_name.setFocus()

    # -- rows ---------------------------------------------------------------------

    def add_row(self) -> _PersonRow:
        """Add an empty person row and return it."""
        row = _PersonRow(len(self.rows) + 1)
        completer = QCompleter(self._completion_model, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.activated.connect(lambda text, r=row: self._picked(r, text))
        row.name.setCompleter(completer)
        grid_row = len(self.rows) + 1
        for column, edit in enumerate(row.edits):
            self._grid.addWidget(edit, grid_row, column)
            edit.installEventFilter(self)
            # Shown now, not on the next event loop turn, so it can take focus at once.
            if self.isVisible():
                edit.show()
        self.rows.append(row)
        return row

    def _picked(self, row: _PersonRow, text: str) -> None:
        cid, org = self._labels.get(text, (None, None))
        if cid is None:
            return
        row.contact_id = cid
        row.name.setText(text.split(" — ")[0])
        if org and not row.edits[1].text():
            row.edits[1].setText(org)
        row.name.setToolTip("Already in your contacts: new asks and offers are added to them")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        """Override QObject.eventFilter: plain Enter in a row moves to the next person."""
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            if key not in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                return super().eventFilter(watched, event)
            if modifiers == Qt.KeyboardModifier.ControlModifier:
                self.save()
                return True
            if watched in (self.event_name, self.place):
                self.rows[0].name.setFocus()
                return True
            if modifiers == Qt.KeyboardModifier.NoModifier:
                completer = watched.completer() if isinstance(watched, QLineEdit) else None
                popup = completer.popup() if completer is not None else None
                if popup is not None and popup.isVisible():
                    return False
                self._next_person(watched)
                return True
        return super().eventFilter(watched, event)

    def _next_person(self, watched: QObject) -> None:
        index = next(
            (i for i, row in enumerate(self.rows) if watched in row.edits), len(self.rows) - 1
        )
        if self.rows[index].is_empty():
            return
        target = self.rows[index + 1] if index + 1 < len(self.rows) else self.add_row()
        target.name.setFocus()

    # -- result -------------------------------------------------------------------

    def people(self) -> list[CapturedPerson]:
        """Return everyone entered, skipping empty rows."""
        return [row.person() for row in self.rows if not row.is_empty()]

    def event_day(self) -> date:
        """Return the event's date."""
        return picked_date(self.event_date)

    def save(self) -> None:
        """Check the form and close with Accepted; the caller saves in one transaction."""
        if not self.event_name.text().strip():
            self.error.setText("Name the event first.")
            self.event_name.setFocus()
            return
        people = self.people()
        if not people:
            self.error.setText("Add at least one person you met.")
            (self.rows[0].name if self.rows else self.event_name).setFocus()
            return
        nameless = [i for i, p in enumerate(people, 1) if not p.name]
        if nameless:
            self.error.setText(f"Person {nameless[0]} needs a name.")
            return
        self.accept()
