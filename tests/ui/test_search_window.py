"""Search in the window: the field filters every tab, counts hits, marks them, steps
through them across tabs, and keeps going through a live reload."""

from __future__ import annotations

import pytest
from conftest import SEED_ARTICLE, SEED_BRIEFING
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop.core.fold import fold
from desktop.core.load import load_briefing
from desktop.core.model import SECTIONS, entry_label
from desktop.core.pages import PAGES
from desktop.core.search import SearchIndex
from desktop.ui.actions import Act
from desktop.ui.entry_model import ENTRY_ROLE

SEED = load_briefing(SEED_BRIEFING)
ARTICLE = SEED_ARTICLE.read_text(encoding="utf-8")
INDEX = SearchIndex.build(SEED, article=ARTICLE)
# The pages that list a section of the briefing, by name, with that section.
LISTS = {page.name: page.sections[0] for page in PAGES if page.sections[0] in dict(SECTIONS)}


def _type(qtbot, window, text: str) -> None:
    field = window.search_bar.field
    field.setFocus()
    if text.isascii():
        qtbot.keyClicks(field, text)
    else:  # QTest aborts on keys beyond Latin-1: insert as an input method would
        for char in text:
            field.insert(char)


def _shown(window, tab: str) -> list:
    model = window.entry_tab(tab).model
    return [model.index(r, 0).data(ENTRY_ROLE) for r in range(model.rowCount())]


def _title(window, tab: str) -> str:
    return window.tabs.tabText(window.tab_names.index(tab)).replace("&", "")


def _wait_title(qtbot, window, tab: str, title: str) -> None:
    """Titles are recounted once typing pauses."""
    qtbot.waitUntil(lambda: _title(window, tab) == title, timeout=2000)


def test_typing_filters_every_tab_and_titles_show_the_counts(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="leaders")
    _type(qtbot, window, "lukashenko")
    # Nazarbayev too: his excerpt names Lukashenko.
    assert _shown(window, "leaders") == list(SEED.leaders[:2])
    assert window.entry_tab("leaders").count_label.text() == "2 leaders"  # at once
    titles = ["Overview (1)", "Leaders (2)", "Agreements (0)", "Trade statistics (0)",
              "Cooperation areas (2)", "Timeline (1)", "Source (2)"]
    qtbot.waitUntil(lambda: [_title(window, name) for name in window.tab_names] == titles)
    expected = INDEX.search("lukashenko", typing=True)
    for page in PAGES:  # the same as the core says
        count = sum(expected.count(s) for s in page.sections)
        assert _title(window, page.name) == f"{page.title} ({count})"
    # A tab out of sight is filtered when it is shown.
    window.select_tab("cooperation")
    assert _shown(window, "cooperation") == [SEED.cooperation_areas[8],
                                             SEED.cooperation_areas[10]]
    assert window.entry_tab("cooperation").count_label.text() == \
        f"2 of {len(SEED.cooperation_areas)} cooperation areas"
    assert window.search_bar.message_text() == f"{expected.total} matches"
    window.select_tab("agreements")
    assert _shown(window, "agreements") == []
    assert window.entry_tab("agreements").detail.entry() is None


def test_a_cyrillic_query_finds_the_latin_entry(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="leaders")
    _type(qtbot, window, "Лукашенко")
    tab = window.entry_tab("leaders")
    assert "Alexander Lukashenko" in [e.name for e in _shown(window, "leaders")]
    row = [e.name for e in _shown(window, "leaders")].index("Alexander Lukashenko")
    assert tab.delegate.spans(tab.model.index(row, 0)) == [(10, 20)]  # "Lukashenko"
    _wait_title(qtbot, window, "leaders", "Leaders (2)")


