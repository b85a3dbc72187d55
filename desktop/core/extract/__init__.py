"""Drafting a briefing from an article: rule-based, offline, deterministic, Qt-free.

``build_draft(text, article_path_rel, sha256)`` gives a :class:`~desktop.core.model.Briefing`
marked ``draft: true``; ``draft_text`` gives the YAML to write.
"""

from __future__ import annotations

from pathlib import Path

from ...paths import resources_dir
from ..textfile import MAX_BYTES_ENV, max_bytes, megabytes
from .draft import DraftError, EmptyArticleError, UndatedArticleError, build_draft
from .files import ArticleError, read_article, relative_path, write_atomic
from .yamlout import dump

__all__ = ["ArticleError", "DraftError", "EmptyArticleError", "UndatedArticleError",
           "build_draft", "draft_text", "read_article", "relative_path", "write_atomic",
           "write_draft"]


def draft_text(article: Path, out_dir: Path, *, date: str | None = None) -> str:
    """The YAML of a draft for ``article``, to be written in ``out_dir``.

    Raises ArticleError (unreadable, binary, not UTF-8, over the size cap) or DraftError
    (empty article, no year and no ``date``, bad ``date``, a draft over the size cap).
    """
    text, sha256 = read_article(article)
    briefing = build_draft(text, relative_path(article, out_dir), sha256, date=date)
    schema = resources_dir() / "briefing.schema.json"
    comment = ""
    if schema.is_file():
        comment = (f"# yaml-language-server: $schema={relative_path(schema, out_dir)}\n"
                   "# Draft made by `briefing build`: review every entry, then set "
                   "briefing.draft to false.\n")
    text = dump(briefing, comment)
    # A draft over the size cap would be refused by `briefing check` and the viewer:
    # say so now rather than write a file nothing will open.
    size, limit = len(text.encode("utf-8")), max_bytes()
    if size > limit:
        raise DraftError(
            f"the draft would be {megabytes(size)}, over the {megabytes(limit)} limit that "
            f"`briefing check` and the viewer apply (set {MAX_BYTES_ENV} to a larger number "
            "of bytes, or draft from a shorter article)")
    return text


def write_draft(article: Path, out: Path, *, date: str | None = None) -> None:
    """Draft ``article`` into ``out``, atomically (what File > New from Article needs).

    Raises ArticleError, DraftError, or OSError when ``out`` cannot be written.
    """
    write_atomic(out, draft_text(article, out.parent, date=date))
