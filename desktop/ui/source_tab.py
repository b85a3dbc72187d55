"""The Source tab: which article this is, and its text with the selected excerpts marked."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from .source_view import SourceView
from .widgets import plain_label


class SourceTab(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sourceTab")
        self.info = plain_label("", self, name="articleInfo")
        self.view = SourceView(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.info)
        layout.addWidget(self.view, 1)

    def set_article(self, where: str, text: str | None, problem: str | None) -> None:
        if text is None:
            self.info.setText(f"The article is not shown: {problem}")
            self.view.set_article("")
        else:
            self.info.setText(f"{where} — excerpts of the selected entry are marked.")
            self.view.set_article(text)
