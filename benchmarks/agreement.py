"""The fast reader against the exact one, on any YAML document or on a briefing.

The readers work at the level of a briefing, but the YAML test suite and generated
scalars are mostly not briefings. So documents are also compared one level down, as
values: the fast reader's ``fastread.values`` (rapidyaml's JSON, or "step aside") against
the exact reader's nodes (``yamlread.compose``), each scalar read the ways a briefing
field reads one (as text, a number, true/false or nothing) by each reader's own
functions. Wherever the fast reader gives an answer, the exact reader must give the
same one; the fast reader may always step aside.
"""

from __future__ import annotations

import codecs
import dataclasses
from pathlib import Path
from typing import Any

import yaml

from desktop.core import fastread, textfile, validate, yamlread
from desktop.core.load import parse_document
from desktop.core.problems import BriefingError

_NAME = "generated.yaml"
_SCALAR_READS = (("text", fastread._text, validate._text),
                 ("number", fastread._number, validate._number),
                 ("flag", fastread._boolean, validate._boolean))


@dataclasses.dataclass(frozen=True, slots=True)
class Outcome:
    fast: bool  # the fast reader gave an answer
    exact: bool  # the exact reader accepted the document
    difference: str | None  # where the fast reader's answer is not the exact reader's


def compare_values(data: bytes) -> Outcome:
    """Both readers on one YAML document (UTF-8 bytes), at the level of values."""
    try:
        root = yamlread.compose(data.decode("utf-8"), _NAME)
    except (BriefingError, UnicodeDecodeError):
        root, exact = None, False
    else:
        exact = root is not None
    try:
        # Like load.py, the fast reader only ever sees text that decodes.
        fast = fastread.values(data) if exact or _decodes(data) else _STEPPED_ASIDE
    except fastread.StepAside:
        fast = _STEPPED_ASIDE
    if fast is _STEPPED_ASIDE:
        return Outcome(False, exact, None)
    if root is None:
        return Outcome(True, False, "the fast reader read a document the exact reader "
                                    "refuses")
    return Outcome(True, True, _difference(fast, root, data, "$"))


def compare_briefing(data: bytes) -> Outcome:
    """Both readers on one briefing file's bytes, as ``load.load_briefing`` runs them
    (whatever the file's size)."""
    try:
        text = textfile.decode(data, _NAME)
    except BriefingError:
        return Outcome(False, False, None)  # refused before either reader runs
    try:
        exact = parse_document(text, Path(_NAME)).briefing
    except BriefingError:
        exact = None
    fast = fastread.read(data.removeprefix(codecs.BOM_UTF8))
    if fast is None:
        return Outcome(False, exact is not None, None)
    if exact is None:
        return Outcome(True, False, "the fast reader read a briefing the exact reader "
                                    "refuses")
    return Outcome(True, True, None if fast == exact else "the briefings differ")


_STEPPED_ASIDE: Any = object()


def _decodes(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _difference(fast: Any, node: yaml.Node, data: bytes, where: str) -> str | None:
    """Where ``fast`` (JSON values) reads otherwise than ``node``, or None."""
    if type(fast) is tuple:  # a mapping: its (key, value) pairs
        return _mapping_difference(fast, node, data, where)
    if type(fast) is list:
        if not isinstance(node, yaml.SequenceNode):
            return f"{where}: a list to the fast reader, {_kind(node)} to the exact one"
        if len(fast) != len(node.value):
            return f"{where}: {len(fast)} items against {len(node.value)}"
        for index, (item, child) in enumerate(zip(fast, node.value, strict=True)):
            found = _difference(item, child, data, f"{where}[{index}]")
            if found:
                return found
        return None
    if not isinstance(node, yaml.ScalarNode):
        return f"{where}: {fast!r} to the fast reader, {_kind(node)} to the exact one"
    null = node.tag == validate._NULL
    if fast is None:
        return None if null else f"{where}: nothing to the fast reader, {node.value!r} " \
                                 f"({node.tag}) to the exact one"
    context = validate._Context(_NAME)
    for name, fast_read, exact_read in _SCALAR_READS:
        try:
            mine = fast_read(fast, data)
        except fastread.StepAside:
            continue
        theirs = validate._INVALID if null else exact_read(node, (), context)
        if theirs is validate._INVALID or type(theirs) is not type(mine) or theirs != mine:
            shown = "refused" if theirs is validate._INVALID else repr(theirs)
            return (f"{where}: as {name}, {mine!r} to the fast reader, {shown} to the exact "
                    f"one ({node.tag}, style {node.style or 'plain'})")
    return None


def _mapping_difference(fast: Any, node: yaml.Node, data: bytes, where: str) -> str | None:
    if not isinstance(node, yaml.MappingNode):
        return f"{where}: a mapping to the fast reader, {_kind(node)} to the exact one"
    keys = [key for key, _value in fast]
    if len(set(keys)) < len(keys):
        return None  # the fast reader steps aside from duplicate keys in a briefing
    context = validate._Context(_NAME)
    pairs = validate._pairs(node, (), context)  # merge keys applied, as a briefing's are
    if context.problems:
        return f"{where}: the exact reader refuses the keys: {context.problems[0].message}"
    if len(pairs) != len(fast):
        return f"{where}: {len(fast)} keys against {len(pairs)}"
    for (key, value), (key_node, value_node) in zip(fast, pairs, strict=True):
        if key != key_node.value:
            return f"{where}: key {key!r} against {key_node.value!r}"
        found = _difference(value, value_node, data, f"{where}.{key}")
        if found:
            return found
    return None


def _kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    return f"{node.value!r} ({node.tag})"
