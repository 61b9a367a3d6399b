"""Add or edit a contact in a validated form."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import ValidationError
from desktop.records import ContactDetail, ContactInput, ContactMethodRecord
from desktop.services.contacts import validate
from ui.style import tone


def _split(text: str, separators: str = ",;\n") -> tuple[str, ...]:
    for sep in separators[1:]:
        text = text.replace(sep, separators[0])
    return tuple(part.strip() for part in text.split(separators[0]) if part.strip())


def _lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class ContactEditor(QDialog):
    """A form for one contact; `result_input()` returns what was entered."""

    def __init__(self, contact: ContactDetail | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit contact" if contact else "New contact")
        self.setMinimumWidth(480)
        self._contact = contact
        self.name = self._line("Name", "Full name (required)")
        self.org = self._line("Organisation")
        self.title_edit = self._line("Job title")
        self.location = self._line("Location", "City or region")
        self.emails = self._line("Emails", "Separate several with commas")
        self.phones = self._line("Phones", "Separate several with commas")
        self.urls = self._line("Web", "Website, LinkedIn…")
        self.tags = self._line("Tags", "e.g. design, client")
        self.asks = self._text("Asks", "What they are looking for, one per line")
        self.offers = self._text("Offers", "What they can help with, one per line")
        self.about = self._text("About", "Anything worth remembering")
        self.cadence = QSpinBox()
        self.cadence.setRange(0, 3650)
        self.cadence.setSpecialValueText("No regular catch-up")
        self.cadence.setSuffix(" days")
        self.cadence.setAccessibleName("Keep in touch every")
        self.error = QLabel()
        tone(self.error, "error")
        self.error.setWordWrap(True)

        form = QFormLayout()
        for label, widget in (
            ("&Name", self.name),
            ("&Organisation", self.org),
            ("&Title", self.title_edit),
            ("&Location", self.location),
            ("&Emails", self.emails),
            ("&Phones", self.phones),
            ("&Web", self.urls),
            ("Ta&gs", self.tags),
            ("As&ks", self.asks),
            ("O&ffers", self.offers),
            ("&About", self.about),
            ("&Keep in touch every", self.cadence),
        ):
            form.addRow(label, widget)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._accept_if_valid)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        if contact is not None:
            self._fill(contact)

    def _line(self, name: str, placeholder: str = "") -> QLineEdit:
        edit = QLineEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _text(self, name: str, placeholder: str) -> QPlainTextEdit:
        edit = QPlainTextEdit()
        edit.setAccessibleName(name)
        edit.setPlaceholderText(placeholder)
        edit.setTabChangesFocus(True)
        edit.setFixedHeight(64)
        return edit

    def _fill(self, c: ContactDetail) -> None:
        self.name.setText(c.name)
        self.org.setText(c.org or "")
        self.title_edit.setText(c.title or "")
        self.location.setText(c.location or "")
        self.emails.setText(", ".join(c.emails))
        self.phones.setText(", ".join(c.phones))
        self.urls.setText(", ".join(m.value for m in c.methods if m.kind == "url"))
        self.tags.setText(", ".join(c.tags))
        self.asks.setPlainText("\n".join(c.asks))
        self.offers.setPlainText("\n".join(c.offers))
        self.about.setPlainText(c.about or "")
        self.cadence.setValue(c.cadence_days or 0)

    def result_input(self) -> ContactInput:
        """Return the form's content as service input."""
        kept: tuple[ContactMethodRecord, ...] = ()
        if self._contact is not None:
            # Labels and kinds the form does not edit (social, address) are kept as they were.
            kept = tuple(m for m in self._contact.methods if m.kind in ("social", "address"))
        return ContactInput(
            name=self.name.text(),
            org=self.org.text(),
            title=self.title_edit.text(),
            location=self.location.text(),
            about=self.about.toPlainText(),
            emails=_split(self.emails.text()),
            phones=_split(self.phones.text(), ",;"),
            urls=_split(self.urls.text(), ", \n"),
            tags=_split(self.tags.text()),
            asks=_lines(self.asks.toPlainText()),
            offers=_lines(self.offers.toPlainText()),
            cadence_days=self.cadence.value() or None,
            uid=self._contact.uid if self._contact else None,
            birthday=self._contact.birthday if self._contact else None,
            given_name=self._contact.given_name if self._contact else None,
            family_name=self._contact.family_name if self._contact else None,
            methods=kept,
        )

    def show_error(self, message: str) -> None:
        """Show a validation message from the service and keep the form open."""
        self.error.setText(message)

    def _accept_if_valid(self) -> None:
        try:
            validate(self.result_input())
        except ValidationError as exc:
            self.show_error(str(exc))
            return
        self.accept()
