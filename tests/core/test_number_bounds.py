"""Numbers out of bounds are refused by both readers, one problem each at its place, and
whatever numbers a file holds, what comes after the readers (check) never fails on them."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml
from conftest import SEED_ARTICLE, SEED_BRIEFING
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core import fastread, load
from desktop.core.load import load_document, parse_document
from desktop.core.problems import BriefingError
from desktop.core.provenance import check_document

SEED_TEXT = SEED_BRIEFING.read_text(encoding="utf-8")
STATED = "value: 441.4"  # the seed's first figure, stated in its excerpt
ARITHMETIC = "arithmetic: 441.4 / (1 + 60 / 100)"


@pytest.fixture(scope="module")
def big_briefing(tmp_path_factory) -> tuple[Path, str]:
    """A generated briefing over fastread.MIN_BYTES, so the window's reader takes the fast
    route, and the text of its first trade figure's value line."""
    from generate_briefing import write

    path = write(2000, tmp_path_factory.mktemp("big") / "big.yaml")
    text = path.read_text(encoding="utf-8")
    assert len(text.encode()) >= fastread.MIN_BYTES
    first = next(line for line in text.splitlines() if line.startswith("  value: "))
    return path, first


# (what replaces the first figure's value line, or its derived arithmetic; the problem)
HOSTILE = {
    "a 400-digit integer": (
        "  value: " + "9" * 400,
        "value: 99999999999999999999... is too long for a number (400 characters; a number "
        "has at most 15 significant digits)"),
    "a 4,000-digit integer (Python converts up to 4,300)": (
        "  value: " + "9" * 4000,
        "value: 99999999999999999999... is too long for a number (4,000 characters; a number "
        "has at most 15 significant digits)"),
    "infinity": ("  value: -.inf", "value: -.inf is not a finite number"),
    "an underflow to 0": (
        "  value: 1.0e-400",
        "value: 1.0e-400 is too close to zero (a number other than 0 is at least 10^-15 in "
        "size)"),
    "1e308": ("  value: 1.0e+308",
              "value: 1.0e+308 is too large (a number is less than 10^15 in size)"),
    "more digits than a float keeps": (
        "  value: 441.400000000000000001",
        "value: 441.400000000000000001 has 21 significant digits (a number has at most 15)"),
    "NaN from arithmetic": (
        "  derived: {arithmetic: 1e999 - 1e999}",
        "derived.arithmetic: '1e999 - 1e999': 1e999 is too large (a number is less than 10^15 "
        "in size)"),
    "a sum of 10,000 terms": (
        "  derived: {arithmetic: " + "+".join(["1"] * 10_000) + "}",
        "derived.arithmetic: the arithmetic is 19,999 characters long; at most 500"),
    "10,000 minus signs": (
        "  derived: {arithmetic: '" + "-" * 10_000 + "1'}",
        "derived.arithmetic: the arithmetic is 10,001 characters long; at most 500"),
    "an overflowing product": (
        "  derived: {arithmetic: '" + " * ".join(["999999999999999"] * 22) + "'}",
        "derived.arithmetic: '999999999999999 * 999999999999999 * 999999999999999 * 99...' "
        "overflows: a step of it is beyond the largest number a float holds (1.8e+308)"),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_big_file_with_a_number_out_of_bounds_is_refused_by_the_windows_reader(
        big_briefing, tmp_path, case):
    path, first = big_briefing
    new_line, message = HOSTILE[case]
    text = path.read_text(encoding="utf-8")
    if new_line.startswith("  derived:"):  # beside the value, which stays as it was
        new_line = f"{first}\n{new_line}"
    bad = tmp_path / "bad.yaml"
    bad.write_text(text.replace(first, new_line, 1), encoding="utf-8")
    line = text[:text.index(first)].count("\n") + 1 + new_line.count("\n")
    last = new_line.rsplit("\n", 1)[-1]
    marker = "{arithmetic: " if "derived" in last else "value: "
    column = last.index(marker) + len(marker) + 1
    # The fast reader steps aside; the exact one then reports the one problem.
    assert fastread.read(bad.read_bytes()) is None
    with pytest.raises(BriefingError) as caught:
        load.load_briefing(bad)
    assert [str(p) for p in caught.value.problems] == [
        f"{bad}:{line}:{column}: trade_statistics[0].{message}"]


def test_both_readers_take_numbers_at_the_bounds_alike(big_briefing, tmp_path):
    path, _first = big_briefing
    text = path.read_text(encoding="utf-8")
    edges = ["999999999999999", "-999999999999999", "0.000000000000001", "-1.5e-15",
             "1.23456789012345", "0"]
    lines = [line for line in text.splitlines() if line.startswith("  value: ")]
    for line, edge in zip(lines, edges, strict=False):
        text = text.replace(line + "\n", f"  value: {edge}\n", 1)
    edged = tmp_path / "edges.yaml"
    edged.write_text(text, encoding="utf-8")
    fast = fastread.read(edged.read_bytes())
    assert fast is not None
    assert fast == parse_document(text, edged).briefing
    assert [s.value for s in fast.trade_statistics[:len(edges)]] == [
        999999999999999, -999999999999999, 1e-15, -1.5e-15, 1.23456789012345, 0]


def _seed_with(tmp_path: Path, old: str, new: str) -> Path:
    (tmp_path / SEED_ARTICLE.name).write_bytes(SEED_ARTICLE.read_bytes())
    path = tmp_path / SEED_BRIEFING.name
    assert old in SEED_TEXT
    path.write_text(SEED_TEXT.replace(old, new, 1), encoding="utf-8")
    return path


def test_a_nan_result_is_no_longer_ok_whatever_the_value(tmp_path):
    path = _seed_with(tmp_path, ARITHMETIC, "arithmetic: 1e999 - 1e999")
    with pytest.raises(BriefingError) as caught:
        load_document(path)
    assert [p.message for p in caught.value.problems] == [
        "trade_statistics[1].derived.arithmetic: '1e999 - 1e999': 1e999 is too large (a "
        "number is less than 10^15 in size)"]


@pytest.mark.parametrize(("value", "arithmetic", "ok"), [
    # The value's last place decides, however small the value: 0.0000004 does not round to
    # 0.0000001 (an absolute slack of 1e-9, and 6 places for any 1e-07, let it pass).
    ("0.0000001", "0.0000004", False),
    ("0.0000001", "0.00000014", True),
    ("0.000000001", "0.000000002", False),
    ("275.9", "441.4 / (1 + 60 / 100)", True),
    ("275.8", "441.4 / (1 + 60 / 100)", False),
    ("276", "441.4 / 1.6", True),
])
def test_a_derived_value_must_round_from_its_arithmetic_at_its_own_last_place(
        tmp_path, value, arithmetic, ok):
    path = _seed_with(tmp_path, "value: 275.9", f"value: {value}")
    path.write_text(path.read_text(encoding="utf-8").replace(
        ARITHMETIC, f"arithmetic: {arithmetic}", 1), encoding="utf-8")
    problems = check_document(load_document(path))
    assert [p.message.split(":")[0] for p in problems] == (
        [] if ok else ["trade_statistics[1].derived.arithmetic"])


# Numbers as a hostile file may write them: any integer up to 500 digits, any float, and
# texts YAML 1.1 reads as floats or integers of every notation.
written_numbers = st.one_of(
    st.integers(-10 ** 500, 10 ** 500).map(str),
    st.integers(-10 ** 16, 10 ** 16).map(str),
    st.floats().map(lambda f: "-.inf" if f == -math.inf else ".inf" if f == math.inf
                    else ".nan" if math.isnan(f) else yaml.safe_dump(f).split("\n")[0]),
    st.builds(lambda m, e: f"{m}e{e:+d}", st.decimals(-10 ** 6, 10 ** 6, places=3).map(str),
              st.integers(-400, 400)),
    st.sampled_from(["0x" + "F" * 40, "0o777", "1:59:59.5", "1_000_000.5", "-0.0",
                     "1" + ":59" * 30]),
)
arithmetic_texts = st.one_of(
    st.text(alphabet="0123456789.e+-*/() ", max_size=600),
    st.lists(written_numbers, min_size=1, max_size=6).map(" * ".join),
    st.lists(written_numbers, min_size=1, max_size=6).map(" / ".join),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(written_numbers, min_size=4, max_size=4), arithmetic_texts)
def test_any_numbers_load_with_positioned_problems_or_check_without_failing(numbers,
                                                                            arithmetic):
    text = (SEED_TEXT.replace("value: 441.4", f"value: {numbers[0]}", 1)
            .replace("change: {value: 60", f"change: {{value: {numbers[1]}", 1)
            .replace("value: 275.9", f"value: {numbers[2]}", 1)
            .replace("value: 260", f"value: {numbers[3]}", 1)
            .replace(ARITHMETIC, f"arithmetic: '{arithmetic}'", 1))
    try:
        document = parse_document(text, SEED_BRIEFING)
    except BriefingError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert problem.line >= 1 and problem.column >= 1 and "\n" not in str(problem)
            assert len(problem.message) < 300
    else:
        for stat in document.briefing.trade_statistics:
            for value in (stat.value, stat.change.value if stat.change else None):
                assert value is None or (math.isfinite(value) and abs(value) < 10 ** 15)
        for problem in check_document(document):
            assert problem.line >= 1 and "\n" not in str(problem)


@pytest.mark.parametrize(("old", "new", "problem"), [
    # A ValueError traceback (Python converts at most 4,300 digits):
    ("schema_version: 1", "schema_version: " + "9" * 5000,
     "4:17: schema_version: '999999999999999999999999999999999999...' is not one of: 1"),
    # 8.5 s converting a YAML 1.1 sexagesimal integer, then a 600,000-character line:
    ("schema_version: 1", "schema_version: 1" + ":59" * 200_000,
     "4:17: schema_version: '1:59:59:59:59:59:59:59:59:59:59:59:5...' is not one of: 1"),
    ("  place: Minsk, Belarus", "  draft: " + "9" * 5000 + "\n  place: Minsk, Belarus",
     "9:10: briefing.draft: expected true or false, found the number "
     "999999999999999999999999999999999999..."),
])
def test_a_huge_number_where_a_number_is_not_read_is_one_short_problem_at_once(old, new,
                                                                               problem):
    assert old in SEED_TEXT
    with pytest.raises(BriefingError) as caught:
        parse_document(SEED_TEXT.replace(old, new, 1), Path("huge.yaml"))
    assert [str(p) for p in caught.value.problems] == [f"huge.yaml:{problem}"]
