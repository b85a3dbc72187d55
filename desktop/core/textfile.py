"""Reading a user's text file: a byte cap before anything is read whole, strict UTF-8.

No YAML here, so callers that only need bytes (the cache, the article) do not pay for
importing PyYAML.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import BriefingError, Problem, UnreadableFileError

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
MAX_BYTES_ENV = "BRIEFING_MAX_BYTES"

_UTF16_32_BOMS = (
    (b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"),
)


def max_bytes() -> int:
    """The size cap, which ``BRIEFING_MAX_BYTES`` can raise (or lower)."""
    raw = os.environ.get(MAX_BYTES_ENV, "")
    return int(raw) if raw.isdigit() and int(raw) > 0 else DEFAULT_MAX_BYTES


def read_bytes(path: Path, limit: int | None = None) -> bytes:
    """The file's bytes, refusing anything over the size cap before reading it whole."""
    limit = max_bytes() if limit is None else limit
    name = str(path)
    try:
        with open(path, "rb", opener=_open_without_waiting) as handle:
            info = os.fstat(handle.fileno())
            if stat.S_ISDIR(info.st_mode):
                raise IsADirectoryError(name)
            if not stat.S_ISREG(info.st_mode):
                raise UnreadableFileError(name, "not a regular file (a pipe, device or "
                                                "socket); save the briefing to a file")
            size = info.st_size
            if size > limit:
                raise BriefingError([Problem(
                    name, 1, 1,
                    f"file is {megabytes(size)}, over the {megabytes(limit)} limit "
                    f"(set {MAX_BYTES_ENV} to a larger number of bytes to open it)")])
            data = handle.read(limit + 1)
    except IsADirectoryError:
        raise UnreadableFileError(name, "it is a directory") from None
    except FileNotFoundError:
        raise UnreadableFileError(name, "no such file") from None
    except PermissionError:
        raise UnreadableFileError(name, "permission denied") from None
    except OSError as exc:
        raise UnreadableFileError(name, exc.strerror or str(exc)) from None
    if len(data) > limit:  # grew while we read it
        raise BriefingError([Problem(name, 1, 1, f"file is over the {megabytes(limit)} "
                                     f"limit (set {MAX_BYTES_ENV} to raise it)")])
    return data


def _open_without_waiting(path: str, flags: int) -> int:
    """Open without blocking: a named pipe with no writer would otherwise hang the
    caller (the window's UI thread, or `briefing check`) on open() itself."""
    return os.open(path, flags | getattr(os, "O_NONBLOCK", 0))


def wide_encoding(data: bytes) -> str | None:
    """"UTF-16-encoded" or "UTF-32-encoded" (with a note when there is no byte-order
    mark) for text in those encodings, else None: refused by name, not as binary or as
    bad UTF-8."""
    for bom, encoding in _UTF16_32_BOMS:
        if data.startswith(bom):
            return f"{encoding}-encoded"
    # Without a mark: a file with NULs that reads as text in one of them (Cyrillic or
    # Latin alike) is that; binary data does not (stray surrogates, controls, NULs).
    if b"\x00" in data[:4096]:
        head = data[:4096]
        for encoding, unit in (("UTF-32", 4), ("UTF-16", 2)):
            for order in ("-le", "-be"):
                try:
                    text = head[:len(head) - len(head) % unit].decode(encoding + order)
                except UnicodeDecodeError as exc:
                    if exc.start < len(head) - 2 * unit:  # not a pair cut by the 4 KiB
                        continue
                    text = head[:exc.start].decode(encoding + order)
                readable = sum(1 for c in text if c.isprintable() or c in "\t\n\r")
                if text and "\x00" not in text and readable >= 0.95 * len(text):
                    return f"{encoding}-encoded (no byte-order mark)"
    return None


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a leading BOM dropped); any other encoding is refused at its position."""
    encoding = wide_encoding(data)
    if encoding is not None:
        raise BriefingError([Problem(name, 1, 1, f"file is {encoding}; save it as UTF-8")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = line_col_of_byte(data, exc.start)
        raise BriefingError([Problem(
            name, line, column,
            f"invalid UTF-8 byte 0x{data[exc.start]:02X}; save the file as UTF-8")]) from None


def megabytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MiB"
    return f"{size / 1024:.1f} KiB" if size >= 1024 else f"{size} bytes"


def line_col_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column
