"""One list section of the briefing as a Qt table model.

The model holds the section's tuple of entries and a list of row -> entry index; sorting
and filtering reorder that list only. Sorting is done here with Python keys rather than
by a QSortFilterProxyModel, which would call ``data()`` for every comparison.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from ..core.longtext import clipped
from ..present.readings import note, origin_in, signed
from .columns import Column

if TYPE_CHECKING:
    from ..core.model import Entry
    from ..core.origins import BriefingMarks, Origin

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1  # the core entry object
ENTRY_INDEX_ROLE = Qt.ItemDataRole.UserRole + 2  # its position in the briefing's section

_Index = QModelIndex | QPersistentModelIndex
# A cell shows a line; the whole text is in the detail pane (see core/longtext.py).
# The highlight delegate paints a cell from cell(), one call; data() answers the rest
# (tooltips, screen readers, the entry behind a row), its roles plain ints in a dict, as
# a comparison with Qt's enums goes through Python's enum machinery. flags() is not overridden: the
# table model's own (enabled, selectable, no children) is what a cell is, and the view
# asks it twice per painted cell, each time a trip into Python if it were ours.
_TEXT, _ENTRY, _ENTRY_INDEX = range(3)
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole.value)
_ROLES = {int(Qt.ItemDataRole.DisplayRole.value): _TEXT,
          int(Qt.ItemDataRole.ToolTipRole.value): _TEXT,
          int(Qt.ItemDataRole.AccessibleTextRole.value): _TEXT,
          int(ENTRY_ROLE): _ENTRY, int(ENTRY_INDEX_ROLE): _ENTRY_INDEX}


class EntryModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._entries: tuple[Entry, ...] = ()
        self._rows: list[int] = []
        self._filter: list[int] | None = None  # ascending entry indices; None: all
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._order: list[int] | None = None  # see _sorted_order
        self._marks: BriefingMarks | None = None  # inferred and added values, signed

    # --- content ---------------------------------------------------------------------

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._columns

    def set_entries(self, entries: Sequence[Entry], marks: BriefingMarks | None = None) -> None:
        self.beginResetModel()
        self._entries = tuple(entries)
        self._marks = marks
        self._order = None
        self._rows = self._visible_rows()
        self.endResetModel()

    def set_row_filter(self, indices: Iterable[int] | None) -> bool:
        """Show only the entries at these section indices (None: all of them); False when
        that is what is shown already (typing a letter often leaves the hits as they are).

        This is where a search plugs in: it finds the matching entries and passes their
        indices; the model keeps the current sort order.
        """
        # Sorted once (timsort is linear on the ascending lists a search gives): the
        # file's order is then a slice, and comparing with what is shown is cheap.
        wanted = None if indices is None else sorted(indices)
        if wanted == self._filter:
            return False
        self.beginResetModel()
        self._filter = wanted
        self._rows = self._visible_rows()
        self.endResetModel()
        return True

    def _visible_rows(self) -> list[int]:
        count = len(self._entries)
        if self._sort is None:
            if self._filter is None:
                return list(range(count))
            return self._filter[:bisect_left(self._filter, count)]
        order = self._sorted_order()
        if self._filter is None:
            return list(order)
        shown = set(self._filter)
        return [i for i in order if i in shown]

    def _sorted_order(self) -> list[int]:
        """Every entry in the current sort order, kept while the entries and the sort stay:
        a search filters this list at each keystroke instead of sorting again."""
        if self._order is not None:
            return self._order
        assert self._sort is not None
        column, order = self._sort
        key = self._columns[column].key
        keyed = [(key(entry), i) for i, entry in enumerate(self._entries)]
        present = [(k, i) for k, i in keyed if k is not None]
        # Stable in both directions: equal keys keep the file's order.
        present.sort(key=lambda item: item[0], reverse=order == Qt.SortOrder.DescendingOrder)
        self._order = [i for _k, i in present] + [i for k, i in keyed if k is None]
        return self._order

    def entry(self, row: int) -> Entry:
        return self._entries[self._rows[row]]

    def entry_index(self, row: int) -> int:
        return self._rows[row]

    def row_of(self, entry_index: int) -> int | None:
        """The row showing the entry at this section index, if it is shown."""
        try:
            return self._rows.index(entry_index)
        except ValueError:
            return None

    def entries(self) -> tuple[Entry, ...]:
        return self._entries

    # --- QAbstractItemModel ------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # Qt's
        kind = _ROLES.get(role)
        if kind is None or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._rows):
            return None
        if kind == _TEXT:
            spec = self._columns[index.column()]
            entry = self._entries[self._rows[row]]
            text, origin = self._text(spec, entry)
            if origin is not None and role == _TOOLTIP:
                return f"{text}\n{note(origin)}"  # the reason, at hand
            return text
        if kind == _ENTRY:
            return self._entries[self._rows[row]]
        return self._rows[row]

    def cell(self, row: int, column: int) -> tuple[str, str]:
        """What the highlight delegate paints: the cell's text and the field it shows."""
        spec = self._columns[column]
        return self._text(spec, self._entries[self._rows[row]])[0], spec.field

    def _text(self, spec: Column, entry: Entry) -> tuple[str, Origin | None]:
        """A cell's text, signed if a value it shows is inferred or added, and that
        marking (None for most cells: the entry holds none)."""
        text = clipped(spec.text(entry))
        if not spec.marked or self._marks is None:
            return text, None
        origin = origin_in(self._marks.of(entry), spec.marked)
        return signed(text, origin), origin

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._columns):
            return self._columns[section].header
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return str(section + 1)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column; a column of -1 restores the file's order."""
        if column >= len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        old_rows = self._rows
        persistent = self.persistentIndexList()
        self._sort = (column, order) if column >= 0 else None
        self._order = None
        self._rows = self._visible_rows()
        where = {entry_index: row for row, entry_index in enumerate(self._rows)}
        self.changePersistentIndexList(persistent, [
            self.index(where[old_rows[p.row()]], p.column()) for p in persistent])
        self.layoutChanged.emit()
