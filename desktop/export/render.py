"""Paint a briefing onto any paged device: a QPdfWriter for Export PDF and the CLI, a
QPrinter for Print and for QPrintPreviewDialog.paintRequested. One renderer for all three."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPen,
    QTextCharFormat,
    QTextDocument,
    QTextTable,
)

from ..core.model import Briefing
from .chart import CHART_OBJECT, ChartObject
from .content import STYLE_SHEET, Content, build_content
from .paginate import Geometry, Page, measure, paginate
from .qtapp import BODY_FAMILY, ensure_gui_app
from .text import OBJECT_MARK

# Page margins in millimetres; the running header and footer sit inside the top and bottom.
MARGINS_MM = QMarginsF(20, 24, 20, 22)
HEADER_FROM_TOP_MM = 13
FOOTER_FROM_BOTTOM_MM = 12
MM_PER_INCH = 25.4
RULE = QColor("#d5dbe3")
HEADER_RULE = QColor("#8795a8")
TABLE_GAP_PX = 16  # CSS pixels below every table
CHROME = QColor("#5a6472")


class RenderError(Exception):
    """The device refused to be painted on (for example a printer that failed to start)."""


@dataclass(frozen=True, slots=True)
class SectionMark:
    """Where a section starts, for the PDF outline: page index and top in points."""

    title: str
    anchor: str
    page: int
    top_pt: float


@dataclass(frozen=True, slots=True)
class RenderResult:
    page_count: int
    sections: tuple[SectionMark, ...]
    page_height_pt: float


def paint_briefing(device: QPagedPaintDevice, briefing: Briefing, article_text: str | None,
                   *, source_name: str | None = None, query_label: str | None = None,
                   generated: datetime | None = None) -> RenderResult:
    """Paint the whole briefing on ``device``, starting on its current page.

    ``generated`` is the date printed in the title block (default: now, UTC).
    """
    ensure_gui_app()
    generated = generated or datetime.now(UTC)
    source_name = source_name or briefing.briefing.article.path
    content = build_content(briefing, article_text, source_name=source_name,
                            generated=generated, query_label=query_label)
    dpi = float(device.logicalDpiY())
    frame = _Frame(device.pageLayout(), dpi)
    doc = _document(content, device, frame.body.width(), dpi)
    geometry = measure(doc, content.break_before, dpi / 96.0)
    pages = paginate(geometry, doc.documentLayout().documentSize().height(),
                     frame.body.height())
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError("the output device could not be opened for painting")
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        numbers = _contents_numbers(doc, content, geometry, pages)
        title = briefing.briefing.title
        for index, page in enumerate(pages):
            if index and not device.newPage():
                raise RenderError("the output device could not start a new page")
            _paint_page(painter, doc, frame, geometry, page, numbers)
            _paint_chrome(painter, frame, title, index, len(pages), dpi)
    finally:
        painter.end()
    marks = tuple(
        SectionMark(title=s.title, anchor=s.anchor,
                    page=_page_of(pages, geometry.anchors.get(s.anchor, 0.0)),
                    top_pt=frame.to_points(_page_y(pages, geometry.anchors.get(s.anchor, 0.0))))
        for s in content.sections)
    return RenderResult(page_count=len(pages), sections=marks,
                        page_height_pt=frame.full.height() * 72.0 / dpi)


class _Frame:
    """Page geometry in device pixels, in the painter's coordinates (which start at the
    device's paint rectangle: the page corner for our QPdfWriter, the printable area's
    corner for a QPrinter that is not in full-page mode)."""

    def __init__(self, page_layout: QPageLayout, dpi: float) -> None:
        self.dpi = dpi
        res = round(dpi)
        full = QRectF(page_layout.fullRectPixels(res))
        paint = QRectF(page_layout.paintRectPixels(res))
        self.full = full
        origin = paint.topLeft()
        mm = dpi / MM_PER_INCH
        self.page = full.translated(-origin)
        self.body = QRectF(self.page.left() + MARGINS_MM.left() * mm,
                           self.page.top() + MARGINS_MM.top() * mm,
                           full.width() - (MARGINS_MM.left() + MARGINS_MM.right()) * mm,
                           full.height() - (MARGINS_MM.top() + MARGINS_MM.bottom()) * mm)
        self.mm = mm

    def to_points(self, y_on_page: float) -> float:
        """A y in the body (device pixels from the body top) as PDF points from the bottom."""
        from_top = self.body.top() - self.page.top() + y_on_page
        return (self.full.height() - from_top) * 72.0 / self.dpi


def _document(content: Content, device: QPagedPaintDevice, width: float,
              dpi: float) -> QTextDocument:
    doc = QTextDocument()
    # Lay out with the device's own metrics, so what is measured is what gets printed.
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    font = QFont(BODY_FAMILY)
    font.setPointSizeF(9.5)
    doc.setDefaultFont(font)
    doc.setDefaultStyleSheet(STYLE_SHEET)
    doc.setUndoRedoEnabled(False)
    doc.setHtml(content.html)
    if content.chart is not None:
        handler = ChartObject(content.chart, dpi, width * 0.96)
        handler.setParent(doc)  # the layout keeps no reference of its own
        doc.documentLayout().registerHandler(CHART_OBJECT, handler)
        cursor = doc.find(OBJECT_MARK)
        if not cursor.isNull():
            fmt = QTextCharFormat()
            fmt.setObjectType(CHART_OBJECT)
            cursor.insertText(OBJECT_MARK, fmt)
    for table in doc.rootFrame().childFrames():
        # A block after a table loses its top margin, so the table carries the gap.
        if isinstance(table, QTextTable):
            fmt = table.format()
            fmt.setBottomMargin(TABLE_GAP_PX)
            table.setFormat(fmt)
    # Only now, with every edit made: an edit after layout re-lays out part of the
    # document and leaves the positions of later blocks stale.
    doc.setTextWidth(width)
    return doc


def _paint_page(painter: QPainter, doc: QTextDocument, frame: _Frame, geometry: Geometry,
                page: Page, numbers: list[tuple[float, QRectF, str]]) -> None:
    painter.save()
    painter.translate(frame.body.topLeft())
    offset = 0.0
    if page.header is not None:
        head = page.header
        _paint_slice(painter, doc, frame, head.top, head.header_bottom, 0.0)
        offset = head.header_bottom - head.top
        _rule(painter, frame, offset, HEADER_RULE, 0.8)
    _paint_slice(painter, doc, frame, page.top, page.bottom, offset)
    shift = offset - page.top
    for table in geometry.tables:
        if table.bottom < page.top or table.top > page.bottom or not table.has_header:
            continue
        for y in (*table.row_tops[1:], table.bottom):
            if page.top + 0.5 < y <= page.bottom + 0.5:
                strong = abs(y - table.header_bottom) < 0.5
                _rule(painter, frame, y + shift, HEADER_RULE if strong else RULE,
                      0.8 if strong else 0.5)
    font = QFont(BODY_FAMILY)
    font.setPointSizeF(9.5)
    painter.setFont(font)
    painter.setPen(QColor("#1b1f24"))
    for baseline, rect, text in numbers:
        if page.top <= baseline < page.bottom:
            painter.drawText(QRectF(rect.left(), rect.top() + shift, rect.width(),
                                    rect.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, text)
    painter.restore()


def _paint_slice(painter: QPainter, doc: QTextDocument, frame: _Frame, top: float,
                 bottom: float, at: float) -> None:
    painter.save()
    painter.translate(0, at - top)
    painter.setClipRect(QRectF(-frame.mm, top, frame.body.width() + 2 * frame.mm,
                               bottom - top))
    context = QAbstractTextDocumentLayout.PaintContext()
    # Half a pixel inside the cut, so a line that starts exactly at the cut is drawn on
    # one page only (and its text is extracted once).
    context.clip = QRectF(0, top + 0.5, frame.body.width(), max(bottom - top - 1.0, 0.0))
    doc.documentLayout().draw(painter, context)
    painter.restore()


def _rule(painter: QPainter, frame: _Frame, y: float, colour: QColor, width_pt: float) -> None:
    painter.setPen(QPen(colour, width_pt * frame.dpi / 72.0))
    painter.drawLine(QPointF(0, y), QPointF(frame.body.width(), y))


def _paint_chrome(painter: QPainter, frame: _Frame, title: str, index: int, count: int,
                  dpi: float) -> None:
    painter.save()
    font = QFont(BODY_FAMILY)
    font.setPointSizeF(7.5)
    painter.setFont(font)
    metrics = QFontMetricsF(font, painter.device())
    left, width = frame.body.left(), frame.body.width()
    pt = dpi / 72.0
    if index > 0:
        base = frame.page.top() + HEADER_FROM_TOP_MM * frame.mm
        painter.setPen(CHROME)
        painter.drawText(QPointF(left, base), metrics.elidedText(
            title, Qt.TextElideMode.ElideRight, width * 0.8))
        label = "Briefing note"
        painter.drawText(QPointF(left + width - metrics.horizontalAdvance(label), base), label)
        painter.setPen(QPen(RULE, 0.5 * pt))
        y = base + metrics.descent() + 2 * pt
        painter.drawLine(QPointF(left, y), QPointF(left + width, y))
    base = frame.page.bottom() - FOOTER_FROM_BOTTOM_MM * frame.mm
    painter.setPen(QPen(RULE, 0.5 * pt))
    y = base - metrics.ascent() - 3 * pt
    painter.drawLine(QPointF(left, y), QPointF(left + width, y))
    painter.setPen(CHROME)
    text = f"Page {index + 1} of {count}"
    painter.drawText(QPointF(left + width - metrics.horizontalAdvance(text), base), text)
    painter.restore()


def _contents_numbers(doc: QTextDocument, content: Content, geometry: Geometry,
                      pages: list[Page]) -> list[tuple[float, QRectF, str]]:
    """Page numbers for the contents table's right-hand column: (y, cell rect, text)."""
    layout = doc.documentLayout()
    wanted = len(content.contents_anchors)
    for table in doc.rootFrame().childFrames():
        if isinstance(table, QTextTable) and table.rows() == wanted and table.columns() == 2:
            first = table.cellAt(0, 0).firstCursorPosition().block()
            if first.text().endswith(content.sections[0].title):
                break
    else:
        return []
    numbers = []
    for row, anchor in enumerate(content.contents_anchors):
        cell = table.cellAt(row, 1).firstCursorPosition().block()
        rect = layout.blockBoundingRect(cell)
        page = _page_of(pages, geometry.anchors.get(anchor, 0.0))
        numbers.append((rect.top(), rect, str(page + 1)))
    return numbers


def _page_of(pages: list[Page], y: float) -> int:
    for index, page in enumerate(pages):
        if page.top <= y < page.bottom:
            return index
    return len(pages) - 1


def _page_y(pages: list[Page], y: float) -> float:
    """A document y as a y within its page's body (after any repeated table header)."""
    page = pages[_page_of(pages, y)]
    offset = page.header.header_bottom - page.header.top if page.header else 0.0
    return y - page.top + offset
