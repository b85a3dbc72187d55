"""The problem banner: why a file could not be (re)loaded, one FILE:LINE:COL line each."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QFrame, QHBoxLayout, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from . import theme
from .widgets import plain_label

MAX_LINES = 200


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
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
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
        rows = min(max(len(shown), 1), 6)
        self.problems.setFixedHeight(self.problems.fontMetrics().lineSpacing() * rows + 12)
        self.show()

    def lines(self) -> list[str]:
        return self.problems.toPlainText().splitlines()

    def refresh_colours(self) -> None:
        self.setPalette(theme.strip_palette(self, theme.banner_background, theme.banner_text))
