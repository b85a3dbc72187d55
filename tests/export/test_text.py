"""How dates and figures read in print."""

from __future__ import annotations

import pytest

from desktop.core.model import Change, Derived, TradeStatistic
from desktop.export.text import format_change, format_date, format_value


@pytest.mark.parametrize(("iso", "printed"), [
    ("2017", "2017"),
    ("2017-11", "November 2017"),
    ("2017-11-30", "30 November 2017"),
    ("2017-11-29/2017-11-30", "29–30 November 2017"),
    ("2017-11-29/2017-12-02", "29 November – 2 December 2017"),
    ("2017-01/2017-09", "January–September 2017"),
    ("2015/2016", "2015 – 2016"),
    ("2016-12-31/2017-01-02", "31 December 2016 – 2 January 2017"),
    ("2017-13", "2017-13"),  # not a date: printed as written, never a crash
])
def test_dates(iso, printed):
    assert format_date(iso) == printed


def _stat(**fields) -> TradeStatistic:
    return TradeStatistic(metric="m", source=("s",), **fields)


@pytest.mark.parametrize(("fields", "printed"), [
    ({"value": 441.4, "unit": "currency", "currency": "USD", "scale": "million"},
     "$441.4 million"),
    ({"value": 1500, "unit": "currency", "currency": "KZT", "scale": "billion"},
     "1,500 billion KZT"),
    ({"value": 150, "qualifier": "more than", "unit": "participants"},
     "more than 150 participants"),
    ({"value": 3, "qualifier": "one of the top", "unit": "largest partners"},
     "one of the top 3 largest partners"),
    ({"value": 260.0, "unit": "enterprises", "qualifier": "exactly"}, "260 enterprises"),
    ({"value": 275.9, "unit": "currency", "currency": "USD", "scale": "million",
      "derived": Derived(arithmetic="441.4 / 1.6")}, "$275.9 million"),
    ({}, ""),
    # Every digit written, however small or many (these printed as 0.00 and 441.123457):
    ({"value": 1e-07, "unit": "percent"}, "0.0000001 percent"),
    ({"value": 0.000000000000001, "unit": "currency", "currency": "USD"}, "$0.000000000000001"),
    ({"value": 441.123456789, "unit": "currency", "currency": "USD", "scale": "million"},
     "$441.123456789 million"),
    ({"value": -999999999999999, "unit": "tonnes"}, "-999,999,999,999,999 tonnes"),
])
def test_values(fields, printed):
    assert format_value(_stat(**fields)) == printed


def test_change():
    stat = _stat(value=441.4, direction="increase",
                 change=Change(value=60, unit="percent", compared_with="January-September 2016"))
    assert format_change(stat) == "▲ up 60% on January-September 2016"
    assert format_change(_stat(direction="decrease")) == "▼ down"
