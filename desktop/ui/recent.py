"""The Open Recent list, kept in QSettings (most recent first, no duplicates)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtWidgets import QMenu, QWidget

KEY = "recentFiles"
LIMIT = 10


class RecentFiles:
    def __init__(self, settings: QSettings | None) -> None:
        self._settings = settings
        self._memory: list[str] = []  # used when there are no settings (screenshots)

    def paths(self) -> list[str]:
        if self._settings is None:
            return list(self._memory)
        value = self._settings.value(KEY, [])
        if isinstance(value, str):  # QSettings gives a lone string for a one-item list
            value = [value]
        return [str(v) for v in (value or [])]

    def add(self, path: Path) -> None:
        text = str(Path(path).absolute())
        old = self.paths()
        paths = ([text] + [p for p in old if p != text])[:LIMIT]
        if paths != old:  # reopening the latest file: nothing to write (and no fsync)
            self._store(paths)

    def clear(self) -> None:
        self._store([])

    def _store(self, paths: list[str]) -> None:
        if self._settings is None:
            self._memory = paths
        else:
            self._settings.setValue(KEY, paths)
            self._settings.sync()


class RecentMenu(QMenu):
    """File > Open Recent, rebuilt from the list each time it opens."""

    open_requested = Signal(str)

    def __init__(self, recent: RecentFiles, parent: QWidget | None = None) -> None:
        super().__init__("Open &Recent", parent)
        self.setObjectName("recentMenu")
        self._recent = recent
        self.aboutToShow.connect(self.refill)  # filled then, not at start-up

    def refill(self) -> None:
        self.clear()
        paths = self._recent.paths()
        for path in paths:
            action = self.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.open_requested.emit(p))
        if paths:
            self.addSeparator()
        clear = self.addAction("Clear the list")
        clear.setEnabled(bool(paths))
        clear.triggered.connect(self._recent.clear)
