"""The article a briefing quotes: where it may be, and when its text may be used.

A briefing may come from anyone, and ``briefing.article.path`` names a file on the
reader's machine. Whatever the window shows as the article, searches and prints in a
PDF the reader then hands out must be the article the briefing was made from, and
nothing else on that machine. So the text is used only when both hold:

- **place**: the path is relative and leads, links followed, to a file inside the
  briefing's own folder (or a folder below it): never ``/home/you/.ssh/id_rsa``,
  ``../../x``, ``/proc/self/environ`` or a link that points out of the folder;
- **bytes**: the file's SHA-256 is the one the briefing gives. A sender cannot name a
  file they have never seen by its hash, and an honest edit of the article ("60" ->
  "61 percent") is caught before excerpts and appendix can disagree.

Anything else raises :class:`ArticleRefused`, whose one-line reason says what to do.
Every reader of the article (the checker, the window, search and export) comes here.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import Literal, NamedTuple

from .problems import BriefingError, Problem, UnreadableFileError, printable
from .textfile import decode, line_col_of_byte, read_bytes, wide_encoding


class Article(NamedTuple):  # not a frozen dataclass: making one runs exec(), every start
    """The article's text, where it was read from, and its bytes (which the builder copies
    beside a draft written elsewhere: the bytes hashed, not a second read)."""

    path: Path
    text: str
    sha256: str
    data: bytes = b""

    @property
    def normalized(self) -> str:
        return " ".join(self.text.split())


class ArticleRefused(Exception):
    """The article's text may not be used; ``field`` is the part of ``briefing.article``
    at fault (``path`` or ``sha256``) and ``reason`` one line saying why and what to do."""

    def __init__(self, field: Literal["path", "sha256"], reason: str) -> None:
        super().__init__(reason)
        self.field = field
        self.reason = reason


def locate(briefing_path: str | Path, reference: str) -> Path:
    """The file ``reference`` names for the briefing at ``briefing_path``, links resolved,
    or ArticleRefused when it is not a plain relative path inside the briefing's folder."""
    shown = printable(reference)
    if any(ord(c) < 0x20 or c == "\x7f" for c in reference):
        raise ArticleRefused("path", f"'{shown}' is not a usable file name (it holds "
                             "control characters); give the article's file name")
    if os.path.isabs(reference) or reference.startswith("~"):
        raise ArticleRefused("path", f"'{shown}' is not relative to the briefing's folder; "
                             "an article must be in the briefing's folder or below it: "
                             "copy it beside the briefing and give its file name")
    folder = os.path.realpath(Path(briefing_path).parent)
    target = os.path.realpath(os.path.join(folder, reference))
    if os.path.commonpath((folder, target)) != folder:
        via = ("leads" if ".." in Path(reference).parts else "is a link that leads")
        raise ArticleRefused("path", f"'{shown}' {via} outside the briefing's folder; an "
                             "article must be in the briefing's folder or below it: copy it "
                             "beside the briefing and give its file name")
    return Path(target)


def read(path: Path) -> Article:
    """The text and SHA-256 of the file at ``path``, unverified: the one reader of article
    files, for the builder (which writes the hash) and for open_verified.

    Raises UnreadableFileError (missing, a folder, a pipe or device, no permission) or
    BriefingError (over the size cap, UTF-16/32, not UTF-8, binary), at its position.
    """
    data = read_bytes(path)
    nul = data.find(b"\x00")
    if nul >= 0 and wide_encoding(data) is None:  # UTF-16 and -32 are named by decode
        line, column = line_col_of_byte(data, nul)
        raise BriefingError([Problem(str(path), line, column, "a NUL byte: this looks like "
                                     "a binary file, not plain text")])
    text = decode(data, str(path))
    return Article(path=path, text=text, sha256=hashlib.sha256(data).hexdigest(), data=data)


def open_verified(briefing_path: str | Path, reference: str, sha256: str) -> Article:
    """The article a briefing names, when it is where it may be and is the file the
    briefing was made from; else ArticleRefused."""
    shown = printable(reference)
    path = locate(briefing_path, reference)
    try:
        article = read(path)
    except UnreadableFileError as exc:
        raise ArticleRefused("path", f"cannot read the article '{shown}': {exc.reason}") \
            from None
    except BriefingError as exc:
        reason = exc.problems[0].message if exc.problems else str(exc)
        raise ArticleRefused("path", f"the article '{shown}' is not usable: {reason}") \
            from None
    if article.sha256 != sha256:
        raise ArticleRefused("sha256", (
            f"the article '{shown}' is not the file this briefing was made from (its "
            f"sha256 begins {article.sha256[:12]}, the briefing's {sha256[:12]}), so its "
            "text is not used: restore that article, or if you changed it on purpose, set "
            f"sha256 to {article.sha256} and check the excerpts again"))
    return article


def refusal_problem(briefing_path: str | Path, refused: ArticleRefused) -> Problem:
    """The refusal as a FILE:LINE:COL problem at the field to fix, for callers that hold
    no YAML nodes (the window, export): the position is found by reading the file again,
    which happens only when an article is refused."""
    from .yamlread import locate_key

    try:
        text = decode(read_bytes(Path(briefing_path)), str(briefing_path))
        line, column = locate_key(text, ("briefing", "article", refused.field))
    except (UnreadableFileError, BriefingError):
        line, column = 1, 1
    return Problem(str(briefing_path), line, column,
                   f"briefing.article.{refused.field}: {refused.reason}")
