"""Where each value of a briefing comes from: stated in its entry's excerpts (the default),
derived (arithmetic), inferred (a reading of the article) or added (knowledge from outside
it), and which values a reader could mistake for the article's own if they were not.

The markings are the `inferred` and `added` lists of an entry (or of the `briefing`
section, whose paths may also reach into any entry: `events[3].date`). A marking covers
the value its path names and everything inside it: `parties` covers `parties[1]`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, NamedTuple

from .model import (
    SECTIONS,
    Agreement,
    Briefing,
    CooperationArea,
    Event,
    Header,
    Leader,
    Organisation,
    TradeStatistic,
)
from .problems import NodePath

if TYPE_CHECKING:
    from .supported import Excerpts

STATED, DERIVED, INFERRED, ADDED = "stated", "derived", "inferred", "added"
MARKED = (INFERRED, ADDED)  # the two lists an entry may hold
SECTION_NAMES = frozenset(name for name, _cls in SECTIONS)

# What sort of value each checked field holds: the check matches each sort its own way
# (a country by its demonyms, a date by its year, month and day).
NAME, COUNTRY, ROLE, DATE, PERIOD, NUMBER, CURRENCY = (
    "name", "country", "role", "date", "period", "number", "currency")

# The values of each kind of entry a reader takes for the article's own: proper names,
# places, dates, periods, figures. Free text (titles, notes, summaries, topics) is the
# author's wording and is not checked. `[]` is every item of a list.
CHECKED: dict[type, tuple[tuple[str, str], ...]] = {
    Header: (("date", DATE), ("place", NAME)),  # the dateline is the article's own: its
    # first line states it (provenance.py), not an excerpt
    Leader: (("name", NAME), ("native_names[].name", NAME), ("role", ROLE),
             ("country", COUNTRY)),
    Agreement: (("parties[]", COUNTRY), ("date", DATE), ("validity", PERIOD)),
    TradeStatistic: (("value", NUMBER), ("change.value", NUMBER), ("currency", CURRENCY),
                     ("period", PERIOD), ("change.compared_with", PERIOD)),
    CooperationArea: (("places[].name", NAME), ("places[].country", COUNTRY),
                      ("places[].established", DATE)),
    Organisation: (("name", NAME), ("acronym", NAME)),
    Event: (("date", DATE), ("place", NAME)),
}

_STEP = re.compile(r"([a-z_]+)(?:\[([0-9]+)\])?")
_MISSING: Any = object()


# NamedTuples, not frozen dataclasses: the window imports this module before its first
# paint, and making a dataclass runs exec().
class Origin(NamedTuple):
    """A value that is not plainly stated: how it was come by, and why it is there."""

    kind: str  # DERIVED, INFERRED or ADDED
    reason: str


def parse_path(text: str) -> NodePath:
    """``places[0].country`` -> ("places", 0, "country"). The model's pattern has been
    checked when the file was read; anything else gives ValueError."""
    path: list[str | int] = []
    for step in text.split("."):
        m = _STEP.fullmatch(step)
        if m is None:
            raise ValueError(f"not a field path: {text!r}")
        path.append(m.group(1))
        if m.group(2) is not None:
            path.append(int(m.group(2)))
    return tuple(path)


def value_at(obj: object, path: NodePath) -> Any:
    """The value ``path`` names inside ``obj``, or MISSING."""
    for step in path:
        if isinstance(step, int):
            if not isinstance(obj, tuple) or step >= len(obj):
                return _MISSING
            obj = obj[step]
        else:
            if step in MARKED or step == "source" or not hasattr(obj, "__dataclass_fields__") \
                    or step not in obj.__dataclass_fields__:
                return _MISSING
            obj = getattr(obj, step)
    return obj


def is_missing(value: object) -> bool:
    return value is _MISSING


def holds_value(value: object) -> bool:
    return value is not _MISSING and value is not None and value != ()


def markings(briefing: Briefing) -> dict[NodePath, Origin]:
    """Every marked and derived value of the briefing, by its path from the root."""
    marks = BriefingMarks(briefing)
    return {base + path: origin for base, entry in entries(briefing)
            for path, origin in marks.of(entry).items()
            if base != ("briefing",) or path[0] not in SECTION_NAMES}


def entry_markings(entry: object) -> dict[NodePath, Origin]:
    """The marked and derived values of one entry, by their paths within it (what the
    window and the print show beside each value)."""
    found: dict[NodePath, Origin] = {}
    _add_marks(found, (), entry)
    derived = getattr(entry, "derived", None)
    if derived is not None:
        found[("value",)] = Origin(DERIVED, derived.explanation or f"= {derived.arithmetic}")
    return found


class BriefingMarks:
    """Each entry's markings, by paths within it, with those the `briefing` section makes
    on it (``events[5].date``). Only the few entries the header reaches are looked up
    ahead; any other entry's markings are its own, read when asked."""

    def __init__(self, briefing: Briefing) -> None:
        self._reached: dict[int, dict[NodePath, Origin]] = {}
        header: dict[NodePath, Origin] = {}
        _add_marks(header, ("briefing",), briefing.briefing, header=True)
        for path, origin in header.items():
            if path[0] in SECTION_NAMES and len(path) > 2 and isinstance(path[1], int):
                entries = getattr(briefing, str(path[0]))
                if path[1] < len(entries):
                    self._reached.setdefault(id(entries[path[1]]), {})[path[2:]] = origin

    def of(self, entry: object) -> dict[NodePath, Origin]:
        own = entry_markings(entry)
        reached = self._reached.get(id(entry))
        return {**reached, **own} if reached else own


