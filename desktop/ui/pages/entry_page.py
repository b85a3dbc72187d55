"""A page listing the entries of one section: a table, the selected entry's details and,
for some sections, a chart above them (entry_tab.py draws it all)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from .base import Page

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...core.model import Entry
    from ...core.pages import PageSpec
    from ...core.search import SearchResult
    from ..document import Loaded
    from ..entry_chart import EntryChart
    from ..entry_tab import EntryTab

ChartMaker = Callable[["QWidget"], "EntryChart"]


class EntryPage(Page):
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
        from ...core.model import SECTIONS
        from ..columns import BY_CLASS
        from ..entry_tab import EntryTab

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
        entries = getattr(loaded.briefing, self.section)
        tab.set_entries(entries, excerpt_finder(loaded.article))
        if tab.header is not None:
            tab.header.set_entries(entries)

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
        from ..highlight_delegate import one_line

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
    from ..excerpts import find_excerpt

    def found(excerpt: str) -> bool:
        return find_excerpt(article, excerpt) is not None

    return found
