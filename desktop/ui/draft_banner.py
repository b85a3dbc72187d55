"""The draft banner: shown while the briefing on screen is marked `draft: true`."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QWidget

from . import theme
from .widgets import plain_label

TEXT = ("Draft: this briefing was made by a machine and not yet reviewed. Check every "
        "entry against the article, then set draft: false in the file.")


class DraftBanner(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("draftBanner")
        self.setAccessibleName("Draft notice")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.label = plain_label(TEXT, self, name="draftText")
        self.label.setAccessibleName("Draft notice")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.label, 1)
        self.refresh_colours()
        self.hide()

    def text(self) -> str:
        return self.label.text()

    def refresh_colours(self) -> None:
        self.setPalette(theme.strip_palette(self, theme.draft_background, theme.draft_foreground))
