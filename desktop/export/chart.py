"""The trade chart as a text object: the document lays it out like a character and it
draws itself with QPainter, so it is vector graphics in the PDF and in print preview."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPen,
    QPyTextObject,
    QTextDocument,
    QTextFormat,
)

from .content import Bar, Chart
from .qtapp import BODY_FAMILY

CHART_OBJECT = QTextFormat.ObjectTypes.UserObject + 1
BAR = QColor("#2f5d8f")
DERIVED = QColor("#c07a1a")
RULE = QColor("#c9d1db")
LABEL = QColor("#333b45")


class ChartObject(QPyTextObject):
    """Horizontal bars, one per figure, labelled on the left with the value at the end."""

    def __init__(self, chart: Chart, dpi: float, width: float) -> None:
        super().__init__()
        self.chart = chart
        self.pt = dpi / 72.0  # device pixels per point
        self.width = width
        self.font = QFont(BODY_FAMILY)
        self.font.setPointSizeF(7.5)

    def row_height(self) -> float:
        return 15 * self.pt

    def intrinsicSize(self, doc: QTextDocument, pos: int, fmt: QTextFormat) -> QSizeF:
        return QSizeF(self.width, self.row_height() * len(self.chart.bars) + 14 * self.pt)

    def drawObject(self, painter: QPainter, rect: QRectF, doc: QTextDocument, pos: int,
                   fmt: QTextFormat) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setFont(self.font)
        metrics = QFontMetricsF(self.font, painter.device())
        pt, row = self.pt, self.row_height()
        label_w = min(rect.width() * 0.38, max(metrics.horizontalAdvance(b.label)
                                               for b in self.chart.bars) + 8 * pt)
        value_w = max(metrics.horizontalAdvance(_tag(b)) for b in self.chart.bars) + 12 * pt
        x0 = rect.left() + label_w
        span = max(rect.width() - label_w - value_w, 10 * pt)
        top = max(max(b.value for b in self.chart.bars), 0.0)
        low = min(min(b.value for b in self.chart.bars), 0.0)
        scale = span / ((top - low) or 1.0)
        zero = x0 + (-low) * scale
        for i, bar in enumerate(self.chart.bars):
            y = rect.top() + 4 * pt + i * row
            text_rect = QRectF(rect.left(), y, label_w - 6 * pt, row)
            painter.setPen(LABEL)
            label = metrics.elidedText(bar.label, Qt.TextElideMode.ElideRight,
                                       text_rect.width())
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignRight
                             | Qt.AlignmentFlag.AlignVCenter, label)
            left, right = sorted((zero, zero + bar.value * scale))
            box = QRectF(left, y + 3 * pt, max(right - left, 0.6 * pt), row - 6 * pt)
            colour = DERIVED if bar.derived else BAR
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(colour)
            if bar.derived:
                painter.setBrush(QBrush(colour.lighter(170)))
                painter.drawRect(box)
                painter.setBrush(QBrush(colour, Qt.BrushStyle.BDiagPattern))
            painter.drawRect(box)
            painter.setPen(LABEL)
            painter.drawText(QRectF(right + 4 * pt, y, value_w, row),
                             Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             _tag(bar))
        axis_bottom = rect.top() + 4 * pt + len(self.chart.bars) * row
        painter.setPen(QPen(RULE, 0.8 * pt))
        painter.drawLine(QPointF(zero, rect.top() + 2 * pt), QPointF(zero, axis_bottom))
        painter.restore()


def _tag(bar: Bar) -> str:
    return f"{bar.text} (derived)" if bar.derived else bar.text
