"""The contact list: a table that fetches rows a page at a time, sorted in the vault."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from desktop.contact_summary import ContactSummary
from ui.models.roles import ContactIdRole, RecordRole

if TYPE_CHECKING:
    from desktop.services.contacts import ContactService

_Index = QModelIndex | QPersistentModelIndex

COLUMNS = ("Name", "Organisation", "Title", "Email", "Tags")
_SORT_KEYS = {0: "name", 1: "org"}
PAGE = 200


def cell_text(row: ContactSummary, column: int) -> str:
    """Return what a contact list cell shows."""
    if column == 0:
        return row.name
    if column == 1:
        return row.org or ""
    if column == 2:
        return row.title or ""
    if column == 3:
        return row.emails[0] if row.emails else ""
    return ", ".join(row.tags)


class ContactTableModel(QAbstractTableModel):
    """Contacts as rows, loaded lazily; optionally limited to ids from a search."""

    def __init__(self, contacts: ContactService | None = None) -> None:
        super().__init__()
        self._service = contacts
        self._rows: list[ContactSummary] = []
        self._total = 0
        self._ids: list[int] | None = None
        self._tag: str | None = None
        self._order = "name"
        self._descending = False

    # -- configuration ------------------------------------------------------------

    def set_service(self, contacts: ContactService | None) -> None:
        """Attach a vault's contact service (None when the vault is locked)."""
        self._service = contacts
        self._ids = None
        self._tag = None
        self.reload()

    def set_filter(self, ids: list[int] | None, tag: str | None = None) -> None:
        """Show only these contact ids (in this order), or everyone when None."""
        self._ids = ids
        self._tag = tag
        self.reload()

    def reload(self) -> None:
        """Drop every loaded row and start again from the first page."""
        self.beginResetModel()
        self._rows = []
        self._total = self._count()
        self.endResetModel()
        if self.canFetchMore(QModelIndex()):
            self.fetchMore(QModelIndex())

    def _count(self) -> int:
        if self._service is None:
            return 0
        if self._ids is not None:
            return len(self._ids)
        return self._service.count(tag=self._tag)

    def _page(self, offset: int) -> list[ContactSummary]:
        assert self._service is not None
        if self._ids is not None:
            return self._service.summaries_for(self._ids[offset : offset + PAGE])
        return self._service.list_contacts(
            tag=self._tag,
            order_by=self._order,
            descending=self._descending,
            offset=offset,
            limit=PAGE,
            after_id=self._rows[offset - 1].id if offset else None,
        )

    # -- lazy loading -------------------------------------------------------------

    def canFetchMore(self, parent: _Index) -> bool:  # noqa: N802
        """Override QAbstractItemModel.canFetchMore."""
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: _Index) -> None:  # noqa: N802
        """Override QAbstractItemModel.fetchMore: load the next page."""
        if parent.isValid() or self._service is None:
            return
        page = self._page(len(self._rows))
        page = page[: self._total - len(self._rows)]
        if not page:
            self._total = len(self._rows)
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
        self._rows.extend(page)
        self.endInsertRows()

    # -- the model ----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Override QAbstractItemModel.rowCount."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: N802, B008
        """Override QAbstractItemModel.columnCount."""
        return 0 if parent.isValid() else len(COLUMNS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """Override QAbstractItemModel.data."""
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cell_text(row, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{COLUMNS[index.column()]}: {cell_text(row, index.column()) or 'none'}"
        if role == ContactIdRole:
            return row.id
        if role == RecordRole:
            return row
        return None

    def headerData(  # noqa: N802
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Override QAbstractItemModel.headerData."""
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return COLUMNS[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Override QAbstractItemModel.sort: the vault sorts, so paging stays cheap."""
        key = _SORT_KEYS.get(column)
        if key is None or self._ids is not None:
            return
        self._order = key
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    def total(self) -> int:
        """Return how many rows the list holds once fully fetched."""
        return self._total

    def row_of(self, contact_id: int) -> int | None:
        """Return the loaded row showing a contact, if any."""
        for row, summary in enumerate(self._rows):
            if summary.id == contact_id:
                return row
        return None

    def record(self, row: int) -> ContactSummary | None:
        """Return the contact at a row."""
        return self._rows[row] if 0 <= row < len(self._rows) else None
