"""Loading a briefing for the window, off the UI thread when it is big.

A small file loads at once (a thread would only add latency); a large one loads in a
worker thread so the window paints and stays responsive meanwhile. Results arrive as
signals in the UI thread; a result overtaken by a newer request is dropped.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal

from . import briefing_file, threads
from .briefing_file import Failed, Loaded

__all__ = ["DocumentLoader", "Failed", "Loaded"]


class DocumentLoader(QObject):
    loaded = Signal(object, str)  # Loaded, reason
    failed = Signal(object, list, str)  # Path, problem lines, reason

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._busy = 0

    def is_busy(self) -> bool:
        return self._busy > 0

    def request(self, path: Path, reason: str) -> None:
        """Load ``path``; ``reason`` ('open', 'reload') comes back with the result."""
        generation = self._start()
        if briefing_file.is_big(path):
            threads.start(lambda: briefing_file.load_or_fail(path), self,
                          lambda result: self._deliver(generation, result, reason),
                          "briefing-loader",
                          lambda exc: self._deliver(generation, briefing_file.Failed(
                              path, briefing_file.problem_lines(path, exc)), reason))
        else:
            self._deliver(generation, briefing_file.load_or_fail(path), reason)

    def deliver(self, result: Loaded | Failed, reason: str) -> None:
        """Hand over a result loaded elsewhere (before Qt started) as if requested."""
        self._deliver(self._start(), result, reason)

    def _start(self) -> int:
        self._generation += 1
        self._busy += 1
        return self._generation

    def _deliver(self, generation: int, result: Loaded | Failed, reason: str) -> None:
        self._busy -= 1
        if generation != self._generation:
            return
        if isinstance(result, Loaded):
            # Already out of the cyclic GC's sight: briefing_file.load_or_fail froze it.
            self.loaded.emit(result, reason)
        else:
            self.failed.emit(result.path, result.lines, reason)
