"""The body of each section of the printed briefing, as HTML for QTextDocument."""

from __future__ import annotations

from dataclasses import dataclass

from ..core.model import (
    Agreement,
    CooperationArea,
    Event,
    Leader,
    Organisation,
    TradeStatistic,
)
from ..core.origins import BriefingMarks, Origin
from ..present import dates, numbers
from ..present.figures import Group
from ..present.readings import ANY, SIGNS, note, origin_in
from ..present.words import term
from .markup import Notes, Table, empty, esc, esc_text, style

CHART_ROW_PT = 15.0


def chart_height_pt(chart: Group) -> float:
    return CHART_ROW_PT * len(chart.bars) + 14


@dataclass(frozen=True, slots=True)
class Context:
    """What every section prints with: the numbered notes, the briefing's markings, and
    the search an export "of what the search shows" is filtered by."""

    notes: Notes
    marks: BriefingMarks
    query: str | None = None


class Readings:
    """One entry's inferred and added values as print shows them: a sign after each, and
    the reasons as small notes under the entry (each reason once)."""

    def __init__(self, marks: BriefingMarks, entry: object) -> None:
        self._marks = marks.of(entry)
        self._notes: dict[Origin, str] = {}

    def sign(self, shown: str, pattern: tuple[str | int, ...], what: str) -> str:
        """``shown`` (HTML) with the sign of the value at ``pattern``, if it has one."""
        origin = origin_in(self._marks, pattern)
        if origin is None or not shown:
            return shown
        self._notes.setdefault(origin, note(origin, what))
        return f'{shown} <span class="derived">{SIGNS[origin.kind]}</span>'

    def notes(self) -> str:
        return "".join(f'<br/><span class="sm">{esc(n)}</span>' for n in self._notes.values())


def leaders(out: list[str], leaders: tuple[Leader, ...],
        ctx: Context) -> None:
    if not leaders:
        return empty(out, "leaders", ctx.query)
    for leader in leaders:
        readings = Readings(ctx.marks, leader)
        out.append(f"<h3>{readings.sign(esc(leader.name), ('name',), 'name')}</h3>")
        line = (f"{readings.sign(esc(leader.role), ('role',), 'role')}, "
                f"{readings.sign(esc(leader.country), ('country',), 'country')}")
        if leader.native_names:
            names = " · ".join(f"{esc(n.name)} <span class=\"sm\">({esc(n.language)})</span>"
                               for n in leader.native_names)
            line += " · " + readings.sign(names, ("native_names", ANY, "name"), "native names")
        out.append(f'<p class="sub">{line}{ctx.notes.refs(leader.source)}{readings.notes()}</p>')
        if leader.note:
            out.append(f'<p class="sub">{esc(leader.note)}</p>')
        for st in leader.statements:
            topic = f"<b>{esc(st.topic)}.</b> " if st.topic else ""
            said = f"“{esc(st.text)}”" if st.kind == "quote" else esc(st.text)
            kind = "" if st.kind == "quote" else ' <span class="sm">(reported)</span>'
            out.append(f'<p class="stmt">{topic}{said}{kind}{ctx.notes.refs(st.source)}</p>')


def agreements(out: list[str], agreements: tuple[Agreement, ...],
        ctx: Context) -> None:
    if not agreements:
        return empty(out, "agreements", ctx.query)
    table = Table(out, [("Document", 44), ("Status", 14), ("Parties", 22), ("Date", 20)])
    for a in agreements:
        readings = Readings(ctx.marks, a)
        note = f'<br/><span class="sm">{esc(a.note)}</span>' if a.note else ""
        status = f"{esc(term(a.status))}<br/><span class=\"sm\">{esc(term(a.kind))}</span>"
        date = readings.sign(esc(dates.readable(a.date)), ("date",), "date") if a.date else ""
        if a.validity:
            validity = readings.sign(esc(a.validity), ("validity",), "validity")
            date += f'<br/><span class="sm">{validity}</span>'
        parties = readings.sign(esc(", ".join(a.parties)), ("parties",), "parties")
        table.add(f"<b>{esc(a.title)}</b>{ctx.notes.refs(a.source)}{note}{readings.notes()}",
                  status, parties, date)
    table.close()


def trade(out: list[str], stats: tuple[TradeStatistic, ...], charts: tuple[Group, ...],
          ctx: Context) -> None:
    if not stats:
        return empty(out, "trade statistics", ctx.query)
    for chart in charts:
        out.append(f'<p{style("kicker")}>{esc(chart.title.upper())}</p>')
        height = round(chart_height_pt(chart) * 96 / 72)  # CSS pixels
        # An empty line of the chart's height, drawn over by the page painter; only the
        # charts have a minimum line height, which is how the painter finds them.
        out.append(f'<p style="line-height:{height}px; margin-bottom:0px">&nbsp;</p>')
        out.append(f'<p{style("caption")}>{_chart_caption(chart)}</p>')
    table = Table(out, [("Figure", 36), ("Value", 22), ("Period", 18), ("Change", 24)])
    for s in stats:
        readings = Readings(ctx.marks, s)
        extra = []
        arithmetic = numbers.derived_arithmetic(s)
        if arithmetic is not None:
            extra.append(f'<span class="derived">Derived:</span> '
                         f"<span class=\"sm\">{esc(arithmetic)}</span>")
            if s.derived.explanation:
                extra.append(f'<span class="sm">{esc(s.derived.explanation)}</span>')
        if s.note:
            extra.append(f'<span class="sm">{esc(s.note)}</span>')
        value = readings.sign(esc(numbers.amount(s)), ("value",), "value")
        if s.derived is not None:
            value += ' <span class="derived">(derived)</span>'
        period = readings.sign(esc(s.period or ""), ("period",), "period")
        change = readings.sign(esc(numbers.change(s)), ("change",), "change")
        more = "".join(f"<br/>{x}" for x in extra) + readings.notes()
        table.add(f"<b>{esc(s.metric)}</b>{ctx.notes.refs(s.source)}{more}", value, period, change)
    table.close()


