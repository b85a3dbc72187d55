"""Watching the open briefing (and its article) for changes on disk.

Editors save in bursts and often by writing a new file and renaming it over the old one,
which makes QFileSystemWatcher drop the path. So every event only restarts a short timer;
when it fires, dropped paths are watched again and ``changed`` is emitted if a file's
size, time or inode really changed (the folder is watched too, to see the file return).
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 200


def _signature(path: Path) -> tuple[int, int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size, info.st_ino


class FileWatcher(QObject):
    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._poke)
        self._watcher.directoryChanged.connect(self._poke)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self._settle)
        self._files: dict[Path, tuple[int, int, int] | None] = {}

    def watch(self, paths: Iterable[Path]) -> None:
        """Watch these files from now on (their current content counts as seen)."""
        self.clear()
        files = {Path(p).absolute() for p in paths}
        self._files = {p: _signature(p) for p in files}
        existing = [str(p) for p in files if p.exists()]
        if existing:
            self._watcher.addPaths(existing)
        folders = sorted({str(p.parent) for p in files if p.parent.is_dir()})
        if folders:
            self._watcher.addPaths(folders)

    def clear(self) -> None:
        watched = self._watcher.files() + self._watcher.directories()
        if watched:
            self._watcher.removePaths(watched)
        self._files = {}
        self._timer.stop()

    def watched_files(self) -> list[str]:
        return self._watcher.files()

    def _poke(self, _path: str) -> None:
        self._timer.start()

    def _settle(self) -> None:
        watched = set(self._watcher.files())
        moved = False
        for path, seen in self._files.items():
            now = _signature(path)
            if now is not None and str(path) not in watched:
                self._watcher.addPath(str(path))
            if now is not None and now != seen:
                self._files[path] = now
                moved = True
        if moved:
            self.changed.emit()
