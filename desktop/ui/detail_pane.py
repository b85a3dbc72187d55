"""The detail pane: every field of the selected entry and the excerpts it rests on.

The pane builds its own HTML from briefing text passed through ``html.escape``, and
loads no resources and follows no links, so nothing in a briefing is ever interpreted.

A search's hits are marked over the page (extra selections), not written into it: while
a query is refined, the entry stays and only its marks move, and setting, parsing and
laying out the page again for each keystroke took a large share of the frame a keystroke
may take on a big briefing. The page is built once per entry with every marked text where the
pane can find it again; should a text not be found as written (odd whitespace, say),
that entry's marks go into its HTML instead, as they always did.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QTimer, QUrl, Signal
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QTextEdit, QWidget

from ..core.longtext import Broken, breakable, left_out, shortened
from ..core.model import entry_label
from ..present import describe
from ..present.excerpts import Utf16Offsets, utf16_spans
from ..present.readings import SIGNS, note
from . import theme
from .marks import marked, marked_fragments
from .widgets import InertTextBrowser

if TYPE_CHECKING:
    from ..core.highlight import Highlighter
    from ..core.model import Entry
    from ..core.origins import BriefingMarks

# What HTML turns into one space: the ASCII whitespace. Anything else is written as it is
# (a no-break space stays one); a text Qt still shows otherwise is simply not found, and
# its entry's marks go into the HTML.
_SPACES = re.compile(r"[ \t\n\r\f\v]+")
MAX_MARKS = 500


class _Text(NamedTuple):
    """A text of the page, in the order the page shows them: ``key`` says which field it
    is for search marks (None: a label or a heading, never marked). ``broken`` is
    ``value`` as the page shows it, with break opportunities in long runs (see
    core/longtext.py); marks are found in ``value`` and moved onto it."""

    value: str
    key: str | None
    broken: Broken

    @property
    def text(self) -> str:
        return self.broken.text


class DetailPane(InertTextBrowser):
    excerpt_clicked = Signal(str)  # one of the entry's own excerpts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setAccessibleName("Entry details")
        self.anchorClicked.connect(self._anchor_clicked)
        self.document().setDefaultStyleSheet("a { text-decoration: none; }")
        self._entry: Entry | None = None
        self._marks: BriefingMarks | None = None  # inferred and added values, signed
        self._found: Callable[[str], bool] | None = None
        self._highlighter: Highlighter | None = None  # the search's
        # (entry, highlighter) drawn last
        self._rendered: tuple[Entry | None, Highlighter | None] = (None, None)
        self._html_shown = ""
        # Where each marked text starts in the page (UTF-16 positions, as Qt counts), or
        # None when the marks are written into the HTML (see the module doc).
        self._places: list[tuple[int, _Text]] | None = []
        self.show_entry(None)

    def _anchor_clicked(self, url: QUrl) -> None:
        source = getattr(self._entry, "source", ())
        if url.scheme() == "excerpt" and url.path().isdigit() and int(url.path()) < len(source):
            self.excerpt_clicked.emit(source[int(url.path())])

    def entry(self) -> Entry | None:
        return self._entry

    def set_marks(self, marks: BriefingMarks | None) -> None:
        """Which values of the briefing's entries are inferred or added (shown next)."""
        self._marks = marks

    def show_entry(self, entry: Entry | None, found: Callable[[str], bool] | None = None) -> None:
        """Show ``entry``; ``found`` says whether an excerpt is in the article."""
        self._entry, self._found = entry, found
        self._rendered = (entry, self._highlighter)
        if entry is None:
            self._set_html("<p style='color:gray'>Select an entry to see its details and "
                           "the words of the article it comes from.</p>")
            self._places = []
            self._mark()
            return
        page, texts = self._page(entry, self._no_marks)
        self._set_html(page)
        self._places = self._locate(texts)
        if self._places is None:  # marks in the HTML after all
            self._set_html(self._page(entry, self._marked)[0])
        self._mark()
        self._to_top()
        # A pane filled before its first layout scrolls when it gets its size; a new entry
        # is read from its top, so go there again once the layout has settled.
        QTimer.singleShot(0, self, self._to_top)  # not if the pane is gone by then

    def _set_html(self, html_text: str) -> None:
        """Show ``html_text`` unless it is what the pane shows already."""
        if html_text != self._html_shown:
            self._html_shown = html_text
            self.setHtml(html_text)

    def set_highlighter(self, highlighter: Highlighter | None, *, render: bool = True) -> None:
        """Mark a search's hits in the shown entry (None: no search); with ``render``
        False the pane is redrawn only by the next show_entry or refresh."""
        self._highlighter = highlighter
        if render:
            self.refresh()

    def refresh(self) -> None:
        """Mark the entry for the search now set, where the reader had scrolled to:
        refining a query moves the marks, not the entry."""
        if self._rendered == (self._entry, self._highlighter):
            return
        if self._entry is None or self._rendered[0] is not self._entry:
            self.show_entry(self._entry, self._found)
            return
        self._rendered = (self._entry, self._highlighter)
        if self._places is None:  # marks in the HTML: the page again, scrolled as it was
            bar = self.verticalScrollBar()
            at = bar.value()
            self._set_html(self._page(self._entry, self._marked)[0])
            bar.setValue(at)
        else:
            self._mark()

    def highlighted_texts(self) -> list[str]:
        """The text under each search highlight, in the order shown."""
        if self._places is None:
            return marked_fragments(self.document(), theme.search_background(self.palette()))
        return [mark.cursor.selectedText() for mark in self.extraSelections()]

    def _to_top(self) -> None:
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self.verticalScrollBar().setValue(0)

    def refresh_colours(self) -> None:
        self._html_shown = ""  # the page's own colours are in its HTML
        self.show_entry(self._entry, self._found)

    # --- the marks ------------------------------------------------------------------------

    def _locate(self, texts: list[_Text]) -> list[tuple[int, _Text]] | None:
        """Where each text to be marked starts in the page: found in order, each after
        the one before (labels and headings too, so that a value is never found in the
        label before it); None if any is not where the HTML put it."""
        raw = self.document().toRawText()  # positions as the document's (frames kept)
        utf16 = Utf16Offsets(raw)
        places: list[tuple[int, _Text]] = []
        at = 0
        for text in texts:
            if not text.text:
                continue
            found = raw.find(text.text, at)
            if found < 0:
                return None
            at = found + len(text.text)
            if text.key is not None:
                places.append((utf16(found), text))
        return places

    def _mark(self) -> None:
        marks: list[QTextEdit.ExtraSelection] = []
        if self._highlighter is not None and self._places:
            colour = theme.search_background(self.palette())
            document = self.document()
            for start, text in self._places:
                # The first MAX_MARKS hits of the page: each costs Qt work at every paint,
                # and a word repeated thousands of times in a long value would stall it.
                spans = self._highlighter.spans(text.value, text.key or None)[
                    :MAX_MARKS - len(marks)]
                broken = text.broken
                spans = [(broken.shown(left), broken.shown(right, end=True))
                         for left, right in spans]
                for left, right in utf16_spans(text.text, spans) if spans else ():
                    cursor = QTextCursor(document)
                    cursor.setPosition(start + left)
                    cursor.setPosition(start + right, QTextCursor.MoveMode.KeepAnchor)
                    fmt = QTextCharFormat()
                    fmt.setBackground(colour)
                    mark = QTextEdit.ExtraSelection()
                    mark.cursor = cursor  # type: ignore[misc]
                    mark.format = fmt  # type: ignore[misc]
                    marks.append(mark)
        if marks or self.extraSelections():
            self.setExtraSelections(marks)

    # --- the page -------------------------------------------------------------------------

    def _no_marks(self, text: str, _key: str) -> str:
        return html.escape(breakable(text).text)

    def _marked(self, text: str, key: str) -> str:
        """``text`` escaped, with the search's hits in it marked."""
        return marked(text, self._highlighter, key,
                      theme.search_background(self.palette()).name())

    def _page(self, entry: Entry, mark: Callable[[str, str], str]) -> tuple[str, list[_Text]]:
        """The entry's page, each text through ``mark``, and its texts in page order.

        Texts are written with their whitespace as the page shows it (runs of it as one
        space, none at the ends), so that each can be found in the page as written; a
        value longer than a pane shows is cut, and says how much is left out."""
        esc = html.escape
        texts: list[_Text] = []

        def shown(text: str, key: str | None) -> str:
            text, more = shortened(text)
            text = _SPACES.sub(" ", text).strip(" ")
            broken = breakable(text)
            texts.append(_Text(text, key, broken))
            out = esc(broken.text) if key is None else mark(text, key)
            if more:
                note = left_out(more)
                texts.append(_Text(note, None, Broken(note, ())))
                out += f" <i style='color:gray'>{esc(note)}</i>"
            return out

        derived_colour = theme.derived_bar(self.palette()).name()
        title = shown(entry_label(entry), describe.label_key(entry))
        rows = []
        marks = self._marks.of(entry) if self._marks is not None else None
        for line in describe.lines(entry, titled=True, marks=marks):
            pad = 4 + 18 * line.depth
            label = shown(line.label, None)
            derived = shown("derived", None) if line.derived else ""
            value = shown(line.value, line.key)
            if derived:
                value = (f"<span style='color:{derived_colour}'><b>{derived}</b></span> "
                         f"{value}")
            if line.origin is not None:  # the sign after the value, the reason below it
                sign = shown(SIGNS[line.origin.kind], None)
                reason = shown(note(line.origin), None)
                value += (f" <b style='color:{derived_colour}'>{sign}</b><br/>"
                          f"<i style='color:gray'>{reason}</i>")
            rows.append(f"<tr><td style='padding:2px 10px 2px {pad}px; color:gray' "
                        f"valign='top'>{label}</td>"
                        f"<td style='padding:2px'>{value}</td></tr>")
        heading = shown("In the article", None)
        hint = shown("(click a quote to see it there)", None)
        quotes = []
        for number, excerpt in enumerate(getattr(entry, "source", ())):
            missing = self._found is not None and not self._found(excerpt)
            text = shown(excerpt, "source")
            if missing:
                quote = (f"“{text}”<br/><i style='color:#c03030'>"
                         f"{shown('not found in the article', None)}</i>")
            else:  # a link of our own making: the pane's anchorClicked handles it
                quote = f"<a href='excerpt:{number}'>“{text}”</a>"
            quotes.append(f"<p style='margin:6px 0 6px 12px; padding-left:8px'>{quote}</p>")
        page = (f"<h3>{title}</h3>"
                f"<table cellspacing='0'>{''.join(rows)}</table>"
                f"<h4>{heading} <span style='font-weight:normal; color:gray'>"
                f"{hint}</span></h4>{''.join(quotes)}")
        return page, texts
