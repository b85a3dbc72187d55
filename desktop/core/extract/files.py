"""Reading the article and writing the draft: every failure is one clear sentence."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from ..problems import BriefingError, UnreadableFileError
from ..textfile import read_bytes


class ArticleError(Exception):
    """The article cannot be drafted from; the message says why, in one line."""


def read_article(path: Path) -> tuple[str, str]:
    """The article's text and the SHA-256 of its bytes."""
    try:
        data = read_bytes(path)
    except UnreadableFileError as exc:
        raise ArticleError(f"{path}: cannot read: {exc.reason}") from None
    except BriefingError as exc:
        reason = exc.problems[0].message if exc.problems else str(exc)
        raise ArticleError(f"{path}: {reason}") from None
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ArticleError(f"{path}: looks like a binary file (NUL byte at byte {nul}), "
                           "not plain text")
    body = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as exc:
        at = exc.start + (len(data) - len(body))
        line = data.count(b"\n", 0, at) + 1
        raise ArticleError(f"{path}: not UTF-8: invalid byte 0x{data[at]:02X} at byte {at} "
                           f"(line {line}); save the article as UTF-8") from None
    return text, hashlib.sha256(data).hexdigest()


def relative_path(target: Path, start_dir: Path) -> str:
    """``target`` relative to ``start_dir``, with forward slashes (as briefings store it)."""
    try:
        rel = os.path.relpath(target.resolve(), start_dir.resolve())
    except ValueError:  # another drive on Windows: only an absolute path can work
        rel = str(target.resolve())
    return Path(rel).as_posix()


def write_atomic(path: Path, text: str) -> None:
    """Write beside the target, then rename over it, so a reader never sees half a file."""
    directory = path.parent if str(path.parent) else Path(".")
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
