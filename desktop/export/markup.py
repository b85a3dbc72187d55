"""The pieces of rich-text HTML the printed briefing is made of: the style sheet, tables
in chunks, numbered source notes, and ``esc``, which every string from a briefing goes
through. Figures and dates are written by ``desktop.present``, as the window writes them."""

from __future__ import annotations

import html
from collections.abc import Iterable

from ..core.longtext import breakable, shortened

# A value is printed whole up to here (about six pages; the longest statement of a real
# briefing is a tenth of it); past it, the rest is left out with a note saying how much:
# laying out a field of a million characters would take far longer than the whole export,
# and the 32 MiB a briefing may hold would take minutes before being refused as too many
# pages.
PRINT_CHARS = 20_000


def esc(text: str) -> str:
    """A briefing value as inert HTML. Runs too long to wrap at a space get break
    opportunities (core/longtext.py): Qt lays out an unbreakable run in time that grows
    with the square of its length."""
    text, more = shortened(text, PRINT_CHARS)
    out = esc_text(text)
    return out + f" [… {more:,} more characters in the briefing file]" if more else out


def esc_text(text: str) -> str:
    """Text as inert HTML with break opportunities, never cut (the article appendix)."""
    return html.escape(breakable(text).text, quote=True)

# Qt matches every style-sheet rule against every element, so the sheet holds only what
# repeats at scale (every rule more slows the parse of a big briefing); styles
# used a handful of times are inline (RARE).
STYLE_SHEET = """
h2 { font-family: 'DejaVu Serif'; font-size: 13.5pt; font-weight: bold; color: #12233d;
     margin-top: 20px; margin-bottom: 8px; }
h3 { font-size: 10.5pt; font-weight: bold; color: #1b1f24; margin-top: 12px;
     margin-bottom: 3px; }
p { margin-top: 0px; margin-bottom: 5px; }
p.sub { color: #4a5563; margin-bottom: 4px; }
p.stmt { margin-left: 14px; margin-bottom: 4px; }
p.note { font-size: 8pt; margin-left: 26px; text-indent: -26px; margin-bottom: 3px;
         color: #2c333b; }
p.article { font-family: 'DejaVu Serif'; font-size: 9pt; margin-bottom: 6px; }
th { font-size: 7.5pt; color: #4a5563; font-weight: bold; text-align: left; }
span.derived { color: #8a4b00; font-weight: bold; }
span.sm { font-size: 8pt; color: #5a6472; }
a { color: #1f4e8c; text-decoration: none; }
a.ref { font-size: 7pt; }
"""
RARE = {
    "h1": "font-family: 'DejaVu Serif'; font-size: 19pt; font-weight: bold; color: #12233d; "
          "margin-top: 0px; margin-bottom: 6px",
    "kicker": "font-size: 8pt; color: #5a6b80; font-weight: bold; margin-bottom: 2px",
    "caption": "font-size: 8pt; color: #5a6472; margin-top: 2px; margin-bottom: 14px",
    "empty": "color: #6b7280; font-style: italic",
    "query": "background-color: #fff4d6; color: #5c4300; margin-top: 6px; margin-bottom: 6px",
    "draft": "background-color: #fde8e8; color: #7a1d1d; margin-top: 6px; margin-bottom: 6px",
    "label": "font-size: 8pt; color: #5a6472; padding-top: 3px",
    "figure": "font-size: 15pt; font-weight: bold; color: #12233d",
    "figlabel": "font-size: 7.5pt; color: #5a6472",
    "muted": "color: #5a6472",
}


def style(name: str) -> str:
    return f' style="{RARE[name]}"'


# A block after a table loses its top margin in Qt, so each table carries the gap below it.
TABLE_OPEN = ('<table width="100%" cellspacing="0" cellpadding="4" border="0" '
              'style="margin-bottom:{gap}">')
CHUNK_ROWS = 100


class Notes:
    """Source excerpts as numbered notes; an excerpt quoted by several entries (the seed
    quotes some sentences five times) gets one number."""

    def __init__(self) -> None:
        self.numbers: dict[str, int] = {}

    def refs(self, excerpts: Iterable[str]) -> str:
        links = []
        for excerpt in excerpts:
            number = self.numbers.setdefault(excerpt, len(self.numbers) + 1)
            links.append(f'<a class="ref" href="#n{number}">[{number}]</a>')
        return " " + "".join(links) if links else ""


def empty(out: list[str], what: str, query: str | None = None) -> None:
    """Say that a section has nothing to show: in the briefing, or among the entries the
    search an export is filtered by leaves in."""
    said = (f"No {what} match “{esc(query)}”." if query is not None else
            f"No {what} in this briefing.")
    out.append(f'<p{style("empty")}>{said}</p>')


class Table:
    """A table with a header row, emitted in chunks of CHUNK_ROWS rows.

    Qt's HTML import is superlinear in the rows of one table (one long table parses far
    slower than the same rows as many short ones); chunks stack flush, repeat the column
    widths, and the paginator repeats the first chunk's header row over the others.
    """

    def __init__(self, out: list[str], headers: list[tuple[str, int]]) -> None:
        self.out = out
        self.headers = headers
        self.rows: list[tuple[str, ...]] = []

    def add(self, *cells: str) -> None:
        self.rows.append(cells)

    def close(self) -> None:
        widths = [f' width="{w}%"' for _, w in self.headers]
        chunks = [self.rows[i:i + CHUNK_ROWS] for i in range(0, len(self.rows), CHUNK_ROWS)]
        for index, chunk in enumerate(chunks):
            gap = "14px" if index == len(chunks) - 1 else "0px"
            self.out.append(TABLE_OPEN.format(gap=gap))
            if index == 0:
                self.out.append("<thead><tr>")
                self.out.extend(f"<th{w}>{esc(label.upper())}</th>"
                                for (label, _), w in zip(self.headers, widths, strict=True))
                self.out.append("</tr></thead>")
            for number, cells in enumerate(chunk):
                attrs = widths if number == 0 else [""] * len(cells)
                self.out.append("<tr>" + "".join(f"<td{w}>{c}</td>"
                                                  for w, c in zip(attrs, cells, strict=True))
                                + "</tr>")
            self.out.append("</table>")


