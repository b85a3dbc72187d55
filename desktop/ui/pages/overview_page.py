"""The page of the briefing at a glance: its header, key figures and organisations
(overview_tab.py draws it). A step through the hits stops here once."""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from .base import Page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...core.pages import PageSpec
    from ...core.search import SearchResult
    from ..document import Loaded
    from ..overview_tab import OverviewTab


class OverviewPage(Page):
    def __init__(self, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self._loading = ""  # the file being loaded, while none is shown

    def tab(self) -> OverviewTab:
        """The page's text and buttons (built if need be)."""
        return cast("OverviewTab", self.content())

    def _build_content(self, parent: QWidget) -> QWidget:
        from ..overview_tab import OverviewTab

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
