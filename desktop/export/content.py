"""The printed briefing as rich-text HTML for QTextDocument, plus what the page painter
needs beside it (section anchors, chart data).

Every string from the briefing goes through ``esc``: a briefing may come from anyone, and
markup in it must print as the characters it is, never be interpreted.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from ..core.model import (
    Agreement,
    Briefing,
    CooperationArea,
    Event,
    Leader,
    Organisation,
    TradeStatistic,
)
from .text import (
    chart_unit,
    esc,
    format_change,
    format_date,
    format_number,
    format_value,
)

# Qt matches every style-sheet rule against every element, so the sheet holds only what
# repeats at scale (a 10,000-entry briefing parsed ~30 % slower with all 26 rules); styles
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


def _style(name: str) -> str:
    return f' style="{RARE[name]}"'


# A block after a table loses its top margin in Qt, so each table carries the gap below it.
TABLE_OPEN = ('<table width="100%" cellspacing="0" cellpadding="4" border="0" '
              'style="margin-bottom:{gap}">')
CHUNK_ROWS = 100


@dataclass(frozen=True, slots=True)
class Section:
    anchor: str
    title: str


@dataclass(frozen=True, slots=True)
class Bar:
    label: str
    value: float
    text: str
    derived: bool


@dataclass(frozen=True, slots=True)
class Chart:
    title: str
    bars: tuple[Bar, ...]
    total: int  # figures in the group, of which ``bars`` shows the first few


@dataclass(frozen=True, slots=True)
class Content:
    html: str
    sections: tuple[Section, ...]
    chart: Chart | None
    contents_anchors: tuple[str, ...]  # the contents table's rows, in order
    break_before: frozenset[str]  # anchors that start a new page


SECTION_TITLES = (
    ("overview", "Overview"),
    ("leaders", "Leaders"),
    ("agreements", "Agreements"),
    ("trade", "Trade statistics"),
    ("cooperation", "Cooperation areas"),
    ("organisations", "Organisations"),
    ("timeline", "Timeline"),
    ("sources", "Source excerpts"),
    ("article", "Appendix: the article"),
)
MAX_BARS = 14
CHART_ROW_PT = 15.0


def chart_height_pt(chart: Chart) -> float:
    return CHART_ROW_PT * len(chart.bars) + 14


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


def build_content(briefing: Briefing, article_text: str | None, *, source_name: str,
                  generated: datetime, query_label: str | None) -> Content:
    notes = Notes()
    out: list[str] = []
    sections = tuple(Section(anchor, title) for anchor, title in SECTION_TITLES)
    _title_block(out, briefing, source_name, generated, query_label)
    _contents(out, sections)
    chart = _chart(briefing.trade_statistics)
    body = {
        "overview": lambda: _overview(out, briefing, notes),
        "leaders": lambda: _leaders(out, briefing.leaders, notes),
        "agreements": lambda: _agreements(out, briefing.agreements, notes),
        "trade": lambda: _trade(out, briefing.trade_statistics, chart, notes),
        "cooperation": lambda: _cooperation(out, briefing.cooperation_areas, notes),
        "organisations": lambda: _organisations(out, briefing.organisations, notes),
        "timeline": lambda: _timeline(out, briefing.events, notes),
        "sources": lambda: _sources(out, notes),
        "article": lambda: _article(out, article_text, source_name),
    }
    for number, section in enumerate(sections, start=1):
        label = section.title if section.anchor == "article" else f"{number}  {section.title}"
        out.append(f'<h2><a name="{section.anchor}">{esc(label)}</a></h2>')
        body[section.anchor]()
    return Content(html="".join(out), sections=sections, chart=chart,
                   contents_anchors=tuple(s.anchor for s in sections),
                   break_before=frozenset({"article"}))


def _title_block(out: list[str], briefing: Briefing, source_name: str, generated: datetime,
                 query_label: str | None) -> None:
    head = briefing.briefing
    out.append(f'<p{_style("kicker")}>BRIEFING NOTE</p>')
    out.append(f'<h1{_style("h1")}><a name="top">{esc(head.title)}</a></h1>')
    rows = [("Date", format_date(head.date)), ("Place", head.place)]
    if head.dateline:
        rows.append(("Dateline", head.dateline))
    article = head.article
    rows.append(("Source article", article.title or source_name))
    if article.title:
        rows.append(("Article file", source_name))
    if article.publisher:
        rows.append(("Publisher", article.publisher))
    if article.url:
        rows.append(("Address", article.url))
    rows.append(("Generated", generated.strftime("%Y-%m-%d %H:%M UTC")))
    out.append('<table cellspacing="0" cellpadding="2" border="0" style="margin-bottom:6px">')
    out.extend(f'<tr><td{_style("label")} width="110">{esc(k)}</td><td>{esc(v)}</td></tr>'
               for k, v in rows)
    out.append("</table>")
    if query_label is not None:
        out.append(f'<p{_style("query")}>&nbsp;Filtered: only entries matching the query '
                   f'“{esc(query_label)}” are included.&nbsp;</p>')
    if head.draft:
        out.append(f'<p{_style("draft")}>&nbsp;Draft: made by machine and not yet reviewed '
                   'by a person.&nbsp;</p>')


def _contents(out: list[str], sections: tuple[Section, ...]) -> None:
    # The page numbers are painted over the right-hand column once the pages are known,
    # so filling them in never changes the layout they were computed from.
    out.append("<h2>Contents</h2>")
    out.append('<table width="100%" cellspacing="0" cellpadding="2" border="0" '
               'style="margin-bottom:6px">')
    for number, section in enumerate(sections, start=1):
        label = section.title if section.anchor == "article" else f"{number}  {section.title}"
        out.append(f'<tr><td><a href="#{section.anchor}">{esc(label)}</a></td>'
                   '<td width="60"></td></tr>')
    out.append("</table>")


def _empty(out: list[str], what: str) -> None:
    out.append(f'<p{_style("empty")}>No {what} in this briefing.</p>')


def _overview(out: list[str], briefing: Briefing, notes: Notes) -> None:
    head = briefing.briefing
    out.append(f"<p>{esc(head.summary)}{notes.refs(head.source)}</p>")
    counts = [(len(briefing.leaders), "leaders"), (len(briefing.agreements), "agreements"),
              (len(briefing.trade_statistics), "figures"),
              (len(briefing.cooperation_areas), "cooperation areas"),
              (len(briefing.organisations), "organisations"),
              (len(briefing.events), "events")]
    out.append("<h3>Key figures</h3>")
    out.append('<table width="100%" cellspacing="0" cellpadding="3" border="0" '
               'style="margin-bottom:6px"><tr>')
    out.extend(f'<td align="center"{_style("figure")}>{format_number(n)}</td>'
               for n, _ in counts)
    out.append("</tr><tr>")
    out.extend(f'<td align="center"{_style("figlabel")}>{label}</td>' for _, label in counts)
    out.append("</tr></table>")
    headline = [s for s in briefing.trade_statistics if s.value is not None][:4]
    if headline:
        out.append("<h3>Headline numbers</h3>")
        for stat in headline:
            out.append(f"<p><b>{esc(format_value(stat))}</b> — {esc(stat.metric)}"
                       f"{_period(stat)}{_derived_mark(stat)}</p>")
    if head.note:
        out.append("<h3>About this briefing</h3>")
        out.append(f'<p class="sub">{esc(head.note)}</p>')


def _period(stat: TradeStatistic) -> str:
    return f", {esc(stat.period)}" if stat.period else ""


def _derived_mark(stat: TradeStatistic) -> str:
    return ' <span class="derived">(derived)</span>' if stat.derived else ""


def _leaders(out: list[str], leaders: tuple[Leader, ...], notes: Notes) -> None:
    if not leaders:
        return _empty(out, "leaders")
    for leader in leaders:
        out.append(f"<h3>{esc(leader.name)}</h3>")
        line = f"{esc(leader.role)}, {esc(leader.country)}"
        if leader.native_names:
            names = " · ".join(f"{esc(n.name)} <span class=\"sm\">({esc(n.language)})</span>"
                               for n in leader.native_names)
            line += f" · {names}"
        out.append(f'<p class="sub">{line}{notes.refs(leader.source)}</p>')
        if leader.note:
            out.append(f'<p class="sub">{esc(leader.note)}</p>')
        for st in leader.statements:
            topic = f"<b>{esc(st.topic)}.</b> " if st.topic else ""
            said = f"“{esc(st.text)}”" if st.kind == "quote" else esc(st.text)
            kind = "" if st.kind == "quote" else ' <span class="sm">(reported)</span>'
            out.append(f'<p class="stmt">{topic}{said}{kind}{notes.refs(st.source)}</p>')


class _Table:
    """A table with a header row, emitted in chunks of CHUNK_ROWS rows.

    Qt's HTML import is superlinear in the rows of one table (a 4,000-row table parses 4x
    slower than 40 tables of 100); chunks stack flush, repeat the column widths, and the
    paginator repeats the first chunk's header row over the others.
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


