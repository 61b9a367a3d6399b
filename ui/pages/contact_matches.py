"""On a contact's page: who could help them, and whom they could help, with reasons."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QScrollArea, QVBoxLayout, QWidget

from desktop.app import Services
from desktop.matching.phrasing import Wording
from desktop.services.introductions import ContactMatches, Suggestion
from ui.operations import INTRODUCTIONS, Areas, Operations
from ui.widgets import heading

MATCHES_SHOWN = 3
_LINK = "contact:"


_WORDING = Wording()


def _items(found: tuple[Suggestion, ...], label: str, empty: str) -> str:
    if not found:
        return f"<p style='color:gray'><i>{html.escape(empty)}</i></p>"
    rows = []
    for s in found:
        # The contact shown is `a`; say what the other one brings or needs, and
        # what the two share, rather than repeat the contact's own ask each time.
        clause = _WORDING.offer_clause(s.offer) if label == "Offers" else _WORDING.ask_clause(s.ask)
        details = [clause[:1].upper() + clause[1:], *s.shared]
        rows.append(
            f"<li><a href='{_LINK}{s.b_id}'>{html.escape(s.b)}</a><br>"
            f"<span style='color:gray'>{html.escape('. '.join(details))}.</span></li>"
        )
    return f"<ul style='margin-left:-20px'>{''.join(rows)}</ul>"


class ContactMatchesPanel(QWidget):
    """Introductions the vault suggests for the contact shown.

    Signals:
        contact_activated: the id of a contact whose name was clicked.
    """

    contact_activated = Signal(int)

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._services: Services | None = None
        self._contact: int | None = None
        self._serial = 0
        self.could_help_them = QLabel()
        self.they_could_help = QLabel()
        for label in (self.could_help_them, self.they_could_help):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            label.linkActivated.connect(self._link_clicked)
        self.could_help_them.setAccessibleName("Could help them")
        self.they_could_help.setAccessibleName("They could help")
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.could_help_them)
        column.addWidget(self.they_could_help)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        # Lined up with the profile above, whose content has the default margins.
        layout.setContentsMargins(9, 4, 0, 0)
        layout.addWidget(heading("Introductions", 12))
        layout.addWidget(scroll, 1)
        self._operations.changed.connect(self.refresh)
        self.hide()

    def attach(self, services: Services | None) -> None:
        """Work on a vault, or on nothing when it is locked."""
        self._services = services
        self.clear()

    def clear(self) -> None:
        """Show nothing (no contact shown)."""
        self._contact = None
        self._serial += 1
        self.hide()

    def refresh(self, changes: Areas) -> None:
        """Load again when introductions changed (the contact page reloads on its own changes)."""
        if self._contact is not None and INTRODUCTIONS in changes:
            self.load(self._contact)

    def load(self, contact_id: int) -> None:
        """Find the matches of one contact and show them."""
        if self._services is None:
            return
        if contact_id != self._contact:
            self.could_help_them.setText("<h4>Could help them</h4><p><i>Looking…</i></p>")
            self.they_could_help.clear()
        self._contact = contact_id
        self._serial += 1
        serial = self._serial
        intros = self._services.introductions

        def done(found: ContactMatches) -> None:
            if serial == self._serial:
                self._show(found)

        def error(_exc: Exception) -> None:
            if serial == self._serial:
                self.hide()

        self.show()
        self._operations.run(
            lambda: intros.contact_matches(contact_id, MATCHES_SHOWN), done=done, error=error
        )

    def _show(self, found: ContactMatches) -> None:
        no_helper = (
            "No one in your network offers that yet."
            if found.has_asks
            else "Nobody yet: note what they are looking for."
        )
        no_one_helped = (
            "No one in your network is looking for that yet."
            if found.has_offers
            else "Nobody yet: note what they can help with."
        )
        self.could_help_them.setText(
            "<h4>Could help them</h4>" + _items(found.could_help_them, "Offers", no_helper)
        )
        self.they_could_help.setText(
            "<h4>They could help</h4>" + _items(found.they_could_help, "Looking for", no_one_helped)
        )

    def _link_clicked(self, link: str) -> None:
        if link.startswith(_LINK) and link[len(_LINK) :].isdigit():
            self.contact_activated.emit(int(link[len(_LINK) :]))
