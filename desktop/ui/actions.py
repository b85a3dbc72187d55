"""Every menu action declared in one place: its text, shortcut and what it is for."""

from __future__ import annotations

import enum
from dataclasses import dataclass

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class Act(enum.Enum):
    OPEN = enum.auto()
    RELOAD = enum.auto()
    QUIT = enum.auto()
    COPY = enum.auto()
    SHOW_IN_ARTICLE = enum.auto()
    ABOUT = enum.auto()


@dataclass(frozen=True, slots=True)
class ActionSpec:
    text: str
    tip: str
    shortcut: QKeySequence.StandardKey | str | None = None


SPECS: dict[Act, ActionSpec] = {
    Act.OPEN: ActionSpec("&Open…", "Open a briefing file", QKeySequence.StandardKey.Open),
    Act.RELOAD: ActionSpec("&Reload", "Read the file again from disk", "F5"),
    Act.QUIT: ActionSpec("&Quit", "Close the viewer", QKeySequence.StandardKey.Quit),
    Act.COPY: ActionSpec("&Copy Entry", "Copy the selected entry as plain text with its "
                         "excerpts", QKeySequence.StandardKey.Copy),
    Act.SHOW_IN_ARTICLE: ActionSpec("Show in &Article", "Show the selected entry's excerpt "
                                    "in the article", "Ctrl+J"),
    Act.ABOUT: ActionSpec("&About Briefing Viewer", "Version and licence"),
}

MENUS: tuple[tuple[str, tuple[Act | None, ...]], ...] = (
    ("&File", (Act.OPEN, None, Act.RELOAD, None, Act.QUIT)),  # Open Recent goes after Open
    ("&Edit", (Act.COPY, Act.SHOW_IN_ARTICLE)),
    ("&Help", (Act.ABOUT,)),
)


def create_actions(parent: QWidget) -> dict[Act, QAction]:
    actions = {}
    for act, spec in SPECS.items():
        action = QAction(spec.text, parent)
        action.setObjectName(act.name.lower())
        action.setToolTip(spec.tip)
        action.setStatusTip(spec.tip)
        if spec.shortcut is not None:
            action.setShortcut(QKeySequence(spec.shortcut))
        actions[act] = action
    return actions
