"""Each kind of page through the interface the window uses (page.py), on its own:
what it was given before it was built shows once built, its hits, stops and marks."""

from __future__ import annotations

import pytest
from conftest import SEED_ARTICLE, SEED_BRIEFING
from PySide6.QtWidgets import QApplication, QPushButton

from desktop.core import pages
from desktop.core.fold import fold
from desktop.core.search import SearchIndex
from desktop.ui.briefing_file import load
from desktop.ui.pages import PAGES as REGISTRY

LOADED = load(SEED_BRIEFING)
SEED = LOADED.briefing
INDEX = SearchIndex.build(SEED, article=LOADED.article)
MAKERS = {maker.args[0]: maker for maker in REGISTRY}


@pytest.fixture
def make_page(qtbot):
    def make(spec: pages.PageSpec):
        page = MAKERS[spec](None)
        qtbot.addWidget(page)
        page.resize(900, 600)
        return page

    return make


def _shown(page) -> None:
    page.show()
    QApplication.processEvents()


def test_an_entry_page_builds_when_shown_with_the_briefing_and_search_it_was_given(
        make_page):
    page = make_page(pages.LEADERS)
    result = INDEX.search("belarus")
    page.show_loaded(LOADED)
    page.apply_search(result)
    assert not page.is_built()  # nothing made until it is shown
    assert page.current_entry() is None and page.focus_widget() is None
    assert page.search_marks() == []
    _shown(page)
    assert page.is_built()
    matching = [SEED.leaders[i] for i in result.indices("leaders")]
    tab = page.tab()
    assert [tab.model.entry(r) for r in range(tab.model.rowCount())] == matching
    assert page.count(result) == page.hit_count() == len(matching) == 2
    assert page.search_marks() and {fold(m) for m in page.search_marks()} == {"belarus"}
    assert page.focus_widget() is tab.table


def test_an_entry_page_steps_to_its_hits_and_opens_a_match(make_page, qtbot):
    page = make_page(pages.AGREEMENTS)
    _shown(page)
    page.show_loaded(LOADED)
    result = INDEX.search("belarus")
    page.apply_search(result)
    matching = list(result.indices("agreements"))
    selected = []
    page.entry_selected.connect(selected.append)
    for stop in range(page.hit_count()):
        page.go_to_hit(stop)
        assert page.hit_position() == stop
        assert page.current_entry() is SEED.agreements[matching[stop]]
    assert selected[-1] is SEED.agreements[matching[-1]]
    assert page.open_match("agreements", matching[0]) == 0
    assert page.current_entry() is SEED.agreements[matching[0]]
    hidden = next(i for i in range(len(SEED.agreements)) if i not in matching)
    assert page.open_match("agreements", hidden) is None  # filtered out: not shown
    page.apply_search(None)  # no search: every entry, no marks
    assert page.hit_count() == len(SEED.agreements)
    assert page.search_marks() == []
    assert page.current_entry() is SEED.agreements[matching[0]]  # the selection stays


def test_an_entry_page_with_a_chart_feeds_it_and_follows_its_clicks(make_page):
    page = make_page(pages.TRADE)
    page.show_loaded(LOADED)
    _shown(page)
    chart = page.tab().header
    assert chart is not None and "$441.4 million" in chart.summary()
    chart.entry_clicked.emit(1)
    assert page.current_entry() is SEED.trade_statistics[1]
    assert chart._selected == 1  # the chart marks the entry the list selected
    page.refresh_colours()  # the pane and the chart pick their colours again


def test_the_overview_page_is_one_stop_marked_where_its_sections_match(make_page):
    page = make_page(pages.OVERVIEW)
    page.show_loading("big.yaml")
    _shown(page)
    assert page.tab().text() == "Loading big.yaml…"
    page.show_loaded(LOADED)
    assert SEED.briefing.title in page.tab().text()
    result = INDEX.search("csto")
    page.apply_search(result)
    assert page.count(result) == result.count("briefing") + result.count("organisations")
    assert page.hit_count() == 1 and page.hit_position() == 0
    assert {m.casefold() for m in page.search_marks()} == {"csto"}
    assert page.open_match("organisations", 0) == 0
    assert page.current_entry() is None  # Copy and Show in Article have nothing here
    assert page.focus_widget() is page.tab().page
    nothing = INDEX.search("zzzz")
    page.apply_search(nothing)
    assert page.count(nothing) == page.hit_count() == 0 and page.search_marks() == []
    requested = []
    page.section_requested.connect(requested.append)
    buttons = {b.text(): b for b in page.tab().findChildren(QPushButton)}
    assert f"{len(SEED.organisations)} organisations" not in buttons  # shown here
    buttons[f"{len(SEED.leaders)} leaders"].click()
    assert requested == ["leaders"]


def test_the_source_page_steps_through_matching_lines_and_marks_excerpts(make_page):
    page = make_page(pages.SOURCE)
    page.show_loaded(LOADED)
    result = INDEX.search("belarus")
    page.apply_search(result)
    page.mark_excerpts(())
    assert not page.is_built()  # nothing to show yet
    excerpt = SEED.agreements[0].source[0]
    page.mark_excerpts([excerpt])  # built for them (the article read as an entry is picked)
    assert page.is_built()
    lines = [INDEX.entry("article", i) for i in result.indices("article")]
    assert page.count(result) == page.hit_count() == len(lines) > 1
    _shown(page)
    view = page.tab().view
    assert view.toPlainText() == SEED_ARTICLE.read_text(encoding="utf-8")
    assert view.highlighted_texts() == [excerpt]
    for stop, line in enumerate(lines):
        page.go_to_hit(stop)
        assert page.hit_position() == stop
        assert view.textCursor().selectedText() == line.text
    assert page.open_match("article", result.indices("article")[0]) == 0
    assert view.textCursor().selectedText() == lines[0].text
    marks = page.search_marks()
    assert marks and {fold(m) for m in marks} == {"belarus"}
    assert page.show_excerpt() and view.textCursor().selectedText() == excerpt
    assert page.excerpt_count() == 1
    page.apply_search(None)
    assert page.hit_position() is None and page.hit_count() == 0
    assert page.current_entry() is None
