"""The item models over the core model: valid for Qt, sortable, filterable."""

from __future__ import annotations

import pytest
from conftest import SEED_BRIEFING
from PySide6.QtCore import QPersistentModelIndex, Qt

from desktop.core.load import load_briefing
from desktop.core.model import entry_label
from desktop.ui import columns
from desktop.ui.entry_model import ENTRY_INDEX_ROLE, ENTRY_ROLE, EntryModel

SECTIONS = [("leaders", columns.LEADERS), ("agreements", columns.AGREEMENTS),
            ("trade_statistics", columns.TRADE), ("cooperation_areas", columns.COOPERATION),
            ("organisations", columns.ORGANISATIONS), ("events", columns.EVENTS)]


@pytest.fixture(scope="module")
def seed():
    return load_briefing(SEED_BRIEFING)


@pytest.mark.parametrize(("section", "cols"), SECTIONS)
def test_model_passes_qt_model_tester(qtmodeltester, seed, section, cols):
    model = EntryModel(cols)
    model.set_entries(getattr(seed, section))
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks every change signal from here on.
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    model.set_row_filter([0])
    model.set_row_filter(None)
    model.sort(-1)
    model.set_entries(getattr(seed, section)[:1])


@pytest.mark.parametrize(("section", "cols"), SECTIONS)
def test_model_lists_every_entry_in_file_order(seed, section, cols):
    entries = getattr(seed, section)
    model = EntryModel(cols)
    model.set_entries(entries)
    assert model.rowCount() == len(entries) > 0
    assert [model.index(r, 0).data(ENTRY_ROLE) for r in range(model.rowCount())] == list(entries)
    assert model.index(0, 0).data() == entry_label(entries[0]) or section == "events"


def test_sort_by_figure_puts_numbers_in_order_and_trends_last(seed):
    model = EntryModel(columns.TRADE)
    model.set_entries(seed.trade_statistics)
    model.sort(1, Qt.SortOrder.AscendingOrder)
    values = [model.index(r, 0).data(ENTRY_ROLE).value for r in range(model.rowCount())]
    assert values == [3, 6, 150, 260, 275.9, 441.4, None, None]
    model.sort(-1)
    assert [model.index(r, 0).data(ENTRY_INDEX_ROLE) for r in range(8)] == list(range(8))


def test_sort_keeps_persistent_indexes_on_their_entry(seed):
    model = EntryModel(columns.TRADE)
    model.set_entries(seed.trade_statistics)
    held = QPersistentModelIndex(model.index(1, 2))
    model.sort(1, Qt.SortOrder.DescendingOrder)
    assert held.data(ENTRY_INDEX_ROLE) == 1 and held.column() == 2
    assert held.row() == 1  # 441.4 first, then the derived 275.9


def test_events_sort_by_date_not_by_text(seed):
    model = EntryModel(columns.EVENTS)
    model.set_entries(seed.events)
    model.sort(0, Qt.SortOrder.AscendingOrder)
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert shown[:4] == ["2012", "2013", "2015–2016", "January–September 2017"]
    assert shown[-1] == "30 November 2017"


def test_row_filter_shows_only_given_entries_in_sort_order(seed):
    model = EntryModel(columns.LEADERS)
    model.set_entries(seed.leaders)
    model.sort(0, Qt.SortOrder.DescendingOrder)
    model.set_row_filter({0, 1})
    assert [model.index(r, 0).data() for r in range(2)] == ["Nursultan Nazarbayev",
                                                            "Alexander Lukashenko"]
    model.set_row_filter({1})
    assert model.rowCount() == 1 and model.row_of(1) == 0 and model.row_of(0) is None
    model.set_row_filter(None)
    assert model.rowCount() == 2


@pytest.mark.parametrize("query", ["kazakhstan", "belarus trade", "section:events", ""])
def test_results_model_passes_qt_model_tester_with_every_page_fetched(qtmodeltester, seed,
                                                                      query):
    # Checked once every page is in: the tester (Qt's and pytest-qt's alike) runs its
    # checks from its modelReset slot before its own reset bookkeeping, so a fetchMore
    # it makes there reads as rows inserted during the reset.
    from desktop.core.search import SearchIndex, parse_query
    from desktop.ui.results_panel import ResultsModel

    result = SearchIndex.build(seed).search(parse_query(query))
    model = ResultsModel(lambda section: section.title())
    model.set_result(result)
    while model.canFetchMore():
        model.fetchMore()
    listed = [] if not query else list(result.iter_hits())  # no query: an empty panel
    assert [model.hit(row) for row in range(model.rowCount())] == listed
    qtmodeltester.check(model, force_py=True)
