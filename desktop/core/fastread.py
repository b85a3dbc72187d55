"""A fast reader for the usual case: a valid briefing written in ordinary YAML.

The exact reader (libyaml's composer, then ``validate.py``) builds a Python node, with
its line and column, for every value: a million of them for a 50,000-entry briefing,
2.5 s in all. Positions only matter when something is wrong. So valid files are first
read by rapidyaml, a C++ parser that turns the whole document into JSON in one call,
and the JSON into the model with the same field rules the validator uses (``rules.py``).

This reader never reports a problem. It either returns exactly the briefing the exact
reader would return, or None, and the caller reads the file the exact way, which finds
the problem (if there is one) with its position. Where the two parsers can differ, it
steps aside rather than guess:

- YAML it does not take at all: tabs, control and other characters libyaml refuses or
  reads as line breaks, document markers and directives, anchors, aliases, tags,
  escapes that can make surrogates or control characters; and at the start of a
  token, ``?`` (a key indicator in flow collections to YAML 1.1 even before a letter)
  and the characters libyaml refuses there and rapidyaml reads as text (``] } @ `
  %``, and ``:`` in a flow collection).
- Values whose YAML 1.1 meaning the JSON cannot show: ``~``, ``Null`` and ``NULL``
  (null to libyaml, text to rapidyaml), text where a number, true or false is expected,
  numbers where text is expected unless written as plain decimal integers (rapidyaml
  writes ``.5`` as ``0.5``), and floats written in ways YAML 1.1 reads as text.
- Anything the rules refuse: a duplicate or unknown key, a missing field, an empty
  list item, a pattern or date that fails.

``tests/core/test_fastread.py`` holds the two readers to the same answers on the seed,
on generated briefings written in many YAML styles, and on mutated files.
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

from .model import Briefing
from .numeric import read_number
from .rules import FieldRule, field_rules, text_fault, type_kind

try:  # an accelerator only: without it every file takes the exact path
    import ryml
except ImportError:  # pragma: no cover - rapidyaml has wheels wherever PySide6 has
    ryml = None

# Files smaller than this parse exactly in a few milliseconds; the fast path would only
# add rapidyaml's import to start-up.
MIN_BYTES = 256 * 1024

# Bytes libyaml refuses outright (C0 controls, DEL) or that need a closer look (tab, CR).
_CONTROLS = bytes(range(0x20)).translate(None, b"\n") + b"\x7f"
_NOT_CONTROLS = bytes(range(256)).translate(None, _CONTROLS)
# Anchors, aliases and tags; and "?", which YAML 1.1 reads as a key indicator in flow
# collections even before a letter ([?a] is a mapping to libyaml, text to rapidyaml).
_INDICATOR = re.compile(rb"(?:^|[\s\[\]{},])(?:[&*][^\s]|[!?])", re.MULTILINE)
# Characters libyaml refuses at the start of a plain scalar and rapidyaml takes as text.
_BAD_START = re.compile(rb"[\]}@`%]")
_TOKEN_BEFORE = frozenset(b"\n[{,:?-")
_FLOW_COLON = re.compile(rb"[\[{,] *:")  # [:x] is text to rapidyaml, an error to libyaml
_MARKERS = re.compile(rb"^(?:---|\.\.\.)(?![^\s])|^%", re.MULTILINE)

_YAML11_FLOAT = re.compile(r"-?[0-9]+\.[0-9]*(?:[eE][-+][0-9]+)?")
_YAML11_NULLS = frozenset(("~", "Null", "NULL"))


class _Decline(Exception):
    """The fast reader cannot vouch for this file; the exact reader takes over."""


class _Pairs(list):  # type: ignore[type-arg]
    """A JSON object as its (key, value) pairs: keeps duplicate keys visible."""

    __slots__ = ()


class _IntText(str):
    """A JSON integer as written; rapidyaml writes plain decimal integers unchanged."""

    __slots__ = ()


class _FloatText(str):
    """A JSON float as rapidyaml wrote it (it may have added a 0 before or after a dot)."""

    __slots__ = ()


_decode = json.JSONDecoder(object_pairs_hook=_Pairs, parse_int=_IntText,
                           parse_float=_FloatText).decode


def read(data: bytes) -> Briefing | None:
    """The briefing in ``data`` (UTF-8, any BOM already removed), or None to mean "read
    it the exact way"; never an exception for bad input."""
    if ryml is None or not _plain_enough(data):
        return None
    try:
        root = _Pairs()
        with _stderr_silenced():  # rapidyaml prints its own errors to fd 2
            for chunk, continues in _chunks(data):
                pairs = _parse(chunk)
                if continues:  # more items of the list the previous chunk ended in
                    key, items = pairs[0] if len(pairs) == 1 else (None, None)
                    if key != root[-1][0] or type(items) is not list or (
                            type(root[-1][1]) is not list):
                        return None
                    root[-1][1].extend(items)
                else:
                    root.extend(pairs)
        return typing.cast(Briefing, _converter(Briefing)(root, data))
    except (_Decline, ValueError, RecursionError, OSError, ryml.ExceptionBasic):
        return None


