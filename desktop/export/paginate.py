"""Pagination of one continuously laid-out QTextDocument into pages.

QTextDocument's own pagination splits table rows across pages and knows nothing of running
headers or "Page N of M". So the document is laid out once as a single tall column and cut
into pages here, only where a cut is allowed: between lines of a paragraph (leaving at
least two lines on each side), between table rows (never leaving a table's last row alone
on the next page), never right after a heading or between a chart and its title. A page
that starts inside a table repeats its header row. One layout pass, then a linear walk:
cheap even for tens of thousands of entries.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtGui import QTextBlock, QTextBlockFormat, QTextDocument, QTextTable

# QTextDocumentLayout stops laying out at 2**23 dots (measured with Qt 6.12: the document
# height sticks at 8,388,608 and later blocks get empty rectangles). Refuse before that.
MAX_HEIGHT = 8_300_000
MINIMUM_HEIGHT = QTextBlockFormat.LineHeightTypes.MinimumHeight.value
# A paragraph cut between pages keeps this many lines on each side (no widows, no orphans).
KEEP_LINES = 2


class TooLongError(Exception):
    """The document is taller than Qt's layout coordinates can hold."""


@dataclass(frozen=True, slots=True)
class TableRows:
    """A top-level table's geometry in document coordinates."""

    top: float
    bottom: float
    row_tops: tuple[float, ...]  # every row, header rows included
    header_rows: int  # this table's own header rows
    # The header to repeat on a page that continues this table: its own, or for a chunk
    # that continues a table flush below it, the first chunk's.
    header: tuple[float, float] | None

    @property
    def has_header(self) -> bool:
        return self.header is not None


@dataclass(frozen=True, slots=True)
class Page:
    top: float
    bottom: float
    header: tuple[float, float] | None  # the table header rows repeated at the top
    hard: bool = False  # cut mid-line (something taller than a page): clip when painting
    # Where the paragraph starts that this page starts inside of (cut between its lines):
    # its document position, -1 for none.
    inside: int = -1


@dataclass(slots=True)
class Geometry:
    breaks: list[float] = field(default_factory=list)  # allowed cuts, ascending
    # The cuts between two lines of a paragraph -> where that paragraph starts.
    inner: dict[float, int] = field(default_factory=dict)
    forced: list[float] = field(default_factory=list)  # cuts that must happen
    tables: list[TableRows] = field(default_factory=list)
    anchors: dict[str, float] = field(default_factory=dict)  # heading anchor -> its top
    notes: dict[str, float] = field(default_factory=dict)  # "n12" -> top of source note 12
    charts: list[float] = field(default_factory=list)  # tops of the chart placeholders
    headings: list[tuple[float, float]] = field(default_factory=list)  # (top, bottom) each
    table_tops: list[float] = field(default_factory=list)  # for bisecting ``tables``


def measure(doc: QTextDocument, break_before: frozenset[str], px: float) -> Geometry:
    """Where the document may be cut, and where its tables and section headings are."""
    # Layout is lazy: finish it, or the positions read below may not be computed yet.
    height = doc.documentLayout().documentSize().height()
    if not 0 <= height < MAX_HEIGHT:
        raise TooLongError(f"the briefing is too long to lay out in one piece at "
                           f"{round(px * 96)} dpi (over "
                           f"{MAX_HEIGHT / (px * 96) / 11.7:,.0f} pages)")
    tables = sorted((f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)),
                    key=lambda t: t.firstPosition())
    geometry = Geometry()
    after_heading = False
    table_index = 0
    block = doc.begin()
    while block.isValid():
        if table_index < len(tables) and block.position() >= tables[table_index].firstPosition():
            table = tables[table_index]
            previous = geometry.tables[-1] if geometry.tables else None
            rows = _table_rows(doc, table, px, previous)
            geometry.tables.append(rows)
            if not after_heading:
                geometry.breaks.append(rows.top)
            first_body = table.format().headerRowCount() + 1
            # Not before the last row: alone at the top of a page it reads as a stray.
            geometry.breaks.extend(rows.row_tops[first_body:-1])
            after_heading = False
            block = doc.findBlock(table.lastPosition() + 1)
            table_index += 1
            continue
        block_format = block.blockFormat()
        heading = block_format.headingLevel() > 0
        text_layout = block.layout()
        origin = text_layout.position().y()
        lines = text_layout.lineCount()
        # The first line's top, below the block's top margin (which may overlap a table).
        top = origin + (text_layout.lineAt(0).y() if lines else 0.0)
        chart = block_format.lineHeightType() == MINIMUM_HEIGHT
        if chart:
            # Only the chart placeholder sets a line height; Qt puts the extra height
            # above the text line, so the chart's space starts at the block's origin.
            top = origin
            geometry.charts.append(top)
        if block_format.textIndent() < 0:  # a numbered source note (style sheet)
            text = block.text()
            end = text.find("]")
            if text.startswith("[") and end > 1:
                geometry.notes[f"n{text[1:end]}"] = top
        if heading:
            geometry.headings.append((top, origin + text_layout.boundingRect().bottom()))
            names = _anchor_names(block)
            for name in names:
                geometry.anchors[name] = top
            if break_before.intersection(names):
                geometry.forced.append(top)
        if not after_heading and not chart:  # a chart stays with its title above it
            geometry.breaks.append(top)
        if not heading and lines >= 2 * KEEP_LINES:  # a heading's own lines stay together
            inner = [origin + text_layout.lineAt(i).y()
                     for i in range(KEEP_LINES, lines - KEEP_LINES + 1)]
            geometry.breaks.extend(inner)
            geometry.inner.update(dict.fromkeys(inner, block.position()))
        after_heading = heading
        block = block.next()
    geometry.breaks.sort()
    geometry.table_tops = [t.top for t in geometry.tables]
    return geometry


