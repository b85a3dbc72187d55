"""Qt-free helpers of the viewer: excerpt finding, dates, cell text, entry text, chart data."""

from __future__ import annotations

import pytest
from conftest import SEED_BRIEFING

from desktop.core.load import load_briefing
from desktop.ui import dates, describe, formatting
from desktop.ui.display import display_problem
from desktop.ui.excerpts import Utf16Offsets, find_excerpt, find_excerpts
from desktop.ui.trade_figures import chart_groups


@pytest.fixture(scope="module")
def seed():
    return load_briefing(SEED_BRIEFING)


def test_excerpt_found_exactly_and_across_different_whitespace():
    article = "One line.\nThe turnover  rose\n 60 percent. End."
    assert find_excerpt(article, "One line.") == (0, 9)
    start, end = find_excerpt(article, "The turnover rose 60 percent.")
    assert article[start:end] == "The turnover  rose\n 60 percent."
    assert find_excerpt(article, "not there") is None
    assert find_excerpts(article, ["End.", "One line.", "End."]) == [(0, 9), (42, 46)]


def test_utf16_offsets_count_astral_characters_twice():
    text = "a😀b😀c"
    offsets = Utf16Offsets(text)
    assert [offsets(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert Utf16Offsets("plain Кириллица")(5) == 5


@pytest.mark.parametrize(("text", "readable"), [
    ("2017-11-29/2017-11-30", "29–30 Nov 2017"),
    ("2017-11-30", "30 Nov 2017"),
    ("2015/2016", "2015–2016"),
    ("2017-01/2017-09", "Jan 2017 – Sep 2017"),
    ("2012", "2012"),
])
def test_dates_read_as_a_person_writes_them(text, readable):
    assert dates.readable(text) == readable


def test_dates_sort_by_start_then_length_with_missing_last():
    values = ["2017-11-30", "2017", None, "2012", "2017-01/2017-09"]
    assert sorted(values, key=dates.sort_key) == [
        "2012", "2017-01/2017-09", "2017", "2017-11-30", None]


def test_amount_shows_qualifier_currency_and_scale(seed):
    stats = seed.trade_statistics
    assert formatting.amount(stats[0]) == "$441.4 million"
    assert formatting.amount(stats[6]) == "more than 150 participants"
    assert formatting.amount(stats[2]) == "↓ decrease"
    assert formatting.change(stats[0].change) == "+60 % vs January-September 2016"


@pytest.mark.parametrize(("value", "shown"), [
    (441.4, "441.4"), (1500, "1,500"), (60.0, "60"), (-999999999999999, "-999,999,999,999,999"),
    (99999999999999.9, "99,999,999,999,999.9"),
    # Small figures in full, not as 1e-07 (a repr with an exponent):
    (1e-07, "0.0000001"), (1.23456789012345e-10, "0.000000000123456789012345"),
])
def test_numbers_are_shown_with_the_digits_written(value, shown):
    assert formatting.number(value) == shown


def test_entry_as_plain_text_has_fields_and_excerpts(seed):
    text = describe.as_plain_text(seed.trade_statistics[1])
    assert text.startswith("Bilateral trade turnover\n")
    assert "Derived: 441.4 / (1 + 60 / 100) = 275.875 ≈ 275.9" in text
    assert "Source:\n  The turnover for the first nine months of 2017" in text


def test_all_excerpts_include_a_leaders_statements(seed):
    excerpts = describe.all_excerpts(seed.leaders[1])
    assert excerpts[0] == "met with Belarusian President Alexander Lukashenko"
    assert "Lukashenko said Nazarbayev’s visit would strengthen cooperation." in excerpts


def test_chart_compares_2016_and_2017_turnover_with_the_derived_one_marked(seed):
    groups = chart_groups(seed.trade_statistics)
    assert len(groups) == 1
    group = groups[0]
    assert group.title == "Bilateral trade turnover (USD million)"
    assert [bar.label for bar in group.bars] == ["January-September 2016",
                                                 "January-September 2017"]
    assert group.bars[0].derived == "441.4 / (1 + 60 / 100) = 275.875 ≈ 275.9"
    assert group.bars[1].derived is None and group.bars[1].change_text == "+60 %"


@pytest.mark.parametrize(("env", "fragment"), [
    ({}, "no display"),
    ({"DISPLAY": "", "WAYLAND_DISPLAY": ""}, "--screenshot"),
])
def test_no_display_is_one_clear_line(env, fragment):
    problem = display_problem(env, platform="linux")
    assert problem is not None and fragment in problem and "\n" not in problem


@pytest.mark.parametrize("env", [
    {"QT_QPA_PLATFORM": "offscreen"},
    {"WAYLAND_DISPLAY": "wayland-0"},
])
def test_a_chosen_platform_or_wayland_is_left_to_qt(env):
    assert display_problem(env, platform="linux") is None


def test_other_systems_are_left_to_qt():
    assert display_problem({}, platform="win32") is None


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
