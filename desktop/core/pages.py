"""The window's pages as everything outside the window names them: the one table of them.

A page's name is what `briefing --tab NAME` takes and what `section:` in a query takes
beside the section names (fields.SECTION_ALIASES); its label is its tab's title; its
sections are the search sections (fields.SEARCH_SECTIONS) whose hits it shows, so a tab's
count, the Results panel's "Tab" column and the step to the next hit all follow from
here. The window makes one tab per page, in this order (desktop/ui/pages.py says
how each is made).

Qt-free and importing nothing: the command line reads it before Qt starts, and so does
`briefing check`, which must start in the time it takes to import PyYAML.
"""

from __future__ import annotations

# The search sections beside the model's lists (model.SECTIONS): the briefing's header, and
# the article's lines. Here rather than in fields.py, which re-exports them, so that the
# window names them before it imports the search.
HEADER_SECTION = "briefing"
ARTICLE_SECTION = "article"


class PageSpec:
    """A page of the window: its name, its tab's label and the sections it shows."""

    __slots__ = ("label", "name", "sections")

    def __init__(self, name: str, label: str, sections: tuple[str, ...]) -> None:
        self.name = name  # as --tab and `section:` take it
        self.label = label  # the tab's title, "&" before its mnemonic letter
        self.sections = sections  # the search sections whose hits it shows, the first
        # the one `section:NAME` means

    @property
    def title(self) -> str:
        """The label as plain text, without its mnemonic mark."""
        return self.label.replace("&", "")

    def __repr__(self) -> str:
        return f"PageSpec({self.name!r}, {self.label!r}, {self.sections!r})"


OVERVIEW = PageSpec("overview", "&Overview", (HEADER_SECTION, "organisations"))
LEADERS = PageSpec("leaders", "&Leaders", ("leaders",))
AGREEMENTS = PageSpec("agreements", "&Agreements", ("agreements",))
TRADE = PageSpec("trade", "&Trade statistics", ("trade_statistics",))
COOPERATION = PageSpec("cooperation", "&Cooperation areas", ("cooperation_areas",))
TIMELINE = PageSpec("timeline", "T&imeline", ("events",))
SOURCE = PageSpec("source", "&Source", (ARTICLE_SECTION,))

# In tab order.
PAGES: tuple[PageSpec, ...] = (OVERVIEW, LEADERS, AGREEMENTS, TRADE, COOPERATION, TIMELINE,
                               SOURCE)
NAMES: tuple[str, ...] = tuple(page.name for page in PAGES)
