"""Small widget helpers shared by the tabs."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget


def plain_label(text: str = "", parent: QWidget | None = None, *, scale: float = 1.0,
                bold: bool = False, wrap: bool = True, name: str = "") -> QLabel:
    """A label that never interprets its text as rich text (briefing text is untrusted)."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if scale != 1.0 or bold:
        font = QFont(label.font())
        if scale != 1.0:
            font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    if name:
        label.setObjectName(name)
    return label


class InertTextBrowser(QTextBrowser):
    """A read-only rich-text view for HTML the viewer builds itself, every briefing string
    escaped with ``html.escape``: it loads no images or files and follows no links."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTabChangesFocus(True)

    def loadResource(self, kind: int, name: QUrl) -> Any:
        return None  # never load images, style sheets or files named by the text