def test_hits_are_marked_in_the_list_the_detail_pane_and_the_article(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="leaders")
    _type(qtbot, window, "belarus")
    tab = window.entry_tab("leaders")
    model = tab.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 2).data() == "Belarus")
    cell = model.index(row, 2)
    assert tab.delegate.spans(cell) == [(0, 7)]
    assert tab.delegate.spans(model.index(row, 1)) == []  # "President"
    tab.table.viewport().grab()  # painted through the delegate without error
    tab.select_row(row)
    marked = tab.detail.highlighted_texts()
    assert "Belarus" in marked
    assert all(fold(text).startswith("belarus") for text in marked)
    window.select_tab("source")
    view = window.source_tab().view
    hits = view.search_highlighted_texts()
    assert hits and all(fold(text).startswith("belarus") for text in hits)
    lines = INDEX.search("belarus", typing=True).count("article")
    _wait_title(qtbot, window, "source", f"Source ({lines})")


def test_a_field_query_marks_only_its_column(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="leaders")
    _type(qtbot, window, "country:belarus")
    tab = window.entry_tab("leaders")
    assert [e.name for e in _shown(window, "leaders")] == ["Alexander Lukashenko"]
    assert tab.delegate.spans(tab.model.index(0, 2)) == [(0, 7)]
    assert "Belarus" in tab.detail.highlighted_texts()
    # The same word in a statement is not what was asked for.
    assert len(tab.detail.highlighted_texts()) == 1


def _current(window) -> tuple[str, str | None]:
    entry = window.selected_entry()
    return window.current_tab_name(), entry_label(entry) if entry is not None else None


def test_enter_f3_and_shift_f3_step_through_hits_across_tabs(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="leaders")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    _type(qtbot, window, "belarus")
    field = window.search_bar.field
    expected = INDEX.search("belarus", typing=True)
    leaders = [entry_label(SEED.leaders[i]) for i in expected.indices("leaders")]
    first_agreement = entry_label(SEED.agreements[expected.indices("agreements")[0]])
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert _current(window) == ("leaders", leaders[0])
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert _current(window) == ("leaders", leaders[1])
    qtbot.keyClick(field, Qt.Key.Key_F3)
    assert _current(window) == ("agreements", first_agreement)
    qtbot.keyClick(field, Qt.Key.Key_F3, Qt.KeyboardModifier.ShiftModifier)
    assert _current(window) == ("leaders", leaders[1])
    # Backwards out of the first tab with hits wraps round to the article's last hit.
    window.actions_by_id[Act.FIND_PREVIOUS].trigger()
    window.actions_by_id[Act.FIND_PREVIOUS].trigger()
    assert window.current_tab_name() == "overview"
    window.actions_by_id[Act.FIND_PREVIOUS].trigger()
    assert window.current_tab_name() == "source"
    line = INDEX.entries["article"][expected.indices("article")[-1]]
    assert window.source_tab().view.textCursor().selectedText() == line.text
    window.actions_by_id[Act.FIND_NEXT].trigger()
    assert window.current_tab_name() == "overview"


def test_ctrl_f_focuses_and_esc_clears(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="agreements")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.entry_tab("agreements").table.setFocus()
    qtbot.keyClick(window.entry_tab("agreements").table, Qt.Key.Key_F,
                   Qt.KeyboardModifier.ControlModifier)
    field = window.search_bar.field
    assert field.hasFocus()
    qtbot.keyClicks(field, "signed")
    assert window.entry_tab("agreements").model.rowCount() < len(SEED.agreements)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    assert field.text() == ""
    assert window.entry_tab("agreements").model.rowCount() == len(SEED.agreements)
    _wait_title(qtbot, window, "agreements", "Agreements")
    assert window.entry_tab("agreements").delegate.spans(
        window.entry_tab("agreements").model.index(0, 0)) == []
    qtbot.keyClick(field, Qt.Key.Key_Escape)  # a second Esc: back to the list
    assert window.entry_tab("agreements").table.hasFocus()


def test_a_bad_query_says_so_by_the_field_and_keeps_the_filter(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="leaders")
    _type(qtbot, window, 'name:lukashenko "president')
    bar = window.search_bar
    assert bar.is_error() and "unclosed quote" in bar.message_text()
    assert bar.message.isVisible()
    assert QApplication.activeModalWidget() is None
    assert [e.name for e in _shown(window, "leaders")] == ["Alexander Lukashenko"]
    qtbot.keyClick(bar.field, Qt.Key.Key_QuoteDbl)
    assert not bar.is_error()
    assert [e.name for e in _shown(window, "leaders")] == ["Alexander Lukashenko"]


