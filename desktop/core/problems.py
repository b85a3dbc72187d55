"""Problems found in a briefing, as structured records rather than strings."""

from __future__ import annotations

from dataclasses import dataclass

NodePath = tuple[str | int, ...]  # ("leaders", 0, "name") is leaders[0].name


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    message: str

    def __str__(self) -> str:
        return f"{printable(self.file)}:{self.line}:{self.column}: {printable(self.message)}"


def printable(text: str) -> str:
    """Text safe for one terminal line: newlines, escape sequences and other invisible
    controls (which could forge output or recolour a terminal) shown as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii")
                   for c in text)


class BriefingError(Exception):
    """The file could not be turned into a briefing; ``problems`` says why, all of them."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


class UnreadableFileError(Exception):
    """The file could not be read at all (missing, a directory, no permission)."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"{path}: cannot read: {reason}")
        self.path = path
        self.reason = reason


def format_path(path: NodePath) -> str:
    """``("leaders", 0, "name")`` -> ``leaders[0].name``."""
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else part
    return out
