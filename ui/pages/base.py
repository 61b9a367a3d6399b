"""What every data page shares: it loads only while someone can see it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from desktop.app import Services


class Page(QWidget):
    """A page that fetches its data when shown, and again on changes while visible.

    A hidden page only remembers that it is out of date, so opening the vault or a
    write elsewhere costs nothing for pages nobody is looking at.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stale = True
        self._services: Services | None = None

    def attach(self, services: Services | None) -> None:
        """Show a vault's data, or clear everything at once when the vault locks."""
        self._services = services
        if services is None:
            self._stale = True
            self.load()
        else:
            self.reload()

    def reload(self) -> None:
        """Fetch the page's data now if it is visible, else when it is next shown."""
        if self.isVisible():
            self._stale = False
            self.load()
        else:
            self._stale = True

    def load(self) -> None:
        """Fetch and show the data (subclasses)."""
        raise NotImplementedError

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802
        """Override QWidget.showEvent: catch up on what changed while hidden."""
        super().showEvent(event)
        if self._stale:
            self.reload()
