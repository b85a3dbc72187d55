"""Figures, amounts, changes and derived arithmetic: the one way every view writes them."""

from __future__ import annotations

import pytest
from conftest import SEED_BRIEFING

from desktop.core.load import load_briefing
from desktop.core.model import Change, Derived, TradeStatistic
from desktop.present import numbers


def _stat(**fields) -> TradeStatistic:
    return TradeStatistic(metric="m", source=("s",), **fields)


@pytest.mark.parametrize(("value", "shown"), [
    (441.4, "441.4"), (1500, "1,500"), (60.0, "60"), (-999999999999999, "-999,999,999,999,999"),
    (99999999999999.9, "99,999,999,999,999.9"), (1.23456789, "1.23456789"),
    # Small figures in full, not as 1e-07 (a repr with an exponent):
    (1e-07, "0.0000001"), (1.23456789012345e-10, "0.000000000123456789012345"),
])
def test_numbers_are_shown_with_the_digits_written(value, shown):
    assert numbers.number(value) == shown


@pytest.mark.parametrize(("fields", "shown"), [
    ({"value": 441.4, "unit": "currency", "currency": "USD", "scale": "million"},
     "$441.4 million"),
    ({"value": 2, "unit": "currency", "currency": "EUR", "scale": "billion"}, "€2 billion"),
    ({"value": 15, "unit": "currency", "currency": "GBP"}, "£15"),
    # Every other currency by its code, where a symbol would stand (¥ is two currencies):
    ({"value": 441.4, "unit": "currency", "currency": "KZT", "scale": "million"},
     "KZT 441.4 million"),
    ({"value": 1500, "unit": "currency", "currency": "CNY", "scale": "billion"},
     "CNY 1,500 billion"),
    ({"value": 2.5, "unit": "currency", "currency": "RUB", "qualifier": "about"},
     "about RUB 2.5"),
    ({"value": 150, "qualifier": "more than", "unit": "participants"},
     "more than 150 participants"),
    ({"value": 3, "qualifier": "one of the top", "unit": "largest partners"},
     "one of the 3 largest partners"),
    ({"value": 260.0, "unit": "enterprises", "qualifier": "exactly"}, "260 enterprises"),
    ({"value": 1.23456789, "unit": "tonnes"}, "1.23456789 tonnes"),
    ({"value": 12, "scale": "thousand", "unit": "tonnes"}, "12 thousand tonnes"),
    ({"value": 275.9, "unit": "currency", "currency": "USD", "scale": "million",
      "derived": Derived(arithmetic="441.4 / 1.6")}, "$275.9 million"),
    # Every digit written, however small or many:
    ({"value": 1e-07, "unit": "percent"}, "0.0000001 percent"),
    ({"value": 0.000000000000001, "unit": "currency", "currency": "USD"}, "$0.000000000000001"),
    ({"value": 441.123456789, "unit": "currency", "currency": "USD", "scale": "million"},
     "$441.123456789 million"),
    ({"value": -999999999999999, "unit": "tonnes"}, "-999,999,999,999,999 tonnes"),
    # A trend without a figure shows the trend in its place:
    ({"direction": "increase"}, "↑ increase"),
    ({"direction": "decrease"}, "↓ decrease"),
    ({"direction": "unchanged"}, "→ unchanged"),
    ({}, "—"),
])
def test_amounts(fields, shown):
    assert numbers.amount(_stat(**fields)) == shown


@pytest.mark.parametrize(("fields", "size", "shown"), [
    ({"value": 441.4, "direction": "increase",
      "change": Change(value=60, unit="percent", compared_with="January-September 2016")},
     "↑ 60%", "↑ 60% on January-September 2016"),
    # The model's change is a size: a fall of 20 is never written "+20".
    ({"value": 100, "direction": "decrease", "change": Change(value=20, unit="percent")},
     "↓ 20%", "↓ 20%"),
    ({"value": 6, "unit": "plants", "change": Change(value=2, unit="plants")},
     "+2 plants", "+2 plants"),
    ({"value": 6, "change": Change(value=-1.5, unit="percent")}, "-1.5%", "-1.5%"),
    # A direction and no change: the direction, beside the figure...
    ({"value": 441.4, "direction": "increase"}, "↑ increase", "↑ increase"),
    # ...but not twice for a trend without a figure, whose figure cell says it.
    ({"direction": "decrease"}, "", ""),
    ({"value": 5}, "", ""),
])
def test_changes(fields, size, shown):
    stat = _stat(**fields)
    assert numbers.change_size(stat) == size
    assert numbers.change(stat) == shown


@pytest.mark.parametrize(("arithmetic", "value", "shown"), [
    ("441.4 / (1 + 60 / 100)", 275.9, "441.4 / (1 + 60 / 100) = 275.875 ≈ 275.9"),
    ("441.4 / 1.6", 275.875, "441.4 / 1.6 = 275.875"),
    ("0.1 + 0.2", 0.3, "0.1 + 0.2 = 0.3"),  # no float noise (0.30000000000000004)
    ("1000 * 1234.567", 1234567, "1000 * 1234.567 = 1,234,567"),  # never 1.23457e+06
    ("1 / 3", 0.3333, "1 / 3 = 0.3333333333 ≈ 0.3333"),
])
def test_derived_arithmetic_with_its_result(arithmetic, value, shown):
    stat = _stat(value=value, derived=Derived(arithmetic=arithmetic))
    assert numbers.derived_arithmetic(stat) == shown
    assert numbers.derived_arithmetic(_stat(value=value)) is None


def test_arithmetic_that_does_not_evaluate_is_shown_as_written():
    stat = _stat(value=1, derived=Derived(arithmetic="1 / 0"))
    assert numbers.derived_arithmetic(stat) == "1 / 0"


def test_seed_figures():
    stats = load_briefing(SEED_BRIEFING).trade_statistics
    assert numbers.amount(stats[0]) == "$441.4 million"
    assert numbers.change(stats[0]) == "↑ 60% on January-September 2016"
    assert numbers.amount(stats[2]) == "↓ decrease" and numbers.change(stats[2]) == ""
    assert numbers.amount(stats[6]) == "more than 150 participants"


def test_joined_cells_stay_one_line():
    assert numbers.joined(["a", "b", "a"]) == "a, b"
    assert numbers.joined(str(n) for n in range(9)) == "0, 1, 2, 3, 4, 5, … (+3)"
