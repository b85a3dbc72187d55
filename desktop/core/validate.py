"""YAML nodes -> the typed model, collecting every problem with its position.

The walk is driven by the dataclasses in ``model.py``: each field's type hint says what
node is expected, its metadata says what else must hold. Converters are compiled once
per type, so a 50,000-entry briefing costs one pass over its nodes.
"""

from __future__ import annotations

import difflib
import re
import typing
from collections.abc import Callable
from functools import cache
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from .model import Briefing
from .numeric import MAX_NUMBER_CHARS, NumberFault, clipped, read_number
from .problems import BriefingError, NodePath, Problem, format_path
from .rules import FieldRule, field_rules, text_fault, type_kind

_INVALID: Any = object()  # a value that failed; its problem is already recorded
_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_YAML + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_ALLOWED_TAGS = frozenset(_SCALAR_TAGS | {_YAML + "seq", _YAML + "map"})
_NULL = _YAML + "null"
_MERGE = _YAML + "merge"
_constructor = SafeConstructor()
_NUMBER_CONSTRUCTORS = {_YAML + "int": _constructor.construct_yaml_int,
                        _YAML + "float": _constructor.construct_yaml_float}


class _Context:
    __slots__ = ("name", "problems")

    def __init__(self, name: str) -> None:
        self.name = name
        self.problems: list[Problem] = []

    def report(self, node: yaml.Node, path: NodePath, message: str) -> Any:
        mark = node.start_mark
        where = format_path(path)
        text = f"{where}: {message}" if where else message
        self.problems.append(Problem(self.name, mark.line + 1, mark.column + 1, text))
        return _INVALID


Converter = Callable[[yaml.Node, NodePath, _Context], Any]


def to_briefing(node: yaml.Node | None, name: str) -> Briefing:
    """The briefing a document's root node describes, or BriefingError with all problems."""
    if node is None:
        raise BriefingError([Problem(
            name, 1, 1, "file is empty; a briefing is a mapping with schema_version, "
            "briefing and the list sections")])
    context = _Context(name)
    if not isinstance(node, yaml.MappingNode):
        context.report(node, (), f"expected a mapping of sections at the top level, found "
                                 f"{_describe(node)}")
    elif _tag_ok(node, context, ()):
        result = _converter(Briefing)(node, (), context)
        if not context.problems and result is not _INVALID:
            return typing.cast(Briefing, result)
    context.problems.sort(key=lambda p: (p.line, p.column))
    raise BriefingError(context.problems)


# --- converters -------------------------------------------------------------------------

@cache
def _converter(tp: Any) -> Converter:
    kind, arg = type_kind(tp)
    if kind == "model":
        return _dataclass_converter(arg)
    if kind == "list":
        return _sequence_converter(_converter(arg))
    if kind == "choice":
        return _literal_converter(arg)
    return {"number": _number, "text": _text, "flag": _boolean}[kind]


def _dataclass_converter(cls: type) -> Converter:
    rules = field_rules(cls)
    converters = {name: _converter(rule.type) for name, rule in rules.items()}
    allowed = ", ".join(rules)
    what = _entity_name(cls)

    def convert(node: yaml.Node, path: NodePath, ctx: _Context) -> Any:
        if not isinstance(node, yaml.MappingNode):
            return ctx.report(node, path, f"expected a mapping ({what}), found "
                                          f"{_describe(node)}")
        if not _tag_ok(node, ctx, path):
            return _INVALID
        values: dict[str, Any] = {}
        failed = False
        for key_node, value_node in _pairs(node, path, ctx):
            key = key_node.value
            rule = rules.get(key)
            if rule is None:
                close = difflib.get_close_matches(key, rules, n=1)
                hint = f"did you mean '{close[0]}'?" if close else f"allowed: {allowed}"
                ctx.report(key_node, path, f"unknown field '{key}' in {what} ({hint})")
                failed = True
                continue
            value = _field_value(rule, converters[key], value_node, path + (key,), ctx)
            if value is _INVALID:
                failed = True
            elif value is not None:
                values[key] = value
        for rule in rules.values():
            if rule.required and rule.name not in values and not failed_field(rule, node):
                ctx.report(node, path, f"missing required field '{rule.name}' in {what}")
                failed = True
        if failed:
            return _INVALID
        return cls(**values)

    def failed_field(rule: FieldRule, node: yaml.MappingNode) -> bool:
        # A field that is present but wrong already has its own problem.
        return any(k.value == rule.name for k, _ in node.value
                   if isinstance(k, yaml.ScalarNode))

    return convert


