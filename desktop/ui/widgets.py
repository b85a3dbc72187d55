"""Small widget helpers shared by the tabs."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QTextBrowser, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import QMimeData, QUrl
    from PySide6.QtGui import QResizeEvent


def set_enum_property(obj: QObject, name: str, keys: str) -> None:
    """Set a Qt enum or flags property by its keys' names ("PlainText", "A|B").

    Why not ``label.setTextFormat(Qt.TextFormat.PlainText)``: the first use of PySide6's
    ``Qt`` namespace builds the Python enum classes of all its ~95 enums, which the window
    would pay for before its first paint. Qt's property system takes the names as they
    are, with the same setter, and no Python enum class is made.
    """
    if not obj.setProperty(name, keys):
        raise ValueError(f"{type(obj).__name__} has no enum property {name!r} taking {keys!r}")


def plain_label(text: str = "", parent: QWidget | None = None, *, scale: float = 1.0,
                bold: bool = False, wrap: bool = True, name: str = "") -> QLabel:
    """A label that never interprets its text as rich text (briefing text is untrusted)."""
    label = QLabel(parent)
    set_enum_property(label, "textFormat", "PlainText")
    label.setText(text)
    label.setWordWrap(wrap)
    set_enum_property(label, "textInteractionFlags", "TextSelectableByMouse")
    if scale != 1.0 or bold:
        font = QFont(label.font())
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    if name:
        label.setObjectName(name)
    return label


class LabelStrip(QWidget):
    """A one-line strip holding ``label``, so that its text can change at every keystroke
    without laying anything out around it.

    A label in a layout tells the layout whenever its text changes; the layout then asks
    its own widget's parent to lay out again, and so on up to the window, and a tab
    widget on the way repaints all of itself: on a search of 50,000 entries, one
    keystroke in five repainted the whole window for a new count under a list. The
    strip has no layout, so the label's news stops here; it takes the width its own
    layout gives it and keeps one line's height.
    """

    def __init__(self, label: QLabel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.label = label
        label.setParent(self)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self._fit_height()

    def _fit_height(self) -> None:
        margins = self.label.contentsMargins()
        self.setFixedHeight(self.label.fontMetrics().height() + margins.top()
                            + margins.bottom() + 2)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._fit_height()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        self.label.setGeometry(self.rect())
        super().resizeEvent(event)


class InertTextBrowser(QTextBrowser):
    """A read-only rich-text view for HTML the viewer builds itself, every briefing string
    escaped with ``html.escape``: it loads no images or files and follows no links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTabChangesFocus(True)

    def loadResource(self, kind: int, name: QUrl) -> object:
        return None  # never load images, style sheets or files named by the text

    def createMimeDataFromSelection(self) -> QMimeData:
        """A selection as plain text, without the zero-width breaks put into long runs
        for layout (core/longtext.py): what is copied is the briefing's text."""
        from PySide6.QtCore import QMimeData

        from ..core.longtext import ZWSP

        data = QMimeData()
        data.setText(self.textCursor().selection().toPlainText().replace(ZWSP, ""))
        return data


def after_first_paint(widget: QWidget, work: Callable[[], None], *,
                      at_the_latest_ms: int = 1000) -> None:
    """Run ``work`` once, from the event loop, just after ``widget`` is first painted, or
    after ``at_the_latest_ms`` if it has not been by then (a window started minimised)."""
    _AfterFirstPaint(widget, work, at_the_latest_ms)


class _AfterFirstPaint(QObject):
    def __init__(self, widget: QWidget, work: Callable[[], None], latest_ms: int) -> None:
        super().__init__(widget)
        self._work: Callable[[], None] | None = work
        widget.installEventFilter(self)
        QTimer.singleShot(latest_ms, self, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._run()
        return False

    def _run(self) -> None:
        if self._work is not None:
            widget = self.parent()
            # the widget as context: a window closed before the work runs takes it along
            QTimer.singleShot(0, widget, self._work)
            self._work = None
            widget.removeEventFilter(self)
            self.deleteLater()
