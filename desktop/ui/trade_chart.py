"""A bar chart of comparable trade figures, drawn with QPainter.

Stated figures are solid; derived ones are hatched with a dashed outline and their
arithmetic is written under the chart, so a reader never mistakes one for the other.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.model import TradeStatistic
from ..present.figures import Bar, Group, chart_groups
from . import theme
from .entry_chart import EntryChart

if TYPE_CHECKING:
    from ..core.origins import BriefingMarks

_MARGIN = 12.0
_CHANGE_COLOURS = {"increase": QColor("#2e9d4f"), "decrease": QColor("#c03030")}


class TradeChart(EntryChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tradeChart")
        self.setAccessibleName("Trade figures chart")
        self.setMinimumHeight(220)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._groups: list[Group] = []
        self._hit: list[tuple[QRectF, int]] = []

    def set_entries(self, stats: Sequence[TradeStatistic],
                    marks: BriefingMarks | None = None) -> None:
        self._groups = chart_groups(stats, marks)
        self.setAccessibleDescription(self.summary())
        self.update()

    def groups(self) -> list[Group]:
        return self._groups

    def summary(self) -> str:
        """The chart in words, for screen readers."""
        parts = []
        for group in self._groups:
            bars = "; ".join(f"{b.label}: {b.value_text}" + (" (derived)" if b.derived else "")
                             for b in group.bars)
            parts.append(f"{group.title}: {bars}")
        return ". ".join(parts) or "No figures to chart."

    # --- drawing -------------------------------------------------------------------------

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text_colour = palette.color(palette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(palette.ColorRole.Base))
        self._hit = []
        if not self._groups:
            painter.setPen(text_colour)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                             "No figures with values to chart.")
            return
        notes = [f"{bar.label}: {bar.derived}" for g in self._groups for bar in g.bars
                 if bar.derived]
        small = QFont(self.font())
        small.setPointSizeF(self.font().pointSizeF() * 0.9)
        note_height = (QFontMetricsF(small).height() * (len(notes) + 1) + 6) if notes else 0
        area = QRectF(self.rect()).adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN - note_height)
        width = area.width() / len(self._groups)
        for number, group in enumerate(self._groups):
            panel = QRectF(area.left() + number * width, area.top(), width - _MARGIN,
                           area.height())
            self._draw_group(painter, panel, group, text_colour)
        if notes:
            self._draw_notes(painter, small, notes, text_colour, area.bottom() + 6)

    def _draw_group(self, painter: QPainter, panel: QRectF, group: Group,
                    text_colour: QColor) -> None:
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        bold = QFont(self.font())
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        painter.drawText(QRectF(panel.left(), panel.top(), panel.width(), line),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetricsF(bold).elidedText(group.title,
                                                        Qt.TextElideMode.ElideRight,
                                                        panel.width()))
        painter.setFont(self.font())
        labels_height = line * 2 + 4
        plot = QRectF(panel.left(), panel.top() + line * 3.6, panel.width(),
                      panel.height() - line * 3.6 - labels_height)
        if plot.height() < line:
            return
        top = max(bar.value for bar in group.bars) or 1.0
        slot = min(plot.width() / len(group.bars), 240.0)
        used = slot * len(group.bars)
        plot = QRectF(plot.left() + (plot.width() - used) / 2, plot.top(), used, plot.height())
        bar_width = min(slot * 0.6, 120.0)
        axis = QColor(text_colour)
        axis.setAlphaF(0.4)
        painter.setPen(QPen(axis, 1))
        painter.drawLine(QPointF(plot.left() - 10, plot.bottom()),
                         QPointF(plot.right() + 10, plot.bottom()))
        for i, bar in enumerate(group.bars):
            height = max(0.0, bar.value / top) * plot.height()
            x = plot.left() + slot * i + (slot - bar_width) / 2
            rect = QRectF(x, plot.bottom() - height, bar_width, height)
            self._draw_bar(painter, rect, bar)
            self._hit.append((QRectF(plot.left() + slot * i, plot.top() - line * 2, slot,
                                     plot.height() + line * 2 + labels_height),
                              bar.entry_index))
            painter.setPen(text_colour)
            value_text = bar.value_text + (" (derived)" if bar.derived else "")
            painter.drawText(QRectF(plot.left() + slot * i, rect.top() - line - 2, slot, line),
                             Qt.AlignmentFlag.AlignCenter,
                             metrics.elidedText(value_text, Qt.TextElideMode.ElideRight, slot))
            if bar.change_text:
                painter.setPen(_CHANGE_COLOURS.get(bar.direction or "", text_colour))
                painter.drawText(QRectF(plot.left() + slot * i, rect.top() - 2 * line - 2,
                                        slot, line), Qt.AlignmentFlag.AlignCenter,
                                 metrics.elidedText(bar.change_text,
                                                    Qt.TextElideMode.ElideRight, slot))
            painter.setPen(text_colour)
            for n, caption in enumerate((bar.label, bar.sublabel)):
                painter.drawText(QRectF(plot.left() + slot * i + 2, plot.bottom() + 4 + n * line,
                                        slot - 4, line), Qt.AlignmentFlag.AlignCenter,
                                 metrics.elidedText(caption, Qt.TextElideMode.ElideMiddle,
                                                    slot - 4))

    def _draw_bar(self, painter: QPainter, rect: QRectF, bar: Bar) -> None:
        palette = self.palette()
        if bar.derived:
            colour = theme.derived_bar(palette)
            fill = QColor(colour)
            fill.setAlphaF(0.25)
            painter.fillRect(rect, fill)
            painter.fillRect(rect, QBrush(colour, Qt.BrushStyle.BDiagPattern))
            painter.setPen(QPen(colour, 1.5, Qt.PenStyle.DashLine))
        else:
            colour = theme.stated_bar(palette)
            painter.fillRect(rect, colour)
            painter.setPen(QPen(colour.darker(130), 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRect(rect)
        if bar.entry_index == self._selected:
            painter.setPen(QPen(palette.color(palette.ColorRole.Highlight), 3))
            painter.drawRect(rect.adjusted(-3, -3, 3, 3))

    def _draw_notes(self, painter: QPainter, font: QFont, notes: list[str],
                    text_colour: QColor, top: float) -> None:
        painter.setFont(font)
        metrics = QFontMetricsF(font)
        line = metrics.height()
        colour = theme.derived_bar(self.palette())
        swatch = QRectF(_MARGIN, top + 3, line - 6, line - 6)
        painter.fillRect(swatch, QBrush(colour, Qt.BrushStyle.BDiagPattern))
        painter.setPen(QPen(colour, 1, Qt.PenStyle.DashLine))
        painter.drawRect(swatch)
        painter.setPen(text_colour)
        painter.drawText(QPointF(_MARGIN + line, top + metrics.ascent()),
                         "Hatched bars are derived, not stated in the article; their arithmetic:")
        for n, note in enumerate(notes, 1):
            painter.drawText(QPointF(_MARGIN + line, top + n * line + metrics.ascent()),
                             metrics.elidedText(note, Qt.TextElideMode.ElideRight,
                                                self.width() - 3 * _MARGIN - line))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for rect, entry_index in self._hit:
            if rect.contains(event.position()):
                self.entry_clicked.emit(entry_index)
                return
        super().mousePressEvent(event)
