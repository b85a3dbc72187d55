"""A fast reader for the usual case: a valid briefing written in ordinary YAML.

The exact reader (libyaml's composer, then ``validate.py``) builds a Python node, with
its line and column, for every value: a million of them for a 50,000-entry briefing
(benchmarks/bench_open_large.py times both readers). Positions only matter when
something is wrong. So valid files are first
read by rapidyaml, a C++ parser that turns the whole document into JSON in one call,
and the JSON into the model with the same field rules the validator uses (``rules.py``).

This reader never reports a problem. It either returns exactly the briefing the exact
reader would return, or None, and the caller reads the file the exact way, which finds
the problem (if there is one) with its position. Two gates make sure of that:

- The syntax: rapidyaml only sees files written entirely in the subset of YAML that
  ``yamlsubset.py`` describes, a whitelist of what the two parsers read alike (block
  collections, ordinary plain and quoted scalars, one-line flow collections, plain
  block scalars); anything else steps aside, however harmless.
- The values: the JSON cannot show how YAML 1.1 resolves a plain scalar, so text
  that libyaml reads as something else (``~``, ``Null``, ``=``, ``<<``, ``.NaN``, which
  rapidyaml writes as ``.nan``), numbers written in ways YAML 1.1 reads as text or that
  rapidyaml rewrites (``.5`` as ``0.5``), and anything the rules refuse (a duplicate or
  unknown key, a missing field, an empty list item, a pattern or date that fails) step
  aside too.

``values`` is the first half on its own, for any YAML document: what
``benchmarks/readers_agree.py`` holds against the exact reader on the YAML test suite and
on generated documents. ``tests/core/test_fastread.py`` holds the two readers to the same
answers on the seed, on generated briefings written in many YAML styles, on mutated files
and on each difference between the parsers found so far.
"""

from __future__ import annotations

import itertools
import json
import os
import re
import typing
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

from . import yamlsubset
from .model import Briefing
from .numeric import read_number
from .rules import FieldRule, field_rules, text_fault, type_kind

try:  # an accelerator only: without it every file takes the exact path
    import ryml
except ImportError:  # pragma: no cover - rapidyaml has wheels wherever PySide6 has
    ryml = None

# Files smaller than this parse exactly in no time to speak of; the fast path would only
# add rapidyaml's import to start-up.
MIN_BYTES = 256 * 1024

_YAML11_FLOAT = re.compile(r"-?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?")
# Plain scalars YAML 1.1 resolves to something other than text and rapidyaml writes
# out as text: null, a merge key, the "value" key, and the special floats (which
# rapidyaml also rewrites: .NaN becomes ".nan"). Quoted, they are text to both, but the
# JSON no longer says which they were.
_NOT_TEXT = frozenset(("~", "Null", "NULL", "=", "<<", *(
    sign + "." + "".join(letters) for sign in ("", "-", "+") for word in ("inf", "nan")
    for letters in itertools.product(*((c, c.upper()) for c in word)))))


class StepAside(Exception):
    """The fast reader cannot vouch for this file; the exact reader takes over."""


class _IntText(str):
    """A JSON integer as written; rapidyaml writes plain decimal integers unchanged."""

    __slots__ = ()


class _FloatText(str):
    """A JSON float as rapidyaml wrote it (it may have added a 0 before or after a dot)."""

    __slots__ = ()


# A JSON object comes as the tuple of its (key, value) pairs: duplicate keys stay
# visible, and a tuple is made faster than a dict or a list subclass.
_decode = json.JSONDecoder(object_pairs_hook=tuple, parse_int=_IntText,
                           parse_float=_FloatText).decode


def read(data: bytes) -> Briefing | None:
    """The briefing in ``data`` (UTF-8, any BOM already removed), or None to mean "read
    it the exact way"; never an exception for bad input."""
    try:
        return typing.cast(Briefing, _converter(Briefing)(values(data), data))
    except (StepAside, ValueError, RecursionError):  # the last two: never expected
        return None


