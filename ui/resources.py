"""Where the app finds its icons and style sheets."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from PySide6.QtGui import QIcon

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@cache
def icon(name: str) -> QIcon:
    """Return an SVG icon from resources/icons (an empty icon if it is missing)."""
    path = RESOURCES / "icons" / f"{name}.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