def _table_rows(doc: QTextDocument, table: QTextTable, px: float,
                previous: TableRows | None) -> TableRows:
    """Row edges from the cells' text: frameBoundingRect is offset by the cell padding
    (Qt 6.12), so it is not used. ``px`` is device pixels per CSS pixel."""
    layout = doc.documentLayout()
    padding = table.format().cellPadding() * px
    # Cells align to the top, so the first column's text top is the row's, plus padding.
    row_tops = tuple(
        layout.blockBoundingRect(table.cellAt(row, 0).firstCursorPosition().block()).top()
        - padding for row in range(table.rows()))
    last = table.rows() - 1
    bottom = max(layout.blockBoundingRect(table.cellAt(last, col).lastCursorPosition().block())
                 .bottom() for col in range(table.columns())) + padding
    header_rows = min(table.format().headerRowCount(), last)
    header: tuple[float, float] | None = None
    if header_rows:
        header = (row_tops[0], row_tops[header_rows])
    elif previous is not None and previous.header and abs(previous.bottom - row_tops[0]) < px:
        header = previous.header
    return TableRows(top=row_tops[0], bottom=bottom, row_tops=row_tops,
                     header_rows=header_rows, header=header)


def _anchor_names(block: QTextBlock) -> list[str]:
    names: list[str] = []
    it = block.begin()
    while not it.atEnd():
        fragment = it.fragment()
        if fragment.isValid():
            names.extend(fragment.charFormat().anchorNames())
        it += 1
    return names


def paginate(geometry: Geometry, end: float, height: float) -> list[Page]:
    """Cut [0, end) into pages of at most ``height``, at the last allowed cut that fits."""
    pages: list[Page] = []
    table_tops = geometry.table_tops
    top = 0.0
    eps = 0.01
    inside = -1
    while top < end - eps:
        table = _open_table(geometry.tables, table_tops, top, eps)
        header = table.header if table else None
        room = height - (header[1] - header[0] if header else 0.0)
        limit = top + room
        forced = [f for f in _between(geometry.forced, top + eps, min(limit, end)) if f < end]
        hard = False
        if forced:
            cut = forced[0]
        elif limit >= end:
            cut = end
        else:
            candidates = _between(geometry.breaks, top + eps, limit)
            # Nothing fits (a row or line taller than a page): cut where the page ends.
            cut = candidates[-1] if candidates else limit
            hard = not candidates
        pages.append(Page(top=top, bottom=cut, header=header, hard=hard, inside=inside))
        inside = geometry.inner.get(cut, -1)
        top = cut
    return pages or [Page(top=0.0, bottom=max(end, 1.0), header=None)]


def _between(values: list[float], low: float, high: float) -> list[float]:
    return values[bisect.bisect_left(values, low):bisect.bisect_right(values, high)]


def _open_table(tables: list[TableRows], tops: list[float], y: float,
                eps: float) -> TableRows | None:
    """The table with a header row whose body a page starting at ``y`` continues."""
    index = bisect.bisect_right(tops, y + eps) - 1
    if index < 0:
        return None
    table = tables[index]
    if table.header and table.header[1] + eps < y < table.bottom - eps:
        return table
    return None
