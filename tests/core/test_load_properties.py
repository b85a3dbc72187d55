"""Property tests: whatever a file holds, loading either succeeds or reports positioned
problems; never another exception, never a stall."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml
from conftest import SEED_BRIEFING
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import textfile
from desktop.core.load import Document, parse_document
from desktop.core.problems import BriefingError

NAME = Path("generated.yaml")
SEED_DATA = yaml.safe_load(SEED_BRIEFING.read_text(encoding="utf-8"))
PROPERTY_SETTINGS = settings(max_examples=150, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])

awkward_text = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["\u202eRTL override", "مرحبا بالعالم", "😀🇰🇿", "\x00nul", "\x1bESC",
                     "\ufeffbom", "a\u2028b", "Нұрсұлтан", "<b>bold</b>", "x" * 100_000,
                     "*alias", "&anchor", "!!python/object:os.system", "- list", "{a: 1}"]),
)
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=True),
                    awkward_text)
values = st.recursive(scalars, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)),
    max_leaves=12)


def paths(data, prefix=()):
    yield prefix
    if isinstance(data, dict):
        for key, value in data.items():
            yield from paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from paths(value, (*prefix, index))


ALL_PATHS = [p for p in paths(SEED_DATA) if p]


@st.composite
def mutated_briefings(draw):
    data = copy.deepcopy(SEED_DATA)
    for _ in range(draw(st.integers(1, 4))):
        path = draw(st.sampled_from(ALL_PATHS))
        parent = data
        try:
            for part in path[:-1]:
                parent = parent[part]
            action = draw(st.sampled_from(["drop", "replace", "nest"]))
            if action == "drop":
                del parent[path[-1]]
            elif action == "replace":
                parent[path[-1]] = draw(values)
            else:
                parent[path[-1]] = [[[[parent[path[-1]]]]]]
        except (KeyError, IndexError, TypeError):
            continue
    return yaml.safe_dump(data, allow_unicode=draw(st.booleans()), sort_keys=False)


def assert_loads_or_reports(text: str) -> None:
    try:
        result = parse_document(text, NAME)
    except BriefingError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.file == str(NAME)
            assert problem.line >= 1 and problem.column >= 1
            assert problem.message and "\n" not in str(problem)
    else:
        assert isinstance(result, Document)


@PROPERTY_SETTINGS
@given(mutated_briefings())
def test_mutated_seed_loads_or_reports_positioned_problems(text):
    assert_loads_or_reports(text)


@PROPERTY_SETTINGS
@given(st.text(max_size=300))
def test_any_text_loads_or_reports_positioned_problems(text):
    assert_loads_or_reports(text)


@PROPERTY_SETTINGS
@given(st.binary(max_size=300))
def test_any_bytes_decode_or_report(data):
    try:
        text = textfile.decode(data, str(NAME))
    except BriefingError as exc:
        assert exc.problems[0].line >= 1
        return
    assert_loads_or_reports(text)


@PROPERTY_SETTINGS
@given(st.integers(2, 12), st.integers(2, 12))
def test_alias_fan_out_is_bounded_quickly(width, depth):
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, depth):
        refs = ", ".join([f"*a{level - 1}"] * width)
        lines.append(f"a{level}: &a{level} [{refs}]")
    assert_loads_or_reports("\n".join(lines) + "\n")