def _agreements(out: list[str], agreements: tuple[Agreement, ...], notes: Notes) -> None:
    if not agreements:
        return _empty(out, "agreements")
    table = _Table(out, [("Document", 44), ("Status", 14), ("Parties", 22), ("Date", 20)])
    for a in agreements:
        note = f'<br/><span class="sm">{esc(a.note)}</span>' if a.note else ""
        status = f"{esc(a.status.replace('_', ' '))}<br/><span class=\"sm\">{esc(a.kind)}</span>"
        date = esc(format_date(a.date)) if a.date else ""
        if a.validity:
            date += f'<br/><span class="sm">{esc(a.validity)}</span>'
        table.add(f"<b>{esc(a.title)}</b>{notes.refs(a.source)}{note}", status,
                  esc(", ".join(a.parties)), date)
    table.close()


def _chart(stats: tuple[TradeStatistic, ...]) -> Chart | None:
    groups: dict[str, list[TradeStatistic]] = {}
    for stat in stats:
        if stat.value is not None:
            groups.setdefault(chart_unit(stat), []).append(stat)
    if not groups:
        return None
    unit, members = max(groups.items(), key=lambda item: len(item[1]))  # first on ties
    same_metric = len({s.metric for s in members}) == 1
    bars = []
    for stat in members[:MAX_BARS]:
        label = (stat.period or stat.metric) if same_metric else stat.metric
        if not same_metric and stat.period:
            label += f" ({stat.period})"
        assert stat.value is not None
        bars.append(Bar(label=label, value=float(stat.value),
                        text=format_number(stat.value), derived=stat.derived is not None))
    title = f"{members[0].metric}, {unit}" if same_metric else f"Figures in {unit}"
    return Chart(title=title, bars=tuple(bars), total=len(members))


