"""Tell the user what fell due while Rapport runs: a tray message, or a banner in the window."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMenu, QSystemTrayIcon, QWidget

from ui.operations import Operations
from ui.resources import icon

if TYPE_CHECKING:
    from desktop.app import Services

CHECK_INTERVAL_MS = 5 * 60_000
# The first look waits until the user has settled in; what was due on opening is
# on the Today page anyway.
FIRST_CHECK_MS = 60_000


def due_message(names: list[str]) -> str:
    """Return one friendly line about newly due follow-ups."""
    if len(names) == 1:
        return f"Time to follow up with {names[0]}."
    shown = ", ".join(names[:3])
    more = f" and {len(names) - 3} more" if len(names) > 3 else ""
    return f"{len(names)} follow-ups are due: {shown}{more}."


class FollowUpNotifier(QObject):
    """Checks for newly due follow-ups every few minutes while a vault is open.

    Signals:
        banner: a message to show inside the window (when there is no system tray).
        due_count: how many follow-ups are overdue or due today, after each look.
        show_requested: the user clicked the notification or the tray's Show item.
        capture_requested: the tray's Quick capture item.
        quit_requested: the tray's Quit item.
    """

    banner = Signal(str)
    due_count = Signal(int)
    show_requested = Signal()
    capture_requested = Signal()
    quit_requested = Signal()

    def __init__(self, operations: Operations, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._operations = operations
        self._services: Services | None = None
        self._notified: set[int] = set()
        self._seeded = False
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon("rapport"), self)
            self.tray.setToolTip("Rapport")
            menu = QMenu(parent)
            menu.addAction("Show Rapport", self.show_requested.emit)
            menu.addAction("Quick capture…", self.capture_requested.emit)
            menu.addSeparator()
            menu.addAction("Quit", self.quit_requested.emit)
            self.tray.setContextMenu(menu)
            self.tray.activated.connect(lambda _reason: self.show_requested.emit())
            self.tray.messageClicked.connect(self.show_requested.emit)
            self.tray.show()

    def attach(self, services: Services | None, *, first_check_ms: int | None = None) -> None:
        """Watch a vault's follow-ups (None stops watching, as when the vault locks).

        The first look comes after `first_check_ms` (default `FIRST_CHECK_MS`).
        """
        self._services = services
        self._notified.clear()
        self._seeded = False
        if services is None:
            self._timer.stop()
            return
        self._timer.start()
        # The first look waits until the window has settled with its data.
        QTimer.singleShot(FIRST_CHECK_MS if first_check_ms is None else first_check_ms, self.check)

    def check(self) -> None:
        """Look for follow-ups that fell due since the last look, and say so."""
        if self._services is None:
            return
        followups = self._services.followups
        self._operations.run(lambda: followups.today(datetime.now(UTC)), done=self._checked)

    def _checked(self, view: Any) -> None:
        due = [*view.overdue, *view.today]
        self.due_count.emit(len(due))
        fresh = [r for r in due if r.id not in self._notified]
        self._notified.update(r.id for r in due)
        # What was already due on opening is on the Today page; only news is announced.
        seeded, self._seeded = self._seeded, True
        if not fresh or not seeded:
            return
        message = due_message([r.contact or r.reason for r in fresh])
        if self.tray is not None and self.tray.supportsMessages():
            self.tray.showMessage("Rapport", message, icon("rapport"), 10_000)
        else:
            self.banner.emit(message)
