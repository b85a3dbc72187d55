"""The tabs of the window: one per page of the registry (pages.py), in its order
and titled with its labels, each page built the first time it is shown and kept filled
with the briefing on screen."""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QTabWidget, QWidget

from ..core.pages import ARTICLE_SECTION
from .pages import PAGES

if TYPE_CHECKING:
    from ..core.model import Entry
    from .loader import Loaded
    from .page import Page
    from .pages import PageMaker, SourcePage


class BriefingTabs(QTabWidget):
    entry_selected = Signal(object)  # the current page's entry, or None
    show_in_article_requested = Signal()
    excerpt_requested = Signal(str)
    copy_requested = Signal()

    def __init__(self, parent: QWidget | None = None, pages: Sequence[PageMaker] = PAGES,
                 ) -> None:
        """``pages``: the pages to show, in order (the registry's, unless given)."""
        super().__init__(parent)
        self.setObjectName("tabs")
        self.setAccessibleName("Briefing sections")
        self.setDocumentMode(True)
        self.pages: list[Page] = [make(self) for make in pages]
        self.names = [page.spec.name for page in self.pages]
        self._by_name = dict(zip(self.names, self.pages, strict=True))
        self._by_section = {section: page for page in self.pages
                            for section in page.spec.sections}
        for page in self.pages:
            self.addTab(page, page.spec.label)
            page.entry_selected.connect(partial(self._on_entry_selected, page))
            page.show_in_article_requested.connect(self.show_in_article_requested)
            page.excerpt_requested.connect(self.excerpt_requested)
            page.copy_requested.connect(self.copy_requested)
            page.section_requested.connect(self.show_section)
        self.tabBar().setAccessibleName("Tabs")
        self.currentChanged.connect(self._on_current_changed)

    # --- pages -----------------------------------------------------------------------------

    def page(self, name: str) -> Page:
        return self._by_name[name]

    def page_for(self, section: str) -> Page:
        """The page that shows a search section's entries."""
        return self._by_section[section]

    def section_title(self, section: str) -> str:
        """The title of the tab that shows a search section's entries."""
        return self.page_for(section).spec.title

    def article_page(self) -> SourcePage:
        """The page that shows the article, with the selected entry's excerpts."""
        return cast("SourcePage", self.page_for(ARTICLE_SECTION))

    def select(self, name: str) -> None:
        self.select_page(self.page(name))

    def select_page(self, page: Page) -> None:
        self.setCurrentWidget(page)

    def show_section(self, section: str) -> None:
        if section in self._by_section:
            self.select_page(self.page_for(section))

    def current_page(self) -> Page:
        return cast("Page", self.currentWidget())

    def current_name(self) -> str:
        return self.current_page().spec.name

    def selected_entry(self) -> Entry | None:
        return self.current_page().current_entry()

    # --- content ---------------------------------------------------------------------------

    def show_loading(self, name: str) -> None:
        """Say what is loading, while there is no briefing on screen yet."""
        for page in self.pages:
            page.show_loading(name)

    def show_loaded(self, loaded: Loaded) -> None:
        """Show a briefing in every page built so far (the others fill when built)."""
        for page in self.pages:
            page.show_loaded(loaded)
        self.entry_selected.emit(self.selected_entry())

    def _on_current_changed(self, _index: int) -> None:
        page = self.current_page()
        if page.selects_entries and page.is_built():  # else it says so once built
            self.entry_selected.emit(page.current_entry())

    def _on_entry_selected(self, page: Page, entry: Entry | None) -> None:
        if page is self.currentWidget():  # not a background page restoring its selection
            self.entry_selected.emit(entry)

    def refresh_colours(self) -> None:
        for page in self.pages:
            page.refresh_colours()
