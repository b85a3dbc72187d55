"""Pagination of one continuously laid-out QTextDocument into pages.

QTextDocument's own pagination splits table rows across pages and knows nothing of running
headers or "Page N of M". So the document is laid out once as a single tall column and cut
into pages here, only where a cut is allowed: between lines of a paragraph, between table
rows, never right after a heading. A page that starts inside a table repeats its header
row. One layout pass, then a linear walk: cheap even for tens of thousands of entries.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from PySide6.QtGui import QTextBlock, QTextDocument, QTextTable


@dataclass(frozen=True, slots=True)
class TableRows:
    """A top-level table's geometry in document coordinates."""

    top: float
    bottom: float
    header_bottom: float  # == top when the table has no header row
    row_tops: tuple[float, ...]  # every row, header rows included

    @property
    def has_header(self) -> bool:
        return self.header_bottom > self.top


@dataclass(frozen=True, slots=True)
class Page:
    top: float
    bottom: float
    header: TableRows | None  # the table whose header row repeats at the top


@dataclass(slots=True)
class Geometry:
    breaks: list[float] = field(default_factory=list)  # allowed cuts, ascending
    forced: list[float] = field(default_factory=list)  # cuts that must happen
    tables: list[TableRows] = field(default_factory=list)
    anchors: dict[str, float] = field(default_factory=dict)  # heading anchor -> its top


def measure(doc: QTextDocument, break_before: frozenset[str], px: float) -> Geometry:
    """Where the document may be cut, and where its tables and section headings are."""
    # Layout is lazy: finish it, or the positions read below may not be computed yet.
    doc.documentLayout().documentSize()
    tables = sorted((f for f in doc.rootFrame().childFrames() if isinstance(f, QTextTable)),
                    key=lambda t: t.firstPosition())
    geometry = Geometry()
    after_heading = False
    table_index = 0
    block = doc.begin()
    while block.isValid():
        if table_index < len(tables) and block.position() >= tables[table_index].firstPosition():
            table = tables[table_index]
            rows = _table_rows(doc, table, px)
            geometry.tables.append(rows)
            if not after_heading:
                geometry.breaks.append(rows.top)
            first_body = table.format().headerRowCount() + 1
            geometry.breaks.extend(rows.row_tops[first_body:])
            after_heading = False
            block = doc.findBlock(table.lastPosition() + 1)
            table_index += 1
            continue
        heading = block.blockFormat().headingLevel() > 0
        text_layout = block.layout()
        origin = text_layout.position().y()
        # The first line's top, below the block's top margin (which may overlap a table).
        top = origin + (text_layout.lineAt(0).y() if text_layout.lineCount() else 0.0)
        names = _anchor_names(block) if heading else []
        for name in names:
            geometry.anchors[name] = top
        if break_before.intersection(names):
            geometry.forced.append(top)
        for i in range(text_layout.lineCount()):
            if i == 0 and after_heading:
                continue
            if i > 0 and heading:
                continue
            geometry.breaks.append(origin + text_layout.lineAt(i).y())
        after_heading = heading
        block = block.next()
    geometry.breaks.sort()
    return geometry


def _table_rows(doc: QTextDocument, table: QTextTable, px: float) -> TableRows:
    """Row edges from the cells' text: frameBoundingRect is offset by the cell padding
    (Qt 6.12), so it is not used. ``px`` is device pixels per CSS pixel."""
    layout = doc.documentLayout()
    padding = table.format().cellPadding() * px
    columns = range(table.columns())
    row_tops = tuple(
        min(layout.blockBoundingRect(table.cellAt(row, col).firstCursorPosition().block())
            .top() for col in columns) - padding
        for row in range(table.rows()))
    last = table.rows() - 1
    bottom = max(layout.blockBoundingRect(table.cellAt(last, col).lastCursorPosition().block())
                 .bottom() for col in columns) + padding
    header_rows = min(table.format().headerRowCount(), last)
    return TableRows(top=row_tops[0], bottom=bottom, header_bottom=row_tops[header_rows],
                     row_tops=row_tops)


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
    table_tops = [t.top for t in geometry.tables]
    top = 0.0
    eps = 0.01
    while top < end - eps:
        header = _open_table(geometry.tables, table_tops, top, eps)
        room = height - (header.header_bottom - header.top if header else 0.0)
        limit = top + room
        forced = [f for f in _between(geometry.forced, top + eps, min(limit, end)) if f < end]
        if forced:
            cut = forced[0]
        elif limit >= end:
            cut = end
        else:
            candidates = _between(geometry.breaks, top + eps, limit)
            # Nothing fits (a row or line taller than a page): cut where the page ends.
            cut = candidates[-1] if candidates else limit
        pages.append(Page(top=top, bottom=cut, header=header))
        top = cut
    return pages or [Page(top=0.0, bottom=max(end, 1.0), header=None)]


def _between(values: list[float], low: float, high: float) -> list[float]:
    return values[bisect.bisect_left(values, low):bisect.bisect_right(values, high)]


def _open_table(tables: list[TableRows], tops: list[float], y: float,
                eps: float) -> TableRows | None:
    """The table with a header row whose body a page starting at ``y`` continues."""
    index = bisect.bisect_right(tops, y) - 1
    if index < 0:
        return None
    table = tables[index]
    if table.has_header and table.header_bottom + eps < y < table.bottom - eps:
        return table
    return None
