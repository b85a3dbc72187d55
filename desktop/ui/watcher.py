"""Watching the open briefing (and its article) for changes on disk.

Editors save in bursts and often by writing a new file and renaming it over the old one,
which makes QFileSystemWatcher drop the path. So every event only restarts a short timer;
when it fires, dropped paths are watched again and ``changed`` is emitted if a file's
state really changed (the folder is watched too, to see the file return).

The state compared is what a reload would notice: content (time, size, inode), a change
of kind (a file replaced by a folder) or of permissions (chmod, seen in ctime and mode),
and the file going away, so the window can say why it no longer reloads.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

DEBOUNCE_MS = 200

Signature = tuple[int, int, int, int, int] | None


def _signature(path: Path) -> Signature:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_mtime_ns, info.st_ctime_ns, info.st_size, info.st_ino, info.st_mode


def _nearest_folder(path: Path) -> Path:
    folder = path.parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    return folder


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
        self._files: dict[Path, Signature] = {}

    def watch(self, paths: Iterable[Path]) -> None:
        """Watch these files from now on.

        A file already watched keeps the state last seen, and a pending check stays
        pending: a save that lands while a big file is still loading must still cause
        a reload once the load is shown. A newly watched file counts as seen as it is.
        """
        files = {Path(p).absolute() for p in paths}
        if set(self._files) != files:
            self._timer.stop()
        self._files = {p: self._files[p] if p in self._files else _signature(p)
                       for p in files}
        self._sync_paths()

    def _sync_paths(self) -> None:
        """Watch each file that exists and the nearest folder above it that exists: a
        folder removed and restored (a branch switch, a sync tool) is seen coming back,
        and then the file in it."""
        wanted = {str(p) for p in self._files if p.exists()}
        wanted |= {str(_nearest_folder(p)) for p in self._files}
        watched = self._watcher.files() + self._watcher.directories()
        stale = [w for w in watched if w not in wanted]
        if stale:
            self._watcher.removePaths(stale)
        new = sorted(wanted - set(watched))
        if new:
            self._watcher.addPaths(new)

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
        self._sync_paths()  # renamed-over files and returning folders are watched again
        moved = False
        for path, seen in self._files.items():
            now = _signature(path)
            if now != seen:
                self._files[path] = now
                moved = True
        if moved:
            self.changed.emit()
