"""The trade chart, drawn with QPainter: vector graphics in the PDF and in print preview.

The document holds an empty paragraph of the chart's height where the chart goes (a text
object would do the same, but inserting one into a laid-out document lays much of it
out again); the page painter draws the chart over that paragraph."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFontMetricsF,
    QPainter,
    QPen,
)

from ..present.figures import Bar, Group
from .qtapp import painter_font
from .sections import CHART_ROW_PT

BAR = QColor("#2f5d8f")
DERIVED = QColor("#c07a1a")
RULE = QColor("#c9d1db")
LABEL = QColor("#333b45")


def draw_chart(painter: QPainter, rect: QRectF, chart: Group, dpi: float) -> None:
    """Horizontal bars, one per figure, labelled on the left with the value at the end."""
    pt = dpi / 72.0  # device pixels per point
    row = CHART_ROW_PT * pt
    font = painter_font(painter, 7.5)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    label_w = min(rect.width() * 0.38, max(metrics.horizontalAdvance(b.caption)
                                           for b in chart.bars) + 8 * pt)
    value_w = max(metrics.horizontalAdvance(_tag(b)) for b in chart.bars) + 12 * pt
    x0 = rect.left() + label_w
    span = max(rect.width() - label_w - value_w, 10 * pt)
    top = max(max(b.value for b in chart.bars), 0.0)
    low = min(min(b.value for b in chart.bars), 0.0)
    scale = span / ((top - low) or 1.0)
    zero = x0 + (-low) * scale
    for i, bar in enumerate(chart.bars):
        y = rect.top() + 4 * pt + i * row
        text_rect = QRectF(rect.left(), y, label_w - 6 * pt, row)
        painter.setPen(LABEL)
        label = metrics.elidedText(bar.caption, Qt.TextElideMode.ElideRight, text_rect.width())
        painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         label)
        left, right = sorted((zero, zero + bar.value * scale))
        box = QRectF(left, y + 3 * pt, max(right - left, 0.6 * pt), row - 6 * pt)
        colour = DERIVED if bar.derived else BAR
        painter.setPen(Qt.PenStyle.NoPen)
        if bar.derived:  # hatched over a light fill: derived at a glance, also in grey
            painter.setBrush(QBrush(colour.lighter(170)))
            painter.drawRect(box)
            painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
        else:
            painter.setBrush(colour)
        painter.drawRect(box)
        painter.setPen(LABEL)
        painter.drawText(QRectF(right + 4 * pt, y, value_w, row),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, _tag(bar))
    axis_bottom = rect.top() + 4 * pt + len(chart.bars) * row
    painter.setPen(QPen(RULE, 0.8 * pt))
    painter.drawLine(QPointF(zero, rect.top() + 2 * pt), QPointF(zero, axis_bottom))
    painter.restore()


def _tag(bar: Bar) -> str:
    return f"{bar.value_text} (derived)" if bar.derived else bar.value_text
