"""The page of the article: its text, the selected entry's excerpts marked in it, and
the search's hits in the lines on screen (source_tab.py, source_view.py). A step through
the hits stops at each matching line."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, cast

from .base import Page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...core.pages import PageSpec
    from ...core.search import ArticleLine, SearchResult
    from ..document import Loaded
    from ..source_tab import SourceTab


class SourcePage(Page):
    def __init__(self, spec: PageSpec, parent: QWidget | None = None) -> None:
        super().__init__(spec, parent)
        self.section = spec.sections[0]
        self._excerpts: tuple[str, ...] = ()  # the window's entry's, marked in the text
        self._stop: int | None = None  # the matching line shown by the last step

    def tab(self) -> SourceTab:
        """The article's text and where it comes from (built if need be)."""
        return cast("SourceTab", self.content())

    def _build_content(self, parent: QWidget) -> QWidget:
        from ..source_tab import SourceTab

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
        """Mark where these excerpts (the window's entry's) are in the article."""
        self._excerpts = tuple(excerpts)
        if self.is_built():
            self.tab().view.highlight(self._excerpts)

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
