"""Dates and periods: one readable form in every view, sorted by when they start."""

from __future__ import annotations

import pytest

from desktop.present import dates


@pytest.mark.parametrize(("iso", "shown"), [
    ("2017", "2017"),
    ("2017-11", "November 2017"),
    ("2017-11-30", "30 November 2017"),
    ("2017-11-29/2017-11-30", "29–30 November 2017"),
    ("2017-11-29/2017-12-02", "29 November – 2 December 2017"),
    ("2017-01/2017-09", "January–September 2017"),
    ("2015/2016", "2015–2016"),
    ("2016-12-31/2017-01-02", "31 December 2016 – 2 January 2017"),
    ("2016-11/2017-02", "November 2016 – February 2017"),
    ("2017/2018-03", "2017 – March 2018"),
    ("2017-11-30/2017-11-30", "30 November 2017"),
    ("2017-13", "2017-13"),  # not a date: shown as written, never a crash
    ("2017-02-30", "2017-02-30"),
    ("soon", "soon"),
])
def test_dates_read_as_a_person_writes_them(iso, shown):
    assert dates.readable(iso) == shown


def test_dates_sort_by_start_then_length_with_missing_last():
    values = ["2017-11-30", "2017", None, "2012", "2017-01/2017-09"]
    assert sorted(values, key=dates.sort_key) == [
        "2012", "2017-01/2017-09", "2017", "2017-11-30", None]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2016-02", "2016-02-01", "2016-02-29"),
    ("2017-12", "2017-12-01", "2017-12-31"),
    ("2017-01/2017-09", "2017-01-01", "2017-09-30"),
    ("2015/2016", "2015-01-01", "2016-12-31"),
])
def test_date_range_covers_whole_months_and_years(text, first, last):
    span = dates.date_range(text)
    assert span is not None and (span[0].isoformat(), span[1].isoformat()) == (first, last)


def test_date_range_of_nonsense_is_none():
    assert dates.date_range("2017-13") is None and dates.date_range("soon") is None
    assert dates.date_range("2017-11-29-1") is None
