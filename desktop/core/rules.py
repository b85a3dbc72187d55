"""What each field of the model demands, read once from the dataclasses in ``model.py``.

Shared by the two readers of briefing YAML: the exact one (``validate.py``, over YAML
nodes, every problem with its line and column) and the fast one (``fastread.py``, over
plain values, which only ever accepts or steps aside). Keeping the rules in one place is
what lets a test hold the two to the same answers.
"""

from __future__ import annotations

import dataclasses
import datetime
import re
import types
import typing
from typing import Any, Literal

from .model import DATE_PATTERN
from .numeric import arithmetic_fault


@dataclasses.dataclass(frozen=True, slots=True)
class FieldRule:
    name: str
    type: Any
    required: bool
    nullable: bool
    min_items: int
    min_length: int
    pattern: re.Pattern[str] | None
    pattern_doc: str | None
    is_date: bool
    arithmetic: bool  # a derived figure's arithmetic: evaluated, see numeric.py


def field_rules(cls: type) -> dict[str, FieldRule]:
    """The rules of a model dataclass's fields, in declaration order."""
    hints = typing.get_type_hints(cls)
    rules = {}
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        meta = f.metadata
        pattern = meta.get("pattern")
        rules[f.name] = FieldRule(
            name=f.name,
            type=tp,
            required=f.default is dataclasses.MISSING,
            nullable=type(None) in typing.get_args(tp),
            min_items=meta.get("min_items", 0),
            min_length=meta.get("min_length", 0),
            pattern=re.compile(pattern) if pattern else None,
            pattern_doc=meta.get("pattern_doc"),
            is_date=pattern == DATE_PATTERN,
            arithmetic=meta.get("arithmetic", False),
        )
    return rules


def calendar_date_ok(text: str) -> bool:
    """Whether one side of a DATE_PATTERN value (2017, 2017-11, 2017-11-29) exists."""
    pieces = [int(p) for p in text.split("-")] + [1, 1]
    try:
        datetime.date(pieces[0], pieces[1], pieces[2])
    except ValueError:
        return False
    return True


def type_kind(tp: Any) -> tuple[str, Any]:
    """How a value of a model type is read, whichever reader reads it: ("model", class),
    ("list", item type), ("choice", options), ("number", None), ("text", None) or
    ("flag", None). ``X | None`` reads as X: None-ness belongs to the field."""
    if dataclasses.is_dataclass(tp):
        return "model", tp
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (types.UnionType, typing.Union):
        rest = [a for a in args if a is not type(None)]
        if set(rest) == {int, float}:
            return "number", None
        if len(rest) == 1 and len(args) == 2:
            return type_kind(rest[0])
        raise TypeError(f"unsupported union {tp!r}")
    if origin is tuple:
        return "list", args[0]
    if origin is Literal:
        return "choice", args
    if tp is str:
        return "text", None
    if tp is bool:
        return "flag", None
    raise TypeError(f"unsupported type {tp!r}")


def allows_none(tp: Any) -> bool:
    """Whether a model type is written ``X | None``."""
    return type(None) in typing.get_args(tp)


def text_fault(rule: FieldRule, value: str) -> str | None:
    """What is wrong with a text value of this field, as a problem message, or None."""
    if rule.min_length and len(value.strip()) < rule.min_length:
        return "must not be empty"
    if rule.arithmetic:
        # Evaluating it implies its pattern and says where and what went wrong. (The
        # pattern is for editors, and so that fastread, which checks text without a
        # pattern inline, sends this field here too.)
        return arithmetic_fault(value)
    if rule.pattern is not None and not rule.pattern.match(value):
        if rule.is_date:
            return (f"'{value}' is not a date such as 2017-11-29, 2017-11, 2017 or "
                    "2017-11-29/2017-11-30")
        wanted = rule.pattern_doc or f"text matching {rule.pattern.pattern}"
        return f"'{value}' is not {wanted}"
    if rule.is_date:
        for part in value.split("/"):
            if not calendar_date_ok(part):
                return f"'{part}' is not a real calendar date"
    return None