def _trade(out: list[str], stats: tuple[TradeStatistic, ...], chart: Chart | None,
           notes: Notes) -> None:
    if not stats:
        return _empty(out, "trade statistics")
    if chart is not None:
        out.append(f'<p{_style("kicker")}>{esc(chart.title.upper())}</p>')
        height = round(chart_height_pt(chart) * 96 / 72)  # CSS pixels
        # An empty line of the chart's height, drawn over by the page painter; only the
        # chart has a minimum line height, which is how the painter finds it.
        out.append(f'<p style="line-height:{height}px; margin-bottom:0px">&nbsp;</p>')
        shown = (f"The first {len(chart.bars)} of {chart.total} figures in this unit. "
                 if chart.total > len(chart.bars) else "")
        derived = "Hatched bars are derived values. " if any(b.derived for b in chart.bars) \
            else ""
        out.append(f'<p{_style("caption")}>{shown}{derived}Values as the article gives them; '
                   "see the table for periods and sources.</p>")
    table = _Table(out, [("Figure", 36), ("Value", 22), ("Period", 18), ("Change", 24)])
    for s in stats:
        extra = []
        if s.derived is not None:
            extra.append(f'<span class="derived">Derived:</span> '
                         f"<span class=\"sm\">{esc(s.derived.arithmetic)}</span>")
            if s.derived.explanation:
                extra.append(f'<span class="sm">{esc(s.derived.explanation)}</span>')
        if s.note:
            extra.append(f'<span class="sm">{esc(s.note)}</span>')
        more = "".join(f"<br/>{x}" for x in extra)
        value = esc(format_value(s)) or f'<span{_style("muted")}>trend only</span>'
        if s.derived is not None:
            value += ' <span class="derived">(derived)</span>'
        table.add(f"<b>{esc(s.metric)}</b>{notes.refs(s.source)}{more}", value,
                  esc(s.period or ""), esc(format_change(s)))
    table.close()


