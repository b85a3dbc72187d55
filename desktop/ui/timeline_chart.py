"""The timeline drawn with QPainter: events in date order along a time axis.

Up to ``MAX_ROWS`` events each get a row (a dot for a day, a bar for a period, and the
title beside it); more than that are drawn as a histogram of events per year or month,
with the selected event marked, so the drawing costs the same for 9 or 50,000 events.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetricsF, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..core.longtext import clipped
from ..core.model import Event
from ..present import dates
from ..present.readings import SIGNS, origin_at
from . import theme
from .entry_chart import EntryChart

if TYPE_CHECKING:
    from ..core.origins import BriefingMarks

MAX_ROWS = 30
_MARGIN = 12.0


@dataclass(frozen=True, slots=True)
class _Item:
    entry_index: int
    start: int  # proleptic ordinal of the first day
    end: int  # ordinal of the day after the last
    title: str
    date: str  # as written in the briefing; made readable only when drawn
    sign: str = ""  # after the date: inferred or added (present/readings.py)

    def when(self) -> str:
        return dates.readable(self.date) + (f" {self.sign}" if self.sign else "")


def _ticks(first: int, last: int) -> list[datetime.date]:
    """January the first of every year (or every few years) between two ordinals."""
    start = datetime.date.fromordinal(first).year
    end = datetime.date.fromordinal(last).year + 1
    step = max(1, (end - start) // 10)
    return [datetime.date(y, 1, 1) for y in range(start, end + 1, step)]


class TimelineChart(EntryChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineChart")
        self.setAccessibleName("Timeline chart")
        self.setMinimumHeight(200)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self._items: list[_Item] = []
        self._rows: list[tuple[QRectF, int]] = []
        self._buckets: dict[datetime.date, int] = {}
        self._by_month = False

    def set_entries(self, events: Sequence[Event], marks: BriefingMarks | None = None
                    ) -> None:
        items = []
        for index, event in enumerate(events):
            span = dates.date_range(event.date)
            if span is not None:
                origin = (origin_at(marks.of(event), ("date",)) if marks is not None
                          else None)
                items.append(_Item(index, span[0].toordinal(), span[1].toordinal() + 1,
                                   event.title, event.date, SIGNS[origin.kind] if origin
                                   else ""))
        items.sort(key=lambda item: (item.start, item.end, item.entry_index))
        self._items = items
        self._buckets = self._count_buckets(items) if len(items) > MAX_ROWS else {}
        first = dates.readable(items[0].date) if items else ""
        last = dates.readable(items[-1].date) if items else ""
        self.setAccessibleDescription(
            f"{len(items)} events from {first} to {last}" if items else "No dated events.")
        self.updateGeometry()
        self.update()

    def is_histogram(self) -> bool:
        return len(self._items) > MAX_ROWS

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(palette.ColorRole.WindowText)
        painter.fillRect(self.rect(), palette.color(palette.ColorRole.Base))
        self._rows = []
        if not self._items:
            painter.setPen(text)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, "No dated events.")
            return
        metrics = QFontMetricsF(self.font())
        line = metrics.height()
        first = min(i.start for i in self._items)
        last = max(i.end for i in self._items)
        pad = max(30, (last - first) // 20)
        first, last = first - pad, last + pad
        plot = QRectF(self.rect()).adjusted(_MARGIN, _MARGIN, -_MARGIN, -_MARGIN - line - 8)

        def x_of(ordinal: float) -> float:
            return plot.left() + (ordinal - first) / (last - first) * plot.width()

        self._draw_axis(painter, plot, first, last, x_of, text, line)
        if self.is_histogram():
            self._draw_histogram(painter, plot, x_of, text)
        else:
            self._draw_rows(painter, plot, x_of, text, metrics)

    def _draw_axis(self, painter: QPainter, plot: QRectF, first: int, last: int, x_of,
                   text: QColor, line: float) -> None:
        faint = QColor(text)
        faint.setAlphaF(0.15)
        axis = QColor(text)
        axis.setAlphaF(0.5)
        for tick in _ticks(first, last):
            x = x_of(tick.toordinal())
            if not plot.left() <= x <= plot.right():
                continue
            painter.setPen(QPen(faint, 1))
            painter.drawLine(QPointF(x, plot.top()), QPointF(x, plot.bottom()))
            painter.setPen(text)
            painter.drawText(QRectF(x - 40, plot.bottom() + 6, 80, line),
                             Qt.AlignmentFlag.AlignCenter, str(tick.year))
        painter.setPen(QPen(axis, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), QPointF(plot.right(), plot.bottom()))

    def _draw_rows(self, painter: QPainter, plot: QRectF, x_of, text: QColor,
                   metrics: QFontMetricsF) -> None:
        palette = self.palette()
        colour = theme.stated_bar(palette)
        highlight = palette.color(palette.ColorRole.Highlight)
        row_height = min(plot.height() / len(self._items), metrics.height() * 1.6)
        for row, item in enumerate(self._items):
            y = plot.top() + row * row_height + row_height / 2
            x0, x1 = x_of(item.start), max(x_of(item.end), x_of(item.start) + 8)
            selected = item.entry_index == self._selected
            row_rect = QRectF(plot.left(), y - row_height / 2, plot.width(), row_height)
            self._rows.append((row_rect, item.entry_index))
            if selected:
                band = QColor(highlight)
                band.setAlphaF(0.2)
                painter.fillRect(row_rect, band)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(highlight if selected else colour)
            radius = min(5.0, row_height / 3)
            if item.end - item.start <= 1:
                painter.drawEllipse(QPointF(x0 + 4, y), radius, radius)
            else:
                painter.drawRoundedRect(QRectF(x0, y - radius, x1 - x0, 2 * radius), radius,
                                        radius)
            label = clipped(f"{item.when()}  {item.title}")
            room_right = plot.right() - x1 - 8
            room_left = x0 - plot.left() - 8
            painter.setPen(text)
            if room_right >= min(metrics.horizontalAdvance(label), 240) or room_right >= room_left:
                rect = QRectF(x1 + 8, y - row_height / 2, room_right, row_height)
                align = Qt.AlignmentFlag.AlignLeft
            else:
                rect = QRectF(plot.left(), y - row_height / 2, room_left, row_height)
                align = Qt.AlignmentFlag.AlignRight
            painter.drawText(rect, align | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(label, Qt.TextElideMode.ElideRight, rect.width()))

    def _count_buckets(self, items: list[_Item]) -> dict[datetime.date, int]:
        """Events per month (spans under three years) or per year, counted once."""
        self._by_month = items[-1].start - items[0].start < 3 * 366
        by_month = self._by_month

        def bucket(ordinal: int) -> datetime.date:
            day = datetime.date.fromordinal(ordinal)
            return datetime.date(day.year, day.month if by_month else 1, 1)

        return dict(Counter(bucket(item.start) for item in items))

    def _draw_histogram(self, painter: QPainter, plot: QRectF, x_of, text: QColor) -> None:
        by_month = self._by_month
        counts = self._buckets
        top = max(counts.values())
        colour = theme.stated_bar(self.palette())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        for start, count in counts.items():
            end = (datetime.date(start.year + (start.month == 12), start.month % 12 + 1, 1)
                   if by_month else datetime.date(start.year + 1, 1, 1))
            x0, x1 = x_of(start.toordinal()), x_of(end.toordinal())
            height = count / top * (plot.height() - 30)
            painter.drawRect(QRectF(x0 + 1, plot.bottom() - height, max(1.0, x1 - x0 - 2),
                                    height))
        painter.setPen(text)
        painter.drawText(QRectF(plot.left(), plot.top(), plot.width(), 20),
                         Qt.AlignmentFlag.AlignLeft,
                         f"{len(self._items):,} events, per {'month' if by_month else 'year'}"
                         " (select one in the list to mark it)")
        chosen = next((i for i in self._items if i.entry_index == self._selected), None)
        if chosen is not None:
            x = x_of(chosen.start)
            mark = theme.derived_bar(self.palette())  # stands out against the bars
            painter.setPen(QPen(mark, 3))
            painter.drawLine(QPointF(x, plot.top() + 24), QPointF(x, plot.bottom()))
            painter.setPen(text)
            painter.drawText(QRectF(plot.left(), plot.top(), plot.width(), 20),
                             Qt.AlignmentFlag.AlignRight,
                             f"marked: {chosen.when()}  {chosen.title}")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        for rect, entry_index in self._rows:
            if rect.contains(event.position()):
                self.entry_clicked.emit(entry_index)
                return
        super().mousePressEvent(event)