def test_results_panel_lists_hits_and_opens_the_entry(make_window, qtbot):
    window = make_window(SEED_BRIEFING)
    action = window.actions_by_id[Act.RESULTS_PANEL]
    action.trigger()
    panel = window.results_panel
    assert panel.isVisible() and action.isChecked()
    _type(qtbot, window, "lukashenko")
    model = panel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    rows = [[model.index(r, c).data() for c in range(4)] for r in range(model.rowCount())]
    expected = INDEX.search("lukashenko", typing=True)
    assert len(rows) == sum(len(h) for h in (expected.hits(s, i)
                                            for s, i in expected.matches()))
    leader_row = rows.index(["Leaders", "Alexander Lukashenko", "name",
                             "Alexander Lukashenko"])
    snippet = model.index(leader_row, 3)
    spans = panel.delegate.spans(snippet)
    assert [rows[leader_row][3][s:e] for s, e in spans] == ["Lukashenko"]
    rect = panel.table.visualRect(model.index(leader_row, 1))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert _current(window) == ("leaders", "Alexander Lukashenko")
    # Enter on an article row shows that line.
    article_row = next(r for r, row in enumerate(rows) if row[0] == "Source")
    window.select_tab("overview")
    panel.table.setFocus()
    panel.table.setCurrentIndex(model.index(article_row, 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert window.current_tab_name() == "source"
    assert "Lukashenko" in window.source_tab().view.textCursor().selectedText()
    action.trigger()
    assert not panel.isVisible()


def test_results_panel_makes_rows_only_as_they_are_scrolled_to(make_window, qtbot, tmp_path):


    from generate_briefing import write

    window = make_window(write(3000, tmp_path / "b.yaml"))
    window.actions_by_id[Act.RESULTS_PANEL].trigger()
    _type(qtbot, window, "kazakhstan")
    model = window.results_panel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    total = window.search.result().total
    assert total > 500
    first = model.rowCount()
    assert first < total and model.canFetchMore()
    window.results_panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: model.rowCount() > first)


def test_query_applied_before_the_briefing_is_indexed(make_window, qtbot):
    window = make_window(tab="leaders")
    window.open_file(SEED_BRIEFING)
    window.apply_query("belarus")
    assert window.search.is_busy()
    assert window.search_bar.field.placeholderText() == "Indexing…"
    qtbot.waitUntil(lambda: not window.is_busy())
    assert window.search_bar.text() == "belarus"
    assert _title(window, "leaders") == "Leaders (2)"


def test_search_survives_a_live_reload(make_window, seed_copy, qtbot):
    window = make_window(seed_copy, tab="leaders")
    _type(qtbot, window, "guest")
    _wait_title(qtbot, window, "leaders", "Leaders (0)")
    text = seed_copy.read_text(encoding="utf-8")
    old = "    role: President\n    country: Kazakhstan"
    assert old in text
    seed_copy.write_text(text.replace(old, "    role: Guest of honour\n"
                                      "    country: Kazakhstan", 1), encoding="utf-8")
    qtbot.waitUntil(lambda: _title(window, "leaders") == "Leaders (1)", timeout=3000)
    assert window.search_bar.text() == "guest"
    assert [e.role for e in _shown(window, "leaders")] == ["Guest of honour"]
    assert window.entry_tab("leaders").delegate.spans(
        window.entry_tab("leaders").model.index(0, 1)) == [(0, 5)]


@pytest.mark.parametrize("tab", sorted(LISTS))
def test_clearing_the_query_shows_every_entry_again(make_window, qtbot, tab):
    window = make_window(SEED_BRIEFING, tab=tab)
    _type(qtbot, window, "zzzzqqq")
    assert window.entry_tab(tab).model.rowCount() == 0
    assert window.search_bar.message_text() == "no match"
    window.search_bar.field.clear()
    section = LISTS[tab]
    assert window.entry_tab(tab).model.rowCount() == len(getattr(SEED, section))


def test_a_long_article_is_marked_only_where_it_is_shown(make_window, qtbot, tmp_path):


    from generate_briefing import write

    window = make_window(write(3000, tmp_path / "b.yaml"), tab="source")
    window.search_bar.set_text("kazakhstan")
    window.search.run_now()
    view = window.source_tab().view
    article = view.toPlainText()
    in_article = article.lower().count("kazakhstan")
    shown = view.search_highlighted_texts()
    assert shown and set(shown) == {"Kazakhstan"}
    assert len(shown) < in_article / 10  # the screen's worth, not the whole article
    top = view.firstVisibleBlock().blockNumber()
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum())
    qtbot.waitUntil(lambda: view.firstVisibleBlock().blockNumber() > top + 100)
    bottom_block = view.firstVisibleBlock().blockNumber()
    qtbot.waitUntil(lambda: view._hit_marks
                    and view._hit_marks[0].cursor.block().blockNumber() >= bottom_block)
    assert set(view.search_highlighted_texts()) == {"Kazakhstan"}