def _parse(chunk: bytes) -> _Pairs:
    tree = ryml.parse_in_arena(chunk)
    emitted = ryml.emit_json_malloc(tree, tree.root_id())
    del tree
    if not isinstance(emitted, str):  # an empty document
        raise _Decline
    pairs = _decode(emitted)
    if type(pairs) is not _Pairs:
        raise _Decline
    return pairs


# Chunks of about this size keep each call into rapidyaml and json (which hold the
# interpreter's lock throughout) to ~30 ms, so a window loading in a thread stays live.
CHUNK_BYTES = 1 << 20
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


def _plain_enough(data: bytes) -> bool:
    """Whether ``data`` holds none of the YAML where the two parsers may differ.

    Each check starts with a one-byte search (memchr speed, a fraction of a millisecond
    for 13 MB) and only then looks closer, so a plain file costs a few milliseconds.
    """
    controls = data.translate(None, _NOT_CONTROLS)  # tabs, CRs and refused controls
    if controls and (controls.strip(b"\r") or re.search(rb"\r(?!\n)", data)):
        return False
    if b"\xc2" in data and re.search(rb"\xc2[\x80-\x9f]", data):
        return False  # C1 controls, and NEL, a line break to libyaml only
    if b"\xe2" in data and (b"\xe2\x80\xa8" in data or b"\xe2\x80\xa9" in data):
        return False  # LS and PS: line breaks to libyaml only
    if b"\xef" in data and (b"\xef\xbf\xbe" in data or b"\xef\xbf\xbf" in data):
        return False
    if b"\\" in data and re.search(rb"\\[xuU]", data):
        return False
    if (b"&" in data or b"*" in data or b"!" in data or b"?" in data) and (
            _INDICATOR.search(data)):
        return False
    for match in _BAD_START.finditer(data):
        before = data.rfind(b"\n", 0, match.start()) + 1
        prefix = data[before:match.start()].rstrip(b" ")
        if not prefix or prefix[-1] in _TOKEN_BEFORE:
            return False
    if (b"[" in data or b"{" in data) and _FLOW_COLON.search(data):
        return False
    return not (data.startswith((b"---", b"...", b"%")) or b"\n---" in data
                or b"\n..." in data or b"\n%" in data) or not _MARKERS.search(data)


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


# --- converters: JSON values -> model values, or _Decline ------------------------------

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
             if fields[name][1] is _text and rule.pattern is None}
    text_lists = {name: (rule.min_items, rule.min_length) for name, rule in rules.items()
                  if type_kind(rule.type) == ("list", str)}

    def convert(value: Any, data: bytes) -> Any:
        if type(value) is not _Pairs:
            raise _Decline
        values = {}
        nulls: list[str] = []
        for key, item in value:
            if key in values:
                raise _Decline  # a duplicate key
            kind = type(item)
            if kind is str and key in texts:
                if item in _YAML11_NULLS or len(item.strip()) < texts[key]:
                    raise _Decline
                values[key] = item
                continue
            if kind is list and key in text_lists:
                min_items, min_length = text_lists[key]
                texts_read = tuple([t if type(t) is str and t not in _YAML11_NULLS
                                    else _text(t, data) for t in item])
                if len(texts_read) < min_items or (min_length and any(
                        len(t.strip()) < min_length for t in texts_read)):
                    raise _Decline
                values[key] = texts_read
                continue
            field = fields.get(key)
            if field is None:
                raise _Decline  # an unknown key
            rule, to_model, check = field
            if item is None:
                if rule.required and not rule.nullable:
                    raise _Decline
                nulls.append(key)
            else:
                values[key] = check(to_model(item, data))
        # As in the exact reader, a field given null counts as absent; keys must be unique.
        if not required.issubset(values) or (nulls and (
                len(set(nulls)) < len(nulls) or not values.keys().isdisjoint(nulls))):
            raise _Decline
        return cls(**values)

    return convert


def _checker(rule: FieldRule) -> Callable[[Any], Any]:
    """The field-level checks validate._field_value makes, as a function that returns
    the value or declines."""
    min_items, min_length = rule.min_items, rule.min_length
    if not (min_items or min_length or rule.pattern is not None):
        return _same

    def check(value: Any) -> Any:
        if min_items and len(value) < min_items:
            raise _Decline
        if type(value) is str:
            if text_fault(rule, value) is not None:
                raise _Decline
        elif min_length and type(value) is tuple and any(
                type(item) is str and len(item.strip()) < min_length for item in value):
            raise _Decline
        return value

    return check


def _same(value: Any) -> Any:
    return value


def _sequence_converter(item: Converter) -> Converter:
    def convert(value: Any, data: bytes) -> Any:
        if type(value) is not list or None in value:  # None: an empty list item
            raise _Decline
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
        raise _Decline

    return convert


def _text(value: Any, data: bytes) -> Any:
    kind = type(value)
    if kind is str:
        if value in _YAML11_NULLS:
            raise _Decline
        return value
    if kind is _IntText:
        return str(value)  # a plain 2017 is text here as written, like the exact reader
    raise _Decline


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
            raise _Decline
        return read_number(value, float)
    raise _Decline


def _boolean(value: Any, data: bytes) -> Any:
    if value is True or value is False:
        return value
    raise _Decline
