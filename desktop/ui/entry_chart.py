"""What an entry list's chart is to its list: fed the entries, told which is selected,
saying which was clicked (the trade figures' bars, the timeline)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class EntryChart(QWidget):
    entry_clicked = Signal(int)  # the index of the entry in its section

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selected: int | None = None

    def set_entries(self, entries: Sequence[object]) -> None:
        """Draw these entries (a section of the briefing on screen)."""
        raise NotImplementedError

    def set_selected(self, entry_index: int | None) -> None:
        if entry_index != self._selected:
            self._selected = entry_index
            self.update()
