"""Untrusted YAML in, a bounded node tree out.

Briefings come from anyone, so reading is defensive: a byte cap before anything is
parsed, strict UTF-8, the libyaml composer (safe: it builds nodes and runs no
constructors, so ``!!python/...`` tags are only strings here and are refused later),
and a linear-time bound on what aliases would expand to (a 300-byte "billion laughs"
file names half a million leaves). Every refusal is a :class:`Problem` with a position.
"""

from __future__ import annotations

import os
from pathlib import Path

import yaml

from .problems import BriefingError, Problem, UnreadableFileError

try:  # libyaml ships inside PyYAML's wheels; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

DEFAULT_MAX_BYTES = 32 * 1024 * 1024
MAX_BYTES_ENV = "BRIEFING_MAX_BYTES"
# Nodes that aliases may add on top of the nodes actually written in the file.
MAX_ALIAS_EXPANSION = 100_000

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
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise BriefingError([Problem(
                    name, 1, 1,
                    f"file is {_megabytes(size)}, over the {_megabytes(limit)} limit "
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
        raise BriefingError([Problem(name, 1, 1, f"file is over the {_megabytes(limit)} "
                                     f"limit (set {MAX_BYTES_ENV} to raise it)")])
    return data


def decode(data: bytes, name: str) -> str:
    """UTF-8 text (a leading BOM dropped); any other encoding is refused at its position."""
    for bom, encoding in _UTF16_32_BOMS:
        if data.startswith(bom):
            raise BriefingError([Problem(
                name, 1, 1, f"file is {encoding}-encoded; save it as UTF-8")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, column = _line_col_of_byte(data, exc.start)
        raise BriefingError([Problem(
            name, line, column,
            f"invalid UTF-8 byte 0x{data[exc.start]:02X}; save the file as UTF-8")]) from None


def compose(text: str, name: str) -> yaml.Node | None:
    """Parse one YAML document into nodes (with positions), or raise BriefingError."""
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        raise BriefingError([_syntax_problem(exc, name)]) from None
    except yaml.reader.ReaderError as exc:
        line, column = _line_col_of_char(text, exc.position)
        what = f"character U+{exc.character:04X}" if isinstance(exc.character, int) else (
            "character")
        raise BriefingError([Problem(name, line, column,
                                     f"{what} is not allowed: {exc.reason}")]) from None
    except yaml.YAMLError as exc:
        raise BriefingError([Problem(name, 1, 1, f"YAML error: {exc}")]) from None
    finally:
        loader.dispose()
    if node is not None and "&" in text:  # no anchor, no alias: nothing can expand
        _check_alias_expansion(node, name)
    return node


def _syntax_problem(exc: yaml.MarkedYAMLError, name: str) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = exc.problem or "YAML syntax error"
    if exc.context:
        where = ""
        if exc.context_mark is not None and exc.context_mark is not mark:
            where = f" at {exc.context_mark.line + 1}:{exc.context_mark.column + 1}"
        message = f"{message} ({exc.context}{where})"
    return Problem(name, line, column, f"YAML syntax: {message}")


def _check_alias_expansion(root: yaml.Node, name: str) -> None:
    """Refuse recursive aliases and aliases that would multiply the document's size.

    Sizes are memoised per node object, so the walk is linear in the nodes written,
    however large the expansion would be.
    """
    sizes: dict[int, int] = {}
    distinct = 0
    in_progress: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            in_progress.discard(key)
            sizes[key] = 1 + sum(sizes[id(child)] for child in _children(node))
            continue
        if key in sizes:
            continue
        if key in in_progress:
            mark = node.start_mark
            raise BriefingError([Problem(name, mark.line + 1, mark.column + 1,
                                         "recursive alias: a node that contains itself")])
        in_progress.add(key)
        distinct += 1
        stack.append((node, True))
        for child in _children(node):
            if id(child) in in_progress:
                mark = child.start_mark
                raise BriefingError([Problem(name, mark.line + 1, mark.column + 1,
                                             "recursive alias: a node that contains itself")])
            if id(child) not in sizes:
                stack.append((child, False))
    if sizes[id(root)] - distinct > MAX_ALIAS_EXPANSION:
        raise BriefingError([Problem(
            name, 1, 1,
            f"aliases would expand the document to {sizes[id(root)]:,} nodes from "
            f"{distinct:,} written (limit: {MAX_ALIAS_EXPANSION:,} added by aliases); "
            "this looks like a 'billion laughs' file")])


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        return node.value
    if isinstance(node, yaml.MappingNode):
        return [item for pair in node.value for item in pair]
    return []


def _megabytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MiB"
    return f"{size / 1024:.1f} KiB" if size >= 1024 else f"{size} bytes"


def _line_col_of_byte(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _line_col_of_char(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1
