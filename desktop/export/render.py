"""Paint a briefing onto any paged device: a QPdfWriter for Export PDF and the CLI, a
QPrinter for Print and for QPrintPreviewDialog.paintRequested. One renderer for all three."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFontMetricsF,
    QPagedPaintDevice,
    QPageLayout,
    QPainter,
    QPalette,
    QPdfWriter,
    QPen,
    QTextBlock,
    QTextDocument,
    QTextTable,
)

from ..core.model import Briefing
from .chart import draw_chart
from .content import STYLE_SHEET, Content, build_content, chart_height_pt
from .paginate import Geometry, Page, TooLongError, measure, paginate
from .qtapp import LAYOUT_DPI, ensure_gui_app, painter_font, print_font

# Page margins in millimetres; the running header and footer sit inside the top and bottom.
MARGINS_MM = QMarginsF(20, 24, 20, 22)
HEADER_FROM_TOP_MM = 13
FOOTER_FROM_BOTTOM_MM = 12
MM_PER_INCH = 25.4
RULE = QColor("#d5dbe3")
HEADER_RULE = QColor("#8795a8")
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
    notes: tuple[tuple[str, int, float], ...]  # (destination name, page, top in pt)


@dataclass(slots=True)
class LaidOut:
    """A briefing laid out for one device and cut into pages, ready to paint."""

    doc: QTextDocument
    content: Content
    frame: _Frame
    geometry: Geometry
    pages: list[Page]
    title: str
    # The device the text was laid out with (see _layout_device); kept alive with the
    # document, which measures with it.
    layout_device: QPagedPaintDevice | None = None


def lay_out(device: QPagedPaintDevice, briefing: Briefing, article_text: str | None, *,
            source_name: str | None = None, query_label: str | None = None,
            generated: datetime | None = None) -> LaidOut:
    """Lay the briefing out with ``device``'s metrics and paginate it (no painting)."""
    ensure_gui_app()
    generated = generated or datetime.now(UTC)
    source_name = source_name or briefing.briefing.article.path
    content = build_content(briefing, article_text, source_name=source_name,
                            generated=generated, query_label=query_label)
    reference = _layout_device(device)
    frame = _Frame(reference.pageLayout(), LAYOUT_DPI)
    doc = _document(content, reference, frame.body.width())
    try:
        geometry = measure(doc, content.break_before, LAYOUT_DPI / 96.0)
    except TooLongError as exc:
        raise RenderError(str(exc)) from None
    pages = paginate(geometry, doc.documentLayout().documentSize().height(),
                     frame.body.height())
    return LaidOut(doc=doc, content=content, frame=frame, geometry=geometry, pages=pages,
                   title=briefing.briefing.title, layout_device=reference)


# Every device is laid out as the PDF export lays out: at LAYOUT_DPI, the page's size and
# no margins of its own (the frame draws the margins), then painted scaled. A printer's
# 300 or 1200 dpi rounds font metrics differently, which moved line breaks and so page
# breaks: the preview showed 7 pages where the PDF had 8.


def _layout_device(device: QPagedPaintDevice) -> QPagedPaintDevice:
    """``device`` itself if it is laid out as the export is (the export's own writer),
    else a PDF writer with the same page size that is never painted on."""
    layout = device.pageLayout()
    if isinstance(device, QPdfWriter) and device.resolution() == LAYOUT_DPI and \
            layout.margins().isNull():
        return device
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(LAYOUT_DPI)
    writer.setPageLayout(QPageLayout(layout.pageSize(), layout.orientation(),
                                     QMarginsF(0, 0, 0, 0)))
    writer.buffer = buffer  # type: ignore[attr-defined]  # outlives the writer's use
    return writer


def paint_briefing(device: QPagedPaintDevice, briefing: Briefing, article_text: str | None,
                   *, source_name: str | None = None, query_label: str | None = None,
                   generated: datetime | None = None) -> RenderResult:
    """Paint the whole briefing on ``device`` (a QPdfWriter or QPrinter), starting on its
    current page. ``generated`` is the time printed in the title block (default: now).
    Raises RenderError if the device cannot be painted on."""
    laid = lay_out(device, briefing, article_text, source_name=source_name,
                   query_label=query_label, generated=generated)
    return paint_laid_out(device, laid)


