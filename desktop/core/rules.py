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
import typing
from typing import Any

from .model import DATE_PATTERN


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
