"""Loading a briefing and its article for the window, off the UI thread when it is big.

A small file loads at once (a thread would only add latency); a large one loads in a
worker thread so the window paints and stays responsive meanwhile. Results arrive as
signals in the UI thread; a result overtaken by a newer request is dropped.
"""

from __future__ import annotations

import gc
import threading
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..core.load import load_document
from ..core.model import Briefing
from ..core.problems import BriefingError, UnreadableFileError
from ..core.provenance import article_path, read_article

THREAD_ABOVE_BYTES = 256 * 1024


@dataclass(frozen=True, slots=True)
class Loaded:
    """What the window shows. The YAML nodes (Document.root, a million objects for a
    50,000-entry file) are dropped: the window needs no line numbers of a good file."""

    path: Path
    briefing: Briefing
    article: str | None  # None when the article could not be read
    article_problem: str | None


def load(path: Path) -> Loaded:
    """The briefing and its article; raises UnreadableFileError / BriefingError."""
    document = load_document(path)
    path, briefing = document.path, document.briefing
    try:
        article = read_article(article_path(document))
    except UnreadableFileError as exc:
        return Loaded(path, briefing, None, str(exc))
    except BriefingError as exc:
        return Loaded(path, briefing, None, "; ".join(str(p) for p in exc.problems))
    return Loaded(path, briefing, article.text, None)


def problem_lines(path: Path, error: Exception) -> list[str]:
    if isinstance(error, BriefingError):
        return [str(problem) for problem in error.problems]
    if isinstance(error, UnreadableFileError):
        return [str(error)]
    return [f"{path}: could not load: {type(error).__name__}: {error}"]


class DocumentLoader(QObject):
    loaded = Signal(object, str)  # Loaded, reason
    failed = Signal(object, list, str)  # Path, problem lines, reason
    _done = Signal(int, object, object, str)  # generation, Loaded | None, error, reason

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._generation = 0
        self._busy = 0
        self._done.connect(self._deliver)

    def is_busy(self) -> bool:
        return self._busy > 0

    def request(self, path: Path, reason: str) -> None:
        """Load ``path``; ``reason`` ('open', 'reload') comes back with the result."""
        self._generation += 1
        generation = self._generation
        self._busy += 1
        try:
            big = path.stat().st_size > THREAD_ABOVE_BYTES
        except OSError:
            big = False
        if big:
            threading.Thread(target=self._work, args=(generation, path, reason),
                             name="briefing-loader", daemon=True).start()
        else:
            self._work(generation, path, reason)

    def _work(self, generation: int, path: Path, reason: str) -> None:
        try:
            result: Loaded | None = load(path)
            error: Exception | None = None
        except Exception as exc:  # every failure becomes a banner, never a crash
            result, error = None, exc
        self._done.emit(generation, result, (path, error), reason)

    def _deliver(self, generation: int, result: Loaded | None, failure: tuple,
                 reason: str) -> None:
        self._busy -= 1
        if generation != self._generation:
            return
        path, error = failure
        if result is not None:
            # A big briefing is hundreds of thousands of long-lived objects; left to the
            # cyclic GC they are rescanned on every collection, which made building the
            # 15,000-bar chart data take 3.8 s instead of 20 ms. Nothing here is cyclic.
            gc.freeze()
            self.loaded.emit(result, reason)
        else:
            self.failed.emit(path, problem_lines(path, error), reason)
