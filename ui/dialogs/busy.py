"""A dialog that cannot be closed while the work it started is still running."""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QDialog, QWidget


class BusyDialog(QDialog):
    """Stays open while `busy` is True: an import or a backup cannot be stopped halfway."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.busy = False

    def reject(self) -> None:
        """Override QDialog.reject: stay open while work runs."""
        if not self.busy:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        """Override QWidget.closeEvent: stay open while work runs."""
        if self.busy:
            event.ignore()
        else:
            super().closeEvent(event)