def _chart_caption(chart: Group) -> str:
    shown = ""
    if chart.total > len(chart.bars):
        shown = (f"The first {len(chart.bars)} of {chart.total} figures, by period. "
                 if chart.comparison else
                 f"The {len(chart.bars)} largest of {chart.total} figures in this unit. ")
    if any(b.derived for b in chart.bars):
        values = ("Solid bars: values as the article gives them; hatched bars: values "
                  "derived from them (the table gives the arithmetic)")
    else:
        values = "Values as the article gives them"
    signs = "; † and ‡ mark inferred and added labels" if any(
        b.signed for b in chart.bars) else ""
    return f"{shown}{values}{signs}. See the table for periods and sources."


def cooperation(out: list[str], areas: tuple[CooperationArea, ...],
        ctx: Context) -> None:
    # Two tables for the whole section, areas then places (with their area), rather than
    # a heading and a table per area: easier to scan, and a fraction of the layout work
    # at 2,000 areas.
    if not areas:
        return empty(out, "cooperation areas", ctx.query)
    table = Table(out, [("Area", 30), ("What the article says", 70)])
    for area in areas:
        table.add(f"<b>{esc(area.area)}</b>{ctx.notes.refs(area.source)}", esc(area.details or ""))
    table.close()
    places = [(area, index, place) for area in areas
              for index, place in enumerate(area.places)]
    if not places:
        return None
    out.append("<h3>Places and products</h3>")
    table = Table(out, [("Place", 26), ("Products", 37), ("Area", 16), ("Note", 21)])
    for area, index, place in places:
        readings = Readings(ctx.marks, area)
        at = ("places", index)
        where = f"<b>{readings.sign(esc(place.name), (*at, 'name'), 'place')}</b>"
        if place.country:
            country = readings.sign(esc(place.country), (*at, "country"), "country")
            where += f'<br/><span class="sm">{country}</span>'
        if place.established:
            since = readings.sign(esc(dates.readable(place.established)),
                                  (*at, "established"), "established")
            where += f'<br/><span class="sm">since {since}</span>'
        table.add(where, esc(", ".join(place.products)), esc(area.area),
                  f'<span class="sm">{esc(place.note or "")}</span>{readings.notes()}')
    table.close()
    return None


def organisations(out: list[str], orgs: tuple[Organisation, ...],
        ctx: Context) -> None:
    if not orgs:
        return empty(out, "organisations", ctx.query)
    table = Table(out, [("Organisation", 45), ("Acronym", 12), ("Note", 43)])
    for org in orgs:
        readings = Readings(ctx.marks, org)
        name = readings.sign(esc(org.name), ("name",), "name")
        acronym = readings.sign(esc(org.acronym or ""), ("acronym",), "acronym")
        table.add(f"<b>{name}</b>{ctx.notes.refs(org.source)}", acronym,
                  esc(org.note or "") + readings.notes())
    table.close()


def timeline(out: list[str], events: tuple[Event, ...],
        ctx: Context) -> None:
    if not events:
        return empty(out, "events", ctx.query)
    table = Table(out, [("Date", 22), ("Event", 50), ("Place", 28)])
    for ev in events:
        readings = Readings(ctx.marks, ev)
        note = f'<br/><span class="sm">{esc(ev.note)}</span>' if ev.note else ""
        date = readings.sign(esc(dates.readable(ev.date)), ("date",), "date")
        place = readings.sign(esc(ev.place or ""), ("place",), "place")
        table.add(date, f"{esc(ev.title)}{ctx.notes.refs(ev.source)}{note}{readings.notes()}",
                  place)
    table.close()


def sources(out: list[str], ctx: Context) -> None:
    notes = ctx.notes
    if not notes.numbers:
        return empty(out, "source excerpts", ctx.query)
    out.append('<p class="sub">Each excerpt is copied verbatim from the article; the '
               "numbers in brackets above point here.</p>")
    # No <a name> here: Qt's HTML import is quadratic in named anchors;
    # the renderer names these notes afterwards (see render.name_notes).
    out.extend(f'<p class="note">[{number}]\u2002{esc(excerpt)}</p>'
               for excerpt, number in notes.numbers.items())


def article(out: list[str], article_text: str | None, source_name: str) -> None:
    out.append(f'<p class="sub">The full text of {esc(source_name)}, from which every '
               "excerpt above is quoted.</p>")
    if article_text is None:
        out.append(f'<p{style("empty")}>The article was not available when this PDF was '
                   'made.</p>')
        return
    text = article_text.replace("\r\n", "\n")
    # Blank lines separate paragraphs when the article has any; otherwise each line is one.
    paragraphs = [" ".join(p.split()) for p in text.split("\n\n" if "\n\n" in text else "\n")]
    out.extend(f'<p class="article">{esc_text(p)}</p>' for p in paragraphs if p)

