"""The page registry is the one place the window's pages are named: the tabs, their
titles, the View menu, `--tab`, `section:`, the counts, the steps through the hits and the
Results panel all follow it, and a page added to it takes part in all of them."""

from __future__ import annotations

import ast
import subprocess
import sys
import tokenize
from functools import partial

import pytest
from conftest import ROOT, SEED_ARTICLE, SEED_BRIEFING
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from desktop.core import pages
from desktop.core.fields import SEARCH_SECTIONS, field_names, sections_matching
from desktop.core.fold import fold
from desktop.core.load import load_briefing
from desktop.core.model import entry_label
from desktop.core.pages import PageSpec
from desktop.core.search import SearchIndex, SearchResult
from desktop.ui.actions import Act
from desktop.ui.briefing_file import Loaded
from desktop.ui.page import Page
from desktop.ui.pages import PAGES as REGISTRY
from desktop.ui.pages import EntryPage, OverviewPage

SEED = load_briefing(SEED_BRIEFING)
INDEX = SearchIndex.build(SEED, article=SEED_ARTICLE.read_text(encoding="utf-8"))


def test_every_page_is_a_tab_in_registry_order_with_its_label(make_window):
    window = make_window(SEED_BRIEFING)
    tabs = window.tabs
    assert tabs.count() == len(pages.PAGES) == len(REGISTRY)
    view = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    for number, spec in enumerate(pages.PAGES):
        assert tabs.widget(number).spec is spec
        assert tabs.tabText(number) == spec.label
        action = next(a for a in view.actions() if a.objectName() == f"tab_{spec.name}")
        assert action.text() == spec.title
        assert action.shortcut().toString() == f"Ctrl+{number + 1}"
        action.trigger()
        assert window.current_tab_name() == spec.name
        assert tabs.currentIndex() == number


def test_tab_option_takes_exactly_the_page_names():
    from desktop.cli import _window_parser

    parser = _window_parser()
    tab = next(action for action in parser._actions if action.dest == "tab")
    assert tuple(tab.choices) == pages.NAMES == tuple(spec.name for spec in pages.PAGES)
    assert parser.parse_args(["--tab", "trade"]).tab == "trade"
    with pytest.raises(SystemExit) as caught:
        parser.parse_args(["--tab", "organisations"])
    assert caught.value.code == 2


def test_the_command_line_reads_the_page_names_without_qt_or_the_window():
    code = ("import sys, desktop.cli; "
            "print(sorted(m for m in sys.modules if m.startswith(('desktop', 'PySide6'))))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == str(["desktop", "desktop.cli", "desktop.core",
                                         "desktop.core.pages"])


def test_every_search_section_is_shown_by_one_page_and_section_takes_page_names():
    shown = [section for spec in pages.PAGES for section in spec.sections]
    assert sorted(shown) == sorted(SEARCH_SECTIONS)
    for spec in pages.PAGES:
        assert sections_matching((fold(spec.name),)) == [spec.sections[0]], spec.name
        assert sections_matching((fold(spec.title),)) == [spec.sections[0]], spec.title


def test_no_module_but_the_table_names_a_page():
    """A page's name written out anywhere in the window, the command line or the core but
    core/pages.py would be a second table of pages. Names that are also a section's or a
    field's (leaders, agreements, source) cannot be told apart this way; the PDF export
    names its own parts (desktop/export/content.py), which are not tabs."""
    names = {spec.name for spec in pages.PAGES} - set(SEARCH_SECTIONS) - set(field_names())
    assert names == {"overview", "trade", "cooperation", "timeline"}
    desktop = ROOT / "desktop"
    files = [*(desktop / "ui").rglob("*.py"), *(desktop / "core").rglob("*.py"),
             desktop / "cli.py"]
    found = []
    for path in files:
        if path == desktop / "core" / "pages.py":
            continue
        with tokenize.open(path) as source:
            for token in tokenize.generate_tokens(source.readline):
                if token.type != tokenize.STRING:
                    continue
                try:
                    value = ast.literal_eval(token.string)
                except ValueError:  # an f-string
                    continue
                if value in names:
                    found.append(f"{path.relative_to(ROOT)}:{token.start[0]}: {value!r}")
    assert found == []


def test_results_panel_names_each_section_by_its_page(make_window):
    window = make_window(SEED_BRIEFING)
    for spec in pages.PAGES:
        for section in spec.sections:
            assert window.tabs.section_title(section) == spec.title
            assert window.tabs.page_for(section).spec is spec


# --- a page the registry did not have ------------------------------------------------------


