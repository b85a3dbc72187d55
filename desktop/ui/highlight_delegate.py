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
The models here answer none of the other six.

The style draws each cell's background, selection and focus; the text is drawn here, as
the style would place it, from a QStaticText kept per text and width. The style lays the
text out afresh (QTextLayout, elision) for every cell of every paint, three quarters of
a plain cell's cost; the same names, countries and roles come back keystroke after
keystroke, and a prepared text draws at a fifth of that. A text seen once is drawn
directly and prepared only when it comes back, so a screen of new text costs no more
than the style's own drawing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QStaticText,
    QTextLayout,
    QTransform,
)
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from . import theme

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..core.highlight import Highlighter

Span = tuple[int, int]
Cell = tuple[str, str | None]  # the text a cell shows, and the field it shows (see above)
_Index = QModelIndex | QPersistentModelIndex

_HAS_DISPLAY = QStyleOptionViewItem.ViewItemFeature.HasDisplay
_ITEM = QStyle.ControlElement.CE_ItemViewItem
_TEXT_RECT = QStyle.SubElement.SE_ItemViewItemText
_FOCUS_MARGIN = QStyle.PixelMetric.PM_FocusFrameHMargin
_ELIDE = Qt.TextElideMode.ElideRight
_PLAIN = Qt.TextFormat.PlainText
# The state bits the text's colour depends on, as plain ints: a test of Qt's flag enums
# is a trip through Python's enum machinery, and every cell tests them.
_SELECTED = QStyle.StateFlag.State_Selected.value
_ENABLED = QStyle.StateFlag.State_Enabled.value
_ACTIVE = QStyle.StateFlag.State_Active.value
_COLOUR_STATE = _SELECTED | _ENABLED | _ACTIVE
_LIMIT = 4096  # marks kept per view and search; a screen shows a few hundred cells
# Laid-out texts kept per view: ~2.4 KB each (measured), so at most ~5 MB a list, and
# still ten screens of texts to come back to.
_TEXTS_LIMIT = 2000


def one_line(text: str) -> str:
    """A cell shows one line: line breaks become spaces (isprintable() is False for
    every character splitlines() breaks at, and is a quick check in C)."""
    return text if text.isprintable() else " ".join(text.splitlines())


