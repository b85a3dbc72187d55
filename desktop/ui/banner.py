"""The problem banner: why a file could not be (re)loaded, one FILE:LINE:COL line each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from . import theme
from .widgets import plain_label

MAX_LINES = 200
MAX_ROWS = 6


class ProblemBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("problemBanner")
        self.setAccessibleName("Problems")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.title = plain_label("", self, bold=True, name="bannerTitle")
        self.problems = QPlainTextEdit(self)
        self.problems.setObjectName("bannerProblems")
        self.problems.setAccessibleName("Problem list")
        self.problems.setReadOnly(True)
        self.problems.setTabChangesFocus(True)
        self.problems.viewport().installEventFilter(self)
        # Wrapped: a problem line carries its fix at the end, which a reader must see
        # without scrolling sideways.
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.dismiss = QPushButton("Dismiss", self)
        self.dismiss.setAccessibleName("Dismiss the problems")
        self.dismiss.clicked.connect(self.hide)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.dismiss)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 8)
        layout.addLayout(top)
        layout.addWidget(self.problems)
        self.refresh_colours()
        self.hide()

    def show_problems(self, title: str, lines: Sequence[str]) -> None:
        self.title.setText(title)
        shown = list(lines[:MAX_LINES])
        if len(lines) > MAX_LINES:
            shown.append(f"… and {len(lines) - MAX_LINES:,} more problems")
        self.problems.setPlainText("\n".join(shown))
        self.show()
        self._fit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.problems.viewport() and event.type() == QEvent.Type.Resize:
            self._fit()  # wrapped lines change with the width
        return False

    def _fit(self) -> None:
        """As tall as the wrapped problems, up to MAX_ROWS lines (then it scrolls)."""
        metrics = self.problems.fontMetrics()
        width = max(self.problems.viewport().width() - 8, 1)  # the document's margins
        rows = 0
        for line in self.problems.toPlainText().splitlines()[:MAX_ROWS]:
            # Measured on a bounded prefix: six rows never need more, and a briefing's
            # text in a message can be long.
            rows += -(-metrics.horizontalAdvance(line[:2000]) // width) or 1
        rows = min(max(rows, 1), MAX_ROWS)
        self.problems.setFixedHeight(metrics.lineSpacing() * rows + 12)

    def lines(self) -> list[str]:
        return self.problems.toPlainText().splitlines()

    def refresh_colours(self) -> None:
        self.setPalette(theme.strip_palette(self, theme.banner_background, theme.banner_text))
