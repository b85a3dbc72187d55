"""What an entry list's chart is to its list: fed the entries, told which is selected,
saying which was clicked (the trade figures' bars, the timeline)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:
    from ..core.origins import BriefingMarks


class EntryChart(QWidget):
    entry_clicked = Signal(int)  # the index of the entry in its section

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._selected: int | None = None

    def set_entries(self, entries: Sequence[object], marks: BriefingMarks | None = None
                    ) -> None:
        """Draw these entries (a section of the briefing on screen); ``marks`` say which
        of their values are inferred or added, to sign them."""
        raise NotImplementedError

    def set_selected(self, entry_index: int | None) -> None:
        if entry_index != self._selected:
            self._selected = entry_index
            self.update()
