"""One list section of the briefing as a Qt table model.

The model holds the section's tuple of entries and a list of row -> entry index; sorting
and filtering reorder that list only. Sorting is done here with Python keys rather than
by a QSortFilterProxyModel, which would call ``data()`` for every comparison.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from .columns import Column

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the core entry object
ENTRY_INDEX_ROLE = Qt.ItemDataRole.UserRole + 2  # its position in the briefing's section

_Index = QModelIndex | QPersistentModelIndex
# A cell shows a line; the whole text is in the detail pane. Qt lays out the entire
# string to elide it, on every paint: a 100,000-character name made each repaint of
# the table take ~140 ms.
CELL_CHARS = 1000


def clipped(text: str) -> str:
    return text if len(text) <= CELL_CHARS else text[:CELL_CHARS - 1] + "…"


class EntryModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._entries: tuple[Any, ...] = ()
        self._rows: list[int] = []
        self._filter: frozenset[int] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None

    # --- content ---------------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def set_entries(self, entries: Sequence[Any]) -> None:
        self.beginResetModel()
        self._entries = tuple(entries)
        self._rows = self._visible_rows()
        self.endResetModel()

    def set_row_filter(self, indices: Iterable[int] | None) -> None:
        """Show only the entries at these section indices (None: all of them).

        This is where a search plugs in: it finds the matching entries and passes their
        indices; the model keeps the current sort order.
        """
        self.beginResetModel()
        self._filter = None if indices is None else frozenset(indices)
        self._rows = self._visible_rows()
        self.endResetModel()

    def _visible_rows(self) -> list[int]:
        rows = (list(range(len(self._entries))) if self._filter is None
                else [i for i in range(len(self._entries)) if i in self._filter])
        if self._sort is None:
            return rows
        column, order = self._sort
        key = self._columns[column].key
        keyed = [(key(self._entries[i]), i) for i in rows]
        present = [(k, i) for k, i in keyed if k is not None]
        # Stable in both directions: equal keys keep the file's order.
        present.sort(key=lambda item: item[0], reverse=order == Qt.SortOrder.DescendingOrder)
        return [i for _k, i in present] + [i for k, i in keyed if k is None]

    def entry(self, row: int) -> Any:
        return self._entries[self._rows[row]]

    def entry_index(self, row: int) -> int:
        return self._rows[row]

    def row_of(self, entry_index: int) -> int | None:
        """The row showing the entry at this section index, if it is shown."""
        try:
            return self._rows.index(entry_index)
        except ValueError:
            return None

    def entries(self) -> tuple[Any, ...]:
        return self._entries

    # --- QAbstractItemModel ------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        entry = self._entries[self._rows[index.row()]]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                    Qt.ItemDataRole.AccessibleTextRole):
            return clipped(self._columns[index.column()].text(entry))
        if role == ENTRY_ROLE:
            return entry
        if role == ENTRY_INDEX_ROLE:
            return self._rows[index.row()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
                | Qt.ItemFlag.ItemNeverHasChildren)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; a column of -1 restores the file's order."""
        if column >= len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        persistent = self.persistentIndexList()
        self._sort = (column, order) if column >= 0 else None
        self._rows = self._visible_rows()
        where = {entry_index: row for row, entry_index in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [
            self.index(where[old_rows[p.row()]], p.column()) for p in persistent])
        self.layoutChanged.emit()
