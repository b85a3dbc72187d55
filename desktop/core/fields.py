"""Which texts of a briefing are searchable, read straight from the model's dataclasses.

Every string, number and list of strings of an entry is searchable, nested ones
included (statements, native names, places and their products, change, derived). A
field is named by its dotted path without indices ("statements.text"); the query's
`field:value` matches every path that has `field` as one of its parts.
"""

from __future__ import annotations

import dataclasses
import typing
from collections.abc import Callable, Iterator
from functools import cache

from .fold import fold
from .model import SECTIONS, Briefing, Header
from .pages import ARTICLE_SECTION, HEADER_SECTION, PAGES
from .rules import type_kind

# Sections in the order search results list them: the header, the list sections, the
# article (when indexed).
SEARCH_SECTIONS: tuple[str, ...] = (HEADER_SECTION, *(name for name, _cls in SECTIONS),
                                    ARTICLE_SECTION)

# The window's page names (pages.py), accepted by `section:` beside the section names:
# each means the first section its page shows.
SECTION_ALIASES = {**{page.name: page.sections[0] for page in PAGES
                      if page.name not in page.sections}, "header": HEADER_SECTION}


def sections_matching(words: tuple[str, ...], *, prefix: bool = False) -> list[str]:
    """The sections a `section:` value names: "leaders", "trade statistics", "timeline".

    ``words`` are folded; with ``prefix`` the last may be unfinished ("sect:lea").
    """
    wanted = " ".join(words)
    found = []
    for section in SEARCH_SECTIONS:
        names = [section, *(alias for alias, target in SECTION_ALIASES.items()
                            if target == section)]
        for name in names:
            spelled = fold(name.replace("_", " "))
            if spelled == wanted or (prefix and spelled.startswith(wanted)) \
                    or wanted in spelled.split():
                found.append(section)
                break
    return found


# Kinds of leaf a path ends in.
TEXT, NUMBER, TEXTS = "text", "number", "texts"


@dataclasses.dataclass(frozen=True, slots=True)
class Leaf:
    """A searchable field: its path from the entry, and how to read it."""

    path: tuple[str, ...]
    kind: str  # TEXT, NUMBER or TEXTS (a tuple of strings)
    optional: tuple[bool, ...] = ()  # per step of the path: may it be None?

    @property
    def key(self) -> str:
        return ".".join(self.path)


@cache
def leaves(cls: type) -> tuple[Leaf, ...]:
    """Every searchable field of an entry class, nested ones included, in field order."""
    found: list[Leaf] = []
    hints = typing.get_type_hints(cls)
    for field in dataclasses.fields(cls):
        if not field.metadata.get("searchable", True):
            continue
        kind, nested = _classify(hints[field.name])
        optional = type(None) in typing.get_args(hints[field.name])
        if nested is not None:
            found.extend(Leaf((field.name, *leaf.path), leaf.kind, (optional, *leaf.optional))
                         for leaf in leaves(nested))
        elif kind is not None:
            found.append(Leaf((field.name,), kind, (optional,)))
    return tuple(found)


def _classify(hint: object) -> tuple[str | None, type | None]:
    """(leaf kind, nested dataclass) for a type hint; (None, None) if not searchable.
    The hint is read as the readers read it (rules.type_kind)."""
    kind, arg = type_kind(hint)
    if kind == "list":
        item_kind, item = type_kind(arg)
        if item_kind == "model":
            return None, item
        return (TEXTS, None) if item_kind == "text" else (None, None)
    if kind == "model":
        return None, arg
    if kind == "choice":
        return (TEXT, None) if all(isinstance(a, str) for a in arg) else (None, None)
    return {"text": (TEXT, None), "number": (NUMBER, None)}.get(kind, (None, None))


def section_classes() -> dict[str, type]:
    return {HEADER_SECTION: Header, **dict(SECTIONS)}


@cache
def field_names() -> tuple[str, ...]:
    """Names a query may put before a colon, sorted; `section` included."""
    names = {"section"}
    for cls in section_classes().values():
        for leaf in leaves(cls):
            names.update(leaf.path)
    return tuple(sorted(names))


def section_entries(briefing: Briefing, section: str) -> tuple[object, ...]:
    if section == HEADER_SECTION:
        return (briefing.briefing,)
    return tuple(getattr(briefing, section))


# A number as the briefing writes it (441.4, 60). The builtin itself, not a function
# calling it: the index maps it over every number of a briefing.
show_number: Callable[[int | float], str] = repr


def walk(entry: object) -> Iterator[tuple[str, str, str]]:
    """(dotted path with indices, field key, text) for every searchable text of an entry."""
    yield from _walk(entry, "", "")


@cache
def _plan(cls: type) -> tuple[tuple[str, str | None, type | None], ...]:
    hints = typing.get_type_hints(cls)
    return tuple((field.name, *_classify(hints[field.name]))
                 for field in dataclasses.fields(cls) if field.metadata.get("searchable", True))


def _walk(obj: object, prefix: str, key_prefix: str) -> Iterator[tuple[str, str, str]]:
    for name, kind, nested in _plan(type(obj)):
        value = getattr(obj, name)
        if value is None:
            continue
        path, key = prefix + name, key_prefix + name
        if nested is not None:
            items = value if isinstance(value, tuple) else (value,)
            for index, item in enumerate(items):
                where = f"{path}[{index}]." if isinstance(value, tuple) else f"{path}."
                yield from _walk(item, where, key + ".")
        elif kind == TEXT:
            yield path, key, value
        elif kind == NUMBER:
            yield path, key, show_number(value)
        elif kind == TEXTS:
            for index, text in enumerate(value):
                yield f"{path}[{index}]", key, text