def _field_value(rule: FieldRule, convert: Converter, node: yaml.Node, path: NodePath,
                 ctx: _Context) -> Any:
    tag = node.tag
    if tag not in _ALLOWED_TAGS:
        _tag_ok(node, ctx, path)  # reports it
        return _INVALID
    if tag == _NULL:
        if rule.required and not rule.nullable:
            return ctx.report(node, path, "missing value")
        return None
    value = convert(node, path, ctx)
    if value is _INVALID:
        return value
    if rule.min_items and len(value) < rule.min_items:
        return ctx.report(node, path, f"needs at least {rule.min_items} item"
                                      f"{'s' if rule.min_items > 1 else ''}")
    if isinstance(value, str):
        return _check_text(rule, value, node, path, ctx)
    if rule.min_length and isinstance(value, tuple):
        for index, (item, item_node) in enumerate(zip(value, node.value, strict=True)):
            if isinstance(item, str) and len(item.strip()) < rule.min_length:
                ctx.report(item_node, path + (index,), "must not be empty")
                value = _INVALID
    return value


def _check_text(rule: FieldRule, value: str, node: yaml.Node, path: NodePath,
                ctx: _Context) -> Any:
    fault = text_fault(rule, value)
    return value if fault is None else ctx.report(node, path, fault)


def _pairs(node: yaml.MappingNode, path: NodePath,
           ctx: _Context) -> list[tuple[yaml.ScalarNode, yaml.Node]]:
    """Key/value pairs with merge keys (``<<``) applied and duplicate keys refused."""
    explicit: list[tuple[yaml.ScalarNode, yaml.Node]] = []
    merged: list[tuple[yaml.ScalarNode, yaml.Node]] = []
    seen: dict[str, yaml.Node] = {}
    for key_node, value_node in node.value:
        if key_node.tag == _MERGE:
            sources = value_node.value if isinstance(value_node, yaml.SequenceNode) else [
                value_node]
            for source in sources:
                if not isinstance(source, yaml.MappingNode):
                    ctx.report(source, path, "a merge key (<<) takes a mapping or a list "
                                             "of mappings")
                    continue
                merged.extend(_pairs(source, path, ctx))
            continue
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in (
                _YAML + "str", _YAML + "int", _YAML + "bool", _YAML + "null"):
            ctx.report(key_node, path, f"keys must be plain text, found {_describe(key_node)}")
            continue
        first = seen.get(key_node.value)
        if first is not None:
            ctx.report(key_node, path, f"duplicate key '{key_node.value}' (first at "
                                       f"{first.start_mark.line + 1}:"
                                       f"{first.start_mark.column + 1})")
            continue
        seen[key_node.value] = key_node
        explicit.append((key_node, value_node))
    explicit.extend(pair for pair in merged if pair[0].value not in seen)
    return explicit


def _sequence_converter(item: Converter) -> Converter:
    def convert(node: yaml.Node, path: NodePath, ctx: _Context) -> Any:
        if not isinstance(node, yaml.SequenceNode):
            return ctx.report(node, path, f"expected a list, found {_describe(node)}")
        if not _tag_ok(node, ctx, path):
            return _INVALID
        out = []
        ok = True
        for index, child in enumerate(node.value):
            if not _tag_ok(child, ctx, path + (index,)):
                ok = False
                continue
            if _is_null(child):
                ctx.report(child, path + (index,), "empty list item")
                ok = False
                continue
            value = item(child, path + (index,), ctx)
            if value is _INVALID:
                ok = False
            out.append(value)
        return tuple(out) if ok else _INVALID

    return convert


