"""Values that are not the article's words, marked where they are shown.

A value the briefing marks as inferred (a reading of the article) or added (from outside
it) is shown with a sign after it, in every view: the lists, the detail pane, the
Overview, the charts and the PDF; the reason is at hand beside it (a tooltip, a note
line, a note in print). Derived figures keep their own mark, "(derived)" with the
arithmetic (numbers.derived_arithmetic).
"""

from __future__ import annotations

from ..core.origins import ADDED, DERIVED, INFERRED, Origin, covering
from ..core.problems import NodePath

SIGNS = {INFERRED: "†", ADDED: "‡"}
WORDS = {INFERRED: "inferred", ADDED: "added", DERIVED: "derived"}
LEGEND = ("† inferred: a reading of the article, not its words; "
          "‡ added: knowledge from outside the article")
ANY = "*"  # in a pattern, any index of a list


def origin_in(marks: dict[NodePath, Origin], pattern: tuple[str | int, ...]
              ) -> Origin | None:
    """The inferred or added marking of a value a view shows, or of any part of it.

    ``pattern`` is the value's path within its entry, ANY standing for every index of a
    list: ("parties",) for a cell that lists the parties, ("places", ANY, "name") for one
    that lists the places' names. A marking covers it when the marking's path is a
    prefix of the value's (a whole list marked) or lies inside it (one party marked).
    """
    if not marks:
        return None
    for path, origin in marks.items():
        if origin.kind in SIGNS and _meets(path, pattern):
            return origin
    return None


def origin_at(marks: dict[NodePath, Origin], path: NodePath) -> Origin | None:
    """The inferred or added marking of exactly this value (or of what holds it)."""
    origin = covering(marks, path) if marks else None
    return origin if origin is not None and origin.kind in SIGNS else None


def _meets(path: NodePath, pattern: tuple[str | int, ...]) -> bool:
    for step, want in zip(path, pattern, strict=False):
        if want != ANY and step != want:
            return False
    return True


def signed(text: str, origin: Origin | None) -> str:
    """``text`` with the sign of its marking after it: "29–30 November 2017 †"."""
    if origin is None or not text:
        return text
    return f"{text} {SIGNS[origin.kind]}"


def note(origin: Origin, what: str = "") -> str:
    """The reason, as a line beside the value: "† Inferred (date): the article dates…"."""
    label = WORDS[origin.kind].capitalize() + (f" ({what})" if what else "")
    return f"{SIGNS[origin.kind]} {label}: {origin.reason}"
