"""What the window shows of a briefing file, and loading it (Qt-free).

Kept apart from the Qt loader so `briefing FILE` can read a small file before Qt is
even imported: the work is the same, but PySide6 inspects every module imported after
it, so yaml and the core cost less when they come first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from ..core.load import load_briefing
from ..core.model import Briefing
from ..core.problems import BriefingError, UnreadableFileError
from ..core.provenance import article_path, read_article

THREAD_ABOVE_BYTES = 256 * 1024  # larger files load in a worker thread


@dataclass(frozen=True, slots=True)
class Loaded:
    """The YAML nodes (Document.root, a million objects for a 50,000-entry file) are
    dropped: the window needs no line numbers of a good file."""

    path: Path
    briefing: Briefing
    article: str | None  # None when the article could not be read
    article_problem: str | None


@dataclass(frozen=True, slots=True)
class Failed:
    path: Path
    lines: list[str]  # FILE:LINE:COL: message, one per problem


def load(path: Path) -> Loaded:
    """The briefing and its article; raises UnreadableFileError / BriefingError."""
    briefing = load_briefing(path)
    try:
        article = read_article(article_path(path, briefing))
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


def load_or_fail(path: Path) -> Loaded | Failed:
    try:
        return load(path)
    except Exception as exc:  # every failure becomes a banner, never a crash
        return Failed(path, problem_lines(path, exc))


def is_big(path: Path) -> bool:
    try:
        return path.stat().st_size > THREAD_ABOVE_BYTES
    except OSError:
        return False