def _cooperation(out: list[str], areas: tuple[CooperationArea, ...], notes: Notes) -> None:
    # Two tables for the whole section, areas then places (with their area), rather than
    # a heading and a table per area: easier to scan, and a fraction of the layout work
    # at 2,000 areas.
    if not areas:
        return _empty(out, "cooperation areas")
    table = _Table(out, [("Area", 30), ("What the article says", 70)])
    for area in areas:
        table.add(f"<b>{esc(area.area)}</b>{notes.refs(area.source)}", esc(area.details or ""))
    table.close()
    places = [(area, place) for area in areas for place in area.places]
    if not places:
        return None
    out.append("<h3>Places and products</h3>")
    table = _Table(out, [("Place", 26), ("Products", 37), ("Area", 16), ("Note", 21)])
    for area, place in places:
        where = f"<b>{esc(place.name)}</b>"
        if place.country:
            where += f'<br/><span class="sm">{esc(place.country)}</span>'
        if place.established:
            where += f'<br/><span class="sm">since {esc(format_date(place.established))}</span>'
        table.add(where, esc(", ".join(place.products)), esc(area.area),
                  f'<span class="sm">{esc(place.note or "")}</span>')
    table.close()
    return None


def _organisations(out: list[str], orgs: tuple[Organisation, ...], notes: Notes) -> None:
    if not orgs:
        return _empty(out, "organisations")
    table = _Table(out, [("Organisation", 45), ("Acronym", 12), ("Note", 43)])
    for org in orgs:
        table.add(f"<b>{esc(org.name)}</b>{notes.refs(org.source)}", esc(org.acronym or ""),
                  esc(org.note or ""))
    table.close()


def _timeline(out: list[str], events: tuple[Event, ...], notes: Notes) -> None:
    if not events:
        return _empty(out, "events")
    table = _Table(out, [("Date", 22), ("Event", 50), ("Place", 28)])
    for ev in events:
        note = f'<br/><span class="sm">{esc(ev.note)}</span>' if ev.note else ""
        table.add(esc(format_date(ev.date)), f"{esc(ev.title)}{notes.refs(ev.source)}{note}",
                  esc(ev.place or ""))
    table.close()


def _sources(out: list[str], notes: Notes) -> None:
    if not notes.numbers:
        return _empty(out, "source excerpts")
    out.append('<p class="sub">Each excerpt is copied verbatim from the article; the '
               "numbers in brackets above point here.</p>")
    # No <a name> here: Qt's HTML import is quadratic in named anchors (2.4 s for 10,000);
    # the renderer names these notes afterwards (see render.name_notes).
    out.extend(f'<p class="note">[{number}]\u2002{esc(excerpt)}</p>'
               for excerpt, number in notes.numbers.items())


def _article(out: list[str], article_text: str | None, source_name: str) -> None:
    out.append(f'<p class="sub">The full text of {esc(source_name)}, from which every '
               "excerpt above is quoted.</p>")
    if article_text is None:
        out.append(f'<p{_style("empty")}>The article was not available when this PDF was '
                   'made.</p>')
        return
    text = article_text.replace("\r\n", "\n")
    # Blank lines separate paragraphs when the article has any; otherwise each line is one.
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n" if "\n\n" in text else "\n")]
    out.extend(f'<p class="article">{esc(p)}</p>' for p in paragraphs if p)