def _literal_converter(options: tuple[Any, ...]) -> Converter:
    listed = ", ".join(str(o) for o in options)

    def convert(node: yaml.Node, path: NodePath, ctx: _Context) -> Any:
        if not isinstance(node, yaml.ScalarNode):
            return ctx.report(node, path, f"expected one of: {listed}; found "
                                          f"{_describe(node)}")
        if not _tag_ok(node, ctx, path):
            return _INVALID
        for option in options:
            if isinstance(option, int) and node.tag == _YAML + "int":
                # Converted only when short: a long integer is not the option, and
                # converting it can take long or raise (see numeric.MAX_NUMBER_CHARS).
                if len(node.value) <= MAX_NUMBER_CHARS and (
                        _constructor.construct_yaml_int(node) == option):
                    return option
            elif node.value == str(option):
                return option
        close = difflib.get_close_matches(node.value, [str(o) for o in options], n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        return ctx.report(node, path,
                          f"'{clipped(node.value, 40)}' is not one of: {listed}{hint}")

    return convert


def _text(node: yaml.Node, path: NodePath, ctx: _Context) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return ctx.report(node, path, f"expected text, found {_describe(node)}")
    if node.tag != _YAML + "str" and not _tag_ok(node, ctx, path):
        return _INVALID
    # A plain 2017 or NO is text here as written: nobody means Norway as `false`.
    return node.value


def _number(node: yaml.Node, path: NodePath, ctx: _Context) -> Any:
    if not isinstance(node, yaml.ScalarNode):
        return ctx.report(node, path, f"expected a number, found {_describe(node)}")
    if not _tag_ok(node, ctx, path):
        return _INVALID
    construct = _NUMBER_CONSTRUCTORS.get(node.tag)
    if construct is not None:
        try:
            return read_number(node.value, lambda _written: construct(node))
        except NumberFault as exc:
            return ctx.report(node, path, str(exc))
        except (ConstructorError, ValueError):
            pass
    hint = " (remove the quotes)" if node.style in ("'", '"') else ""
    return ctx.report(node, path, f"expected a number, found {_describe(node)}{hint}")


def _boolean(node: yaml.Node, path: NodePath, ctx: _Context) -> Any:
    if isinstance(node, yaml.ScalarNode) and node.tag == _YAML + "bool":
        return _constructor.construct_yaml_bool(node)
    return ctx.report(node, path, f"expected true or false, found {_describe(node)}")


def _tag_ok(node: yaml.Node, ctx: _Context, path: NodePath) -> bool:
    tag = node.tag
    if tag in _ALLOWED_TAGS:
        return True
    shown = "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag
    ctx.report(node, path, f"tag '{shown}' is not allowed; briefings use plain YAML "
                           "values only")
    return False


def _is_null(node: yaml.Node) -> bool:
    return node.tag == _NULL  # the resolver gives this tag to scalars only


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    tag = node.tag
    if tag == _YAML + "str":
        shown = node.value if len(node.value) <= 40 else node.value[:37] + "..."
        return f"text '{shown}'"
    if tag in (_YAML + "int", _YAML + "float"):
        return f"the number {clipped(node.value, 40)}"
    if tag == _YAML + "bool":
        return f"'{node.value}' (true/false)"
    if tag == _YAML + "null":
        return "nothing"
    if tag == _YAML + "timestamp":
        return f"the date {node.value}"
    return f"a value tagged '{tag}'"


def _entity_name(cls: type) -> str:
    if cls.__name__ == "Header":
        return "the briefing section"
    return re.sub(r"(?<!^)(?=[A-Z])", " ", cls.__name__).lower()
