"""The body of each section of the printed briefing, as HTML for QTextDocument."""

from __future__ import annotations

from ..core.model import (
    Agreement,
    CooperationArea,
    Event,
    Leader,
    Organisation,
    TradeStatistic,
)
from ..present import dates, numbers
from ..present.figures import Group
from ..present.words import term
from .markup import Notes, Table, empty, esc, esc_text, style

CHART_ROW_PT = 15.0


def chart_height_pt(chart: Group) -> float:
    return CHART_ROW_PT * len(chart.bars) + 14


def leaders(out: list[str], leaders: tuple[Leader, ...], notes: Notes) -> None:
    if not leaders:
        return empty(out, "leaders")
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


def agreements(out: list[str], agreements: tuple[Agreement, ...], notes: Notes) -> None:
    if not agreements:
        return empty(out, "agreements")
    table = Table(out, [("Document", 44), ("Status", 14), ("Parties", 22), ("Date", 20)])
    for a in agreements:
        note = f'<br/><span class="sm">{esc(a.note)}</span>' if a.note else ""
        status = f"{esc(term(a.status))}<br/><span class=\"sm\">{esc(term(a.kind))}</span>"
        date = esc(dates.readable(a.date)) if a.date else ""
        if a.validity:
            date += f'<br/><span class="sm">{esc(a.validity)}</span>'
        table.add(f"<b>{esc(a.title)}</b>{notes.refs(a.source)}{note}", status,
                  esc(", ".join(a.parties)), date)
    table.close()


def trade(out: list[str], stats: tuple[TradeStatistic, ...], charts: tuple[Group, ...],
          notes: Notes) -> None:
    if not stats:
        return empty(out, "trade statistics")
    for chart in charts:
        out.append(f'<p{style("kicker")}>{esc(chart.title.upper())}</p>')
        height = round(chart_height_pt(chart) * 96 / 72)  # CSS pixels
        # An empty line of the chart's height, drawn over by the page painter; only the
        # charts have a minimum line height, which is how the painter finds them.
        out.append(f'<p style="line-height:{height}px; margin-bottom:0px">&nbsp;</p>')
        out.append(f'<p{style("caption")}>{_chart_caption(chart)}</p>')
    table = Table(out, [("Figure", 36), ("Value", 22), ("Period", 18), ("Change", 24)])
    for s in stats:
        extra = []
        arithmetic = numbers.derived_arithmetic(s)
        if arithmetic is not None:
            extra.append(f'<span class="derived">Derived:</span> '
                         f"<span class=\"sm\">{esc(arithmetic)}</span>")
            if s.derived.explanation:
                extra.append(f'<span class="sm">{esc(s.derived.explanation)}</span>')
        if s.note:
            extra.append(f'<span class="sm">{esc(s.note)}</span>')
        more = "".join(f"<br/>{x}" for x in extra)
        value = esc(numbers.amount(s))
        if s.derived is not None:
            value += ' <span class="derived">(derived)</span>'
        table.add(f"<b>{esc(s.metric)}</b>{notes.refs(s.source)}{more}", value,
                  esc(s.period or ""), esc(numbers.change(s)))
    table.close()


def _chart_caption(chart: Group) -> str:
    shown = ""
    if chart.total > len(chart.bars):
        shown = (f"The first {len(chart.bars)} of {chart.total} figures, by period. "
                 if chart.comparison else
                 f"The {len(chart.bars)} largest of {chart.total} figures in this unit. ")
    derived = "Hatched bars are derived values. " if any(b.derived for b in chart.bars) \
        else ""
    return (f"{shown}{derived}Values as the article gives them; see the table for periods "
            "and sources.")


def cooperation(out: list[str], areas: tuple[CooperationArea, ...], notes: Notes) -> None:
    # Two tables for the whole section, areas then places (with their area), rather than
    # a heading and a table per area: easier to scan, and a fraction of the layout work
    # at 2,000 areas.
    if not areas:
        return empty(out, "cooperation areas")
    table = Table(out, [("Area", 30), ("What the article says", 70)])
    for area in areas:
        table.add(f"<b>{esc(area.area)}</b>{notes.refs(area.source)}", esc(area.details or ""))
    table.close()
    places = [(area, place) for area in areas for place in area.places]
    if not places:
        return None
    out.append("<h3>Places and products</h3>")
    table = Table(out, [("Place", 26), ("Products", 37), ("Area", 16), ("Note", 21)])
    for area, place in places:
        where = f"<b>{esc(place.name)}</b>"
        if place.country:
            where += f'<br/><span class="sm">{esc(place.country)}</span>'
        if place.established:
            where += f'<br/><span class="sm">since {esc(dates.readable(place.established))}</span>'
        table.add(where, esc(", ".join(place.products)), esc(area.area),
                  f'<span class="sm">{esc(place.note or "")}</span>')
    table.close()
    return None


def organisations(out: list[str], orgs: tuple[Organisation, ...], notes: Notes) -> None:
    if not orgs:
        return empty(out, "organisations")
    table = Table(out, [("Organisation", 45), ("Acronym", 12), ("Note", 43)])
    for org in orgs:
        table.add(f"<b>{esc(org.name)}</b>{notes.refs(org.source)}", esc(org.acronym or ""),
                  esc(org.note or ""))
    table.close()


def timeline(out: list[str], events: tuple[Event, ...], notes: Notes) -> None:
    if not events:
        return empty(out, "events")
    table = Table(out, [("Date", 22), ("Event", 50), ("Place", 28)])
    for ev in events:
        note = f'<br/><span class="sm">{esc(ev.note)}</span>' if ev.note else ""
        table.add(esc(dates.readable(ev.date)), f"{esc(ev.title)}{notes.refs(ev.source)}{note}",
                  esc(ev.place or ""))
    table.close()


def sources(out: list[str], notes: Notes) -> None:
    if not notes.numbers:
        return empty(out, "source excerpts")
    out.append('<p class="sub">Each excerpt is copied verbatim from the article; the '
               "numbers in brackets above point here.</p>")
    # No <a name> here: Qt's HTML import is quadratic in named anchors (2.4 s for 10,000);
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

