"""One long word anywhere (a field, the article) shows in the viewer's normal times: Qt lays
out a run it cannot break in time that grows with the square of its length (a 20,000-
character word in a statement took the Leaders tab 2 s, 100,000 over a minute). Eight
times the text must take about as long, or at most about eight times as long."""

from __future__ import annotations

import dataclasses
import time

import pytest
from conftest import SEED_BRIEFING

from desktop.core.load import load_briefing
from desktop.core.longtext import ZWSP
from desktop.core.search import SearchIndex
from desktop.ui.detail_pane import DetailPane
from desktop.ui.source_view import SourceView

SEED = load_briefing(SEED_BRIEFING)


def _leader_saying(text: str):  # type: ignore[no-untyped-def]
    leader = SEED.leaders[0]
    statements = (dataclasses.replace(leader.statements[0], text=text),
                  *leader.statements[1:])
    return dataclasses.replace(leader, statements=statements)


def _shown_cpu(widget, show, qapp) -> float:  # type: ignore[no-untyped-def]
    """CPU time to show something in ``widget`` and lay it out at three widths (each
    width a layout again, as a splitter being dragged does)."""
    started = time.process_time()
    show()
    for width in (420, 380, 340):
        widget.resize(width, 500)
        qapp.processEvents()
        widget.grab()
    return time.process_time() - started


def _on_screen(qtbot, widget):  # type: ignore[no-untyped-def]
    qtbot.addWidget(widget)
    widget.resize(420, 500)
    widget.show()
    return widget


@pytest.mark.timeout(60)
def test_the_detail_pane_shows_a_word_of_any_length_in_about_the_same_time(qtbot, qapp):
    pane = _on_screen(qtbot, DetailPane())
    times = [_shown_cpu(pane, lambda n=n: pane.show_entry(_leader_saying("x" * n)), qapp)
             for n in (20_000, 160_000)]
    assert times[1] < max(times[0], 0.02) * 3, times
    text = pane.toPlainText()
    assert "x" * 1000 in text.replace(ZWSP, "")
    assert "150,000 more characters: Copy copies the whole entry" in text


def test_copying_from_a_pane_gives_the_text_without_the_breaks(qtbot):
    pane = DetailPane()
    qtbot.addWidget(pane)
    word = "k" * 300
    pane.show_entry(_leader_saying(word))
    assert ZWSP in pane.toPlainText()  # the layout's break opportunities
    pane.selectAll()
    copied = pane.createMimeDataFromSelection().text()
    assert word in copied and ZWSP not in copied


@pytest.mark.timeout(60)
def test_the_source_view_lays_out_an_article_with_a_long_run_in_linear_time(qtbot, qapp):
    view = _on_screen(qtbot, SourceView())

    def place(n: int) -> float:
        article = "ASTANA – An article. " + "z" * n + " The end."
        return _shown_cpu(view, lambda: view.set_article(article), qapp)

    small, large = place(20_000), place(160_000)
    assert large < max(small, 0.01) * 8 * 3, (small, large)
    assert view.toPlainText().endswith("The end.")


def test_the_search_index_files_a_long_word_in_linear_time():
    def build(n: int) -> float:
        briefing = dataclasses.replace(SEED, leaders=(_leader_saying("x" * n),
                                                      *SEED.leaders[1:]))
        started = time.process_time()
        SearchIndex.build(briefing)
        return time.process_time() - started

    # Each match of a spelling pair inside the word copied the whole word: 2.7 s at 100,000.
    small, large = build(20_000), build(160_000)
    assert large < max(small, 0.01) * 8 * 3, (small, large)
