"""The look: native style, a little spacing, and light or dark following the system.

There is no application-wide style sheet: one would route every widget through Qt's
style-sheet style, which makes building and painting each table and form slower. Muted,
error and empty-state labels take their colours from palette roles (`tone`), which
follow the light or dark scheme; only the navigation and the banner carry a style sheet
of their own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from PySide6.QtWidgets import QLabel

NAVIGATION_STYLE = """
QListWidget { border: none; font-size: 11pt; padding-top: 6px; outline: 0; }
QListWidget::item { padding: 8px 10px; border-radius: 6px; }
QListWidget::item:selected,
QListWidget::item:selected:focus,
QListWidget::item:selected:!active {
    background: palette(highlight); color: palette(highlighted-text); border: none;
}
QListWidget::item:hover:!selected { background: palette(midlight); }
"""

BANNER_STYLE = """
QLabel {
    background: #fff4d6; color: #5a4300; border: 1px solid #e8c76a;
    border-radius: 6px; padding: 8px 12px;
}
"""

ERROR_COLOUR = "#c0392b"
TONES = ("error", "hint", "empty")


def tone(label: QLabel, kind: str) -> None:
    """Give a label the look of its kind: "error" (red), "hint" (muted) or "empty".

    The kind is also the label's object name, so tests and tools can find it.
    """
    if kind not in TONES:
        raise ValueError(f"unknown tone {kind!r}")
    from PySide6.QtGui import QColor, QPalette

    label.setObjectName(kind)
    if kind == "error":
        palette = label.palette()
        palette.setColor(QPalette.ColorRole.WindowText, QColor(ERROR_COLOUR))
        label.setPalette(palette)
        return
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    if kind == "empty":
        font = label.font()
        font.setPointSize(13)
        label.setFont(font)
        label.setContentsMargins(24, 24, 24, 24)


def apply_look(app: QApplication, theme: str, *, starting: bool = False) -> None:
    """Apply the colour scheme ("system", "light" or "dark").

    When `starting`, a "system" theme needs nothing: it is Qt's default, and leaving it
    spares loading Qt's enums before the window first paints.
    """
    if starting and theme not in ("light", "dark"):
        return
    from PySide6.QtCore import Qt

    hints = app.styleHints()
    scheme = {
        "light": Qt.ColorScheme.Light,
        "dark": Qt.ColorScheme.Dark,
    }.get(theme, Qt.ColorScheme.Unknown)
    if hasattr(hints, "setColorScheme"):
        hints.setColorScheme(scheme)
