"""The tabs of the window, each page built the first time it is shown and kept filled
with the briefing on screen."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from .lazy_page import LazyPage

if TYPE_CHECKING:
    from ..core.model import Briefing
    from .entry_tab import EntryTab
    from .loader import Loaded

# Tab name (as --tab takes it), its label, and the briefing section an entry tab lists.
TABS: tuple[tuple[str, str, str | None], ...] = (
    ("overview", "&Overview", None),
    ("leaders", "&Leaders", "leaders"),
    ("agreements", "&Agreements", "agreements"),
    ("trade", "&Trade statistics", "trade_statistics"),
    ("cooperation", "&Cooperation areas", "cooperation_areas"),
    ("timeline", "T&imeline", "events"),
    ("source", "&Source", None),
)
# Entry tab -> (column set in columns.py, noun for counts, column sorted at start).
ENTRY_TABS: dict[str, tuple[str, str, int | None]] = {
    "leaders": ("LEADERS", "leaders", None),
    "agreements": ("AGREEMENTS", "agreements", None),
    "trade": ("TRADE", "trade figures", None),
    "cooperation": ("COOPERATION", "cooperation areas", None),
    "timeline": ("EVENTS", "events", 0),
}


class BriefingTabs(QTabWidget):
    entry_selected = Signal(object)  # the current tab's selected entry, or None
    show_in_article_requested = Signal()
    excerpt_requested = Signal(str)
    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tabs")
        self.setAccessibleName("Briefing sections")
        self.setDocumentMode(True)
        self.names = [name for name, _label, _section in TABS]
        self.pages: dict[str, LazyPage] = {}
        self._entry_tabs: dict[str, EntryTab] = {}
        self._loaded: Loaded | None = None
        self._found: Callable[[str], bool] | None = None
        self._loading = ""  # the file being loaded, while none is shown
        for name, label, section in TABS:
            if name == "overview":
                build: Callable[[QWidget], QWidget] = self._build_overview
            elif name == "source":
                build = self._build_source
            else:
                build = partial(self._build_entry_tab, name, section)
            page = LazyPage(build, self)
            page.setObjectName(f"{name}Page")
            page.setAccessibleName(label.replace("&", ""))
            self.pages[name] = page
            self.addTab(page, label)
        self.tabBar().setAccessibleName("Tabs")
        self.currentChanged.connect(self._on_current_changed)

    # --- pages -----------------------------------------------------------------------------

    def select(self, name: str) -> None:
        self.setCurrentIndex(self.names.index(name))

    def current_name(self) -> str:
        return self.names[self.currentIndex()]

    def overview_tab(self) -> Any:
        return self.pages["overview"].content()

    def source_tab(self) -> Any:
        return self.pages["source"].content()

    def entry_tab(self, name: str) -> EntryTab:
        self.pages[name].content()
        return self._entry_tabs[name]

    def built_entry_tabs(self) -> list[EntryTab]:
        return list(self._entry_tabs.values())

    def current_entry_tab(self) -> EntryTab | None:
        return self._entry_tabs.get(self.current_name())

    def selected_entry(self) -> Any:
        tab = self.current_entry_tab()
        return tab.selected_entry() if tab else None

    def is_built(self, name: str) -> bool:
        return self.pages[name].is_built()

    def _build_overview(self, parent: QWidget) -> QWidget:
        from .overview_tab import OverviewTab

        overview = OverviewTab(self._loaded.briefing if self._loaded else None, parent)
        if self._loaded is None and self._loading:
            overview.set_briefing(None, self._loading)
        overview.tab_requested.connect(self.select)
        return overview

    def _build_source(self, parent: QWidget) -> QWidget:
        from .source_tab import SourceTab

        source = SourceTab(parent)
        if self._loaded is not None:
            self._fill_source(source, self._loaded)
        return source

    def _build_entry_tab(self, name: str, section: str, parent: QWidget) -> QWidget:
        from . import columns
        from .entry_tab import EntryTab

        chart: Any = None
        if name == "trade":
            from .trade_chart import TradeChart

            chart = TradeChart(parent)
        elif name == "timeline":
            from .timeline_chart import TimelineChart

            chart = TimelineChart(parent)
        column_set, noun, sort_column = ENTRY_TABS[name]
        tab = EntryTab(name, getattr(columns, column_set), header=chart, noun=noun,
                       sort_column=sort_column, parent=parent)
        self._entry_tabs[name] = tab
        tab.entry_selected.connect(partial(self._on_entry_selected, tab))
        tab.show_in_article_requested.connect(self.show_in_article_requested)
        tab.excerpt_requested.connect(self.excerpt_requested)
        tab.copy_requested.connect(self.copy_requested)
        if chart is not None:
            tab.entry_selected.connect(lambda _e: chart.set_selected(tab.selected_entry_index()))
            (chart.bar_clicked if name == "trade" else chart.event_clicked).connect(
                tab.select_entry_index)
        if self._loaded is not None:
            self._fill_entry_tab(tab, section, self._loaded.briefing)
        return tab

    # --- content ---------------------------------------------------------------------------

    def show_loading(self, name: str) -> None:
        """Say what is loading, while there is no briefing on screen yet."""
        self._loading = name
        if self._loaded is None and self.is_built("overview"):
            self.overview_tab().set_briefing(None, name)

    def show_loaded(self, loaded: Loaded) -> None:
        """Show a briefing in every page built so far (the others fill when built)."""
        self._loaded = loaded
        self._found = None  # made for this article when an entry tab needs it
        if self.is_built("overview"):
            self.overview_tab().set_briefing(loaded.briefing)
        for name, _label, section in TABS:
            if section is not None and name in self._entry_tabs:
                self._fill_entry_tab(self._entry_tabs[name], section, loaded.briefing)
        if self.is_built("source"):
            self._fill_source(self.source_tab(), loaded)
        self.entry_selected.emit(self.selected_entry())

    def _fill_entry_tab(self, tab: EntryTab, section: str, briefing: Briefing) -> None:
        tab.set_entries(getattr(briefing, section), self._excerpt_finder())
        if tab.header is not None:
            if tab.name == "trade":
                tab.header.set_statistics(briefing.trade_statistics)
            else:
                tab.header.set_events(briefing.events)

    def _excerpt_finder(self) -> Callable[[str], bool] | None:
        """Whether an excerpt is in the article on screen (None: no article to look in)."""
        article = self._loaded.article if self._loaded is not None else None
        if self._found is None and article is not None:
            from ..present.excerpts import find_excerpt

            def found(excerpt: str) -> bool:
                return find_excerpt(article, excerpt) is not None

            self._found = found
        return self._found

    @staticmethod
    def _fill_source(source: Any, loaded: Loaded) -> None:
        source.set_article(str(loaded.briefing.briefing.article.path), loaded.article,
                           loaded.article_problem)

    def _on_current_changed(self, _index: int) -> None:
        if self.current_entry_tab() is not None:
            self.entry_selected.emit(self.selected_entry())

    def _on_entry_selected(self, tab: EntryTab, entry: Any) -> None:
        if tab is self.current_entry_tab():  # not a background tab restoring its selection
            self.entry_selected.emit(entry)

    def refresh_colours(self) -> None:
        if self.is_built("overview"):
            self.overview_tab().refresh_colours()
        if self.is_built("source"):
            self.source_tab().view.refresh_colours()
        for tab in self._entry_tabs.values():
            tab.refresh_colours()
            if tab.header is not None:
                tab.header.update()
