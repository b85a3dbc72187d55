"""The printed briefing as rich-text HTML for QTextDocument: title block, contents,
overview, and the sections (``sections``), plus what the page painter needs beside it
(section anchors, chart data).

Every string from the briefing goes through ``esc``: a briefing may come from anyone, and
markup in it must print as the characters it is, never be interpreted.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from ..core.model import Briefing, TradeStatistic
from ..core.origins import BriefingMarks
from ..present import dates, numbers
from ..present.figures import Group, chart_groups, key_figure, key_figures
from ..present.readings import LEGEND
from . import sections as body_of
from .markup import STYLE_SHEET, Notes, esc, style
from .sections import chart_height_pt

__all__ = ["STYLE_SHEET", "Content", "Section", "build_content", "chart_height_pt"]


@dataclass(frozen=True, slots=True)
class Section:
    anchor: str
    title: str


@dataclass(frozen=True, slots=True)
class Content:
    html: str
    sections: tuple[Section, ...]
    charts: tuple[Group, ...]  # in the order their placeholders come in ``html``
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
def build_content(briefing: Briefing, article_text: str | None, *, source_name: str,
                  generated: datetime, query_label: str | None) -> Content:
    marks = BriefingMarks(briefing)
    ctx = body_of.Context(Notes(), marks, query_label)
    out: list[str] = []
    sections = tuple(Section(anchor, title) for anchor, title in SECTION_TITLES)
    _title_block(out, briefing, source_name, generated, query_label, marks)
    _contents(out, sections)
    charts = tuple(chart_groups(briefing.trade_statistics, marks))
    body = {
        "overview": lambda: _overview(out, briefing, ctx),
        "leaders": lambda: body_of.leaders(out, briefing.leaders, ctx),
        "agreements": lambda: body_of.agreements(out, briefing.agreements, ctx),
        "trade": lambda: body_of.trade(out, briefing.trade_statistics, charts, ctx),
        "cooperation": lambda: body_of.cooperation(out, briefing.cooperation_areas, ctx),
        "organisations": lambda: body_of.organisations(out, briefing.organisations, ctx),
        "timeline": lambda: body_of.timeline(out, briefing.events, ctx),
        "sources": lambda: body_of.sources(out, ctx),
        "article": lambda: body_of.article(out, article_text, source_name),
    }
    for number, section in enumerate(sections, start=1):
        label = section.title if section.anchor == "article" else f"{number}  {section.title}"
        out.append(f'<h2><a name="{section.anchor}">{esc(label)}</a></h2>')
        body[section.anchor]()
    return Content(html="".join(out), sections=sections, charts=charts,
                   contents_anchors=tuple(s.anchor for s in sections),
                   break_before=frozenset({"article"}))


def _title_block(out: list[str], briefing: Briefing, source_name: str, generated: datetime,
                 query_label: str | None, marks: BriefingMarks) -> None:
    head = briefing.briefing
    readings = body_of.Readings(marks, head)
    out.append(f'<p{style("kicker")}>BRIEFING NOTE</p>')
    out.append(f'<h1{style("h1")}><a name="top">{esc(head.title)}</a></h1>')
    rows = [("Date", readings.sign(esc(dates.readable(head.date)), ("date",), "date")),
            ("Place", readings.sign(esc(head.place), ("place",), "place"))]
    if head.dateline:
        rows.append(("Dateline", esc(head.dateline)))
    article = head.article
    rows.append(("Source article", esc(article.title or source_name)))
    if article.title:
        rows.append(("Article file", esc(source_name)))
    if article.publisher:
        rows.append(("Publisher", esc(article.publisher)))
    if article.url:
        rows.append(("Address", esc(article.url)))
    rows.append(("Generated", esc(generated.strftime("%Y-%m-%d %H:%M UTC"))))
    out.append('<table cellspacing="0" cellpadding="2" border="0" style="margin-bottom:6px">')
    out.extend(f'<tr><td{style("label")} width="110">{esc(k)}</td><td>{v}</td></tr>'
               for k, v in rows)
    out.append("</table>")
    reasons = readings.notes()
    if reasons:
        out.append(f'<p class="sub">{reasons.removeprefix("<br/>")}</p>')
    if _has_readings(briefing):
        out.append(f'<p class="sub">{esc(LEGEND)}.</p>')
    if query_label is not None:
        out.append(f'<p{style("query")}>&nbsp;Filtered: only entries matching the query '
                   f'“{esc(query_label)}” are included.&nbsp;</p>')
    if head.draft:
        out.append(f'<p{style("draft")}>&nbsp;Draft: made by machine and not yet reviewed '
                   'by a person.&nbsp;</p>')


def _has_readings(briefing: Briefing) -> bool:
    """Whether any value the print shows is inferred or added: then it says what the
    signs mean, once, under the title. (The briefing section's markings may reach into
    entries, so it is enough that some part holds a marking.)"""
    from ..core.origins import entries

    return any(getattr(e, "inferred", ()) or getattr(e, "added", ())
               for _base, e in entries(briefing))


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


def _overview(out: list[str], briefing: Briefing, ctx: body_of.Context) -> None:
    notes, marks = ctx.notes, ctx.marks
    head = briefing.briefing
    out.append(f"<p>{esc(head.summary)}{notes.refs(head.source)}</p>")
    counts = [(len(briefing.leaders), "leaders"), (len(briefing.agreements), "agreements"),
              (len(briefing.trade_statistics), "figures"),
              (len(briefing.cooperation_areas), "cooperation areas"),
              (len(briefing.organisations), "organisations"),
              (len(briefing.events), "events")]
    # A filtered export counts what the search left in: the sections it left empty are
    # not worth a box each.
    counts = [(n, label) for n, label in counts if n or ctx.query is None]
    out.append("<h3>In this briefing</h3>")
    if not counts:
        out.append(f'<p{style("empty")}>No entries match “{esc(ctx.query or "")}”.</p>')
    else:
        out.append('<table width="100%" cellspacing="0" cellpadding="3" border="0" '
                   'style="margin-bottom:6px"><tr>')
        out.extend(f'<td align="center"{style("figure")}>{numbers.number(n)}</td>'
                   for n, _ in counts)
        out.append("</tr><tr>")
        out.extend(f'<td align="center"{style("figlabel")}>{label}</td>'
                   for _, label in counts)
        out.append("</tr></table>")
    stats = briefing.trade_statistics
    figures = key_figures(stats)
    if figures:
        out.append("<h3>Key figures</h3>")
        for stat in (stats[i] for i in figures):
            shown = key_figure(stat, marks.of(stat))
            moved = f" · {esc(shown.moved)}" if shown.moved else ""
            reasons = "".join(f'<br/><span class="sm">{esc(n)}</span>' for n in shown.notes)
            out.append(f"<p><b>{esc(shown.amount)}</b> — {esc(shown.what)}{moved}"
                       f"{reasons}</p>")
    if head.note:
        out.append("<h3>About this briefing</h3>")
        out.append(f'<p class="sub">{esc(head.note)}</p>')


def _period(stat: TradeStatistic) -> str:
    return f", {esc(stat.period)}" if stat.period else ""