class HighlightDelegate(QStyledItemDelegate):
    def __init__(self, cell: Callable[[int, int], Cell], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cell = cell
        self._highlighter: Highlighter | None = None  # of the current query
        self._spans_of: dict[Cell, list[Span]] = {}
        # the search before
        self._before: tuple[Highlighter | None, dict[Cell, list[Span]]] = (None, {})
        # What drawing a cell's text needs beyond the text, the same for every cell of a
        # view until its style, font or palette changes: asking the style for each cell
        # cost more than drawing it.
        self._font: QFont | None = None
        self._metrics = QFontMetricsF(QFont())
        self._line = (0.0, 0.0)  # a line's height and ascent, as Qt lays the text out
        self._places: dict[tuple[int, int, int], tuple[int, int, float]] = {}
        self._colours: dict[tuple[int, int, bool], QColor] = {}
        self._mark_colour: tuple[int | None, QColor] = (None, QColor())  # palette's key
        # (text, width) -> the text as shown (elided to the width) and how many of its
        # characters that keeps, with its QStaticText once it has been drawn twice.
        self._texts: dict[tuple[str, float], _Shown] = {}

    def set_highlighter(self, highlighter: Highlighter | None) -> None:
        self._before = (self._highlighter, self._spans_of)
        self._highlighter = highlighter
        self._spans_of = {}

    def marks_changed(self, text: str, key: str | None) -> bool:
        """Does a cell showing ``text`` (of field ``key``) look different for this search
        than for the one before?"""
        text = one_line(text)
        return _spans(*self._before, text, key) != self._spans(text, key)

    def spans(self, index: _Index) -> list[Span]:
        """What is highlighted in this cell's text (Python string positions)."""
        text, key = self._cell(index.row(), index.column())
        return self._spans(one_line(text), key)

    def _spans(self, text: str, key: str | None) -> list[Span]:
        return _spans(self._highlighter, self._spans_of, text, key)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: _Index) -> None:
        widget = option.widget
        style = widget.style() if widget is not None else QApplication.style()
        # Background, alternate rows, selection and focus: the option as the view made
        # it, with no text.
        style.drawControl(_ITEM, option, painter, widget)
        text, key = self._cell(index.row(), index.column())
        if not text:
            return
        text = one_line(text)
        font = option.font
        if font != self._font:
            self._restyle(font)
        cell = option.rect
        left, top, width = self._place(style, option, widget, cell)
        shown = self._texts.get((text, width))
        if shown is None:
            shown = self._shown(text, width)
        x, y = cell.left() + left, cell.top() + top
        palette = option.palette
        state = option.state.value & _COLOUR_STATE
        spans = self._spans(text, key)
        painter.save()
        marks = self._mark(painter, palette, text, spans, shown, x, y) if spans else ()
        painter.setPen(self._colour(palette, state, selected_text=True))
        shown.draw(painter, x, y, self._line[1], font)
        if marks and state & _SELECTED:
            # Selection text (white) on a light mark: the marked part again, dark.
            painter.setPen(self._colour(palette, state, selected_text=False))
            for mark in marks:
                painter.setClipRect(mark)
                shown.draw(painter, x, y, self._line[1], font)
        painter.restore()

    # --- what every cell shares -------------------------------------------------------

    def _restyle(self, font: QFont) -> None:
        self._font, self._metrics = QFont(font), QFontMetricsF(font)
        # A laid-out line is whole pixels high (15.1 px of font make a 16 px line): the
        # style centres that, so the text is placed from it, not from the metrics.
        layout = QTextLayout("x", font)
        layout.beginLayout()
        line = layout.createLine()
        layout.endLayout()
        self._line = (line.height(), line.ascent())
        self._places.clear()
        self._texts.clear()

    def _place(self, style: QStyle, option: QStyleOptionViewItem, widget: QWidget | None,
               cell: QRect) -> tuple[int, int, float]:
        """Where a cell's line of text goes (left and top, from the cell's corner) and
        how wide it may be: as QCommonStyle places it (its text rectangle, less the
        margin it keeps, the line centred as QStyle.alignedRect does, halving each
        height apart), so cells look exactly as Qt's own delegate draws them."""
        size = (cell.width(), cell.height(), id(style))
        place = self._places.get(size)
        if place is None:
            opt = QStyleOptionViewItem(option)
            opt.features |= _HAS_DISPLAY
            opt.text = "x"  # the rectangle of a cell that shows text
            rect = style.subElementRect(_TEXT_RECT, opt, widget)
            margin = style.pixelMetric(_FOCUS_MARGIN, None, widget) + 1
            line = int(self._line[0] + 0.5)  # qRound, as QSizeF.toSize()
            if len(self._places) > 256:
                self._places.clear()
            place = self._places[size] = (
                rect.left() - cell.left() + margin,
                rect.top() - cell.top() + rect.height() // 2 - line // 2,
                float(rect.width() - 2 * margin))
        return place

    def _colour(self, palette: QPalette, state: int, *, selected_text: bool) -> QColor:
        """The text's colour as the style picks it: the palette's group for an enabled,
        inactive or disabled item, its selected-text colour on a selected row."""
        key = (palette.cacheKey(), state, selected_text)
        colour = self._colours.get(key)
        if colour is None:
            group = (QPalette.ColorGroup.Disabled if not state & _ENABLED
                     else QPalette.ColorGroup.Normal if state & _ACTIVE
                     else QPalette.ColorGroup.Inactive)
            role = (QPalette.ColorRole.HighlightedText if selected_text and state & _SELECTED
                    else QPalette.ColorRole.Text)
            if len(self._colours) > 64:
                self._colours.clear()
            colour = self._colours[key] = palette.color(group, role)
        return colour

    def _shown(self, text: str, width: float) -> _Shown:
        if len(self._texts) > _TEXTS_LIMIT:
            self._texts.clear()
        metrics = self._metrics
        if metrics.horizontalAdvance(text) <= width:
            shown = _Shown(text, len(text))
        else:
            elided = metrics.elidedText(text, _ELIDE, width)
            shown = _Shown(elided, max(0, len(elided) - 1))  # the characters before "…"
        self._texts[text, width] = shown
        return shown

    def _mark(self, painter: QPainter, palette: QPalette, text: str, spans: list[Span],
              shown: _Shown, x: float, y: float) -> list[QRectF]:
        """Fill the marks of ``spans`` behind where ``text`` goes; their rectangles."""
        metrics = self._metrics
        height = self._line[0]
        key = palette.cacheKey()
        if self._mark_colour[0] != key:
            self._mark_colour = (key, theme.search_background(palette))
        background = self._mark_colour[1]
        marks = []
        for start, end in spans:
            if start >= shown.visible:
                break
            left = metrics.horizontalAdvance(text[:start])
            width = metrics.horizontalAdvance(text[start:min(end, shown.visible)])
            marks.append(QRectF(x + left, y, width, height))
            painter.fillRect(marks[-1], background)
        return marks


def _spans(highlighter: Highlighter | None, kept: dict[Cell, list[Span]], text: str,
           key: str | None) -> list[Span]:
    """What ``highlighter`` (None: no search) marks in a cell's text, kept in ``kept``:
    columns repeat their values (countries, roles, statuses) down the screen, and a
    repaint (hover, scroll) shows the same cells again, so each is folded once a query."""
    if highlighter is None or key is None or not text:
        return []
    spans = kept.get((text, key))
    if spans is None:
        if len(kept) > _LIMIT:
            kept.clear()
        spans = kept[text, key] = highlighter.spans(text, key or None)
    return spans


class _Shown:
    """One cell text as drawn: directly the first time it is seen, from a QStaticText
    (its layout kept) when it comes back, as most texts on screen do at the next
    keystroke."""

    __slots__ = ("seen", "static", "text", "visible")

    def __init__(self, text: str, visible: int) -> None:
        self.text = text
        self.visible = visible  # characters of the whole text shown before any "…"
        self.seen = False
        self.static: QStaticText | None = None

    def draw(self, painter: QPainter, x: float, y: float, ascent: float,
             font: QFont) -> None:
        painter.setFont(font)
        static = self.static
        if static is None:
            if not self.seen:
                self.seen = True
                painter.drawText(QPointF(x, y + ascent), self.text)
                return
            static = self.static = QStaticText(self.text)
            static.setTextFormat(_PLAIN)
            static.prepare(_IDENTITY, font)
        painter.drawStaticText(QPointF(x, y), static)


_IDENTITY = QTransform()
