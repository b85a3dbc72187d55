"""Unexpected errors are shown in a dialog (and on stderr) instead of vanishing."""

from __future__ import annotations

import sys
import traceback
from types import TracebackType

_showing = False


def excepthook(kind: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
    global _showing
    text = "".join(traceback.format_exception(kind, value, tb))
    sys.stderr.write(text)
    if issubclass(kind, KeyboardInterrupt) or _showing:
        return
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance()
    if app is None or QApplication.platformName() in ("offscreen", "minimal"):
        return  # nobody would see a dialog, and it would block
    _showing = True
    try:
        box = QMessageBox(QMessageBox.Icon.Critical, "Briefing Viewer: unexpected error",
                          f"Something went wrong that the viewer did not expect:\n\n"
                          f"{kind.__name__}: {value}\n\nThe briefing on screen is unchanged. "
                          "Please report this with the details below.")
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setDetailedText(text)
        box.exec()
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = excepthook