def test_search_controls_are_named_in_the_menus_and_toggle_the_panel(make_window, qtbot):
    window = make_window(SEED_BRIEFING)
    bar = window.search_bar
    assert bar.field.accessibleName() == "Search the briefing"
    assert bar.field.focusPolicy() & Qt.FocusPolicy.TabFocus
    assert bar.results_button.accessibleName() and \
        bar.results_button.focusPolicy() & Qt.FocusPolicy.TabFocus
    menus = {a.text().replace("&", ""): [x.text().replace("&", "") for x in a.menu().actions()]
             for a in window.menuBar().actions()}
    assert {"Find…", "Find Next", "Find Previous"} <= set(menus["Edit"])
    assert "Search Results" in menus["View"]
    assert "New from Article…" in menus["File"]
    qtbot.mouseClick(bar.results_button, Qt.MouseButton.LeftButton)
    assert window.results_panel.isVisible()
    assert window.actions_by_id[Act.RESULTS_PANEL].isChecked()
    window.results_panel.close()  # its own close button
    assert not bar.results_button.isChecked()


def test_hits_on_the_overview_are_marked(make_window, qtbot):
    window = make_window(SEED_BRIEFING)  # the Overview is on screen
    _type(qtbot, window, "csto")
    marked = window.overview_tab().highlighted_texts()
    assert marked and {text.casefold() for text in marked} == {"csto"}
    assert "CSTO" in window.overview_tab().text()  # the text itself is unchanged
    window.search_bar.field.clear()
    assert window.overview_tab().highlighted_texts() == []


def test_marked_html_in_a_briefing_stays_literal(make_window, seed_copy, qtbot):
    text = seed_copy.read_text(encoding="utf-8")
    seed_copy.write_text(text.replace("name: Nursultan Nazarbayev",
                                      "name: \"<i>Nazarbayev</i> <img src=file:///etc/passwd>\"",
                                      1), encoding="utf-8")
    window = make_window(seed_copy, tab="leaders")
    _type(qtbot, window, "nazarbayev")
    tab = window.entry_tab("leaders")
    row = next(r for r in range(tab.model.rowCount())
               if tab.model.index(r, 0).data().startswith("<i>"))
    literal = "<i>Nazarbayev</i> <img src=file:///etc/passwd>"
    assert tab.delegate.spans(tab.model.index(row, 0)) == [(3, 13)]
    tab.table.viewport().grab()
    tab.select_row(row)
    assert tab.detail.toPlainText().splitlines()[0] == literal
    assert "Nazarbayev" in tab.detail.highlighted_texts()
    assert "<img" not in tab.detail.toHtml() and "<i>" not in tab.detail.toHtml()
    window.results_panel.show()
    model = window.results_panel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    assert literal in [model.index(r, 1).data() for r in range(model.rowCount())]


