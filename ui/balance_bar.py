"""A small bar that shows which way favours have flowed with one person."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.records import Balance


def balance_words(balance: Balance) -> str:
    """Describe a balance kindly: reciprocity, not debt collection."""
    if balance.given == balance.received == 0:
        return "No favours recorded yet."
    if balance.balance == 0:
        return f"Even: you've helped each other about equally ({balance.given} each way)."
    if balance.balance > 0:
        return (
            f"You've helped {balance.contact} more (given {balance.given}, "
            f"received {balance.received})."
        )
    return (
        f"{balance.contact} has helped you more (received {balance.received}, "
        f"given {balance.given}): a chance to return the kindness."
    )


class BalanceBar(QWidget):
    """Given grows to the right of the centre line, received to the left."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._given = 0
        self._received = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName("Favour balance")

    def set_balance(self, balance: Balance) -> None:
        """Show a balance."""
        self._given, self._received = balance.given, balance.received
        self.setToolTip(balance_words(balance))
        self.setAccessibleDescription(balance_words(balance))
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802
        """Override QWidget.sizeHint."""
        return QSize(200, 10)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        """Override QWidget.paintEvent."""
        del event
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        base = self.palette().color(QPalette.ColorRole.Mid)
        base.setAlpha(70)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(base)
        painter.drawRoundedRect(rect, 4, 4)
        total = max(self._given + self._received, 1)
        half = rect.width() / 2
        centre = rect.left() + half
        given_w = half * self._given / total
        received_w = half * self._received / total
        painter.setBrush(QColor("#4a9a6a"))
        painter.drawRoundedRect(QRectF(centre, rect.top(), given_w, rect.height()), 4, 4)
        painter.setBrush(QColor("#c98b3a"))
        painter.drawRoundedRect(
            QRectF(centre - received_w, rect.top(), received_w, rect.height()), 4, 4
        )
        painter.setPen(self.palette().color(QPalette.ColorRole.WindowText))
        painter.drawLine(int(centre), int(rect.top()), int(centre), int(rect.bottom()))
        painter.end()
