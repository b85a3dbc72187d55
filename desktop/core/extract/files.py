"""Reading the article and writing the draft: every failure is one clear sentence."""

from __future__ import annotations

import os
from pathlib import Path

from .. import article
from ..article import Article
from ..problems import BriefingError, UnreadableFileError
from ..savefile import save
from ..textfile import read_bytes


class ArticleError(Exception):
    """The article cannot be drafted from; the message says why, in one line."""


def read_article(path: Path) -> Article:
    """The article (core/article.py reads it, as for the checker and the window), or
    ArticleError saying in one line why it cannot be drafted from."""
    try:
        return article.read(path)
    except UnreadableFileError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.reason}") from None
    except BriefingError as exc:
        raise ArticleError(str(exc.problems[0])) from None


def relative_path(target: Path, start_dir: Path) -> str:
    """``target`` relative to ``start_dir``, with forward slashes (as briefings store it)."""
    try:
        rel = os.path.relpath(target.resolve(), start_dir.resolve())
    except ValueError:  # another drive on Windows: only an absolute path can work
        rel = str(target.resolve())
    return Path(rel).as_posix()


def article_reference(article: Path, out_dir: Path) -> tuple[str, Path | None]:
    """How a draft written in ``out_dir`` names ``article``, and where the article must
    first be copied for the draft to reach it (None when it already can).

    A briefing reads its article only inside its own folder (core/article.py), so an
    article elsewhere travels with its draft: copied beside it under its own name, unless
    a file of that name is there already (the same bytes: used as it is; other bytes:
    refused, nothing is overwritten).
    """
    folder = os.path.realpath(out_dir)
    real = os.path.realpath(article)
    if os.path.commonpath((folder, real)) == folder:
        return Path(os.path.relpath(real, folder)).as_posix(), None
    beside = Path(folder) / article.name
    if not beside.exists():
        return article.name, beside
    try:
        same = beside.is_file() and beside.read_bytes() == read_bytes(article)
    except (OSError, UnreadableFileError, BriefingError):
        same = False
    if not same:
        raise ArticleError(
            f"{article}: the draft's folder {out_dir} already has a different "
            f"{article.name}; a briefing reads its article from its own folder, so save the "
            "draft beside the article, or in a folder without a file of that name")
    return article.name, None


def write_atomic(path: Path, text: str) -> None:
    """Write the draft whole or not at all (see core/savefile.py); raises SaveError."""
    save(path, text.encode("utf-8"))
