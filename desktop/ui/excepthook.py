"""Unexpected errors are shown in a dialog (and on stderr) instead of vanishing.

A user's mistake (a bad file) never gets here: it ends in the problem banner. This is
for bugs, so the message asks for a report and the details hold the traceback.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from types import TracebackType

_showing = False


def excepthook(kind: type[BaseException], value: BaseException,
               tb: TracebackType | None) -> None:
    import traceback  # when there is one to show: not at every start

    text = "".join(traceback.format_exception(kind, value, tb))
    sys.stderr.write(text)
    if not issubclass(kind, KeyboardInterrupt):
        _show_dialog(text)


def _show_dialog(text: str) -> None:
    global _showing
    from PySide6.QtWidgets import QApplication

    from .messages import show_message

    if _showing or QApplication.instance() is None or QApplication.platformName() in (
            "offscreen", "minimal"):
        return  # nobody would see a dialog there, and it would block
    _showing = True
    try:
        summary = text.strip().splitlines()[-1]
        show_message(None, "Briefing Viewer: unexpected error",
                     f"Something went wrong that the viewer did not expect:\n\n{summary}\n\n"
                     "The briefing on screen is unchanged. Please report this with the "
                     "details below.", details=text)
    finally:
        _showing = False


def install() -> None:
    sys.excepthook = excepthook