def _add_marks(found: dict[NodePath, Origin], base: NodePath, entry: object, *,
               header: bool = False) -> None:
    for kind in MARKED:
        for marking in getattr(entry, kind, ()):
            for text in marking.fields:
                try:
                    path = parse_path(text)
                except ValueError:
                    continue
                where = path if header and path[0] in SECTION_NAMES else base + path
                found.setdefault(where, Origin(kind, marking.reason))


def covering(marks: dict[NodePath, Origin], path: NodePath) -> Origin | None:
    """The marking of ``path`` or of anything it is inside (a list, a place), if any."""
    for end in range(len(path), 0, -1):
        origin = marks.get(path[:end])
        if origin is not None:
            return origin
    return None


def checked_values(entry: object) -> Iterator[tuple[NodePath, str, Any]]:
    """(path within the entry, sort, value) of every checked value the entry holds."""
    for pattern, sort in CHECKED.get(type(entry), ()):
        yield from _expand(entry, (), pattern.split("."), sort)


def _expand(obj: object, path: NodePath, steps: list[str], sort: str
            ) -> Iterator[tuple[NodePath, str, Any]]:
    if not steps:
        if obj is not None and obj != "":
            yield path, sort, obj
        return
    step, rest = steps[0], steps[1:]
    name = step.removesuffix("[]")
    value = getattr(obj, name, None)
    if value is None:
        return
    if step.endswith("[]"):
        for index, item in enumerate(value):
            yield from _expand(item, path + (name, index), rest, sort)
    else:
        yield from _expand(value, path + (name,), rest, sort)


def excerpts_of(entry: object) -> tuple[str, ...]:
    """Every excerpt an entry quotes, its statements' included: what its values may rest on."""
    found = list(getattr(entry, "source", ()))
    for statement in getattr(entry, "statements", ()):
        found.extend(statement.source)
    return tuple(found)


class Unstated(NamedTuple):
    """A checked value that is neither in its entry's excerpts nor marked."""

    entry: NodePath  # the entry's path from the root: ("leaders", 0), ("briefing",)
    path: NodePath  # the value's path within the entry
    sort: str  # NAME, COUNTRY, ...
    value: Any
    missing: list[str]  # what the excerpts lack, in words ("year 2017", "'Minsk'")


def entries(briefing: Briefing) -> Iterator[tuple[NodePath, object]]:
    """The header and every entry, with their paths from the root, in file order."""
    yield ("briefing",), briefing.briefing
    for section, _cls in SECTIONS:
        for index, entry in enumerate(getattr(briefing, section)):
            yield (section, index), entry


def unstated(briefing: Briefing) -> Iterator[Unstated]:
    """Every checked value of the briefing its entry's excerpts do not state and no
    marking covers (a derived value is covered by its arithmetic)."""
    from .supported import Excerpts  # the matching rules: only for the check and drafts

    marks = BriefingMarks(briefing)
    for base, entry in entries(briefing):
        excerpts: Excerpts | None = None
        own = marks.of(entry)
        for path, sort, value in checked_values(entry):
            if covering(own, path) is not None:
                continue
            excerpts = excerpts or Excerpts(excerpts_of(entry))
            missing = _lacking(excerpts, sort, value)
            if missing:
                yield Unstated(base, path, sort, value, missing)


def _lacking(excerpts: Excerpts, sort: str, value: Any) -> list[str]:
    if sort == NUMBER:
        return excerpts.number(float(value))
    ask = {NAME: excerpts.name, COUNTRY: excerpts.country, ROLE: excerpts.role,
           DATE: excerpts.date, PERIOD: excerpts.period, CURRENCY: excerpts.currency}[sort]
    return ask(str(value))
