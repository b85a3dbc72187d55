"""The results panel: every hit of the search, a row each (tab, entry, field, snippet).

A query can match tens of thousands of entries and finding where an entry matched costs
a fraction of a millisecond, so rows are made in batches as the list is scrolled to its
end (canFetchMore / fetchMore), never for the whole result at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHeaderView,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.longtext import clipped
from .highlight_delegate import HighlightDelegate
from .widgets import plain_label

if TYPE_CHECKING:
    from ..core.highlight import Highlighter
    from ..core.search import Hit, SearchResult

BATCH_ENTRIES = 40  # entries whose hits are found per fetch: a screenful, no more
HEADERS = ("Tab", "Entry", "Field", "Snippet")
HIT_ROLE = Qt.ItemDataRole.UserRole + 30

_Index = QModelIndex | QPersistentModelIndex


class ResultsModel(QAbstractTableModel):
    def __init__(self, tab_label: Callable[[str], str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tab_label = tab_label  # section -> the tab it is shown in
        self._result: SearchResult | None = None
        self._matches: Iterator[tuple[str, int]] = iter(())
        self._more = False
        self._hits: list[Hit] = []
        self._highlighter: Highlighter | None = None

    def set_result(self, result: SearchResult | None) -> None:
        """List the hits of a core SearchResult (None, or an empty query: nothing)."""
        self.beginResetModel()
        self._hits = []
        active = result is not None and not result.query.is_empty
        self._result = result if active else None
        self._matches = result.matches() if active else iter(())
        self._more = bool(active and result.total)
        self._highlighter = result.highlighter if active else None
        self.endResetModel()

    def highlighter(self) -> Highlighter | None:
        return self._highlighter

    def hit(self, row: int) -> Hit:
        return self._hits[row]

    def canFetchMore(self, parent: _Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self._more

    def fetchMore(self, parent: _Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or not self._more:
            return
        found: list[Hit] = []
        for _ in range(BATCH_ENTRIES):
            match = next(self._matches, None)
            if match is None:
                self._more = False
                break
            found.extend(self._result.hits(*match))
        if found:
            first = len(self._hits)
            self.beginInsertRows(QModelIndex(), first, first + len(found) - 1)
            self._hits.extend(found)
            self.endInsertRows()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._hits)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:  # Qt's
        if not index.isValid() or not 0 <= index.row() < len(self._hits):
            return None
        hit = self._hits[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self.cell(index.row(), column)[0]
        if role == Qt.ItemDataRole.ToolTipRole and column == 3:
            return hit.text[:2000]
        if role == HIT_ROLE:
            return hit
        return None

    def cell(self, row: int, column: int) -> tuple[str, str | None]:
        """What the highlight delegate paints: the cell's text and the field it shows
        (the tab and the field's path are never marked)."""
        hit = self._hits[row]
        if column == 0:
            return self._tab_label(hit.section), None
        # A label or a snippet can be a field's whole text (a match that spans a long
        # word): clipped, as every cell is (core/longtext.py).
        if column == 1:
            return clipped(hit.label), ""
        if column == 2:
            return hit.path, None
        return clipped(hit.snippet), hit.key

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(HEADERS)):
            return HEADERS[section]
        return None


class ResultsPanel(QDockWidget):
    open_requested = Signal(str, int)  # section, entry index

    def __init__(self, tab_label: Callable[[str], str], parent: QWidget | None = None,
                 ) -> None:
        super().__init__("Search results", parent)
        self.setObjectName("resultsPanel")
        self.setAccessibleName("Search results")
        self.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetMovable)
        self.model = ResultsModel(tab_label, self)
        self.summary = plain_label("Type in the search field to list every hit here.", self,
                                   wrap=False, name="resultsSummary")
        self.table = QTableView(self)
        self.table.setObjectName("resultsTable")
        self.table.setAccessibleName("Search hits")
        self.table.setModel(self.model)
        self.delegate = HighlightDelegate(self.model.cell, self.table)
        self.table.setItemDelegate(self.delegate)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.setCornerButtonEnabled(False)
        vertical = self.table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        horizontal = self.table.horizontalHeader()
        horizontal.setStretchLastSection(True)
        horizontal.setHighlightSections(False)
        for column, width in enumerate((130, 240, 200)):
            self.table.setColumnWidth(column, width)
        self.table.clicked.connect(self._open)
        self.table.activated.connect(self._open)
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 2, 6, 6)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        self.setWidget(body)

    def set_result(self, result: SearchResult | None, summary: str) -> None:
        self.model.set_result(result)
        self.delegate.set_highlighter(self.model.highlighter())
        self.summary.setText(summary)
        if self.model.canFetchMore():
            self.model.fetchMore()  # the first rows at once; the view asks for more

    def _open(self, index: QModelIndex) -> None:
        hit = self.model.hit(index.row()) if index.isValid() else None
        if hit is not None:
            self.open_requested.emit(hit.section, hit.index)
