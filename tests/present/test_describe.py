"""An entry as labelled lines (the detail pane, Ctrl+C), written as every view writes it."""

from __future__ import annotations

import pytest
from conftest import SEED_BRIEFING

from desktop.core.load import load_briefing
from desktop.present import describe


@pytest.fixture(scope="module")
def seed():
    return load_briefing(SEED_BRIEFING)


def test_entry_as_plain_text_has_fields_and_excerpts(seed):
    text = describe.as_plain_text(seed.trade_statistics[1])
    assert text.startswith("Bilateral trade turnover\n")
    assert "Figure: about $275.9 million\n" in text
    assert "Derived: 441.4 / (1 + 60 / 100) = 275.875 ≈ 275.9" in text
    assert "Source:\n  The turnover for the first nine months of 2017" in text


def test_figures_changes_and_dates_read_as_in_the_tables(seed):
    lines = {line.label: line.value for line in describe.lines(seed.trade_statistics[0])}
    assert lines["Figure"] == "$441.4 million"
    assert lines["Change"] == "↑ 60% on January-September 2016"
    agreement = {line.label: line.value for line in describe.lines(seed.agreements[0])}
    assert agreement["Date"] == "29–30 November 2017"
    header = {line.label: line.value for line in describe.lines(seed.briefing)}
    assert header["Date"] == "29–30 November 2017"
    events = [describe.as_plain_text(e) for e in seed.events]
    assert "Date: 2015–2016\n" in events[2]


def test_all_excerpts_include_a_leaders_statements(seed):
    excerpts = describe.all_excerpts(seed.leaders[1])
    assert excerpts[0] == "met with Belarusian President Alexander Lukashenko"
    assert "Lukashenko said Nazarbayev’s visit would strengthen cooperation." in excerpts
