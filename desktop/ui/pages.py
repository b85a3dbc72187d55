"""The kinds of page of the window, and the registry: the one table of the window's pages.

Every page offers the interface of page.py. An entry page lists one section (a table, the
selected entry's details, for some sections a chart), the Overview shows the briefing at
a glance, the Source page the article. Each kind here only adapts its content (made when
first shown, by entry_tab.py, overview_tab.py, source_tab.py) to that interface.

What a page is called and shows, and the order of the tabs, are in core/pages.py (read by
the command line and the query language too, before Qt starts); PAGES at the end gives
each of those pages its kind and what that kind needs. A page added there and here is a
tab, in the View menu, with its count, its hits in the Results panel and its stops for
Enter / F3, with no other change.

The kinds share this one module, and the registry with them, because the window makes
every page at start-up and each module imported before its first paint delays it (PySide6
hooks every import).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import TYPE_CHECKING, cast

from ..core import pages
from .page import Page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ..core.model import Entry
    from ..core.pages import PageSpec
    from ..core.search import ArticleLine, SearchResult
    from .briefing_file import Loaded
    from .entry_chart import EntryChart
    from .entry_tab import EntryTab
    from .overview_tab import OverviewTab
    from .source_tab import SourceTab

PageMaker = Callable[["QWidget | None"], Page]  # a page, given the tab widget
ChartMaker = Callable[["QWidget"], "EntryChart"]  # the chart above a list, given its parent


class EntryPage(Page):
    """A page listing the entries of one section: a table, the selected entry's details and,
    for some sections, a chart above them (entry_tab.py draws it all)."""

    selects_entries = True

    def __init__(self, spec: PageSpec, parent: QWidget | None = None, *, noun: str,
                 sort_column: int | None = None, chart: ChartMaker | None = None) -> None:
        """``noun`` counts the entries ("3 trade figures"); ``sort_column``: the column
        the list is sorted by at first (None: the file's order); ``chart`` makes the
        chart drawn above the list."""
        super().__init__(spec, parent)
        self.section = spec.sections[0]
        self._noun = noun
        self._sort_column = sort_column
        self._chart = chart

    def tab(self) -> EntryTab:
        """The list, the detail pane and the chart (built if need be)."""
        return cast("EntryTab", self.content())

    def _build_content(self, parent: QWidget) -> QWidget:
        from ..core.model import SECTIONS
        from .columns import BY_CLASS
        from .entry_tab import EntryTab

        chart = self._chart(parent) if self._chart is not None else None
        tab = EntryTab(self.spec.name, BY_CLASS[dict(SECTIONS)[self.section]], header=chart,
                       noun=self._noun, sort_column=self._sort_column, parent=parent)
        tab.entry_selected.connect(self.entry_selected)
        tab.show_in_article_requested.connect(self.show_in_article_requested)
        tab.excerpt_requested.connect(self.excerpt_requested)
        tab.copy_requested.connect(self.copy_requested)
        if chart is not None:
            tab.entry_selected.connect(lambda _entry: chart.set_selected(
                tab.selected_entry_index()))
            chart.entry_clicked.connect(tab.select_entry_index)
        if self._loaded is not None:
            self._fill_tab(tab, self._loaded)
        if self._result is not None:
            self._search_tab(tab, self._result)
        return tab

    def _fill(self, loaded: Loaded) -> None:
        self._fill_tab(self.tab(), loaded)

    def _fill_tab(self, tab: EntryTab, loaded: Loaded) -> None:
        from ..core.origins import BriefingMarks

        entries = getattr(loaded.briefing, self.section)
        marks = BriefingMarks(loaded.briefing)
        tab.set_entries(entries, excerpt_finder(loaded.article), marks)
        if tab.header is not None:
            tab.header.set_entries(entries, marks)

    def _search(self, result: SearchResult | None) -> None:
        self._search_tab(self.tab(), result)

    def _search_tab(self, tab: EntryTab, result: SearchResult | None) -> None:
        if result is None:
            tab.apply_search(None, None)
        else:
            tab.apply_search(result.indices(self.section), result.highlighter)

    # --- hits ------------------------------------------------------------------------------

    def hit_count(self) -> int:
        return self.tab().model.rowCount()  # the list shows the matching entries only

    def hit_position(self) -> int | None:
        index = self.tab().table.currentIndex()
        return index.row() if index.isValid() else None

    def go_to_hit(self, number: int) -> None:
        self.tab().select_row(number)

    def open_match(self, section: str, index: int) -> int | None:
        tab = self.tab()
        return tab.table.currentIndex().row() if tab.select_entry_index(index) else None

    def search_marks(self) -> list[str]:
        """The marked text of every cell of the list, row by row."""
        if not self.is_built():
            return []
        from .highlight_delegate import one_line

        tab = self.tab()
        model, spans = tab.model, tab.delegate.spans
        marks = []
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                text = one_line(model.cell(row, column)[0])
                marks.extend(text[start:end] for start, end in spans(model.index(row, column)))
        return marks

    # --- the rest --------------------------------------------------------------------------

    def current_entry(self) -> Entry | None:
        return self.tab().selected_entry() if self.is_built() else None

    def focus_widget(self) -> QWidget | None:
        return self.tab().table if self.is_built() else None

    def _refresh_colours(self) -> None:
        tab = self.tab()
        tab.refresh_colours()
        if tab.header is not None:
            tab.header.update()


def excerpt_finder(article: str | None) -> Callable[[str], bool] | None:
    """Whether an excerpt is in ``article`` (None: no article to look in)."""
    if article is None:
        return None
    from ..present.excerpts import find_excerpt

    def found(excerpt: str) -> bool:
        return find_excerpt(article, excerpt) is not None

    return found


class OverviewPage(Page):
    """The page of the briefing at a glance: its header, key figures and organisations
    (overview_tab.py draws it). A step through the hits stops here once."""

    def __init__(self, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._loading = ""  # the file being loaded, while none is shown

    def tab(self) -> OverviewTab:
        """The page's text and buttons (built if need be)."""
        return cast("OverviewTab", self.content())

    def _build_content(self, parent: QWidget) -> QWidget:
        from .overview_tab import OverviewTab

        loaded = self._loaded
        overview = OverviewTab(loaded.briefing if loaded else None, parent,
                               shown_here=self.spec.sections)
        if loaded is None and self._loading:
            overview.set_briefing(None, self._loading)
        overview.section_requested.connect(self.section_requested)
        if self._result is not None:
            overview.set_highlighter(self._result.highlighter)
        return overview

    def show_loading(self, name: str) -> None:
        self._loading = name
        if self._loaded is None and self.is_built():
            self.tab().set_briefing(None, name)

    def _fill(self, loaded: Loaded) -> None:
        self.tab().set_briefing(loaded.briefing)

    def _search(self, result: SearchResult | None) -> None:
        self.tab().set_highlighter(result.highlighter if result is not None else None)

    # --- hits: the page is one stop ---------------------------------------------------------

    def hit_count(self) -> int:
        return 1 if self._result is not None and self.count(self._result) else 0

    def hit_position(self) -> int | None:
        return 0

    def go_to_hit(self, number: int) -> None:
        pass  # the page is on screen: that is the stop

    def open_match(self, section: str, index: int) -> int | None:
        return 0

    def search_marks(self) -> list[str]:
        return self.tab().highlighted_texts() if self.is_built() else []

    # --- the rest --------------------------------------------------------------------------

    def focus_widget(self) -> QWidget | None:
        return self.tab().page if self.is_built() else None

    def _refresh_colours(self) -> None:
        self.tab().refresh_colours()


class SourcePage(Page):
    """The page of the article: its text, the selected entry's excerpts marked in it, and
    the search's hits in the lines on screen (source_tab.py, source_view.py). A step through
    the hits stops at each matching line."""

    def __init__(self, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.section = spec.sections[0]
        self._excerpts: tuple[str, ...] = ()  # the window's entry's, marked in the text
        self._stop: int | None = None  # the matching line shown by the last step

    def tab(self) -> SourceTab:
        """The article's text and where it comes from (built if need be)."""
        return cast("SourceTab", self.content())

    def _build_content(self, parent: QWidget) -> QWidget:
        from .source_tab import SourceTab

        source = SourceTab(parent)
        if self._loaded is not None:
            self._fill_tab(source, self._loaded)
        if self._excerpts:
            source.view.highlight(self._excerpts)
        if self._result is not None:
            source.view.set_highlighter(self._result.highlighter)
        return source

    def _fill(self, loaded: Loaded) -> None:
        self._fill_tab(self.tab(), loaded)

    @staticmethod
    def _fill_tab(source: SourceTab, loaded: Loaded) -> None:
        source.set_article(str(loaded.briefing.briefing.article.path), loaded.article,
                           loaded.article_problem)

    def apply_search(self, result: SearchResult | None) -> None:
        self._stop = None
        super().apply_search(result)

    def _search(self, result: SearchResult | None) -> None:
        self.tab().view.set_highlighter(result.highlighter if result is not None else None)

    # --- hits: the matching lines ----------------------------------------------------------

    def _lines(self) -> Sequence[int]:
        return self._result.sections[self.section] if self._result is not None else ()

    def hit_count(self) -> int:
        return len(self._lines())

    def hit_position(self) -> int | None:
        return self._stop

    def go_to_hit(self, number: int) -> None:
        self._show_line(self._lines()[number])
        self._stop = number

    def open_match(self, section: str, index: int) -> int | None:
        self._show_line(index)
        self._stop = list(self._lines()).index(index)
        return self._stop

    def _show_line(self, index: int) -> None:
        if self._result is None:
            return
        line = cast("ArticleLine", self._result.index.entry(self.section, index))
        self.tab().view.show_span(line.start, line.end)

    def search_marks(self) -> list[str]:
        """The marked text in the lines on screen (the only ones marked)."""
        return self.tab().view.search_highlighted_texts() if self.is_built() else []

    # --- the entry's excerpts --------------------------------------------------------------

    def mark_excerpts(self, excerpts: Sequence[str]) -> None:
        """Mark where these excerpts (the window's entry's) are in the article.

        The page is built for the first excerpts, not when first shown: reading a long
        article's offsets then happens while an entry is selected, not at the switch to
        this tab."""
        self._excerpts = tuple(excerpts)
        if self.is_built():
            self.tab().view.highlight(self._excerpts)
        elif excerpts:
            self.content()  # built with them marked

    def show_excerpt(self, excerpt: str = "") -> bool:
        """Select one of the marked excerpts (the first if none is named) and scroll to
        it; False when it is not in the article."""
        view = self.tab().view
        return view.show_excerpt_text(excerpt) if excerpt else view.show_first_excerpt()

    def show_next_excerpt(self) -> bool:
        """Select the marked excerpt after the one shown, round to the first."""
        return self.tab().view.show_next_excerpt()

    def excerpt_count(self) -> int:
        """How many places of the article are marked as the excerpts."""
        return self.tab().view.found_count()

    # --- the rest --------------------------------------------------------------------------

    def focus_widget(self) -> QWidget | None:
        return self.tab().view if self.is_built() else None

    def _refresh_colours(self) -> None:
        self.tab().view.refresh_colours()


# --- the registry ----------------------------------------------------------------------


def _trade_chart(parent: QWidget) -> EntryChart:
    from .trade_chart import TradeChart  # with the page: its drawing code is not start-up's

    return TradeChart(parent)


def _timeline_chart(parent: QWidget) -> EntryChart:
    from .timeline_chart import TimelineChart

    return TimelineChart(parent)


# Each page's kind, given its spec and its parent.
_KINDS: dict[PageSpec, Callable[..., Page]] = {
    pages.OVERVIEW: OverviewPage,
    pages.LEADERS: partial(EntryPage, noun="leaders"),
    pages.AGREEMENTS: partial(EntryPage, noun="agreements"),
    pages.TRADE: partial(EntryPage, noun="trade figures", chart=_trade_chart),
    pages.COOPERATION: partial(EntryPage, noun="cooperation areas"),
    pages.TIMELINE: partial(EntryPage, noun="events", sort_column=0, chart=_timeline_chart),
    pages.SOURCE: SourcePage,
}

# The pages in tab order: each makes its page given the tab widget.
PAGES: tuple[PageMaker, ...] = tuple(partial(_KINDS[spec], spec) for spec in pages.PAGES)
