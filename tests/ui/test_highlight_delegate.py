"""The highlight delegate draws each cell's text as Qt's own item delegate would (it
draws the text itself, from kept layouts, for speed), and marks a search's hits."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPalette
from PySide6.QtWidgets import QApplication, QStyledItemDelegate, QTableView

from desktop.core.highlight import Highlighter
from desktop.core.query import parse_query
from desktop.ui import theme
from desktop.ui.highlight_delegate import HighlightDelegate

ROWS = [
    ("Alexander Lukashenko", "President", "Belarus"),
    ("Нурсултан Назарбаев", "Президент", "Қазақстан"),
    ("A name far too long for its column, cut short with an ellipsis at the end", "", "x"),
    ("Line one\nline two", "tab\tstop", "Ünïcödé ﬁ ligature"),
    ("Minsk — מינסק 2017", "مينسك", "e\u0301 combining"),
]


class Cells(QAbstractTableModel):
    def rowCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(ROWS)

    def columnCount(self, parent: Any = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return ROWS[index.row()][index.column()].replace("\n", " ")
        return None

    def cell(self, row: int, column: int) -> tuple[str, str | None]:
        return ROWS[row][column], ""


def _table(qtbot, delegate_for) -> tuple[QTableView, Any]:
    table = QTableView()
    qtbot.addWidget(table)
    model = Cells(table)
    table.setModel(model)
    delegate = delegate_for(model, table)
    table.setItemDelegate(delegate)
    table.setWordWrap(False)
    table.setAlternatingRowColors(True)
    table.resize(620, 200)
    for column, width in enumerate((260, 150, 120)):
        table.setColumnWidth(column, width)
    table.selectRow(1)
    table.show()
    qtbot.waitExposed(table)
    return table, delegate


def _grab(table: QTableView) -> QImage:
    QApplication.processEvents()
    return table.viewport().grab().toImage()


@pytest.fixture
def pair(qtbot):
    ours, delegate = _table(qtbot, lambda model, view: HighlightDelegate(model.cell, view))
    qts, _ = _table(qtbot, lambda _model, view: QStyledItemDelegate(view))
    return ours, delegate, qts


def test_plain_cells_look_as_qt_draws_them_first_and_every_time_after(pair):
    ours, _delegate, qts = pair
    expected = _grab(qts)
    assert _grab(ours) == expected  # drawn straight away: texts seen for the first time
    assert _grab(ours) == expected  # from the kept layouts
    assert _grab(ours) == expected


@pytest.mark.parametrize("points", [8, 11, 15, 19])
def test_a_new_font_lays_the_texts_out_again(pair, points, qtbot):
    ours, _delegate, qts = pair
    _grab(ours), _grab(ours)  # layouts kept for the old font
    for table in (ours, qts):
        table.setFont(QFont(table.font().family(), points))
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
    qtbot.wait(50)  # the views lay their rows out again (and show a scroll bar) on a timer
    expected = _grab(qts)
    assert _grab(ours) == expected
    assert _grab(ours) == expected


def test_marks_are_painted_behind_the_hits_only(pair):
    ours, delegate, qts = pair
    delegate.set_highlighter(Highlighter(parse_query("lukashenko")))
    image = _grab(ours)
    plain = _grab(qts)
    mark = theme.search_background(ours.palette())
    rect = ours.visualRect(ours.model().index(0, 0))
    marked = {(x, y) for y in range(rect.top(), rect.bottom() + 1)
              for x in range(rect.left(), rect.right() + 1)
              if QColor(image.pixel(x, y)) == mark}
    assert marked  # "Lukashenko" is on a green mark...
    left = min(x for x, _y in marked)
    assert left > rect.left() + 60  # ...after "Alexander ", not under it
    # Every other cell is exactly as Qt draws it.
    for row in range(len(ROWS)):
        for column in range(3):
            if (row, column) == (0, 0):
                continue
            cell = ours.visualRect(ours.model().index(row, column))
            assert image.copy(cell) == plain.copy(cell), (row, column)


def test_a_mark_on_the_selected_row_keeps_its_text_dark(pair):
    ours, delegate, _qts = pair
    delegate.set_highlighter(Highlighter(parse_query("lukashenko")))
    ours.selectRow(0)
    image = _grab(ours)
    mark = theme.search_background(ours.palette())
    rect = ours.visualRect(ours.model().index(0, 0))
    inside = [QColor(image.pixel(x, y)) for y in range(rect.top(), rect.bottom() + 1)
              for x in range(rect.left(), rect.right() + 1)]
    assert mark in inside  # the mark over the selection colour...
    text = ours.palette().color(QPalette.ColorRole.Text)
    assert any(c == text for c in inside)  # ...with the hit's letters in the dark text


def test_kept_layouts_stay_within_their_bound(pair, monkeypatch):
    import desktop.ui.highlight_delegate as module

    ours, delegate, qts = pair
    monkeypatch.setattr(module, "_TEXTS_LIMIT", 3)
    delegate._texts.clear()  # kept by the first paint, under the real bound
    for _ in range(3):
        image = _grab(ours)
        assert len(delegate._texts) <= 4  # the bound, then the one that went over it
    assert image == _grab(qts)  # and it still draws every cell as Qt does
