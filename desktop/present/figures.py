"""Which trade figures a view picks out: the charts' comparisons (one policy for the
window's chart and the PDF's) and the key figures of the Overview and the PDF's overview.

Figures of the same metric, unit, currency and scale are comparable: the seed's Jan-Sep
2017 turnover and the Jan-Sep 2016 turnover derived from it form one comparison, its
bars in the order of their periods. With no comparable figures the chart shows the
largest money figures of the currency and scale most figures are in (bars of different
currencies or scales on one axis would compare what cannot be compared).
"""

from __future__ import annotations

import heapq
import re
from collections.abc import Sequence
from typing import NamedTuple

from ..core.longtext import clipped
from ..core.model import TradeStatistic
from ..core.origins import BriefingMarks, Origin, covering, entry_markings
from ..core.problems import NodePath
from . import numbers
from .readings import note, origin_at, origin_in, signed

KEY_FIGURES = 4
MAX_GROUPS = 3
MAX_BARS = 8
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


# NamedTuples, not dataclasses: the Overview imports this module before the window's
# first paint, and making a dataclass runs exec().
class Bar(NamedTuple):
    entry_index: int  # in the briefing's trade_statistics
    label: str  # the period in a comparison; the metric among the largest figures
    sublabel: str  # a second line under the bar: the period among the largest figures
    value: float
    value_text: str  # the figure as every view writes it (numbers.amount)
    change_text: str  # how it moved, without what it is compared with: '↑ 60%'
    direction: str | None  # 'increase', 'decrease', 'unchanged' or None
    derived: str | None  # the arithmetic with its result, for a derived figure
    signed: bool = False  # the label or value carries an inferred or added sign

    @property
    def caption(self) -> str:
        """The label and sublabel on one line: 'Bilateral trade (2017)'."""
        return f"{self.label} ({self.sublabel})" if self.sublabel else self.label


class Group(NamedTuple):
    title: str
    bars: tuple[Bar, ...]
    comparison: bool  # True: one metric over periods; False: a fallback of largest figures
    total: int  # the figures the group was chosen from, of which ``bars`` shows some


def key_figures(stats: Sequence[TradeStatistic]) -> list[int]:
    """Indices of the figures worth a glance: money first, moving ones next, then in the
    briefing's order. Only figures the article states: a derived, inferred or added one
    among the headline numbers would read as the article's own."""
    ranked = heapq.nsmallest(KEY_FIGURES, (
        (s.unit != "currency", s.change is None, i)
        for i, s in enumerate(stats) if s.value is not None and _stated_value(s)))
    return [key[-1] for key in ranked]


class KeyFigure(NamedTuple):
    """A key figure as the Overview and the printed overview show it."""

    amount: str  # '$441.4 million'
    what: str  # the metric, and its period: 'Bilateral trade turnover, January-…'
    moved: str  # '↑ 60% on January-September 2016', or ''
    notes: tuple[str, ...]  # the reasons of inferred or added parts (readings.note)


def key_figure(stat: TradeStatistic, marks: dict[NodePath, Origin]) -> KeyFigure:
    """``stat`` (a key figure: its value is stated) with the signs of what is not."""
    period = origin_at(marks, ("period",))
    moved = origin_in(marks, ("change",))
    what = stat.metric + (f", {signed(stat.period, period)}" if stat.period else "")
    notes = tuple(dict.fromkeys(note(o, w) for o, w in ((period, "period"),
                                                         (moved, "change")) if o))
    return KeyFigure(numbers.amount(stat), what, signed(numbers.change(stat), moved), notes)


def _stated_value(stat: TradeStatistic) -> bool:
    if stat.derived is not None:
        return False
    if not stat.inferred and not stat.added:  # most figures: no marking to look through
        return True
    return covering(entry_markings(stat), ("value",)) is None


def _bar(index: int, stat: TradeStatistic, label: str, sublabel: str,
         marks: dict[NodePath, Origin], *, period_label: bool = False) -> Bar:
    """``period_label``: the label is the figure's period, else the sublabel is."""
    assert stat.value is not None
    period = origin_at(marks, ("period",))
    value = origin_at(marks, ("value",))
    if period_label:
        label = signed(label, period)
    else:
        sublabel = signed(sublabel, period)
    # Charts elide their labels at each paint, measuring them whole: clipped first.
    return Bar(index, clipped(label), clipped(sublabel), float(stat.value),
               signed(numbers.amount(stat), value), numbers.change_size(stat), stat.direction,
               numbers.derived_arithmetic(stat),
               (period is not None and bool(stat.period)) or value is not None)


def _period_key(item: tuple[int, TradeStatistic]) -> tuple[int, int]:
    index, stat = item
    years = _YEAR.findall(stat.period or "")
    return (int(years[-1]) if years else 9999, index)


def chart_groups(stats: Sequence[TradeStatistic], marks: BriefingMarks | None = None
                 ) -> list[Group]:
    """Up to ``MAX_GROUPS`` comparisons, or failing any, one group of the largest money
    figures; [] when no figure has a value. ``marks`` (the briefing's, for the markings
    its `briefing` section makes) sign inferred and added labels and values."""
    def bar(index: int, stat: TradeStatistic, label: str, sublabel: str = "", *,
            period_label: bool = False) -> Bar:
        own = marks.of(stat) if marks is not None else entry_markings(stat)
        return _bar(index, stat, label, sublabel, own, period_label=period_label)

    groups: dict[tuple, list[tuple[int, TradeStatistic]]] = {}
    money: dict[tuple, list[tuple[int, TradeStatistic]]] = {}  # by currency and scale
    for index, stat in enumerate(stats):
        if stat.value is None:
            continue
        key = (stat.metric.casefold(), stat.unit, stat.currency, stat.scale)
        groups.setdefault(key, []).append((index, stat))
        if stat.unit == "currency":
            money.setdefault((stat.currency, stat.scale), []).append((index, stat))
    found = []
    for members in groups.values():
        if len(members) < 2:
            continue
        total = len(members)
        members = sorted(members, key=_period_key)[:MAX_BARS]
        first = members[0][1]
        unit = numbers.unit_text(first)
        title = f"{first.metric} ({unit})" if unit else first.metric
        bars = tuple(bar(i, s, s.period or s.metric, period_label=bool(s.period))
                     for i, s in members)
        found.append(Group(clipped(title), bars, True, total))
        if len(found) == MAX_GROUPS:
            break
    if found or not money:
        return found
    same = max(money.values(), key=len)  # the first of the commonest on ties
    largest = heapq.nlargest(MAX_BARS, same, key=lambda item: float(item[1].value or 0))
    unit = numbers.unit_text(same[0][1])
    title = f"Largest figures in {unit}" if unit else "Largest money figures"
    return [Group(clipped(title), tuple(bar(i, s, s.metric, s.period or "")
                                        for i, s in largest), False, len(same))]
