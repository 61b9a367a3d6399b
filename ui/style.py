"""The look: native style, a little spacing, and light or dark following the system."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

STYLE_SHEET = """
QLabel#error { color: #c0392b; }
QLabel#hint { color: palette(placeholder-text); }
QLabel#empty { color: palette(placeholder-text); font-size: 13pt; padding: 24px; }
QListWidget#navigation { border: none; font-size: 11pt; padding-top: 6px; outline: 0; }
QListWidget#navigation::item { padding: 8px 10px; border-radius: 6px; }
QListWidget#navigation::item:selected,
QListWidget#navigation::item:selected:focus,
QListWidget#navigation::item:selected:!active {
    background: palette(highlight); color: palette(highlighted-text); border: none;
}
QListWidget#navigation::item:hover:!selected { background: palette(midlight); }
QLabel#banner {
    background: #fff4d6; color: #5a4300; border: 1px solid #e8c76a;
    border-radius: 6px; padding: 8px 12px;
}
QTableView { border: 1px solid palette(mid); border-radius: 4px; }
"""


def apply_look(app: QApplication, theme: str, *, starting: bool = False) -> None:
    """Apply the style sheet and the colour scheme ("system", "light" or "dark").

    When `starting`, a "system" theme needs nothing more: it is Qt's default, and
    leaving it spares loading Qt's enums before the window first paints.
    """
    app.setStyleSheet(STYLE_SHEET)
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
