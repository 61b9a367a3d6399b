"""What shows while no vault is open: a welcome on first run, or the unlock form."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ui.resources import icon
from ui.style import tone
from ui.widgets import heading

MIN_PASSPHRASE = 8


def strength_hint(passphrase: str) -> str:
    """Return a short, honest hint about how guessable a passphrase is."""
    if not passphrase:
        return ""
    if len(passphrase) < MIN_PASSPHRASE:
        return f"Too short: use at least {MIN_PASSPHRASE} characters."
    kinds = sum(
        (
            any(c.islower() for c in passphrase),
            any(c.isupper() for c in passphrase),
            any(c.isdigit() for c in passphrase),
            any(not c.isalnum() for c in passphrase),
        )
    )
    words = len(passphrase.split())
    if len(passphrase) >= 20 or words >= 4:
        return "Strong: long passphrases are the hardest to guess."
    if len(passphrase) >= 12 and kinds >= 2:
        return "Good. A few more words would make it stronger."
    return "Weak: add more words or characters."


class LockScreen(QWidget):
    """Welcome, create or unlock; the window does the work and reports back.

    Signals:
        unlock_requested: the passphrase typed (None for a keyring vault).
        create_requested: the passphrase chosen (None to keep the key in the keyring).
        sample_requested: the user wants to explore a generated sample network.
    """

    unlock_requested = Signal(object)
    create_requested = Signal(object)
    sample_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = QStackedWidget()
        self._welcome = self._build_welcome()
        self._unlock = self._build_unlock()
        self._stack.addWidget(self._welcome)
        self._stack.addWidget(self._unlock)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self._stack)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)
        self._busy = False

    # -- building -----------------------------------------------------------------

    def _build_welcome(self) -> QWidget:
        page = QWidget()
        page.setMaximumWidth(520)
        layout = QVBoxLayout(page)
        logo = QLabel()
        logo.setPixmap(icon("rapport").pixmap(64, 64))
        layout.addWidget(logo, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(heading("Welcome to Rapport", 20), alignment=Qt.AlignmentFlag.AlignHCenter)
        intro = QLabel(
            "Your network, the favours that flow both ways, and who to follow up with. "
            "Everything stays on this computer, encrypted."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self._use_passphrase = QCheckBox("Protect the vault with a passphrase")
        self._use_passphrase.setAccessibleName("Use a passphrase")
        self._new_pass = QLineEdit()
        self._new_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self._new_pass.setAccessibleName("New passphrase")
        self._repeat_pass = QLineEdit()
        self._repeat_pass.setEchoMode(QLineEdit.EchoMode.Password)
        self._repeat_pass.setAccessibleName("Repeat passphrase")
        self._hint = QLabel()
        tone(self._hint, "hint")
        form = QFormLayout()
        form.addRow(self._use_passphrase)
        form.addRow("Passphrase", self._new_pass)
        form.addRow("Repeat", self._repeat_pass)
        form.addRow("", self._hint)
        layout.addLayout(form)
        self._create = QPushButton("Create my vault")
        self._create.setDefault(True)
        self._sample = QPushButton("Explore a sample network")
        self._sample.setToolTip("Opens generated, invented contacts in a separate vault")
        buttons = QHBoxLayout()
        buttons.addWidget(self._sample)
        buttons.addStretch(1)
        buttons.addWidget(self._create)
        layout.addLayout(buttons)
        self._welcome_error = QLabel()
        tone(self._welcome_error, "error")
        self._welcome_error.setWordWrap(True)
        layout.addWidget(self._welcome_error)

        self._use_passphrase.toggled.connect(self._passphrase_toggled)
        self._new_pass.textChanged.connect(lambda text: self._hint.setText(strength_hint(text)))
        self._create.clicked.connect(self._create_clicked)
        self._sample.clicked.connect(self.sample_requested)
        self._repeat_pass.returnPressed.connect(self._create_clicked)
        self._passphrase_toggled(False)
        return page

    def _build_unlock(self) -> QWidget:
        page = QWidget()
        page.setMaximumWidth(420)
        layout = QVBoxLayout(page)
        logo = QLabel()
        logo.setPixmap(icon("lock").pixmap(48, 48))
        layout.addWidget(logo, alignment=Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(heading("Rapport is locked", 18), alignment=Qt.AlignmentFlag.AlignHCenter)
        self._unlock_text = QLabel()
        self._unlock_text.setWordWrap(True)
        layout.addWidget(self._unlock_text)
        self._passphrase = QLineEdit()
        self._passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self._passphrase.setPlaceholderText("Passphrase")
        self._passphrase.setAccessibleName("Passphrase")
        layout.addWidget(self._passphrase)
        self._unlock_button = QPushButton("Unlock")
        self._unlock_button.setDefault(True)
        layout.addWidget(self._unlock_button)
        self._unlock_error = QLabel()
        tone(self._unlock_error, "error")
        self._unlock_error.setWordWrap(True)
        layout.addWidget(self._unlock_error)
        self._unlock_button.clicked.connect(self._unlock_clicked)
        self._passphrase.returnPressed.connect(self._unlock_clicked)
        return page

    # -- states -------------------------------------------------------------------

    def show_welcome(self, keyring_available: bool) -> None:
        """Show the first-run welcome."""
        self._keyring_available = keyring_available
        self._use_passphrase.setChecked(not keyring_available)
        self._use_passphrase.setEnabled(keyring_available)
        if not keyring_available:
            self._hint.setText("No secure keyring on this system: choose a passphrase.")
        self._welcome_error.clear()
        self._stack.setCurrentWidget(self._welcome)
        self.set_busy(False)

    def show_unlock(self, needs_passphrase: bool, message: str = "") -> None:
        """Show the unlock form."""
        self._needs_passphrase = needs_passphrase
        self._passphrase.setVisible(needs_passphrase)
        self._passphrase.clear()
        self._unlock_text.setText(
            "Enter your passphrase to open your vault."
            if needs_passphrase
            else "Your vault's key is in the system keyring."
        )
        self._unlock_error.setText(message)
        self._stack.setCurrentWidget(self._unlock)
        self.set_busy(False)
        if needs_passphrase:
            self._passphrase.setFocus()

    def show_error(self, message: str) -> None:
        """Show why the last attempt failed, and let the user try again."""
        self.set_busy(False)
        if self._stack.currentWidget() is self._unlock:
            self._unlock_error.setText(message)
            self._passphrase.selectAll()
            self._passphrase.setFocus()
        else:
            self._welcome_error.setText(message)

    def set_busy(self, busy: bool) -> None:
        """Disable the controls while the vault opens."""
        self._busy = busy
        for widget in (self._create, self._sample, self._unlock_button, self._passphrase):
            widget.setEnabled(not busy)

    # -- reactions ----------------------------------------------------------------

    def _passphrase_toggled(self, on: bool) -> None:
        for widget in (self._new_pass, self._repeat_pass):
            widget.setEnabled(on)
        if not on:
            self._hint.clear()

    def _create_clicked(self) -> None:
        if self._busy:
            return
        if not self._use_passphrase.isChecked():
            self.set_busy(True)
            self.create_requested.emit(None)
            return
        first, second = self._new_pass.text(), self._repeat_pass.text()
        if len(first) < MIN_PASSPHRASE:
            self.show_error(f"Choose a passphrase of at least {MIN_PASSPHRASE} characters.")
        elif first != second:
            self.show_error("The two passphrases differ.")
        else:
            self.set_busy(True)
            self.create_requested.emit(first)

    def _unlock_clicked(self) -> None:
        if self._busy:
            return
        if self._needs_passphrase and not self._passphrase.text():
            self.show_error("Type your passphrase first.")
            return
        self.set_busy(True)
        self.unlock_requested.emit(self._passphrase.text() if self._needs_passphrase else None)
