"""The search toolbar: the query field, a short inline message, the results panel button.

Messages (a bad query, "indexing…", the number of matches) sit beside the field: a
query being typed is often malformed for a keystroke or two ('"trade tur'), so a dialog
would be an interruption.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLineEdit, QPushButton, QToolBar, QWidget

from .widgets import plain_label, set_enum_property

if TYPE_CHECKING:
    from PySide6.QtGui import QAction, QKeyEvent

FIELD_WIDTH = 340


class SearchField(QLineEdit):
    """Esc clears the field (a second Esc leaves it); Enter and Shift+Enter step through
    the hits."""

    next_requested = Signal()
    previous_requested = Signal()
    left = Signal()  # Esc in an empty field: back to the briefing

    def keyPressEvent(self, event: QKeyEvent) -> None:
        from PySide6.QtCore import Qt  # not at import: see widgets.set_enum_property

        key = event.key()
        if key == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.left.emit()
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            shift = event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            (self.previous_requested if shift else self.next_requested).emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SearchBar(QToolBar):
    def __init__(self, results_action: QAction, parent: QWidget | None = None) -> None:
        super().__init__("Search", parent)
        self.setObjectName("searchBar")
        self.setAccessibleName("Search")
        self.setMovable(False)
        self.setFloatable(False)
        self.field = SearchField(self)
        self.field.setObjectName("searchField")
        self.field.setAccessibleName("Search the briefing")
        self.field.setToolTip("Words (all must match), \"a phrase\", -word to leave out, "
                              "field:word (country:belarus). Enter or F3: next hit; "
                              "Shift+F3: previous; Esc: clear.")
        self.field.setClearButtonEnabled(True)
        self.field.setFixedWidth(FIELD_WIDTH)
        self.message = plain_label("", self, wrap=False, name="searchMessage")
        self.message.setAccessibleName("Search message")
        self.message.setContentsMargins(8, 0, 8, 0)
        # A fixed size: a message of another length would lay the toolbar out again, and
        # repaint the window under it, at every keystroke; a label of fixed width alone
        # still does, as its height is free (Qt lets a label's text change stop at the
        # label only when both are fixed). Errors are one short line; the tooltip holds
        # the whole.
        metrics = self.message.fontMetrics()
        self.message.setFixedSize(metrics.horizontalAdvance("m") * 26, metrics.height() + 4)
        self.addWidget(self.field)
        self.addWidget(self.message)
        # A push button beside the field, not a flat toolbar action: it reads as a button
        # and shows when the panel is open (checked), kept in step with the action.
        button = QPushButton("Results panel", self)
        button.setCheckable(True)
        button.setToolTip(f"{results_action.toolTip()} "
                          f"({results_action.shortcut().toString()})")
        button.toggled.connect(results_action.setChecked)
        results_action.toggled.connect(button.setChecked)
        self.addWidget(button)
        self.results_button = button
        button.setObjectName("resultsButton")
        button.setAccessibleName("Show or hide the search results panel")
        set_enum_property(button, "focusPolicy", "TabFocus")
        self._indexing = False
        self._error = ""
        self.set_indexing(False)

    def text(self) -> str:
        return self.field.text()

    def set_text(self, text: str) -> None:
        self.field.setText(text)

    def focus_field(self) -> None:
        from PySide6.QtCore import Qt

        self.field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.field.selectAll()

    def set_indexing(self, indexing: bool) -> None:
        self._indexing = indexing
        self.field.setPlaceholderText("Indexing…" if indexing else "Search (Ctrl+F)")
        if indexing:
            self._say("indexing…", error=False)

    def show_error(self, message: str) -> None:
        self._say(message, error=True)

    def show_info(self, message: str) -> None:
        self._say(message, error=False)

    def message_text(self) -> str:
        return self.message.text()

    def is_error(self) -> bool:
        return bool(self._error)

    def _say(self, message: str, *, error: bool) -> None:
        self._error = message if error else ""
        self.message.setText(message)
        self.message.setToolTip(message)
        palette = self.palette()  # a copy (QPalette(...) would resolve overloads via ``Qt``)
        if error:
            dark = self.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5
            colour = QColor("#ff8a80" if dark else "#b00020")
            # In a toolbar a label is drawn in ButtonText, elsewhere in WindowText.
            palette.setColor(QPalette.ColorRole.WindowText, colour)
            palette.setColor(QPalette.ColorRole.ButtonText, colour)
        self.message.setPalette(palette)