def values(data: bytes) -> Any:
    """The document in ``data`` (UTF-8, no BOM) as rapidyaml reads it, in JSON values:
    mappings as tuples of (key, value) pairs, lists as lists, numbers as the text
    rapidyaml wrote; or StepAside where the exact reader must decide."""
    if ryml is None:
        raise StepAside
    if b"\r" in data:  # CRLF is read as LF by both; a lone CR is left for the gate to refuse
        data = data.replace(b"\r\n", b"\n")
    if not yamlsubset.within(data):
        raise StepAside
    try:
        with _stderr_silenced():  # rapidyaml prints its own errors to fd 2
            pieces = [(_parse(chunk), continues) for chunk, continues in _chunks(data)]
    except (ValueError, RecursionError, OSError, ryml.ExceptionBasic):
        raise StepAside from None
    if len(pieces) == 1:
        return pieces[0][0]
    pairs: list[tuple[str, Any]] = []  # pieces are only ever cut from a top-level mapping
    for piece, continues in pieces:
        if type(piece) is not tuple:
            raise StepAside
        if continues:  # more items of the list the previous piece ended in
            key, items = piece[0] if len(piece) == 1 else (None, None)
            if not pairs or key != pairs[-1][0] or type(items) is not list or (
                    type(pairs[-1][1]) is not list):
                raise StepAside
            pairs[-1][1].extend(items)
        else:
            pairs.extend(piece)
    return tuple(pairs)


def _parse(chunk: bytes) -> Any:
    tree = ryml.parse_in_arena(chunk)
    emitted = ryml.emit_json_malloc(tree, tree.root_id())
    del tree
    if not isinstance(emitted, str):  # an empty document
        raise StepAside
    return _decode(emitted)


# Chunks of about this size keep each call into rapidyaml and json (which hold the
# interpreter's lock throughout) short, so a window loading in a thread stays live; they
# also read a little faster than larger ones.
CHUNK_BYTES = 1 << 19
_TOP_KEY_LINE = re.compile(rb"^[A-Za-z_]", re.MULTILINE)  # briefing keys are identifiers
_FIRST_ITEM = re.compile(rb"^( *)- ", re.MULTILINE)


def _chunks(data: bytes) -> Iterator[tuple[bytes, bool]]:
    """The document as pieces that parse on their own: its top-level entries, and the
    long lists among them cut between items, each later piece with its key written
    again and marked as continuing the list.

    A cut can only fall inside a multi-line quoted scalar or flow collection if the
    file puts one of its lines where a top-level key or a list item would start; the
    piece before the cut then ends in an unclosed quote or bracket and fails to parse,
    and the file goes to the exact reader.
    """
    if len(data) <= CHUNK_BYTES:
        yield data, False
        return
    starts = [m.start() for m in _TOP_KEY_LINE.finditer(data)]
    if not starts or not _only_comments(data[:starts[0]]):
        yield data, False  # not a plain top-level mapping: in one piece, as it is
        return
    starts.append(len(data))
    for begin, end in itertools.pairwise(starts):
        if end - begin <= CHUNK_BYTES:
            yield data[begin:end], False
            continue
        key_end = data.index(b"\n", begin) + 1
        first = _FIRST_ITEM.search(data, key_end, end)
        if first is None or not _only_comments(data[key_end:first.start()]):
            yield data[begin:end], False  # not a list: a mapping is read whole
            continue
        key_line = data[begin:key_end]
        item = re.compile(rb"^" + re.escape(first.group(1)) + rb"- ", re.MULTILINE)
        cut = begin
        while end - cut > CHUNK_BYTES:
            at = item.search(data, cut + CHUNK_BYTES, end)
            if at is None:
                break
            yield (data[cut:at.start()] if cut == begin
                   else key_line + data[cut:at.start()]), cut != begin
            cut = at.start()
        yield (data[cut:end] if cut == begin else key_line + data[cut:end]), cut != begin


def _only_comments(text: bytes) -> bool:
    return all(not line.strip() or line.lstrip().startswith(b"#")
               for line in text.splitlines())


@contextmanager
def _stderr_silenced() -> Iterator[None]:
    """Send fd 2 to a file for the duration; replay it unless rapidyaml failed.

    rapidyaml writes each error to stderr before raising; on a bad file that text
    would land in the middle of a command's one-line message. Output other threads write
    meanwhile is kept when the parse succeeds.
    """
    import tempfile

    try:
        saved = os.dup(2)
    except OSError:  # no stderr at all: nothing to protect
        yield
        return
    failed = True
    try:
        with tempfile.TemporaryFile() as sink:
            os.dup2(sink.fileno(), 2)
            try:
                yield
                failed = False
            finally:
                os.dup2(saved, 2)
            if not failed:
                sink.seek(0)
                captured = sink.read()
                if captured:
                    os.write(2, captured)
    finally:
        os.close(saved)


# --- converters: JSON values -> model values, or StepAside ------------------------------