def test_typing_lays_out_nothing_beyond_the_list(make_window, qtbot):
    """The counts under the list and by the field change at every keystroke; neither may
    make the tab's page or the search bar lay themselves out again (that climbs to the
    window, and the tab widget on the way repaints all of itself)."""
    from PySide6.QtCore import QEvent, QObject

    window = make_window(SEED_BRIEFING, tab="leaders")
    qtbot.waitUntil(lambda: not window.is_busy())
    field = window.search_bar.field
    field.setText("l")  # the field's clear button shows: that one lays the bar out
    qtbot.wait(300)  # and the tab titles are counted
    page, bar = window.tabs.currentWidget(), window.search_bar
    requests: list[str] = []

    class Requests(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.LayoutRequest:
                requests.append(obj.objectName())
            return False

    watcher = Requests()
    page.installEventFilter(watcher)
    bar.installEventFilter(watcher)
    shown = []
    for text in ("lu", "luk", "lukashenko", "minsk", "zzz", "kaz", "kaza", "k"):
        field.setText(text)
        QApplication.processEvents()  # the repaint, before the titles' timer is due
        shown.append((window.entry_tab("leaders").count_label.text(),
                      window.search_bar.message_text()))
    assert len(set(shown)) >= 4, shown  # the counts did change...
    assert requests == []  # ...and nothing around them moved


def test_refining_a_query_keeps_the_detail_pane_where_it_was_read(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="leaders")
    window.resize(900, 420)  # the pane shorter than the entry
    qtbot.waitUntil(lambda: not window.is_busy())
    tab = window.entry_tab("leaders")
    window.search_bar.field.setText("nazarbayev")
    QApplication.processEvents()
    entry = tab.selected_entry()
    pane = tab.detail
    bar = pane.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum() // 2)
    at = bar.value()
    assert at > 0
    marks = pane.highlighted_texts()
    window.search_bar.field.setText("nazarbayev lukashenko")  # the same leader, more marks
    QApplication.processEvents()
    assert tab.selected_entry() is entry
    assert len(pane.highlighted_texts()) > len(marks)
    assert bar.value() == at
    tab.select_row(1)  # another entry is read from its top
    qtbot.waitUntil(lambda: bar.value() == 0)


def test_a_keystroke_that_keeps_the_rows_repaints_only_cells_whose_marks_moved(
        make_window, qtbot):
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtGui import QRegion

    window = make_window(SEED_BRIEFING, tab="leaders")
    field = window.search_bar.field
    field.setText("nazarbaye")
    qtbot.wait(50)
    tab = window.entry_tab("leaders")
    rows = _shown(window, "leaders")
    painted = QRegion()

    class Paints(QObject):
        def eventFilter(self, obj, event):
            nonlocal painted
            if event.type() == QEvent.Type.Paint:
                painted = painted.united(event.region())
            return False

    watcher = Paints()
    tab.table.viewport().installEventFilter(watcher)
    field.setText("nazarbayev")  # the same leaders; only the name's mark grows by a letter
    QApplication.processEvents()
    assert _shown(window, "leaders") == rows
    name = next(r for r, entry in enumerate(rows) if "Nazarbayev" in entry.name)
    cell = tab.table.visualRect(tab.model.index(name, 0))
    assert painted == QRegion(cell)  # that cell, and nothing else
    start, end = tab.delegate.spans(tab.model.index(name, 0))[-1]
    assert rows[name].name[start:end] == "Nazarbayev"
    field.setText("zzz")  # rows change: the list is painted whole
    QApplication.processEvents()
    field.setText("nazarbayev")
    painted = QRegion()
    QApplication.processEvents()
    assert painted.contains(tab.table.viewport().rect())


def test_an_index_that_cannot_be_built_is_said_and_the_window_is_not_left_busy(
        make_window, monkeypatch, qtbot):
    # The worker raised and nothing was delivered: "Indexing…" for ever.
    from desktop.ui import search_controller

    def broken(*_args):
        raise MemoryError("no room for the index")

    monkeypatch.setattr(search_controller, "THREAD_ABOVE", 0)  # index in a worker thread
    monkeypatch.setattr(search_controller, "_build", broken)
    window = make_window(SEED_BRIEFING)  # waits until the window is no longer busy
    assert not window.is_busy()
    assert window.search_bar.is_error()
    assert window.search_bar.message_text() == ("search unavailable: MemoryError: no room "
                                                "for the index")
    assert window.search_bar.field.placeholderText() == "Search (Ctrl+F)"
    assert window.statusBar().currentMessage().startswith("Search is unavailable")
    assert window.entry_tab("leaders").model.rowCount() == 2  # the briefing is still read
