"""The main window over the seed briefing: tabs, provenance, copy, keyboard and names."""

from __future__ import annotations

from conftest import SEED_ARTICLE, SEED_BRIEFING
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QLabel,
    QPlainTextEdit,
    QTabBar,
    QTextEdit,
)

from desktop.core.load import load_briefing
from desktop.core.model import SECTIONS, entry_label
from desktop.core.pages import PAGES
from desktop.ui.entry_model import ENTRY_ROLE

SEED = load_briefing(SEED_BRIEFING)


def test_every_tab_shows_the_seed_entries(make_window):
    window = make_window(SEED_BRIEFING)
    for page in PAGES:
        name, section = page.name, page.sections[0]
        if section not in dict(SECTIONS):
            continue
        window.select_tab(name)
        model = window.entry_tab(name).model
        shown = {model.index(r, 0).data(ENTRY_ROLE) for r in range(model.rowCount())}
        assert shown == set(getattr(SEED, section)), name
        assert window.entry_tab(name).count_label.text().startswith(
            str(len(getattr(SEED, section))))
    lines = window.overview_tab().text().splitlines()
    assert SEED.briefing.title in lines
    assert SEED.briefing.summary in lines
    # Key figures are figures the article states: the derived 2016 turnover is not one.
    assert "$441.4 million" in lines
    assert not any("275.9" in line for line in lines)
    assert all(org.name in window.overview_tab().text() for org in SEED.organisations)
    window.select_tab("source")
    assert window.source_tab().view.toPlainText() == SEED_ARTICLE.read_text(encoding="utf-8")


def test_charts_show_the_comparison_and_the_events(make_window):
    window = make_window(SEED_BRIEFING, tab="trade")
    trade, timeline = window.entry_tab("trade").header, window.entry_tab("timeline").header
    # The 2016 period is a reading of the article (inferred): its label carries the sign.
    assert "January-September 2016 †: about $275.9 million (derived)" in trade.summary()
    assert not timeline.is_histogram()
    assert timeline.accessibleDescription().startswith("9 events from 2012")


def test_selecting_an_entry_highlights_its_excerpt_in_the_source(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="agreements")
    window.entry_tab("agreements").select_row(0)
    window.select_tab("source")
    assert window.source_tab().view.highlighted_texts() == [SEED.agreements[0].source[0]]
    window.select_tab("cooperation")
    window.entry_tab("cooperation").select_row(5)  # industrial assembly: three excerpts
    article = SEED_ARTICLE.read_text(encoding="utf-8")
    in_article_order = sorted(SEED.cooperation_areas[5].source, key=article.find)
    assert window.source_tab().view.highlighted_texts() == in_article_order


def test_show_in_article_switches_to_the_excerpt(make_window):
    window = make_window(SEED_BRIEFING, tab="leaders")
    window.entry_tab("leaders").select_row(1)
    window.entry_tab("leaders").show_button.click()
    assert window.current_tab_name() == "source"
    cursor = window.source_tab().view.textCursor()
    article = SEED_ARTICLE.read_text(encoding="utf-8")
    assert cursor.position() == article.index("met with Belarusian President Alexander")


def test_detail_pane_shows_fields_and_excerpts(make_window):
    window = make_window(SEED_BRIEFING, tab="trade")
    tab = window.entry_tab("trade")
    tab.select_row(1)
    text = tab.detail.toPlainText()
    assert "derived 441.4 / (1 + 60 / 100) = 275.875 ≈ 275.9" in text
    assert "January-September 2016" in text
    assert SEED.trade_statistics[1].source[0] in text


