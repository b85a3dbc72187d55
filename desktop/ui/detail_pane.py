"""The detail pane: every field of the selected entry and the excerpts it rests on.

The pane builds its own HTML from briefing text passed through ``html.escape``, and
loads no resources and follows no links, so nothing in a briefing is ever interpreted.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QWidget

from ..core.model import entry_label
from . import describe, theme
from .marks import marked, marked_fragments
from .widgets import InertTextBrowser


class DetailPane(InertTextBrowser):
    excerpt_clicked = Signal(str)  # one of the entry's own excerpts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName("Entry details")
        self.anchorClicked.connect(self._anchor_clicked)
        self.document().setDefaultStyleSheet("a { text-decoration: none; }")
        self._entry: Any = None
        self._found: Callable[[str], bool] | None = None
        self._highlighter: Any = None  # the search's core Highlighter, or None
        self._rendered: tuple[Any, Any] = (None, None)  # (entry, highlighter) drawn last
        self._html_shown = ""
        self.show_entry(None)

    def _anchor_clicked(self, url: QUrl) -> None:
        source = getattr(self._entry, "source", ())
        if url.scheme() == "excerpt" and url.path().isdigit() and int(url.path()) < len(source):
            self.excerpt_clicked.emit(source[int(url.path())])

    def entry(self) -> Any:
        return self._entry

    def show_entry(self, entry: Any, found: Callable[[str], bool] | None = None) -> None:
        """Show ``entry``; ``found`` says whether an excerpt is in the article."""
        self._entry, self._found = entry, found
        self._rendered = (entry, self._highlighter)
        if entry is None:
            self._set_html("<p style='color:gray'>Select an entry to see its details and "
                           "the words of the article it comes from.</p>")
            return
        self._set_html(self._html(entry))
        self._to_top()
        # A pane filled before its first layout scrolls when it gets its size; a new entry
        # is read from its top, so go there again once the layout has settled.
        QTimer.singleShot(0, self._to_top)

    def _set_html(self, html_text: str) -> bool:
        """Show ``html_text`` unless it is what the pane shows already (a keystroke often
        changes the list but not the selected entry's marks): False then."""
        if html_text == self._html_shown:
            return False
        self._html_shown = html_text
        self.setHtml(html_text)
        return True

    def set_highlighter(self, highlighter: Any, *, render: bool = True) -> None:
        """Mark a search's hits in the shown entry (None: no search); with ``render``
        False the pane is redrawn only by the next show_entry or refresh."""
        self._highlighter = highlighter
        if render:
            self.refresh()

    def refresh(self) -> None:
        """Draw the entry again if it was drawn for another search, where the reader had
        scrolled to: refining a query moves the marks, not the entry."""
        if self._rendered == (self._entry, self._highlighter):
            return
        if self._entry is None or self._rendered[0] is not self._entry:
            self.show_entry(self._entry, self._found)
            return
        self._rendered = (self._entry, self._highlighter)
        bar = self.verticalScrollBar()
        at = bar.value()
        if self._set_html(self._html(self._entry)):
            bar.setValue(at)

    def highlighted_texts(self) -> list[str]:
        """The text under each search highlight, in the order shown."""
        return marked_fragments(self.document(), theme.search_background(self.palette()))

    def _to_top(self) -> None:
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def refresh_colours(self) -> None:
        self.show_entry(self._entry, self._found)

    def _marked(self, text: str, key: str) -> str:
        """``text`` escaped, with the search's hits in it marked."""
        return marked(text, self._highlighter, key,
                      theme.search_background(self.palette()).name())

    def _html(self, entry: Any) -> str:
        esc = html.escape
        mark = self._marked
        derived_colour = theme.derived_bar(self.palette()).name()
        rows = []
        for line in describe.lines(entry, titled=True):
            pad = 4 + 18 * line.depth
            value = mark(line.value, line.key)
            if line.derived:
                value = (f"<span style='color:{derived_colour}'><b>derived</b></span> "
                         f"{value}")
            rows.append(f"<tr><td style='padding:2px 10px 2px {pad}px; color:gray' "
                        f"valign='top'>{esc(line.label)}</td>"
                        f"<td style='padding:2px'>{value}</td></tr>")
        quotes = []
        for number, excerpt in enumerate(getattr(entry, "source", ())):
            missing = self._found is not None and not self._found(excerpt)
            if missing:
                quote = (f"“{mark(excerpt, 'source')}”<br/><i style='color:#c03030'>"
                         "not found in the article</i>")
            else:  # a link of our own making: the pane's anchorClicked handles it
                quote = f"<a href='excerpt:{number}'>“{mark(excerpt, 'source')}”</a>"
            quotes.append(f"<p style='margin:6px 0 6px 12px; padding-left:8px'>{quote}</p>")
        return (f"<h3>{mark(entry_label(entry), describe.label_key(entry))}</h3>"
                f"<table cellspacing='0'>{''.join(rows)}</table>"
                f"<h4>In the article <span style='font-weight:normal; color:gray'>"
                f"(click a quote to see it there)</span></h4>{''.join(quotes)}")