def paint_laid_out(device: QPagedPaintDevice, laid: LaidOut) -> RenderResult:
    doc, frame, geometry, pages = laid.doc, laid.frame, laid.geometry, laid.pages
    painter = QPainter()
    if not painter.begin(device):
        raise RenderError("the output device could not be opened for painting")
    try:
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        _to_layout_units(painter, device)
        numbers = _contents_numbers(doc, laid.content, geometry, pages)
        for index, page in enumerate(pages):
            if index and not device.newPage():
                raise RenderError("the output device could not start a new page")
            _paint_page(painter, doc, frame, geometry, page, numbers)
            _paint_charts(painter, frame, geometry, page, laid.content)
            _paint_chrome(painter, frame, laid.title, index, len(pages), frame.dpi)
    finally:
        painter.end()
    tops = [page.top for page in pages]

    def target(y: float) -> tuple[int, float]:
        index = _page_of(tops, y)
        return index, frame.to_points(_page_y(pages[index], y))

    marks = tuple(SectionMark(s.title, s.anchor, *target(geometry.anchors.get(s.anchor, 0.0)))
                  for s in laid.content.sections)
    notes = tuple((name, *target(y)) for name, y in geometry.notes.items())
    return RenderResult(page_count=len(pages), sections=marks, notes=notes)


def _to_layout_units(painter: QPainter, device: QPagedPaintDevice) -> None:
    """Paint in the layout's units (LAYOUT_DPI, the page's corner at 0, 0) on a device of
    any resolution whose painting may start at its printable area's corner."""
    dpi = float(device.logicalDpiY())
    if abs(dpi - LAYOUT_DPI) < 0.01 and device.pageLayout().margins().isNull():
        return
    layout = device.pageLayout()
    res = round(dpi)
    corner = QRectF(layout.paintRectPixels(res)).topLeft() - QRectF(
        layout.fullRectPixels(res)).topLeft()
    painter.translate(-corner)
    painter.scale(float(device.logicalDpiX()) / LAYOUT_DPI, dpi / LAYOUT_DPI)


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


def _document(content: Content, device: QPagedPaintDevice, width: float) -> QTextDocument:
    doc = QTextDocument()
    # Lay out with the device's own metrics, so what is measured is what gets printed.
    doc.documentLayout().setPaintDevice(device)
    doc.setDocumentMargin(0)
    doc.setDefaultFont(print_font(9.5))
    doc.setDefaultStyleSheet(STYLE_SHEET)
    doc.setUndoRedoEnabled(False)
    doc.setUseDesignMetrics(True)  # unhinted advances: the same layout at any resolution
    doc.setHtml(content.html)
    # Width last: layout happens once, with the final content. (An edit after layout
    # re-lays out part of the document and leaves later blocks' positions stale.)
    doc.setTextWidth(width)
    return doc


