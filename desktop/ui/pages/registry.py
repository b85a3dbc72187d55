"""Every page of the window and how it is made: the one table the tabs, their titles, the
View menu, the search's counts and steps and the Results panel follow.

What a page is called and shows, and the order of the tabs, are in core/pages.py (read by
the command line and the query language too, before Qt starts); here each of those pages
gets its kind and what that kind needs. A page added there and here is a tab with its
count, its hits in the Results panel and its stops for Enter / F3, with no other change.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from ...core import pages
from .entry_page import EntryPage
from .overview_page import OverviewPage
from .source_page import SourcePage

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from ...core.pages import PageSpec
    from ..entry_chart import EntryChart
    from .base import Page

PageMaker = Callable[["QWidget | None"], "Page"]


def _trade_chart(parent: QWidget) -> EntryChart:
    from ..trade_chart import TradeChart  # with the page: its drawing code is not start-up's

    return TradeChart(parent)


def _timeline_chart(parent: QWidget) -> EntryChart:
    from ..timeline_chart import TimelineChart

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
