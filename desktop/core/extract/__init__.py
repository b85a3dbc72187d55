"""Drafting a briefing from an article: rule-based, offline, deterministic, Qt-free.

``build_draft(text, article_path_rel, sha256)`` gives a :class:`~desktop.core.model.Briefing`
marked ``draft: true``; ``draft_text`` gives the YAML to write.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from ...paths import resources_dir
from ..article import Article
from ..savefile import save
from ..textfile import MAX_BYTES_ENV, max_bytes, megabytes
from .draft import (
    DraftCancelled,
    DraftError,
    EmptyArticleError,
    UndatedArticleError,
    build_draft,
)
from .files import (
    ArticleError,
    article_reference,
    read_article,
    relative_path,
    write_atomic,
)
from .yamlout import dump

__all__ = ["ArticleError", "Draft", "DraftCancelled", "DraftError", "EmptyArticleError",
           "UndatedArticleError", "build_draft", "draft_text", "prepare_draft", "read_article",
           "relative_path", "save_draft", "write_atomic", "write_draft"]


class Draft(NamedTuple):
    """A draft ready to write: its YAML, its article, and where that article must be
    copied for the draft to reach it (None when it is in the draft's folder already)."""

    text: str
    article: Path
    source: Article  # as read and hashed: a copy is these bytes, not a new read
    article_copy: Path | None


def prepare_draft(article: Path, out_dir: Path, *, date: str | None = None,
                  out: Path | None = None, stop: Callable[[], bool] | None = None) -> Draft:
    """The draft of ``article``, to be written in ``out_dir`` (as ``out``, when known: a
    draft never replaces its own article). ``stop``: see build_draft.

    Raises ArticleError (unreadable, binary, not UTF-8, over the size cap, or a different
    file of its name in ``out_dir``) or DraftError (empty article, no year and no
    ``date``, bad ``date``, a draft over the size cap).
    """
    if out is not None and os.path.realpath(out) == os.path.realpath(article):
        raise ArticleError(f"{article}: the draft would replace its own article; choose "
                           "another output file")
    source = read_article(article)
    text, sha256 = source.text, source.sha256
    reference, copy_to = article_reference(article, out_dir)
    briefing = build_draft(text, reference, sha256, date=date, stop=stop)
    schema = resources_dir() / "briefing.schema.json"
    comment = ""
    if schema.is_file():
        comment = (f"# yaml-language-server: $schema={relative_path(schema, out_dir)}\n"
                   "# Draft made by `briefing build`: review every entry, then set "
                   "briefing.draft to false.\n")
    yaml_text = dump(briefing, comment)
    # A draft over the size cap would be refused by `briefing check` and the viewer:
    # say so now rather than write a file nothing will open.
    size, limit = len(yaml_text.encode("utf-8")), max_bytes()
    if size > limit:
        raise DraftError(
            f"the draft would be {megabytes(size)}, over the {megabytes(limit)} limit that "
            f"`briefing check` and the viewer apply (set {MAX_BYTES_ENV} to a larger number "
            "of bytes, or draft from a shorter article)")
    return Draft(yaml_text, article, source, copy_to)


def draft_text(article: Path, out_dir: Path, *, date: str | None = None) -> str:
    """The YAML of a draft for ``article``, to be written in ``out_dir`` (raises as
    prepare_draft does)."""
    return prepare_draft(article, out_dir, date=date).text


def write_draft(article: Path, out: Path, *, date: str | None = None) -> Draft:
    """Draft ``article`` into ``out`` and put the article where the draft can reach it,
    each file whole or not at all (what File > New from Article and `briefing build`
    need). Raises as prepare_draft does, or SaveError when a file cannot be written."""
    draft = prepare_draft(article, out.parent, date=date, out=out)
    save_draft(draft, out)
    return draft


def save_draft(draft: Draft, out: Path) -> None:
    """Write a prepared draft: the article's copy first (a draft never names a file that
    is not there), then the draft; a copy made for a draft that then fails is removed."""
    if draft.article_copy is not None:
        save(draft.article_copy, draft.source.data)
    try:
        write_atomic(out, draft.text)
    except BaseException:
        if draft.article_copy is not None:
            draft.article_copy.unlink(missing_ok=True)
        raise