def _paint_page(painter: QPainter, doc: QTextDocument, frame: _Frame, geometry: Geometry,
                page: Page, numbers: list[tuple[float, QRectF, str]]) -> None:
    painter.save()
    painter.translate(frame.body.topLeft())
    offset = 0.0
    if page.header is not None:
        head_top, head_bottom = page.header
        _paint_slice(painter, doc, frame, head_top, head_bottom, 0.0, clip=False)
        offset = head_bottom - head_top
        _rule(painter, frame, offset, HEADER_RULE, 0.8)
    if page.inside >= 0:
        rest = _paint_paragraph_part(painter, doc, doc.findBlock(page.inside), page, offset)
    else:
        rest = page.top
    if rest < page.bottom:
        _paint_slice(painter, doc, frame, page.top, page.bottom, offset, clip=page.hard,
                     start=rest)
    shift = offset - page.top
    tables = geometry.tables
    first = max(bisect.bisect_right(geometry.table_tops, page.top) - 1, 0)
    last = bisect.bisect_right(geometry.table_tops, page.bottom)
    for table in tables[first:last]:
        if table.bottom < page.top or not table.has_header:
            continue
        strong_at = table.row_tops[table.header_rows] if table.header_rows else None
        for y in (*table.row_tops[1:], table.bottom):
            if page.top + 0.5 < y <= page.bottom + 0.5:
                strong = strong_at is not None and abs(y - strong_at) < 0.5
                _rule(painter, frame, y + shift, HEADER_RULE if strong else RULE,
                      0.8 if strong else 0.5)
    font = painter_font(painter, 9.5)
    painter.setFont(font)
    painter.setPen(QColor("#1b1f24"))
    for baseline, rect, text in numbers:
        if page.top <= baseline < page.bottom:
            painter.drawText(QRectF(rect.left(), rect.top() + shift, rect.width(),
                                    rect.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop, text)
    painter.restore()


def _paint_charts(painter: QPainter, frame: _Frame, geometry: Geometry, page: Page,
                  content: Content) -> None:
    # The placeholders come in the document in the order of the charts (content.py).
    for top, chart in zip(geometry.charts, content.charts, strict=True):
        if page.top <= top < page.bottom:
            height = chart_height_pt(chart) * frame.dpi / 72.0
            y = frame.body.top() + _page_y(page, top)
            draw_chart(painter, QRectF(frame.body.left(), y, frame.body.width() * 0.96, height),
                       chart, frame.dpi)


def _paint_slice(painter: QPainter, doc: QTextDocument, frame: _Frame, top: float,
                 bottom: float, at: float, *, clip: bool, start: float | None = None) -> None:
    """Paint the document from ``top`` to ``bottom`` (from ``start`` on, if given) at
    ``at`` on the page."""
    painter.save()
    painter.translate(0, at - top)
    if clip:  # only a cut through a line needs it; clipping slows every paint call
        painter.setClipRect(QRectF(-frame.mm, top, frame.body.width() + 2 * frame.mm,
                                   bottom - top))
    context = QAbstractTextDocumentLayout.PaintContext()
    # Half a pixel inside the cut, so a line that starts exactly at the cut is drawn on
    # one page only (and its text is extracted once).
    start = top if start is None else start
    context.clip = QRectF(0, start + 0.5, frame.body.width(), max(bottom - start - 1.0, 0.0))
    doc.documentLayout().draw(painter, context)
    painter.restore()


def _paint_paragraph_part(painter: QPainter, doc: QTextDocument, block: QTextBlock,
                          page: Page, at: float) -> float:
    """Paint the lines of ``block`` (a paragraph the page starts inside of) that are on
    ``page``; where the rest of the page starts.

    Qt paints a paragraph from the last line above the clip on, so the line before the
    cut printed again over the top margin (and twice in the PDF's text): each line is
    painted here instead, and the document only from the paragraph's end."""
    layout = block.layout()
    origin = layout.position()
    painter.save()
    painter.translate(0, at - page.top)
    context = QAbstractTextDocumentLayout.PaintContext()  # its colour, as Qt's own
    painter.setPen(context.palette.color(QPalette.ColorRole.Text))
    # The first line on the page, found by bisection: a paragraph of a million
    # characters has ~15,000 lines over ~270 pages.
    low, high = 0, layout.lineCount()
    while low < high:
        middle = (low + high) // 2
        if origin.y() + layout.lineAt(middle).y() < page.top - 0.5:
            low = middle + 1
        else:
            high = middle
    for number in range(low, layout.lineCount()):
        line = layout.lineAt(number)
        if origin.y() + line.y() >= page.bottom - 0.5:
            break
        line.draw(painter, origin)
    painter.restore()
    return doc.documentLayout().blockBoundingRect(block).bottom()


def _rule(painter: QPainter, frame: _Frame, y: float, colour: QColor, width_pt: float) -> None:
    painter.setPen(QPen(colour, width_pt * frame.dpi / 72.0))
    painter.drawLine(QPointF(0, y), QPointF(frame.body.width(), y))


def _paint_chrome(painter: QPainter, frame: _Frame, title: str, index: int, count: int,
                  dpi: float) -> None:
    painter.save()
    font = painter_font(painter, 7.5)
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
        page = _page_of([p.top for p in pages], geometry.anchors.get(anchor, 0.0))
        numbers.append((rect.top(), rect, str(page + 1)))
    return numbers


def _page_of(tops: list[float], y: float) -> int:
    """Index of the page whose slice of the document holds ``y``."""
    return max(bisect.bisect_right(tops, y) - 1, 0)


def _page_y(page: Page, y: float) -> float:
    """A document y as a y within its page's body (after any repeated table header)."""
    offset = page.header[1] - page.header[0] if page.header else 0.0
    return y - page.top + offset
