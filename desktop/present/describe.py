"""An entry as labelled lines: what the detail pane shows and Ctrl+C copies.

The walk follows the model's dataclass fields, so a field added to the format shows up
here without further code; figures and dates are written as every view writes them
(``numbers``, ``dates``). ``source`` excerpts are kept apart: the pane quotes them and
the Source tab highlights them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from ..core.model import DATE_PATTERN, TradeStatistic, entry_label
from ..core.origins import MARKED, Origin, entry_markings
from ..core.problems import NodePath
from ..core.rules import field_rules, type_kind
from . import dates, numbers
from .readings import ANY, note, origin_at, origin_in, signed
from .words import term


@dataclass(frozen=True, slots=True)
class Line:
    """One labelled value; ``depth`` indents nested parts (a statement, a place)."""

    label: str
    value: str
    depth: int = 0
    derived: bool = False
    key: str = ""  # the field key of the value ("statements.text"), for search highlights
    origin: Origin | None = None  # inferred or added (readings.py): a sign and its reason


def label_of(name: str) -> str:
    return name.replace("_", " ").capitalize()


def all_excerpts(entry: object) -> tuple[str, ...]:
    """The entry's own excerpts, then those of its parts (a leader's statements)."""
    found: list[str] = list(getattr(entry, "source", ()))
    for statement in getattr(entry, "statements", ()):
        found.extend(statement.source)
    return tuple(dict.fromkeys(found))


_IDENTIFYING = ("name", "title", "metric", "area")


def lines(entry: object, depth: int = 0, *, titled: bool = False, key: str = "",
          path: NodePath = (), marks: dict[NodePath, Origin] | None = None,
          ) -> Iterator[Line]:
    """The entry's fields; ``titled`` when its label is already shown above it. ``key`` is
    the field key of ``entry`` within its top-level entry ("places."), ``path`` its path
    there (("places", 1)); ``marks`` the top-level entry's markings (found when None)."""
    if marks is None:
        marks = entry_markings(entry)
    label_field = next((n for n in _IDENTIFYING if hasattr(entry, n)), None) if titled else None
    if isinstance(entry, TradeStatistic):
        yield Line("Figure", numbers.amount(entry), depth, entry.derived is not None,
                   key + "value", origin_at(marks, path + ("value",)))
        if entry.derived is not None:
            yield Line("Derived", numbers.derived_arithmetic(entry) or "", depth, True,
                       key + "derived.arithmetic")
            if entry.derived.explanation:
                yield Line("Explanation", entry.derived.explanation, depth, True,
                           key + "derived.explanation")
    for field in dataclasses.fields(entry):  # type: ignore[arg-type]
        name = field.name
        value = getattr(entry, name)
        if name in ("source", *MARKED) or name == label_field or value is None or value == ():
            continue
        if isinstance(entry, TradeStatistic) and name == "derived":
            continue
        label = label_of(name)
        here = key + name
        at = path + (name,)
        origin = origin_in(marks, at)
        if name == "topic" and hasattr(entry, "text"):
            continue  # a statement's topic is its heading
        if dataclasses.is_dataclass(value):
            if name == "change":
                yield Line(label, numbers.change(entry), depth,  # type: ignore[arg-type]
                           key=here + ".value", origin=origin)
                continue
            yield Line(label, "", depth, key=here)
            yield from lines(value, depth + 1, key=here + ".", path=at, marks=marks)
        elif name == "native_names":
            yield Line(label, ", ".join(f"{n.name} ({n.language})" for n in value), depth,
                       key=here + ".name", origin=origin_in(marks, at + (ANY, "name")))
        elif isinstance(value, tuple) and value and dataclasses.is_dataclass(value[0]):
            for index, part in enumerate(value, 1):
                title = getattr(part, "topic", None) or entry_label(part)
                title_field = "topic" if getattr(part, "topic", None) else next(
                    (n for n in _IDENTIFYING if hasattr(part, n)), "")
                yield Line(f"{label_of(name).rstrip('s')} {index}", title, depth,
                           key=f"{here}.{title_field}",
                           origin=origin_at(marks, at + (index - 1, title_field)))
                yield from lines(part, depth + 1, titled=True, key=here + ".",
                                 path=at + (index - 1,), marks=marks)
                for excerpt in getattr(part, "source", ()):
                    yield Line("Source", excerpt, depth + 1, key=here + ".source")
        elif isinstance(value, tuple):
            yield Line(label, ", ".join(str(v) for v in value), depth, key=here,
                       origin=origin)
        elif isinstance(value, bool):
            yield Line(label, "yes" if value else "no", depth, key=here, origin=origin)
        elif isinstance(value, int | float):
            yield Line(label, numbers.number(value), depth, key=here, origin=origin)
        elif field.metadata.get("pattern") == DATE_PATTERN:
            yield Line(label, dates.readable(value), depth, key=here, origin=origin)
        else:
            shown = term(value) if name in _vocabulary(type(entry)) else str(value)
            yield Line(label, shown, depth, key=here, origin=origin)


@cache
def _vocabulary(cls: type) -> frozenset[str]:
    """The fields of ``cls`` whose values come from a fixed list (a Literal)."""
    def fixed(tp: object) -> bool:
        kind, arg = type_kind(tp)
        return kind == "choice" or (kind == "list" and fixed(arg))

    return frozenset(name for name, rule in field_rules(cls).items() if fixed(rule.type))


def label_key(entry: object) -> str:
    """The field key of the entry's label (what a detail pane shows as its heading)."""
    return next((n for n in _IDENTIFYING if hasattr(entry, n)), "")


def as_plain_text(entry: object) -> str:
    """The entry as a person would paste it into a mail: fields, then its excerpts."""
    out = [entry_label(entry)]
    for line in lines(entry, titled=True):
        indent = "  " * line.depth
        value = signed(line.value, line.origin)
        out.append(f"{indent}{line.label}: {value}" if value else f"{indent}{line.label}:")
        if line.origin is not None:
            out.append(f"{indent}  {note(line.origin)}")
    own = getattr(entry, "source", ())
    if own:
        out.append("Source:")
        out.extend(f"  {excerpt}" for excerpt in own)
    return "\n".join(out) + "\n"
