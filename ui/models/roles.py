"""Custom item roles shared by every model and view."""

from __future__ import annotations

from PySide6.QtCore import Qt

RecordRole = Qt.ItemDataRole.UserRole + 1
ContactIdRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3
