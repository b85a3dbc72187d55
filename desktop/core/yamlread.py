"""Untrusted YAML in, a bounded node tree out.

Briefings come from anyone, so reading is defensive: a byte cap before anything is
parsed, strict UTF-8, the libyaml composer (safe: it builds nodes and runs no
constructors, so ``!!python/...`` tags are only strings here and are refused later),
and a linear-time bound on what aliases would expand to (a 300-byte "billion laughs"
file names half a million leaves). Every refusal is a :class:`Problem` with a position.
"""

from __future__ import annotations

import yaml

from .problems import BriefingError, Problem

try:  # libyaml ships inside PyYAML's wheels; the pure-Python parser is the fallback.
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

# Nodes that aliases may add on top of the nodes actually written in the file.
MAX_ALIAS_EXPANSION = 100_000


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


def _line_col_of_char(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


def locate_key(text: str, keys: tuple[str, ...]) -> tuple[int, int]:
    """1-based line and column of the value at the mapping ``keys`` (the deepest that
    exists; 1:1 for none), read from parser events and stopping there.

    For a problem's position in a file that was loaded without its nodes (the window
    keeps none): the ``briefing`` header comes first in a briefing, so this reads a few
    dozen events where composing a large file would build a million nodes.
    """
    loader = _Loader(text)
    try:
        event = loader.get_event()
        while not isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent,
                                     yaml.ScalarEvent, yaml.StreamEndEvent)):
            event = loader.get_event()  # stream and document starts
        mark = event.start_mark
        for key in keys:
            if not isinstance(event, yaml.MappingStartEvent):
                break
            event = _value_of(loader, key)
            if event is None:
                break
            mark = event.start_mark
        return mark.line + 1, mark.column + 1
    except yaml.YAMLError:
        return 1, 1
    finally:
        loader.dispose()


def _value_of(loader: yaml.Loader, key: str) -> yaml.Event | None:
    """The first event of ``key``'s value in the mapping just started, or None."""
    while True:
        event = loader.get_event()
        if isinstance(event, yaml.MappingEndEvent):
            return None
        found = isinstance(event, yaml.ScalarEvent) and event.value == key
        _skip_node(loader, event)
        value = loader.get_event()
        if found:
            return value
        _skip_node(loader, value)


def _skip_node(loader: yaml.Loader, event: yaml.Event) -> None:
    """Read past the node that ``event`` starts."""
    depth = int(isinstance(event, yaml.CollectionStartEvent))
    while depth:
        event = loader.get_event()
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
        elif isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
