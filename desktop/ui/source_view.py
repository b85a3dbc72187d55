"""The Source tab: the article as read-only plain text, with an entry's excerpts marked.

The article text is put into the editor only when it is first needed (the tab is shown,
or an excerpt is to be marked), so opening a briefing with a 4 MB article does not pay
for laying it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QKeyEvent,
    QKeySequence,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from ..core.longtext import has_long_run
from ..present.excerpts import Utf16Offsets, find_excerpt, find_excerpts, utf16_spans
from . import theme

if TYPE_CHECKING:
    from PySide6.QtGui import QResizeEvent

    from ..core.highlight import Highlighter


def _selection(cursor: QTextCursor, colour: QColor) -> QTextEdit.ExtraSelection:
    fmt = QTextCharFormat()
    fmt.setBackground(colour)
    selection = QTextEdit.ExtraSelection()
    selection.cursor = cursor  # type: ignore[misc]
    selection.format = fmt  # type: ignore[misc]
    return selection


class SourceView(QPlainTextEdit):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setObjectName("sourceView")
        self.setAccessibleName("Article text")
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setTabChangesFocus(True)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.GeneralFont)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(QFont(font))
        self._article = ""
        self._placed = True  # the editor holds self._article
        self._offsets = Utf16Offsets("")
        self._excerpts: tuple[str, ...] = ()
        self._spans: list[tuple[int, int]] = []
        self._shown = 0  # the marked excerpt scrolled to last
        self._excerpt_marks: list[QTextEdit.ExtraSelection] = []
        # Search hits are marked only in the lines on screen (a 4 MB article takes most of
        # a second to scan whole), again after each scroll or resize.
        self._highlighter: Highlighter | None = None
        self._hit_marks: list[QTextEdit.ExtraSelection] = []
        self._line_spans: dict[int, list[tuple[int, int]]] = {}  # block number -> spans
        self._remark = QTimer(self)
        self._remark.setSingleShot(True)
        self._remark.setInterval(0)
        self._remark.timeout.connect(self._mark_hits)
        self.verticalScrollBar().valueChanged.connect(self._remark.start)

    def set_article(self, text: str) -> None:
        if text == self._article and self._placed:
            return
        self._article = text
        self._offsets = Utf16Offsets(text)
        self._placed = False
        self._spans = []
        self._line_spans = {}
        self._hit_marks = []
        if self.isVisible():
            self._place()

    def article(self) -> str:
        return self._article

    def _place(self) -> None:
        if self._placed:
            return
        self._placed = True
        # Qt's usual wrapping (at a word, or anywhere if it must) takes time that grows
        # with the square of a run it cannot break (a million-character "word" took
        # minutes). An article with such a run wraps anywhere,
        # which is linear; every other keeps word wrapping. Inserting break characters, as
        # the panes do, would move every position the excerpts and the search mark.
        self.setWordWrapMode(QTextOption.WrapMode.WrapAnywhere if has_long_run(self._article)
                             else QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setPlainText(self._article)
        self.highlight(self._excerpts)
        if self._highlighter is not None:
            self._remark.start()

    def showEvent(self, event) -> None:
        self._place()
        super().showEvent(event)

    def event(self, event: QEvent) -> bool:
        # A read-only text view does not claim Ctrl+C, so in an active window the
        # window's Copy Entry shortcut took it: claim it while text is selected here.
        if (event.type() == QEvent.Type.ShortcutOverride
                and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Copy)
                and self.textCursor().hasSelection()):
            event.accept()
            return True
        return super().event(event)

    def highlight(self, excerpts: Sequence[str]) -> None:
        """Mark every place the excerpts occur (whitespace-tolerant)."""
        self._excerpts = tuple(excerpts)
        self._spans = find_excerpts(self._article, self._excerpts) if self._excerpts else []
        self._shown = 0
        if not self._placed:
            return
        background = theme.excerpt_background(self.palette())
        self._excerpt_marks = []
        for start, end in self._spans:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._offsets(start))
            cursor.setPosition(self._offsets(end), QTextCursor.MoveMode.KeepAnchor)
            self._excerpt_marks.append(_selection(cursor, background))
        self.setExtraSelections(self._excerpt_marks + self._hit_marks)

    # --- search hits -----------------------------------------------------------------------

    def set_highlighter(self, highlighter: Highlighter | None) -> None:
        """Mark a search's hits in the lines on screen (None: no search)."""
        if highlighter is self._highlighter:
            return
        self._highlighter = highlighter
        self._line_spans = {}
        if self._placed and self.isVisible():
            self._mark_hits()
        else:
            self._remark.start()

    def _mark_hits(self) -> None:
        if not self._placed:
            return
        marks: list[QTextEdit.ExtraSelection] = []
        if self._highlighter is not None:
            colour = theme.search_background(self.palette())
            bottom = self.viewport().height()
            offset = self.contentOffset()
            block = self.firstVisibleBlock()
            while block.isValid() and self.blockBoundingGeometry(block).translated(
                    offset).top() <= bottom:
                number = block.blockNumber()
                spans = self._line_spans.get(number)
                if spans is None:
                    text = block.text()
                    spans = self._line_spans[number] = utf16_spans(
                        text, self._highlighter.spans(text))
                for start, end in spans:
                    cursor = QTextCursor(block)
                    cursor.setPosition(block.position() + start)
                    cursor.setPosition(block.position() + end,
                                       QTextCursor.MoveMode.KeepAnchor)
                    marks.append(_selection(cursor, colour))
                block = block.next()
        if marks or self._hit_marks:
            self._hit_marks = marks
            self.setExtraSelections(self._excerpt_marks + marks)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._highlighter is not None:
            self._remark.start()

    def search_highlighted_texts(self) -> list[str]:
        """The article text under each search highlight on screen."""
        self._place()
        self._mark_hits()
        return [s.cursor.selectedText() for s in self._hit_marks]

    def show_span(self, start: int, end: int) -> None:
        """Select article[start:end] (a line a search found) and centre it."""
        self._place()
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets(end))
        cursor.setPosition(self._offsets(start), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        self._mark_hits()

    def highlighted_texts(self) -> list[str]:
        """The article text under each highlight, as a reader sees it marked."""
        self._place()
        return [s.cursor.selectedText().replace("\u2029", "\n")
                for s in self._excerpt_marks]

    def found_count(self) -> int:
        return len(self._spans)

    def show_first_excerpt(self) -> bool:
        """Scroll to the first marked excerpt; False when none was found."""
        return self.show_excerpt(0)

    def show_next_excerpt(self) -> bool:
        """Scroll to the marked excerpt after the one shown last, round to the first."""
        return self.show_excerpt((self._shown + 1) % len(self._spans) if self._spans else 0)

    def show_excerpt_text(self, excerpt: str) -> bool:
        """Scroll to where this excerpt occurs (one of those marked)."""
        span = find_excerpt(self._article, excerpt)
        return span in self._spans and self.show_excerpt(self._spans.index(span))

    def show_excerpt(self, number: int) -> bool:
        """Select the marked excerpt ``number`` (in article order) and centre it."""
        self._place()
        if not 0 <= number < len(self._spans):
            return False
        self._shown = number
        start, end = self._spans[number]
        # Selected from its end back to its start: the view scrolls to the start, and
        # Ctrl+C copies the excerpt.
        cursor = QTextCursor(self.document())
        cursor.setPosition(self._offsets(end))
        cursor.setPosition(self._offsets(start), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.centerCursor()
        return True

    def refresh_colours(self) -> None:
        self._hit_marks = []
        self.highlight(self._excerpts)
        self._mark_hits()
