"""What the window shows of a briefing file, and loading it (Qt-free).

Kept apart from the Qt loader so `briefing FILE` can read a small file before Qt is
even imported: the work is the same, but PySide6 inspects every module imported after
it, so yaml and the core cost less when they come first.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..core import gcpause
from ..core.article import ArticleRefused, open_verified, refusal_problem
from ..core.load import load_briefing
from ..core.model import Briefing
from ..core.problems import BriefingError, UnreadableFileError

THREAD_ABOVE_BYTES = 256 * 1024  # larger files load in a worker thread


# NamedTuples, not frozen dataclasses: making a dataclass runs exec(), at every start.
class Loaded(NamedTuple):
    """The YAML nodes (Document.root, a million objects for a 50,000-entry file) are
    dropped: the window needs no line numbers of a good file."""

    path: Path
    briefing: Briefing
    article: str | None  # None when the article may not be used (see core/article.py)
    article_problem: str | None  # then why, as FILE:LINE:COL: message


class Failed(NamedTuple):
    path: Path
    lines: list[str]  # FILE:LINE:COL: message, one per problem


def load(path: Path) -> Loaded:
    """The briefing and its article; raises UnreadableFileError / BriefingError."""
    briefing = load_briefing(path)
    ref = briefing.briefing.article
    try:
        article = open_verified(path, ref.path, ref.sha256)
    except ArticleRefused as exc:
        return Loaded(path, briefing, None, str(refusal_problem(path, exc)))
    return Loaded(path, briefing, article.text, None)


def problem_lines(path: Path, error: Exception) -> list[str]:
    if isinstance(error, BriefingError):
        return [str(problem) for problem in error.problems]
    if isinstance(error, UnreadableFileError):
        return [str(error)]
    return [f"{path}: could not load: {type(error).__name__}: {error}"]


def load_or_fail(path: Path) -> Loaded | Failed:
    """Load with the cyclic GC paused throughout, and what was loaded then frozen (see
    core/gcpause.py): a reload in the worker thread froze the window while the collector
    rescanned it, and the window keeps a briefing until the next one."""
    try:
        with gcpause.paused():
            return load(path)
    except Exception as exc:  # every failure becomes a banner, never a crash
        return Failed(path, problem_lines(path, exc))


def is_big(path: Path) -> bool:
    try:
        return path.stat().st_size > THREAD_ABOVE_BYTES
    except OSError:
        return False
