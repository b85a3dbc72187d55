"""Item views with search hits marked: plain text painted with highlighted ranges.

Cells are never rendered as rich text (briefing text is untrusted): the text is laid out
with QTextLayout, whose format ranges colour a background and nothing else. A cell's
model says, through HIGHLIGHT_KEY_ROLE, which field its text shows ("" for none in
particular, None for a cell never highlighted), so `country:belarus` lights up only in
the Country column.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPalette, QTextCharFormat, QTextLayout
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

        layout = QTextLayout(" ".join(text.splitlines()), opt.font)
        formats = []
        background = theme.search_background(opt.palette)
        for start, end in utf16_spans(text, spans):
            fmt = QTextLayout.FormatRange()
            fmt.start, fmt.length = start, end - start
            char = QTextCharFormat()
            char.setBackground(background)
            fmt.format = char
            formats.append(fmt)
        layout.setFormats(formats)
        layout.beginLayout()
        line = layout.createLine()
        line.setLineWidth(1_000_000)  # one line, clipped at the cell's edge
        layout.endLayout()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = (QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        painter.save()
        painter.setClipRect(rect)
        painter.setPen(opt.palette.color(role))
        top = rect.top() + (rect.height() - line.height()) / 2
        layout.draw(painter, QPointF(rect.left(), top), [], QRectF(rect))
        painter.restore()
