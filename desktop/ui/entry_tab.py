"""A list tab: the entries in a sortable table, and a detail pane for the one selected.

A list may have a chart drawn above the table (``header``: the trade figures, the timeline).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.model import entry_label
from .columns import Column
from .detail_pane import DetailPane
from .entry_model import EntryModel
from .highlight_delegate import HighlightDelegate
from .widgets import LabelStrip

if TYPE_CHECKING:
    from ..core.highlight import Highlighter
    from ..core.model import Entry
    from ..core.origins import BriefingMarks
    from .entry_chart import EntryChart


class EntryTable(QTableView):
    """A table that copies the whole selected entry on Ctrl+C, not just one cell."""

    copy_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Copy):
            self.copy_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class EntryTab(QWidget):
    entry_selected = Signal(object)  # the entry, or None
    show_in_article_requested = Signal()
    excerpt_requested = Signal(str)  # show this excerpt of the selected entry in the article
    copy_requested = Signal()

    def __init__(self, name: str, columns: Sequence[Column], *,
                 header: EntryChart | None = None, sort_column: int | None = None,
                 noun: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Tab")
        self.name = name
        self.header = header
        self.noun = noun or name
        self.model = EntryModel(columns, self)
        self.table = self._make_table(name)
        self.detail = DetailPane(self)
        self.count_label = QLabel(self)
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.count_label.setAccessibleName(f"Number of {self.noun}")
        self._found: Callable[[str], bool] | None = None

        self.show_button = QPushButton("Show in article", self)
        self.show_button.setAccessibleName("Show the selected entry in the article")
        self.show_button.setToolTip("Switch to the Source tab at this entry's excerpt (Ctrl+J)")
        self.copy_button = QPushButton("Copy", self)
        self.copy_button.setAccessibleName("Copy the selected entry with its excerpts")
        self.copy_button.setToolTip("Copy the entry as plain text with its excerpts (Ctrl+C)")
        for button in (self.show_button, self.copy_button):
            button.setEnabled(False)

        side = QWidget(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.show_button)
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.detail, 1)

        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(LabelStrip(self.count_label, left))

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.setObjectName(f"{name}Splitter")
        split.addWidget(left)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        if header is not None:
            vertical = QSplitter(Qt.Orientation.Vertical, self)
            vertical.addWidget(header)
            vertical.addWidget(split)
            vertical.setStretchFactor(0, 2)
            vertical.setStretchFactor(1, 3)
            vertical.setChildrenCollapsible(False)
            layout.addWidget(vertical)
        else:
            layout.addWidget(split)

        if sort_column is not None:
            self.table.sortByColumn(sort_column, Qt.SortOrder.AscendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.table.copy_requested.connect(self.copy_requested)
        self.show_button.clicked.connect(self.show_in_article_requested)
        self.detail.excerpt_clicked.connect(self.excerpt_requested)
        self.copy_button.clicked.connect(self.copy_requested)
        self._update_count()

    def _make_table(self, name: str) -> EntryTable:
        table = EntryTable(self)
        table.setObjectName(f"{name}Table")
        table.setAccessibleName(f"{self.noun.capitalize()} list")
        table.setModel(self.model)
        self.delegate = HighlightDelegate(self.model.cell, table)
        table.setItemDelegate(self.delegate)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setAlternatingRowColors(True)
        table.setWordWrap(False)
        table.setCornerButtonEnabled(False)
        table.setTabKeyNavigation(False)  # Tab leaves the table, arrows move in it
        # No sort until the user asks: the file's order is the author's order.
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        table.setSortingEnabled(True)
        table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # Fixed row heights and widths: nothing is measured per row, whatever the count.
        vertical = table.verticalHeader()
        vertical.setVisible(False)
        vertical.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vertical.setDefaultSectionSize(table.fontMetrics().height() + 10)
        horizontal = table.horizontalHeader()
        horizontal.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        horizontal.setStretchLastSection(True)
        horizontal.setMinimumSectionSize(40)
        horizontal.setSortIndicatorShown(True)
        horizontal.setHighlightSections(False)
        for column, spec in enumerate(self.model.columns[:-1]):
            table.setColumnWidth(column, spec.width)
        # The last column stretches over what is left, but never below its own width.
        table.setColumnWidth(len(self.model.columns) - 1, horizontal.minimumSectionSize())
        return table

    # --- content -------------------------------------------------------------------------

    def set_entries(self, entries: Sequence[Entry], found: Callable[[str], bool] | None = None,
                    marks: BriefingMarks | None = None) -> None:
        """Show new entries, keeping the selected one (same position and name) if any;
        ``marks`` say which of their values are inferred or added."""
        kept = self.selected_entry_index()
        kept_label = entry_label(self.selected_entry()) if kept is not None else None
        scroll = self.table.verticalScrollBar().value()
        self._found = found
        self.model.set_entries(entries, marks)
        self.detail.set_marks(marks)
        self._update_count()
        if kept is not None:
            target = kept if kept < len(entries) and entry_label(entries[kept]) == kept_label \
                else next((i for i, e in enumerate(entries) if entry_label(e) == kept_label),
                          None)
            if target is not None and self.select_entry_index(target, scroll=False):
                self.table.verticalScrollBar().setValue(scroll)
                return
        if self.model.rowCount():
            self.select_row(0)  # a filled pane says more than an empty one
        else:
            self._show(None)

    def set_row_filter(self, indices: Iterable[int] | None) -> bool:
        """Show only these entries (None: all), keeping the selected one if it stays;
        False when they are the entries shown already."""
        kept = self.selected_entry_index()
        if not self.model.set_row_filter(indices):
            return False  # the same entries: nothing to redo
        self._update_count()
        if kept is not None and self.select_entry_index(kept):
            return True
        if self.model.rowCount():
            self.select_row(0)
        else:
            self._show(None)
        return True

    def apply_search(self, indices: Iterable[int] | None,
                     highlighter: Highlighter | None) -> None:
        """Show only the matching entries (None: all), their hits marked in the list and
        in the detail pane (``highlighter``: the query's core Highlighter, or None)."""
        self.delegate.set_highlighter(highlighter)
        self.detail.set_highlighter(highlighter, render=False)
        if not self.set_row_filter(indices):
            # The same rows, which a model reset would have repainted whole: most
            # keystrokes ("kazakhs" -> "kazakhst") keep the rows and move a few marks.
            self._repaint_marked_cells()
        self.detail.refresh()  # drawn once, whether or not the selection moved

    def _repaint_marked_cells(self) -> None:
        """Repaint the cells on screen whose marks the new search moved, and only those:
        painting a cell again costs as much as finding whether it has to be."""
        table, model = self.table, self.model
        viewport = table.viewport()
        first = table.rowAt(0)
        if first < 0:
            return
        last = table.rowAt(viewport.height() - 1)
        if last < 0:
            last = model.rowCount() - 1
        changed = self.delegate.marks_changed
        for row in range(first, last + 1):
            for column in range(model.columnCount()):
                if changed(*model.cell(row, column)):
                    viewport.update(table.visualRect(model.index(row, column)))

    def _update_count(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.entries())
        noun = self.noun
        self.count_label.setText(f"{total:,} {noun}" if shown == total
                                 else f"{shown:,} of {total:,} {noun}")

    # --- selection -----------------------------------------------------------------------

    def selected_entry(self) -> Entry | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.entry(index.row()) if index.isValid() else None

    def selected_entry_index(self) -> int | None:
        index = self.table.selectionModel().currentIndex()
        return self.model.entry_index(index.row()) if index.isValid() else None

    def select_entry_index(self, entry_index: int, *, scroll: bool = True) -> bool:
        row = self.model.row_of(entry_index)
        if row is None:
            return False
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows)
        if scroll:
            self.table.scrollTo(index)
        return True

    def select_row(self, row: int) -> None:
        self.select_entry_index(self.model.entry_index(row))

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        selection = self.table.selectionModel()
        if current.isValid() and not selection.isRowSelected(current.row()):
            # Focus alone makes a row current; show it selected, as the pane describes it.
            selection.select(current, QItemSelectionModel.SelectionFlag.ClearAndSelect
                             | QItemSelectionModel.SelectionFlag.Rows)
        self._show(self.model.entry(current.row()) if current.isValid() else None)

    def _show(self, entry: Entry | None) -> None:
        self.detail.show_entry(entry, self._found)
        self.show_button.setEnabled(entry is not None)
        self.copy_button.setEnabled(entry is not None)
        self.entry_selected.emit(entry)

    def refresh_colours(self) -> None:
        self.detail.refresh_colours()
