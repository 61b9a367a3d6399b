"""Note how an introduction turned out."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.style import tone


class OutcomeDialog(QDialog):
    """Asks what came of an introduction, and whether it worked."""

    def __init__(self, a: str, b: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("How did it go?")
        self.setMinimumWidth(440)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText("e.g. They met for coffee; Tom is storyboarding Maya's short.")
        self.note.setAccessibleName("What came of it")
        self.note.setTabChangesFocus(True)
        self.note.setFixedHeight(90)
        self.worked = QRadioButton("It worked")
        self.worked.setChecked(True)
        self.did_not_work = QRadioButton("It did not work out")
        group = QButtonGroup(self)
        group.addButton(self.worked)
        group.addButton(self.did_not_work)
        self.error = QLabel()
        tone(self.error, "error")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        choice = QHBoxLayout()
        choice.addWidget(self.worked)
        choice.addWidget(self.did_not_work)
        choice.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"What came of introducing {a} and {b}?"))
        layout.addWidget(self.note)
        layout.addLayout(choice)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.note.setFocus()

    def values(self) -> tuple[str, bool]:
        """Return the note and whether it worked."""
        return " ".join(self.note.toPlainText().split()), self.worked.isChecked()

    def _accept_if_valid(self) -> None:
        if not self.values()[0]:
            self.error.setText("Say in a few words how the introduction went.")
            return
        self.accept()
