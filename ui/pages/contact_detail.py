"""The right-hand pane of the contact list: one person, everything about them."""

from __future__ import annotations

import html
from datetime import datetime

from PySide6.QtCore import Qt, Signal, SignalInstance
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.records import ContactMethodRecord
from desktop.services.profiles import ContactProfile
from ui.balance_bar import BalanceBar, balance_words
from ui.resources import icon
from ui.widgets import empty_state, heading


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%d %b %Y")


def method_link(method: ContactMethodRecord) -> str:
    """Return a contact method as a clickable link (mail, call, open)."""
    value = html.escape(method.value)
    label = (
        f" <span style='color:gray'>({html.escape(method.label)})</span>" if method.label else ""
    )
    if method.kind == "email":
        return f"<a href='mailto:{value}'>{value}</a>{label}"
    if method.kind == "phone":
        digits = "".join(ch for ch in method.value if ch.isdigit() or ch == "+")
        return f"<a href='tel:{digits}'>{value}</a>{label}"
    if method.kind in ("url", "social") and "." in method.value:
        href = method.value if "://" in method.value else f"https://{method.value}"
        return f"<a href='{html.escape(href)}'>{value}</a>{label}"
    return f"{value}{label}"


def _section(title: str, items: list[str], empty: str) -> str:
    body = "".join(f"<li>{item}</li>" for item in items) if items else f"<i>{empty}</i>"
    wrapped = f"<ul style='margin-left:-20px'>{body}</ul>" if items else f"<p>{body}</p>"
    return f"<h4>{html.escape(title)}</h4>{wrapped}"


def _tool_button(text: str, icon_name: str) -> QToolButton:
    button = QToolButton()
    button.setIcon(icon(icon_name))
    button.setText(text)
    button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
    button.setAccessibleName(text)
    button.setToolTip(text)
    return button


class ContactDetailPanel(QWidget):
    """Shows a `ContactProfile` and offers the actions on it.

    Signals:
        edit_requested, log_requested, favour_requested, delete_requested: a contact id.
        archive_requested: a contact id and whether to archive (True) or restore (False).
    """

    edit_requested = Signal(int)
    log_requested = Signal(int)
    favour_requested = Signal(int)
    archive_requested = Signal(int, bool)
    delete_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile: ContactProfile | None = None
        self._stack = QStackedWidget()
        self._empty = empty_state("Select someone to see their profile, timeline and favours.")
        self._stack.addWidget(self._empty)
        self._content = QWidget()
        layout = QVBoxLayout(self._content)
        self.name = heading("", 17)
        self.role = QLabel()
        self.role.setWordWrap(True)
        self.methods = QLabel()
        self.methods.setOpenExternalLinks(True)
        self.methods.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.methods.setWordWrap(True)
        buttons = QHBoxLayout()
        self.edit_button = self._button("Edit", "edit", self.edit_requested)
        self.log_button = self._button("Log", "log", self.log_requested)
        self.favour_button = self._button("Favour", "favours", self.favour_requested)
        self.archive_button = _tool_button("Archive", "archive")
        self.archive_button.clicked.connect(self._archive_clicked)
        self.delete_button = self._button("Delete", "delete", self.delete_requested)
        for b in (self.edit_button, self.log_button, self.favour_button, self.archive_button):
            buttons.addWidget(b)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        self.balance_bar = BalanceBar()
        self.balance_text = QLabel()
        self.balance_text.setWordWrap(True)
        self.body = QLabel()
        self.body.setWordWrap(True)
        self.body.setTextFormat(Qt.TextFormat.RichText)
        self.body.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        for widget in (self.name, self.role, self.methods):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(QLabel("<b>Favours</b>"))
        layout.addWidget(self.balance_bar)
        layout.addWidget(self.balance_text)
        layout.addWidget(self.body, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self._content)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        # Long notes wrap to the pane's width instead of scrolling sideways.
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._stack.addWidget(scroll)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self._stack)

    def _button(self, text: str, icon_name: str, signal: SignalInstance) -> QToolButton:
        button = _tool_button(text, icon_name)

        def clicked() -> None:
            if self._profile is not None:
                signal.emit(self._profile.detail.id)

        button.clicked.connect(clicked)
        return button

    def _archive_clicked(self) -> None:
        if self._profile is not None:
            detail = self._profile.detail
            self.archive_requested.emit(detail.id, not detail.archived)

    @property
    def contact_id(self) -> int | None:
        """Return the id of the contact shown, if any."""
        return self._profile.detail.id if self._profile else None

    def clear(self) -> None:
        """Show nothing (no selection, or the vault locked)."""
        self._profile = None
        self._stack.setCurrentWidget(self._empty)

    def show_profile(self, profile: ContactProfile) -> None:
        """Show one contact."""
        self._profile = profile
        d = profile.detail
        self.name.setText(d.name + ("  (archived)" if d.archived else ""))
        role = " at ".join(x for x in (d.title, d.org) if x)
        extra = [x for x in (role, d.location) if x]
        if d.cadence_days:
            extra.append(f"keep in touch every {d.cadence_days} days")
        self.role.setText(" · ".join(html.escape(x) for x in extra))
        self.methods.setText(
            "<br>".join(method_link(m) for m in d.methods) or "<i>No contact details yet.</i>"
        )
        self.archive_button.setText("Restore" if d.archived else "Archive")
        self.balance_bar.set_balance(profile.balance)
        self.balance_text.setText(balance_words(profile.balance))
        parts = []
        if d.tags:
            parts.append(
                "<p>" + " ".join(f"<code>#{html.escape(t)}</code>" for t in d.tags) + "</p>"
            )
        parts.append(_section("Looking for", [html.escape(a) for a in d.asks], "No asks noted."))
        parts.append(
            _section("Can help with", [html.escape(o) for o in d.offers], "No offers noted.")
        )
        if d.about:
            parts.append(f"<h4>About</h4><p>{html.escape(d.about)}</p>")
        parts.append(
            _section(
                "Follow-ups",
                [f"{_local(r.due_at)} — {html.escape(r.reason)}" for r in profile.reminders],
                "Nothing due.",
            )
        )
        parts.append(
            _section(
                "Timeline",
                [
                    f"{_local(i.occurred_at)} · {i.kind}"
                    + (f" at {html.escape(i.event)}" if i.event else "")
                    + (f": {html.escape(i.note)}" if i.note else "")
                    for i in profile.timeline
                ],
                "No interactions yet. Use Log to note a call or a coffee.",
            )
        )
        parts.append(
            _section(
                "Favour history",
                [
                    f"{f.occurred_on:%d %b %Y} · "
                    + ("you helped" if f.direction == "given" else "they helped")
                    + f" ({f.size}{', promised' if f.status == 'promised' else ''}): "
                    + html.escape(f.description)
                    for f in profile.favours
                ],
                "None yet.",
            )
        )
        parts.append(
            _section(
                "Knows",
                [
                    html.escape(r.b if r.a == d.name else r.a) + f" ({html.escape(r.kind)})"
                    for r in profile.relationships
                ],
                "No known connections.",
            )
        )
        parts.append(
            _section(
                "Events",
                [f"{e.held_on:%d %b %Y} · {html.escape(e.name)}" for e in profile.events],
                "None recorded.",
            )
        )
        self.body.setText("".join(parts))
        self._stack.setCurrentIndex(1)
