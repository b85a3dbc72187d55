"""Item views with search hits marked: plain text painted with highlighted ranges.

Cells are never rendered as rich text (briefing text is untrusted): the marks are
rectangles painted behind the cell's plain text. The delegate reads each cell from its
model's ``cell(row, column)``: the text shown, and which field it shows ("" for none in
particular, None for a cell never highlighted), so `country:belarus` lights up only in
the Country column.

Every cell of a list goes through ``paint`` on every keystroke of a search, so it asks
the model one Python question per cell. QStyledItemDelegate's own paint asks seven
(font, alignment, colours, check state, icon, text, background), each a trip from C++
into Python and back: half the cost of repainting a filtered list of 50,000 entries.
The models here answer none of the other six, so the option is filled from the text
alone and the style draws the rest (background, selection, focus) as it would.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from . import theme

Span = tuple[int, int]
Cell = tuple[str, str | None]  # the text a cell shows, and the field it shows (see above)
_Index = QModelIndex | QPersistentModelIndex

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_TEXT_RECT = QStyle.SubElement.SE_ItemViewItemText
_FOCUS_MARGIN = QStyle.PixelMetric.PM_FocusFrameHMargin
_SELECTED = QStyle.StateFlag.State_Selected
_ELIDE = Qt.TextElideMode.ElideRight
_ALIGN = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
_TEXT_ROLE = QPalette.ColorRole.Text
_SELECTED_TEXT_ROLE = QPalette.ColorRole.HighlightedText


def utf16_spans(text: str, spans: list[Span]) -> list[Span]:
    """Python string positions -> the UTF-16 positions Qt counts in."""
    if len(text.encode("utf-16-le")) == 2 * len(text):
        return spans

    def at(i: int) -> int:
        return len(text[:i].encode("utf-16-le")) // 2

    return [(at(s), at(e)) for s, e in spans]


def one_line(text: str) -> str:
    """A cell shows one line: line breaks become spaces (isprintable() is False for
    every character splitlines() breaks at, and is a quick check in C)."""
    return text if text.isprintable() else " ".join(text.splitlines())


class HighlightDelegate(QStyledItemDelegate):
    def __init__(self, cell: Callable[[int, int], Cell], parent: Any = None) -> None:
        super().__init__(parent)
        self._cell = cell
        self._highlighter: Any = None  # core Highlighter of the current query, or None
        self._cache: dict[Cell, list[Span]] = {}
        # What a marked cell's drawing needs beyond its text, the same for every cell of
        # a view until its style, font or palette changes; asking the style for each
        # cell made a marked cell cost three times a plain one.
        self._insets: dict[tuple[int, int, int], tuple[int, int, int, int]] = {}
        self._font: QFont | None = None
        self._metrics: QFontMetricsF | None = None
        self._colours: tuple[int, QColor] | None = None

    def set_highlighter(self, highlighter: Any) -> None:
        self._highlighter = highlighter
        self._cache = {}

    def spans(self, index: _Index) -> list[Span]:
        """What is highlighted in this cell's text (Python string positions)."""
        text, key = self._cell(index.row(), index.column())
        return self._spans(one_line(text), key)

    def _spans(self, text: str, key: str | None) -> list[Span]:
        if self._highlighter is None or key is None or not text:
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
        text, key = self._cell(index.row(), index.column())
        text = one_line(text)
        opt = QStyleOptionViewItem(option)
        opt.index = index
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        spans = self._spans(text, key)
        if text:
            opt.features |= _HAS_DISPLAY
        if not spans:
            opt.text = text
            style.drawControl(_ITEM, opt, painter, widget)
            return
        # The style draws background, focus and selection (HasDisplay set, no text); the
        # text and its marks are drawn here.
        style.drawControl(_ITEM, opt, painter, widget)
        cell = opt.rect
        left, top, right, bottom = self._text_insets(style, opt, widget, cell)
        rect = QRectF(cell.adjusted(left, top, right, bottom))
        metrics = self._font_metrics(opt.font)

        # Marks behind the text, then the text drawn once: a QTextLayout with format
        # ranges did the same at several times the cost, on every cell of every keystroke.
        shown = metrics.elidedText(text, _ELIDE, rect.width())
        visible = len(shown) if shown == text else max(0, len(shown) - 1)  # before the "…"
        height = metrics.height()
        mark_top = rect.top() + (rect.height() - height) / 2
        palette = opt.palette
        background = self._background(palette)
        marks = []
        for start, end in spans:
            if start >= visible:
                break
            x = metrics.horizontalAdvance(text[:start])
            width = metrics.horizontalAdvance(text[start:min(end, visible)])
            marks.append(QRectF(rect.left() + x, mark_top, width, height))
            painter.fillRect(marks[-1], background)
        selected = bool(opt.state & _SELECTED)
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(palette.color(_SELECTED_TEXT_ROLE if selected else _TEXT_ROLE))
        painter.drawText(rect, _ALIGN, shown)
        if selected:  # selection text (white) on a light mark: redraw the marked part dark
            painter.setPen(palette.color(_TEXT_ROLE))
            for mark in marks:
                painter.setClipRect(mark)
                painter.drawText(rect, _ALIGN, shown)
        painter.restore()

    def _text_insets(self, style: QStyle, opt: QStyleOptionViewItem, widget: Any,
                     cell: QRect) -> tuple[int, int, int, int]:
        """How far in from the cell's edges its text goes: the style's text rectangle
        less the margin it keeps, as the style itself draws a cell's text."""
        size = (cell.width(), cell.height(), id(style))
        insets = self._insets.get(size)
        if insets is None:
            opt.text = "x"  # the rectangle is that of a cell that shows text
            text = style.subElementRect(_TEXT_RECT, opt, widget)
            opt.text = ""
            margin = style.pixelMetric(_FOCUS_MARGIN, None, widget) + 1
            if len(self._insets) > 256:
                self._insets.clear()
            insets = self._insets[size] = (
                text.left() - cell.left() + margin, text.top() - cell.top(),
                text.right() - cell.right() - margin, text.bottom() - cell.bottom())
        return insets

    def _font_metrics(self, font: QFont) -> QFontMetricsF:
        if self._metrics is None or font != self._font:
            self._font, self._metrics = QFont(font), QFontMetricsF(font)
        return self._metrics

    def _background(self, palette: QPalette) -> QColor:
        key = palette.cacheKey()
        if self._colours is None or self._colours[0] != key:
            self._colours = (key, theme.search_background(palette))
        return self._colours[1]
