"""Message boxes, one way for every one of them: text always shown literally.

QMessageBox guesses whether its text is rich text, and a file name, a briefing's title or
an exception's message is anyone's text; every box the viewer shows is made here, as plain
text (after qutebrowser's misc/msgbox.py).
"""

from __future__ import annotations

from typing import Literal

from PySide6.QtWidgets import QMessageBox, QWidget

Kind = Literal["error", "warning", "information"]
_ICONS = {"error": QMessageBox.Icon.Critical, "warning": QMessageBox.Icon.Warning,
          "information": QMessageBox.Icon.Information}


def message_box(parent: QWidget | None, title: str, text: str, *, kind: Kind = "error",
                details: str | None = None) -> QMessageBox:
    """A box with one OK button showing ``text`` (and ``details`` behind a button)."""
    from .widgets import set_enum_property

    box = QMessageBox(_ICONS[kind], title, text, QMessageBox.StandardButton.Ok, parent)
    set_enum_property(box, "textFormat", "PlainText")
    if details:
        box.setDetailedText(details)
    return box


def show_message(parent: QWidget | None, title: str, text: str, *, kind: Kind = "error",
                 details: str | None = None) -> None:
    """Show the box and wait for the user to close it."""
    message_box(parent, title, text, kind=kind, details=details).exec()