def test_ctrl_c_copies_the_entry_with_its_excerpt(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="agreements")
    tab = window.entry_tab("agreements")
    tab.select_row(0)
    tab.table.setFocus()
    qtbot.keyClick(tab.table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Bilateral socio-economic agreement until 2026\n")
    assert "Status: signed" in copied
    assert SEED.agreements[0].source[0] in copied


def test_tab_option_names_match_the_cli(make_window):
    from desktop.cli import _window_parser

    cli_tabs = next(a.choices for a in _window_parser()._actions if a.dest == "tab")
    window = make_window(SEED_BRIEFING)
    assert tuple(window.tab_names) == tuple(cli_tabs)
    for number, name in enumerate(cli_tabs):
        window.select_tab(name)
        assert window.tabs.currentIndex() == number


def test_every_control_is_named_and_reachable_by_keyboard(make_window):
    window = make_window(SEED_BRIEFING)
    for name in window.tab_names:  # tabs are built when first shown
        window.select_tab(name)
    window.results_panel.show()  # made when first shown, too
    controls = [w for w in window.findChildren(QAbstractButton) + window.findChildren(
        QAbstractItemView) + window.findChildren(QTextEdit) + window.findChildren(
        QPlainTextEdit) + window.findChildren(QTabBar)
        # Qt's own helpers: a disabled corner button, the menu bar's overflow arrow.
        if w.objectName() not in ("qt_tableview_cornerbutton", "qt_menubar_ext_button",
                                 "qt_toolbar_ext_button", "qt_dockwidget_closebutton",
                                 "qt_dockwidget_floatbutton")]
    assert len(controls) > 20
    for control in controls:
        if control.inherits("QHeaderView") or (
                control.inherits("QToolButton") and control.parent().inherits("QTabBar")) or (
                control.inherits("QToolButton") and control.parent().inherits("QLineEdit")):
            continue  # sorting headers, tab scroll arrows and the search field's clear
            # button (Esc) have keyboard equivalents
        assert control.accessibleName(), f"{type(control).__name__} {control.objectName()}"
        assert control.focusPolicy() & Qt.FocusPolicy.TabFocus, control.accessibleName()


def test_every_label_is_plain_text(make_window):
    window = make_window(SEED_BRIEFING)
    for name in window.tab_names:
        window.select_tab(name)
    labels = window.findChildren(QLabel)
    assert labels
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_bundled_fonts_are_registered(qapp):
    from desktop.ui.fonts import register_bundled_fonts

    families = register_bundled_fonts()
    assert {"DejaVu Sans", "DejaVu Sans Mono", "DejaVu Serif"} <= set(families)
    assert QGuiApplication.font().family() == "DejaVu Sans"


def test_chart_click_selects_the_figure(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="trade")
    chart = window.entry_tab("trade").header
    qtbot.waitUntil(lambda: bool(chart._hit))  # filled when the chart is painted
    rect, entry_index = chart._hit[0]
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    assert window.entry_tab("trade").selected_entry_index() == entry_index == 1
    assert entry_label(window.selected_entry()) == "Bilateral trade turnover"


def _highlight_colour(view):
    selections = view.extraSelections()  # kept: the formats live inside the selections
    fmt = selections[0].format
    return fmt.background().color().name()


def test_colours_follow_a_dark_palette(make_window, qapp, qtbot):
    from PySide6.QtGui import QColor, QPalette

    from desktop.ui import theme

    window = make_window(SEED_BRIEFING, tab="agreements")
    window.entry_tab("agreements").select_row(0)
    view = window.source_tab().view
    window.select_tab("source")
    light = _highlight_colour(view)
    dark = QPalette(QColor("#202124"))  # a generated dark palette, as a dark scheme gives
    original = qapp.palette()
    try:
        qapp.setPalette(dark)
        qtbot.waitUntil(lambda: _highlight_colour(view) != light)
        assert theme.is_dark(window.palette())
        now = _highlight_colour(view)
        assert now != light and now == theme.excerpt_background(dark).name()
    finally:
        qapp.setPalette(original)
    qtbot.waitUntil(lambda: _highlight_colour(view) == light)


def test_ctrl_c_in_the_article_copies_the_selected_text_not_the_entry(make_window, qtbot):
    window = make_window(SEED_BRIEFING, tab="source")
    view = window.source_tab().view
    cursor = view.textCursor()
    cursor.setPosition(0)
    cursor.setPosition(6, cursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == "ASTANA"


def test_unexpected_errors_are_reported_not_swallowed(capsys, monkeypatch):
    from desktop.ui import excepthook

    shown = []
    monkeypatch.setattr(excepthook, "_show_dialog", lambda text: shown.append(text))
    try:
        raise RuntimeError("boom")
    except RuntimeError as exc:
        excepthook.excepthook(RuntimeError, exc, exc.__traceback__)
    assert "RuntimeError: boom" in capsys.readouterr().err
    assert shown and "boom" in shown[0]


def test_article_link_opens_only_http_in_the_browser_and_only_on_a_click(
        make_window, seed_copy, monkeypatch):
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QPushButton

    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    text = seed_copy.read_text(encoding="utf-8")
    for url, expected in (("file:///etc/passwd", None), ("https://example.org/a", True)):
        seed_copy.write_text(text.replace(
            "    path: kazakhstan-belarus-state-visit-2017-11.txt",
            f"    path: kazakhstan-belarus-state-visit-2017-11.txt\n    url: \"{url}\""),
            encoding="utf-8")
        window = make_window(seed_copy)
        assert window.briefing().briefing.article.url == url
        buttons = [b for b in window.overview_tab().findChildren(QPushButton)
                   if b.text() == "Open the article in the web browser"]
        assert opened == []
        if expected is None:
            assert buttons == []
        else:
            buttons[0].click()
            assert opened == [url]


def test_clicking_an_excerpt_in_the_pane_shows_that_one_and_ctrl_j_cycles(make_window):
    from PySide6.QtCore import QUrl

    from desktop.ui.actions import Act

    window = make_window(SEED_BRIEFING, tab="cooperation")
    tab = window.entry_tab("cooperation")
    tab.select_row(8)  # cultural and humanitarian collaboration: two excerpts
    first, second = SEED.cooperation_areas[8].source
    article = SEED_ARTICLE.read_text(encoding="utf-8")
    tab.detail.anchorClicked.emit(QUrl("excerpt:1"))
    view = window.source_tab().view
    assert window.current_tab_name() == "source"
    assert view.textCursor().selectedText() == second
    window.actions_by_id[Act.SHOW_IN_ARTICLE].trigger()  # on the Source tab: the next one
    assert view.textCursor().selectedText() == first
    assert view.textCursor().selectionStart() == article.index(first)
    window.actions_by_id[Act.SHOW_IN_ARTICLE].trigger()
    assert view.textCursor().selectedText() == second


def test_row_filter_keeps_the_selection_or_moves_to_a_shown_entry(make_window):
    window = make_window(SEED_BRIEFING, tab="agreements")
    tab = window.entry_tab("agreements")
    tab.select_row(3)
    tab.set_row_filter({1, 3})
    assert tab.selected_entry_index() == 3 and tab.count_label.text() == "2 of 5 agreements"
    tab.set_row_filter({0})
    assert tab.selected_entry_index() == 0
    assert window.source_tab().view.highlighted_texts() == [SEED.agreements[0].source[0]]
    tab.set_row_filter(set())
    assert tab.selected_entry() is None and not tab.copy_button.isEnabled()
    assert window.source_tab().view.highlighted_texts() == []
    tab.set_row_filter(None)
    assert tab.model.rowCount() == 5
