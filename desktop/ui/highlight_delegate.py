"""Item views with search hits marked: plain text painted with highlighted ranges.

Cells are never rendered as rich text (briefing text is untrusted): the marks are
rectangles painted behind the cell's plain text. A cell's
model says, through HIGHLIGHT_KEY_ROLE, which field its text shows ("" for none in
particular, None for a cell never highlighted), so `country:belarus` lights up only in
the Country column.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRectF, Qt
from PySide6.QtGui import QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from . import theme

HIGHLIGHT_KEY_ROLE = Qt.ItemDataRole.UserRole + 20

Span = tuple[int, int]
_Index = QModelIndex | QPersistentModelIndex


def utf16_spans(text: str, spans: list[Span]) -> list[Span]:
    """Python string positions -> the UTF-16 positions Qt counts in."""
    if len(text.encode("utf-16-le")) == 2 * len(text):
        return spans

    def at(i: int) -> int:
        return len(text[:i].encode("utf-16-le")) // 2

    return [(at(s), at(e)) for s, e in spans]


class HighlightDelegate(QStyledItemDelegate):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._highlighter: Any = None  # core Highlighter of the current query, or None
        self._cache: dict[tuple[str, str], list[Span]] = {}

    def set_highlighter(self, highlighter: Any) -> None:
        self._highlighter = highlighter
        self._cache: dict[tuple[str, str], list[Span]] = {}

    def spans(self, index: _Index) -> list[Span]:
        """What is highlighted in this cell's text (Python string positions)."""
        if self._highlighter is None:
            return []
        key = index.data(HIGHLIGHT_KEY_ROLE)
        if key is None:
            return []
        text = index.data(Qt.ItemDataRole.DisplayRole)
        if not isinstance(text, str) or not text:
            return []
        # Columns repeat their values (countries, roles, statuses) down the screen, and a
        # repaint (hover, scroll) shows the same cells again: fold each once per query.
        cached = self._cache.get((text, key))
        if cached is None:
            if len(self._cache) > 4096:
                self._cache.clear()
            cached = self._cache[text, key] = self._highlighter.spans(text, key or None)
        return cached

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        spans = self.spans(index)
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""  # the style draws background, focus and selection; the text is ours
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        rect = rect.adjusted(margin, 0, -margin, 0)

        # Marks behind the text, then the text drawn once: a QTextLayout with format
        # ranges did the same at several times the cost, on every cell of every keystroke.
        text = " ".join(text.splitlines())
        metrics = QFontMetricsF(opt.font)
        shown = metrics.elidedText(text, Qt.TextElideMode.ElideRight, rect.width())
        visible = len(shown) if shown == text else max(0, len(shown) - 1)  # before the "…"
        height = metrics.height()
        top = rect.top() + (rect.height() - height) / 2
        background = theme.search_background(opt.palette)
        marks = []
        for start, end in spans:
            if start >= visible:
                break
            left = metrics.horizontalAdvance(text[:start])
            width = metrics.horizontalAdvance(text[start:min(end, visible)])
            marks.append(QRectF(rect.left() + left, top, width, height))
            painter.fillRect(marks[-1], background)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = (QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        painter.drawText(QRectF(rect), align, shown)
        if selected:  # selection text (white) on a light mark: redraw the marked part dark
            painter.setPen(opt.palette.color(QPalette.ColorRole.Text))
            for mark in marks:
                painter.setClipRect(mark)
                painter.drawText(QRectF(rect), align, shown)
        painter.restore()
