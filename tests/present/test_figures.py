"""Which figures the charts compare and which are key figures: one policy for every view."""

from __future__ import annotations

import dataclasses

import pytest
from conftest import SEED_BRIEFING

from desktop.core.load import load_briefing
from desktop.core.model import Marking, TradeStatistic
from desktop.present.figures import MAX_BARS, chart_groups, key_figures


@pytest.fixture(scope="module")
def seed():
    return load_briefing(SEED_BRIEFING)


def _money(metric: str, value: float, currency: str = "USD", scale: str | None = "million",
           period: str | None = None) -> TradeStatistic:
    return TradeStatistic(metric=metric, value=value, unit="currency", currency=currency,
                          scale=scale, period=period, source=("s",))


def test_chart_compares_2016_and_2017_turnover_with_the_derived_one_marked(seed):
    groups = chart_groups(seed.trade_statistics)
    assert len(groups) == 1
    group = groups[0]
    assert group.title == "Bilateral trade turnover (USD million)"
    assert group.comparison and group.total == 2
    assert [bar.label for bar in group.bars] == ["January-September 2016 †",
                                                 "January-September 2017"]
    assert [bar.signed for bar in group.bars] == [True, False]
    assert [bar.value_text for bar in group.bars] == ["about $275.9 million", "$441.4 million"]
    assert group.bars[0].derived == "441.4 / (1 + 60 / 100) = 275.875 ≈ 275.9"
    assert group.bars[1].derived is None and group.bars[1].change_text == "↑ 60%"
    assert group.bars[1].direction == "increase"


def test_comparison_bars_go_by_period_and_stop_at_the_limit():
    stats = [_money("Exports", 10 + n, period=str(2020 - n)) for n in range(MAX_BARS + 3)]
    (group,) = chart_groups(stats)
    assert group.total == MAX_BARS + 3 and len(group.bars) == MAX_BARS
    assert [bar.label for bar in group.bars] == [str(y) for y in range(2010, 2010 + MAX_BARS)]


def test_without_comparisons_the_largest_figures_of_the_commonest_unit():
    stats = [_money("A", 5), _money("B", 9000, currency="KZT", scale="billion"),
             _money("C", 7, period="2017"), _money("D", 1)]
    (group,) = chart_groups(stats)
    assert not group.comparison
    assert group.title == "Largest figures in USD million"
    assert [(bar.label, bar.sublabel) for bar in group.bars] == [("C", "2017"), ("A", ""),
                                                                 ("D", "")]
    assert group.bars[0].caption == "C (2017)" and group.total == 3


def test_no_values_no_chart():
    assert chart_groups([TradeStatistic(metric="m", direction="increase", source=("s",))]) == []


def test_key_figures_are_money_then_moving_and_only_what_the_article_states(seed):
    # 1 is the derived 2016 turnover: never a headline number.
    assert key_figures(seed.trade_statistics) == [0, 4, 5, 6]
    marked = dataclasses.replace(seed.trade_statistics[4], inferred=(
        Marking(fields=("value",), reason="a reading"),))
    stats = (*seed.trade_statistics[:4], marked, *seed.trade_statistics[5:])
    assert key_figures(stats) == [0, 5, 6, 7]
    assert key_figures(()) == []
