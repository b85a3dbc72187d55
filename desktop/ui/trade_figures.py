"""Which trade figures the chart compares (Qt-free).

Figures of the same metric, unit, currency and scale are comparable: the seed's Jan-Sep
2017 turnover and the Jan-Sep 2016 turnover derived from it form one comparison. With
no comparable figures the chart shows the largest money figures instead.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..core.longtext import clipped
from ..core.model import TradeStatistic
from . import formatting

MAX_GROUPS = 3
MAX_BARS = 8
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")


@dataclass(frozen=True, slots=True)
class Bar:
    entry_index: int
    label: str  # the period in a comparison; the metric among the largest figures
    sublabel: str  # a second line under the bar: the period among the largest figures
    value: float
    value_text: str
    change_text: str
    derived: str | None  # the arithmetic, for a derived figure


@dataclass(frozen=True, slots=True)
class Group:
    title: str
    bars: tuple[Bar, ...]
    comparison: bool  # True: one metric over periods; False: a fallback of largest figures


def _unit_text(stat: TradeStatistic) -> str:
    if stat.unit == "currency":
        return " ".join(p for p in (stat.currency, stat.scale) if p)
    return " ".join(p for p in (stat.scale, stat.unit) if p)


def _bar(index: int, stat: TradeStatistic, label: str, sublabel: str = "") -> Bar:
    assert stat.value is not None
    # The chart elides its labels at each paint, measuring them whole: clipped first.
    return Bar(index, clipped(label), clipped(sublabel), float(stat.value),
               formatting.amount(stat),
               formatting.change(stat.change).split(" vs ")[0], formatting.derived_arithmetic(stat))


def _period_key(item: tuple[int, TradeStatistic]) -> tuple[int, int]:
    index, stat = item
    years = _YEAR.findall(stat.period or "")
    return (int(years[-1]) if years else 9999, index)


def chart_groups(stats: Sequence[TradeStatistic]) -> list[Group]:
    groups: dict[tuple, list[tuple[int, TradeStatistic]]] = {}
    for index, stat in enumerate(stats):
        if stat.value is None:
            continue
        key = (stat.metric.casefold(), stat.unit, stat.currency, stat.scale)
        groups.setdefault(key, []).append((index, stat))
    found = []
    for members in groups.values():
        if len(members) < 2:
            continue
        members = sorted(members, key=_period_key)[:MAX_BARS]
        first = members[0][1]
        title = f"{first.metric} ({_unit_text(first)})" if _unit_text(first) else first.metric
        bars = tuple(_bar(i, s, s.period or s.metric) for i, s in members)
        found.append(Group(clipped(title), bars, True))
        if len(found) == MAX_GROUPS:
            break
    if found:
        return found
    money = [(i, s) for i, s in enumerate(stats) if s.value is not None and s.unit == "currency"]
    if not money:
        return []
    largest = sorted(money, key=lambda item: -float(item[1].value or 0))[:MAX_BARS]
    return [Group("Largest money figures", tuple(
        _bar(i, s, s.metric, s.period or "") for i, s in largest),
        False)]