Converter = Callable[[Any, bytes], Any]


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
    fields = {name: (rule, _converter(rule.type), _checker(rule))
              for name, rule in rules.items()}
    required = frozenset(name for name, rule in rules.items() if rule.required)
    # Most values are text needing at most a non-blank check, or lists of such text
    # (every `source`): those are checked inline, the rest through their converters.
    texts = {name: rule.min_length for name, rule in rules.items()
             if fields[name][1] is _text and rule.pattern is None and not rule.arithmetic}
    text_lists = {name: (rule.min_items, rule.min_length) for name, rule in rules.items()
                  if type_kind(rule.type) == ("list", str)}

    def convert(value: Any, data: bytes) -> Any:
        if type(value) is not tuple:
            raise StepAside
        values = {}
        nulls: list[str] = []
        for key, item in value:
            if key in values:
                raise StepAside  # a duplicate key
            kind = type(item)
            if kind is str and key in texts:
                if item in _NOT_TEXT or len(item.strip()) < texts[key]:
                    raise StepAside
                values[key] = item
                continue
            if kind is list and key in text_lists:
                min_items, min_length = text_lists[key]
                texts_read = tuple([t if type(t) is str and t not in _NOT_TEXT
                                    else _text(t, data) for t in item])
                # min over map runs in C: these lists are every entry's `source`
                if len(texts_read) < min_items or (min_length and texts_read and min(
                        map(len, map(str.strip, texts_read))) < min_length):
                    raise StepAside
                values[key] = texts_read
                continue
            field = fields.get(key)
            if field is None:
                raise StepAside  # an unknown key
            rule, to_model, check = field
            if item is None:
                if rule.required and not rule.nullable:
                    raise StepAside
                nulls.append(key)
            elif check is None:
                values[key] = to_model(item, data)
            else:
                values[key] = check(to_model(item, data))
        # As in the exact reader, a field given null counts as absent; keys must be unique.
        if not required.issubset(values) or (nulls and (
                len(set(nulls)) < len(nulls) or not values.keys().isdisjoint(nulls))):
            raise StepAside
        return cls(**values)

    return convert


def _checker(rule: FieldRule) -> Callable[[Any], Any] | None:
    """The field-level checks validate._field_value makes, as a function that returns
    the value or declines; None if there are none."""
    min_items, min_length = rule.min_items, rule.min_length
    if not (min_items or min_length or rule.pattern is not None):
        return None

    def check(value: Any) -> Any:
        if min_items and len(value) < min_items:
            raise StepAside
        if type(value) is str:
            if text_fault(rule, value) is not None:
                raise StepAside
        elif min_length and type(value) is tuple and any(
                type(item) is str and len(item.strip()) < min_length for item in value):
            raise StepAside
        return value

    return check


def _sequence_converter(item: Converter) -> Converter:
    def convert(value: Any, data: bytes) -> Any:
        if type(value) is not list or None in value:  # None: an empty list item
            raise StepAside
        return tuple([item(v, data) for v in value])

    return convert


def _literal_converter(options: tuple[Any, ...]) -> Converter:
    texts = frozenset(o for o in options if isinstance(o, str))
    integers = {str(o): o for o in options if isinstance(o, int)}

    def convert(value: Any, data: bytes) -> Any:
        kind = type(value)
        if kind is str and value in texts:
            return value
        if kind is _IntText and value in integers:
            return integers[value]
        raise StepAside

    return convert


def _text(value: Any, data: bytes) -> Any:
    kind = type(value)
    if kind is str:
        if value in _NOT_TEXT:
            raise StepAside
        return value
    if kind is _IntText:
        return str(value)  # a plain 2017 is text here as written, like the exact reader
    raise StepAside


def _number(value: Any, data: bytes) -> Any:
    # read_number's bounds are the exact reader's; out of bounds it raises NumberFault,
    # a ValueError, which read() takes as stepping aside.
    kind = type(value)
    if kind is _IntText:
        return read_number(value, int)
    if kind is _FloatText and _YAML11_FLOAT.fullmatch(value):
        # rapidyaml writes a plain -.5 (text to YAML 1.1) as -0.5: only trust a "-0."
        # when the file holds no "-." that it could have come from.
        if value.startswith("-0.") and b"-." in data:
            raise StepAside
        return read_number(value, float)
    raise StepAside


def _boolean(value: Any, data: bytes) -> Any:
    if value is True or value is False:
        return value
    raise StepAside
