"""Search in the window: the index of the briefing on screen, and what each query shows.

On every keystroke the query runs on the index (core, Qt-free) and the tab on screen is
filtered and marked at once (its own count shows under its list). The other tabs are
only marked stale and catch up when they are shown, or when a step to the next hit goes
there: a keystroke then costs one tab's update, not six. The tab titles' counts, and the
results panel when open, follow once typing pauses (TITLES_DELAY_MS, PANEL_DELAY_MS):
counting every section and laying the tab bar out again at each keystroke was a
measurable share of a keystroke on a big briefing (benchmarks/bench_search_window.py).

One kind of keystroke waits for a pause too: a word of two letters just begun ("ka",
"-20"). It matches a large share of a big briefing (20,000 of 100,000 entries for "ka"),
costs the most to evaluate and paint (the slowest keystrokes measured), and is nearly
always followed by a third letter; on a small
briefing it runs at once (SHORT_WORD_ENTRIES).

The index is built once per loaded briefing (again after a live reload, keeping the
query): a small one just after the window is painted, a big one in a thread, the field
saying "indexing…" meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.model import SECTIONS
from . import threads
from .widgets import after_first_paint

if TYPE_CHECKING:
    from ..core.model import Briefing
    from ..core.search import SearchIndex, SearchResult
    from .loader import Loaded
    from .page import Page
    from .results_panel import ResultsPanel
    from .search_bar import SearchBar
    from .tab_pages import BriefingTabs

# Above this many entries and article lines, the index is built in a thread.
THREAD_ABOVE = 3000
PANEL_DELAY_MS = 150
TITLES_DELAY_MS = 120
SHORT_WORD_DELAY_MS = 180
SHORT_WORD_ENTRIES = 5000  # above this many entries and lines, see the module doc
FIRST_PAINT_WAIT_MS = 300


class SearchController(QObject):
    ready = Signal()  # the index of the briefing on screen is built
    failed = Signal(str)  # it could not be: why, in a sentence for the user

    def __init__(self, tabs: BriefingTabs, bar: SearchBar, parent: QObject | None = None,
                 ) -> None:
        super().__init__(parent)
        self.tabs, self.bar = tabs, bar
        self.panel: ResultsPanel | None = None  # made when first shown (see attach_panel)
        self._index: SearchIndex | None = None
        self._loaded: Loaded | None = None
        self._generation = 0
        self._result: SearchResult | None = None  # the last good result (a bad query keeps it)
        self._failed = False  # the index of the briefing on screen could not be built
        self._stale: set[Page] = set()  # pages not yet showing the current result
        self._panel_stale = False
        self._nav: Page | None = None  # the page the last step to a hit went to
        self._pending: Callable[[], None] | None = None
        self._panel_timer = QTimer(self)
        self._panel_timer.setSingleShot(True)
        self._panel_timer.setInterval(PANEL_DELAY_MS)
        self._panel_timer.timeout.connect(self._update_panel)
        self._titles_timer = QTimer(self)
        self._titles_timer.setSingleShot(True)
        self._titles_timer.setInterval(TITLES_DELAY_MS)
        self._titles_timer.timeout.connect(self._update_titles)
        self._short_timer = QTimer(self)
        self._short_timer.setSingleShot(True)
        self._short_timer.setInterval(SHORT_WORD_DELAY_MS)
        self._short_timer.timeout.connect(self._run)
        bar.field.textChanged.connect(self._typed)
        bar.field.next_requested.connect(self.next_hit)
        bar.field.previous_requested.connect(self.previous_hit)
        tabs.currentChanged.connect(self._on_tab_changed)

    def attach_panel(self, panel: ResultsPanel) -> None:
        """List the hits in ``panel`` from now on."""
        self.panel = panel
        self._panel_stale = True
        panel.visibilityChanged.connect(self._on_panel_visibility)
        panel.open_requested.connect(self.open_hit)

    # --- the index -------------------------------------------------------------------------

    def set_loaded(self, loaded: Loaded) -> None:
        """Index a newly loaded briefing; the query in the field applies once it is ready."""
        self._loaded = loaded
        self._generation += 1
        self._index = None
        self._failed = False
        self.bar.set_indexing(True)
        generation = self._generation
        briefing, article = loaded.briefing, loaded.article
        size = sum(len(getattr(briefing, section)) for section, _cls in SECTIONS) + (
            article.count("\n") if article else 0)
        if size > THREAD_ABOVE:
            def work() -> None:
                threads.start(lambda: _build(briefing, article), self,
                              lambda index: self._on_built(generation, index),
                              "search-index",
                              lambda exc: self._on_build_failed(generation, exc))
        else:  # small: in this thread
            def work() -> None:
                self._on_built(generation, _build(briefing, article))
        self._after_next_paint(work)

    def _after_next_paint(self, work: Callable[[], None]) -> None:
        """Run ``work`` once the tabs have painted the briefing just loaded: importing the
        search core and indexing the seed would delay the window's first showing, and an
        indexing thread competing for the interpreter slowed the first paint of a big
        briefing. If nothing paints (a hidden window), the work
        runs after FIRST_PAINT_WAIT_MS."""
        self._pending = work  # a briefing loaded meanwhile replaces it
        after_first_paint(self.tabs, self._run_pending, at_the_latest_ms=FIRST_PAINT_WAIT_MS)

    def _run_pending(self) -> None:
        work, self._pending = self._pending, None
        if work is not None:
            work()

    def _on_build_failed(self, generation: int, exc: Exception) -> None:
        """The index could not be built (a bug, or memory): say so where the search is
        typed, and stop saying "Indexing…"; the briefing stays readable."""
        if generation != self._generation:
            return
        self._failed = True
        self.bar.set_indexing(False)
        self.bar.show_error(f"search unavailable: {type(exc).__name__}: {exc}")
        self.failed.emit(f"Search is unavailable for this briefing: the index could not be "
                         f"built ({type(exc).__name__}: {exc})")

    def _on_built(self, generation: int, index: SearchIndex) -> None:
        if generation != self._generation:
            return  # a newer briefing is being indexed
        self._index = index  # frozen out of the collector's sight as it was built
        self.bar.set_indexing(False)
        self._result = None
        self._run()
        self._update_titles()  # nobody is typing: no reason to wait
        self.ready.emit()

    def is_busy(self) -> bool:
        """True while the briefing on screen is being indexed."""
        return self._loaded is not None and self._index is None and not self._failed

    def result(self) -> SearchResult | None:
        return self._result

    # --- a query ---------------------------------------------------------------------------

    def _typed(self, text: str) -> None:
        self._short_timer.stop()
        if self._index is not None and self._index.size > SHORT_WORD_ENTRIES \
                and _short_word_last(text):
            self._short_timer.start()
            return
        self._run()

    def run_now(self) -> None:
        """Apply the query in the field now, even if typing has not paused."""
        self._short_timer.stop()
        self._run()
        if self._index is not None:
            self._update_titles()

    def _run(self) -> None:
        if self._index is None:
            return  # applied when the index is ready
        from ..core.search import QueryError

        text = self.bar.text()
        try:
            result = self._index.search(text, typing=True)
        except QueryError as exc:
            self.bar.show_error(f"{exc.message} (column {exc.column})")
            return  # the last good filter stays
        self._result = result
        self._nav = None
        active = not result.query.is_empty
        self._stale = set(self.tabs.pages)
        self._apply(self.tabs.current_page())
        self._titles_timer.start()
        if not active:
            self.bar.show_info("")
        elif result:
            self.bar.show_info(f"{result.total:,} match{'es' if result.total > 1 else ''}")
        else:
            self.bar.show_info("no match")
        self._panel_stale = True
        if self.panel is not None and self.panel.isVisible():
            self._panel_timer.start()

    def _update_titles(self) -> None:
        """Title each tab with its page's count of hits."""
        self._titles_timer.stop()
        result = self._shown()
        for number, page in enumerate(self.tabs.pages):
            label = page.spec.label
            title = f"{label} ({page.count(result):,})" if result is not None else label
            if self.tabs.tabText(number) != title:  # each change lays the tab bar out
                self.tabs.setTabText(number, title)

    def _active(self) -> bool:
        return self._result is not None and not self._result.query.is_empty

    def _shown(self) -> SearchResult | None:
        """The result the pages show: None when no search is active."""
        return self._result if self._active() else None

    def shown_briefing(self) -> tuple[Briefing, str] | None:
        """The briefing cut down to the entries the search shows, and the query's text;
        None when no search is active."""
        result = self._shown()
        if result is None or self._loaded is None or self._index is None:
            return None
        from ..core.search import restrict_briefing

        return (restrict_briefing(self._loaded.briefing, self._index, result),
                result.query.text)

    def _apply(self, page: Page) -> None:
        """Bring one page up to the current result (a page not built yet shows it once
        built)."""
        if page not in self._stale or self._result is None:
            return
        self._stale.discard(page)
        page.apply_search(self._shown())

    def _on_tab_changed(self, _index: int) -> None:
        self._apply(self.tabs.current_page())

    # --- next and previous -----------------------------------------------------------------

    def next_hit(self) -> None:
        self._step(forward=True)

    def previous_hit(self) -> None:
        self._step(forward=False)

    def _stops(self, page: Page) -> int:
        """How many hits a step visits on a page (its shown rows, the article's matching
        lines, or one for the Overview)."""
        self._apply(page)
        return page.hit_count()

    def _position(self, page: Page) -> int | None:
        """Where on ``page`` the last step went (None: steps start afresh there)."""
        return page.hit_position() if self._nav is page else None

    def _step(self, *, forward: bool) -> None:
        result = self._shown()
        if result is None:
            self.bar.show_info("type a search first")
            return
        if not result:
            self.bar.show_info("no match")
            return
        pages = self.tabs.pages
        here = self.tabs.current_page()
        position = self._position(here)
        if position is not None:
            target = position + (1 if forward else -1)
            if 0 <= target < self._stops(here):
                self._go(here, target)
                return
        start = pages.index(here)
        offsets = range(0 if position is None else 1, len(pages) + 1)
        for offset in offsets:
            page = pages[(start + (offset if forward else -offset)) % len(pages)]
            if page.count(result) and (stops := self._stops(page)):
                self._go(page, 0 if forward else stops - 1)
                return

    def _go(self, page: Page, stop: int) -> None:
        self._apply(page)
        self.tabs.select_page(page)
        self._nav = page
        total = page.hit_count()
        page.go_to_hit(stop)
        self.bar.show_info(f"{page.spec.title}: {stop + 1:,} of {total:,}")

    def open_hit(self, section: str, index: int) -> None:
        """Show one matching entry (from the results panel): its page, with it selected."""
        page = self.tabs.page_for(section)
        self._apply(page)
        self.tabs.select_page(page)
        if page.open_match(section, index) is not None:
            self._nav = page

    # --- the results panel -----------------------------------------------------------------

    def _on_panel_visibility(self, visible: bool) -> None:
        if visible and self._panel_stale:
            self._update_panel()

    def _update_panel(self) -> None:
        if self.panel is None or not self.panel.isVisible():
            return
        self._panel_stale = False
        result = self._shown()
        if result is None:
            self.panel.set_result(None, "Type in the search field to list every hit here.")
            return
        parts = [f"{page.spec.title} {count:,}"
                 for page in self.tabs.pages if (count := page.count(result))]
        summary = (f"{result.total:,} matching entries: {', '.join(parts)}" if result
                   else "No match.")
        self.panel.set_result(result, summary)


def _build(briefing: Briefing, article: str | None) -> SearchIndex:
    from ..core.search import SearchIndex

    return SearchIndex.build(briefing, article=article)


def _short_word_last(text: str) -> bool:
    """Does the query end in a word of two letters being typed ("ka", "-20")?"""
    if not text or text[-1].isspace() or text.count('"') % 2:
        return False
    word = text.split()[-1].lstrip("-")
    word = word.rpartition(":")[2]
    return len(word) == 2 and word.isalnum()

