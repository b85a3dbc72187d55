"""The Source tab: the article as read-only plain text, with an entry's excerpts marked.

The article text is put into the editor only when it is first needed (the tab is shown,
or an excerpt is to be marked), so opening a briefing with a 4 MB article does not pay
for laying it out.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QWidget

from . import theme
from .excerpts import Utf16Offsets, find_excerpt, find_excerpts


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

    def set_article(self, text: str) -> None:
        if text == self._article and self._placed:
            return
        self._article = text
        self._offsets = Utf16Offsets(text)
        self._placed = False
        self._spans = []
        if self.isVisible():
            self._place()

    def article(self) -> str:
        return self._article

    def _place(self) -> None:
        if self._placed:
            return
        self._placed = True
        self.setPlainText(self._article)
        self.highlight(self._excerpts)

    def showEvent(self, event) -> None:
        self._place()
        super().showEvent(event)

    def highlight(self, excerpts: Sequence[str]) -> None:
        """Mark every place the excerpts occur (whitespace-tolerant)."""
        self._excerpts = tuple(excerpts)
        self._spans = find_excerpts(self._article, self._excerpts) if self._excerpts else []
        self._shown = 0
        if not self._placed:
            return
        background = theme.excerpt_background(self.palette())
        selections = []
        for start, end in self._spans:
            cursor = QTextCursor(self.document())
            cursor.setPosition(self._offsets(start))
            cursor.setPosition(self._offsets(end), QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(background)
            selection = QTextEdit.ExtraSelection()
            selection.cursor = cursor  # type: ignore[misc]
            selection.format = fmt  # type: ignore[misc]
            selections.append(selection)
        self.setExtraSelections(selections)

    def highlighted_texts(self) -> list[str]:
        """The article text under each highlight, as a reader sees it marked."""
        self._place()
        return [s.cursor.selectedText().replace("\u2029", "\n")
                for s in self.extraSelections()]

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
        self.highlight(self._excerpts)