class NamesPage(Page):
    """A kind of page of this test's own, with nothing but the interface: the names of
    its section's matching entries, one stop each."""

    def __init__(self, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.section = spec.sections[0]
        self.stop: int | None = None

    def _indices(self) -> list[int]:
        if self._result is not None:
            return list(self._result.indices(self.section))
        return list(range(len(self._entries())))

    def _entries(self) -> tuple:
        return getattr(self._loaded.briefing, self.section) if self._loaded else ()

    def _build_content(self, parent: QWidget) -> QWidget:
        self.label = QLabel(parent)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self._render()
        return self.label

    def _render(self) -> None:
        entries = self._entries()
        self.label.setText("\n".join(entries[i].name for i in self._indices()))

    def _fill(self, loaded: Loaded) -> None:
        self._render()

    def _search(self, result: SearchResult | None) -> None:
        self.stop = None
        self._render()

    def hit_count(self) -> int:
        return len(self._indices())

    def hit_position(self) -> int | None:
        return self.stop

    def go_to_hit(self, number: int) -> None:
        self.stop = number

    def open_match(self, section: str, index: int) -> int | None:
        self.stop = self._indices().index(index)
        return self.stop

    def shown_name(self) -> str:
        return self._entries()[self._indices()[self.stop]].name

    def search_marks(self) -> list[str]:
        return []

    def focus_widget(self) -> QWidget | None:
        return self.content()

    def _refresh_colours(self) -> None:
        pass


HEADER_ONLY = PageSpec("overview", "&Overview", (pages.HEADER_SECTION,))
ORGANISATIONS = PageSpec("organisations", "O&rganisations", ("organisations",))


def _with_organisations(kind) -> tuple:
    """The registry, with the organisations moved from the Overview to a page of their
    own at the end."""
    assert REGISTRY[0].args == (pages.OVERVIEW,)
    return (partial(OverviewPage, HEADER_ONLY), *REGISTRY[1:], partial(kind, ORGANISATIONS))


def _shown(window) -> tuple[str, str]:
    """The page on screen and what its step shows: an entry, a line, an organisation."""
    page = window.tabs.current_page()
    if isinstance(page, NamesPage):
        return page.spec.name, page.shown_name()
    if page is window.tabs.article_page():
        return page.spec.name, window.source_tab().view.textCursor().selectedText()
    return page.spec.name, entry_label(page.current_entry())


def test_a_page_added_to_the_registry_is_a_tab_that_search_counts_steps_and_lists(
        make_window, qtbot):
    window = make_window(SEED_BRIEFING, pages=_with_organisations(NamesPage))
    tabs = window.tabs
    assert window.tab_names[-1] == "organisations"
    assert tabs.tabText(tabs.count() - 1) == "O&rganisations"
    window.select_tab("organisations")
    assert window.tabs.current_page().content().text().splitlines() == [
        org.name for org in SEED.organisations]

    window.apply_query("eurasian")
    expected = INDEX.search("eurasian")
    organisations = list(expected.indices("organisations"))
    assert organisations and not expected.indices("briefing")
    qtbot.waitUntil(lambda: tabs.tabText(tabs.count() - 1)
                    == f"O&rganisations ({len(organisations)})")
    assert tabs.tabText(0) == "&Overview (0)"  # its organisations are counted elsewhere
    assert tabs.current_page().content().text().splitlines() == [
        SEED.organisations[i].name for i in organisations]

    # Enter / F3 step through every page's hits in tab order, the new one included, and
    # round to the first again.
    window.select_tab("overview")
    stops = []
    for spec in (*pages.PAGES[1:], ORGANISATIONS):
        for section in spec.sections:
            for index in expected.indices(section):
                entry = INDEX.entry(section, index)
                stops.append((spec.name, entry.text if section == pages.ARTICLE_SECTION
                              else entry_label(entry)))
    assert stops[-len(organisations):] == [
        ("organisations", SEED.organisations[i].name) for i in organisations]
    steps = []
    for _ in stops:
        window.actions_by_id[Act.FIND_NEXT].trigger()
        steps.append(_shown(window))
    assert steps == stops
    assert window.search_bar.message_text() == \
        f"Organisations: {len(organisations)} of {len(organisations)}"
    window.actions_by_id[Act.FIND_NEXT].trigger()
    assert _shown(window) == stops[0]
    window.actions_by_id[Act.FIND_PREVIOUS].trigger()
    assert _shown(window) == stops[-1]

    # The Results panel names the page and opens its entries there.
    window.select_tab("overview")
    window.results_panel.show()
    model = window.results_panel.model
    qtbot.waitUntil(lambda: model.rowCount() > 0)
    while model.canFetchMore():
        model.fetchMore()
    rows = [r for r in range(model.rowCount()) if model.index(r, 0).data() == "Organisations"]
    assert {model.hit(r).index for r in rows} == set(organisations)
    panel = window.results_panel
    panel.table.setFocus()
    panel.table.setCurrentIndex(model.index(rows[-1], 0))
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert _shown(window) == ("organisations", SEED.organisations[organisations[-1]].name)
    assert f"Organisations {len(organisations)}" in panel.summary.text()


def test_an_organisations_list_from_the_registry_is_reached_from_the_overview(make_window):
    window = make_window(SEED_BRIEFING, pages=_with_organisations(
        partial(EntryPage, noun="organisations")))
    buttons = {b.text(): b for b in window.overview_tab().findChildren(QPushButton)}
    # The Overview no longer shows the organisations itself: it leads to their page.
    buttons[f"{len(SEED.organisations)} organisations"].click()
    assert window.current_tab_name() == "organisations"
    tab = window.entry_tab("organisations")
    assert [tab.model.entry(r) for r in range(tab.model.rowCount())] == list(
        SEED.organisations)
    assert tab.count_label.text() == f"{len(SEED.organisations)} organisations"
    window.apply_query("eurasian")
    QApplication.processEvents()
    assert tab.model.rowCount() == len(INDEX.search("eurasian").indices("organisations"))
    # and without that page, the Overview lists them with no button
    plain = make_window(SEED_BRIEFING)
    assert not [b for b in plain.overview_tab().findChildren(QPushButton)
                if b.text().endswith(" organisations")]
