"""Inferred and added values carry their sign wherever the window shows them, with the
reason at hand: list cells (tooltip), the detail pane, the Overview and the charts."""

from __future__ import annotations

from conftest import SEED_BRIEFING
from PySide6.QtCore import Qt

from desktop.core.load import load_briefing

SEED = load_briefing(SEED_BRIEFING)


def _cell(tab, row: int, header: str) -> tuple[str, str]:
    model = tab.model
    column = next(c for c in range(model.columnCount())
                  if model.headerData(c, Qt.Orientation.Horizontal) == header)
    index = model.index(row, column)
    return (index.data(Qt.ItemDataRole.DisplayRole), index.data(Qt.ItemDataRole.ToolTipRole))


def test_list_cells_sign_inferred_and_added_values_and_give_the_reason(make_window):
    window = make_window(SEED_BRIEFING, tab="agreements")
    tab = window.entry_tab("agreements")
    shown, tip = _cell(tab, 0, "Parties")
    assert shown == "Kazakhstan, Belarus †"
    assert tip == ("Kazakhstan, Belarus †\n† Inferred: " + SEED.agreements[0].inferred[0].reason)
    assert _cell(tab, 0, "Title")[0] == SEED.agreements[0].title  # the author's words
    # A document whose parties the article names is not signed.
    assert _cell(tab, 4, "Parties")[0].endswith("Tajikistan")
    window.select_tab("leaders")
    leaders = window.entry_tab("leaders")
    assert _cell(leaders, 0, "Country")[0] == "Kazakhstan"
    # events[5]'s date is marked by the briefing section, not by the event itself
    window.select_tab("timeline")
    timeline = window.entry_tab("timeline")
    assert _cell(timeline, timeline.model.row_of(5), "Date")[0] == "29–30 November 2017 †"


def test_the_detail_pane_signs_the_value_and_says_why(make_window):
    window = make_window(SEED_BRIEFING, tab="leaders")
    pane = window.entry_tab("leaders").detail
    text = pane.toPlainText()
    assert "Нурсултан Назарбаев (ru) ‡" in text
    assert "‡ Added: The usual Kazakh and Russian spellings of his name" in text
    assert "Inferred" not in text and "Fields" not in text  # no raw markings listed


def test_the_overview_signs_the_date_and_keeps_derived_figures_out_of_key_figures(
        make_window):
    window = make_window(SEED_BRIEFING, tab="overview")
    text = window.overview_tab().text()
    assert "29–30 November 2017 † · Minsk, Belarus" in text
    assert "† Inferred (date): The article dates the visit" in text
    assert "↑ 60% on January-September 2016 †" in text
    assert "275.9" not in text


def test_charts_sign_inferred_labels(make_window):
    window = make_window(SEED_BRIEFING, tab="timeline")
    timeline = window.entry_tab("timeline").header
    labels = [item.when() for item in timeline._items]
    assert "29–30 November 2017 †" in labels  # events[5], marked from the briefing section
    assert "2012" in labels
