"""A page of the window (one tab) and the interface every page offers.

The tab widget (tab_pages.py), the search (search_controller.py) and the main window ask
pages for what they need: show a briefing, show a search's hits, count them, step to one,
the current entry, new colours. None of them knows which page is which or what a page
holds; the kinds of page and the table of them are in pages.py, their names in
core/pages.py.

A page is an empty widget at start-up and builds its content the first time it is shown
or asked something only the content knows, so start-up pays only for the tab on screen:
the other tabs' modules are imported and their widgets and models made when the user
first opens them. What a page was given before (a briefing, a search) is kept and shown
once it is built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

if TYPE_CHECKING:
    from ..core.model import Entry
    from ..core.pages import PageSpec
    from ..core.search import SearchResult
    from .briefing_file import Loaded


class Page(QWidget):
    entry_selected = Signal(object)  # its current entry changed: the entry, or None
    show_in_article_requested = Signal()  # show the current entry's excerpts in the article
    excerpt_requested = Signal(str)  # show this excerpt of the current entry in the article
    copy_requested = Signal()  # copy the current entry
    section_requested = Signal(str)  # show the page that shows this section

    # Whether the page has a current entry (to copy, to show in the article): showing the
    # page then makes its entry the window's. Other pages leave the window's entry as it
    # was, so the article keeps the excerpts of the entry last selected.
    selects_entries = False

    def __init__(self, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = spec
        self.setObjectName(f"{spec.name}Page")
        self.setAccessibleName(spec.title)
        self._loaded: Loaded | None = None
        self._result: SearchResult | None = None  # the search shown; None: no search
        self._content: QWidget | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)

    # --- built when first shown ------------------------------------------------------------

    def is_built(self) -> bool:
        return self._content is not None

    def content(self) -> QWidget:
        """The page's content, made now if it has not been."""
        if self._content is None:
            self._content = self._build_content(self)
            self.layout().addWidget(self._content)
            if self.isVisible():
                self._content.show()  # now, not at the next turn of the event loop
        return self._content

    def showEvent(self, event: QShowEvent) -> None:
        self.content()
        super().showEvent(event)

    # --- to implement ----------------------------------------------------------------------

    def _build_content(self, parent: QWidget) -> QWidget:
        """Make the content, showing what the page was given so far (_loaded, _result)."""
        raise NotImplementedError

    def _fill(self, loaded: Loaded) -> None:
        """Show a briefing in the built content."""
        raise NotImplementedError

    def _search(self, result: SearchResult | None) -> None:
        """Show a search's hits in the built content (None: no search)."""
        raise NotImplementedError

    def hit_count(self) -> int:
        """How many stops a step through the hits makes here (for the search shown)."""
        raise NotImplementedError

    def hit_position(self) -> int | None:
        """The stop shown now (None: none), after go_to_hit or open_match put it there
        and the user perhaps moved on."""
        raise NotImplementedError

    def go_to_hit(self, number: int) -> None:
        """Show stop ``number`` (0 <= number < hit_count())."""
        raise NotImplementedError

    def open_match(self, section: str, index: int) -> int | None:
        """Show entry ``index`` of ``section`` (one of this page's, matched by the search
        shown); the stop it is, or None if it is not shown."""
        raise NotImplementedError

    def search_marks(self) -> list[str]:
        """The text under each search mark the page shows, in order."""
        raise NotImplementedError

    def focus_widget(self) -> QWidget | None:
        """What takes the keyboard when the user leaves the search field (None: the page
        has not been built)."""
        raise NotImplementedError

    def _refresh_colours(self) -> None:
        """Pick the built content's colours again from the palette."""
        raise NotImplementedError

    # --- shared ----------------------------------------------------------------------------

    def show_loading(self, name: str) -> None:
        """Say that file ``name`` is loading while no briefing is shown (most pages need
        not say it)."""

    def show_loaded(self, loaded: Loaded) -> None:
        """Show a briefing (now if built, else once built)."""
        self._loaded = loaded
        if self.is_built():
            self._fill(loaded)

    def count(self, result: SearchResult) -> int:
        """How many entries of the page's sections a search matched (its tab's title)."""
        return sum(result.count(section) for section in self.spec.sections)

    def apply_search(self, result: SearchResult | None) -> None:
        """Show a search's hits (None: no search), now if built, else once built."""
        self._result = result
        if self.is_built():
            self._search(result)

    def current_entry(self) -> Entry | None:
        """The entry the page has selected, which Copy and Show in Article act on."""
        return None

    def refresh_colours(self) -> None:
        if self.is_built():
            self._refresh_colours()
