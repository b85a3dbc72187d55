"""Every menu action declared in one place: its text, shortcut and what it is for."""

from __future__ import annotations

import enum
from typing import NamedTuple

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget


class Act(enum.Enum):
    OPEN = enum.auto()
    NEW_FROM_ARTICLE = enum.auto()
    RELOAD = enum.auto()
    EXPORT_PDF = enum.auto()
    EXPORT_SHOWN = enum.auto()
    PRINT = enum.auto()
    QUIT = enum.auto()
    COPY = enum.auto()
    SHOW_IN_ARTICLE = enum.auto()
    FIND = enum.auto()
    FIND_NEXT = enum.auto()
    FIND_PREVIOUS = enum.auto()
    RESULTS_PANEL = enum.auto()
    ABOUT = enum.auto()


class ActionSpec(NamedTuple):  # not a dataclass: making one runs exec(), at every start
    text: str
    tip: str
    shortcut: QKeySequence.StandardKey | str | None = None
    checkable: bool = False


SPECS: dict[Act, ActionSpec] = {
    Act.OPEN: ActionSpec("&Open…", "Open a briefing file", QKeySequence.StandardKey.Open),
    Act.NEW_FROM_ARTICLE: ActionSpec("&New from Article…", "Draft a briefing from a news "
                                     "article (.txt) and open it", "Ctrl+Shift+N"),
    Act.RELOAD: ActionSpec("&Reload", "Read the file again from disk", "F5"),
    Act.EXPORT_PDF: ActionSpec("&Export PDF…", "Write the whole briefing as a printable PDF",
                               "Ctrl+E"),
    Act.EXPORT_SHOWN: ActionSpec("Export What the Search &Shows…", "Write only the entries "
                                 "the search shows as a PDF; its title block names the query",
                                 "Ctrl+Shift+E"),
    Act.PRINT: ActionSpec("&Print…", "Print the briefing, with a preview",
                          QKeySequence.StandardKey.Print),
    Act.QUIT: ActionSpec("&Quit", "Close the viewer", QKeySequence.StandardKey.Quit),
    Act.COPY: ActionSpec("&Copy Entry", "Copy the selected entry as plain text with its "
                         "excerpts", QKeySequence.StandardKey.Copy),
    Act.SHOW_IN_ARTICLE: ActionSpec("Show in &Article", "Show the selected entry's excerpt "
                                    "in the article", "Ctrl+J"),
    Act.FIND: ActionSpec("&Find…", "Search the briefing (type in the search field)",
                         QKeySequence.StandardKey.Find),
    Act.FIND_NEXT: ActionSpec("Find &Next", "Go to the next search hit, across tabs", "F3"),
    Act.FIND_PREVIOUS: ActionSpec("Find Pre&vious", "Go to the previous search hit",
                                  "Shift+F3"),
    Act.RESULTS_PANEL: ActionSpec("Search &Results", "Show or hide the list of every search "
                                  "hit", "Ctrl+Shift+F", checkable=True),
    Act.ABOUT: ActionSpec("&About Briefing Viewer", "Version and licence"),
}

MENUS: tuple[tuple[str, tuple[Act | None, ...]], ...] = (
    # Open Recent goes after Open; the View menu (tabs, then RESULTS_PANEL) after Edit.
    ("&File", (Act.OPEN, Act.NEW_FROM_ARTICLE, None, Act.RELOAD, None, Act.EXPORT_PDF,
               Act.EXPORT_SHOWN, Act.PRINT, None, Act.QUIT)),
    ("&Edit", (Act.COPY, Act.SHOW_IN_ARTICLE, None, Act.FIND, Act.FIND_NEXT,
               Act.FIND_PREVIOUS)),
    ("&Help", (Act.ABOUT,)),
)


def create_actions(parent: QWidget) -> dict[Act, QAction]:
    actions = {}
    for act, spec in SPECS.items():
        action = QAction(spec.text, parent)
        action.setObjectName(act.name.lower())
        action.setToolTip(spec.tip)
        action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        if spec.shortcut is not None:
            # The same as setShortcut(sequence), which in PySide6 resolves its overloads
            # through the ``Qt`` namespace (see widgets.set_enum_property).
            action.setShortcuts([QKeySequence(spec.shortcut)])
        actions[act] = action
    return actions
