"""Text of any length made fit for views that wrap it: break opportunities in long runs
(never inside a grapheme cluster), panes cut to what they show, one-line views clipped;
all in linear time."""

from __future__ import annotations

import re
import time
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.longtext import (
    LINE_CHARS,
    PANE_CHARS,
    RUN,
    SHORT_RUN,
    ZWSP,
    breakable,
    clipped,
    has_long_run,
    shortened,
)

FLAG = "\U0001F1F0\U0001F1FF"  # KZ: two regional indicators
THUMB = "\U0001F44D\U0001F3FD"  # a thumb and its skin tone
FAMILY = "\U0001F468\u200d\U0001F469\u200d\U0001F467"  # joined by ZWJ


def _runs(text: str) -> list[int]:
    """Lengths of the stretches between spaces and breaks."""
    return [len(piece) for piece in text.replace(ZWSP, " ").split()]


@pytest.mark.parametrize("unit", ["x", "中", "ب", "e\u0301", FLAG, THUMB, FAMILY, "한"])
def test_a_long_run_gets_a_break_every_run_characters_and_nothing_else(unit):
    text = unit * 5_000
    broken = breakable(text)
    assert broken.text.replace(ZWSP, "") == text
    assert broken.inserted and max(_runs(broken.text)) <= RUN + len(unit)
    for at in broken.inserted:  # never inside a cluster: the unit repeats whole
        assert at % len(unit) == 0, (unit, at)


def test_short_runs_and_spaced_text_are_left_as_they_are():
    sha256s = "f" * 64 + " " + "0" * 64
    for text in ("", "x" * SHORT_RUN, "word " * 10_000, "a1b2c3 " * 5_000, sha256s):
        assert breakable(text).text == text and breakable(text).inserted == ()


@given(st.text(min_size=0, max_size=400))
def test_removing_the_breaks_gives_the_text_back_and_marks_map_onto_it(text):
    broken = breakable(text)
    assert broken.text.replace(ZWSP, "") == text.replace(ZWSP, "")
    for position in range(len(text) + 1):  # a span's ends land on the same characters
        start, end = broken.shown(position), broken.shown(position, end=True)
        assert broken.text[start:].replace(ZWSP, "") == text[position:].replace(ZWSP, "")
        assert broken.text[:end].replace(ZWSP, "") == text[:position].replace(ZWSP, "")


def test_a_run_of_only_combining_marks_is_still_broken():
    # Nothing but marks has no cluster boundary; it is cut anyway rather than left whole
    # (whole, Qt lays it out in quadratic time).
    text = "a" + "\u0301" * 10_000
    assert max(_runs(breakable(text).text)) <= 2 * RUN + 1


def test_breaks_never_go_before_a_combining_mark_or_around_a_joiner():
    text = ("e\u0301" + THUMB + FAMILY + "x") * 2_000
    broken = breakable(text)
    for at in broken.inserted:
        before, after = text[at - 1], text[at]
        assert unicodedata.category(after) not in ("Mn", "Mc", "Me", "Sk")
        assert "\u200d" not in (before, after)


def _cpu(work, *args) -> float:  # type: ignore[no-untyped-def]
    best = float("inf")
    for _ in range(3):
        started = time.process_time()
        work(*args)
        best = min(best, time.process_time() - started)
    return best


@pytest.mark.parametrize("unit", ["x", FLAG, "e\u0301"])
def test_breaking_is_linear(unit):
    small, large = _cpu(breakable, unit * 50_000), _cpu(breakable, unit * 400_000)
    assert large < max(small, 0.002) * 8 * 3, (small, large)


def test_a_pane_gets_its_first_characters_and_the_count_of_the_rest():
    assert shortened("x" * PANE_CHARS) == ("x" * PANE_CHARS, 0)
    text, more = shortened("y" * (PANE_CHARS + 5))
    assert (text, more) == ("y" * PANE_CHARS, 5)
    text, more = shortened("e\u0301" * PANE_CHARS)  # not between a letter and its accent
    assert text.endswith("e\u0301") and len(text) + more == 2 * PANE_CHARS


def test_a_one_line_view_gets_the_start_and_the_end():
    text = "start" + "m" * 100_000 + "end"
    line = clipped(text)
    assert len(line) == LINE_CHARS and line.startswith("start") and line.endswith("end")
    assert "…" in line and clipped("short") == "short"


def test_a_long_run_is_found_at_regex_speed():
    assert has_long_run("a " * 10 + "z" * 1_000)
    assert not has_long_run(("word " * 200_000) + "z" * 999)


@given(st.lists(st.tuples(st.sampled_from([1, 499, 500, 501, 999, 1000, 1001, 1600]),
                          st.sampled_from(["", " ", "\n", "\u3000", "\t"])), max_size=8),
       st.integers(0, 700))
def test_a_long_run_is_found_wherever_it_starts(runs, offset):
    # Block by block, the search must answer as one scan of the whole text would, at
    # every alignment of the runs against the blocks.
    text = "y" * offset + " " + "".join("x" * n + gap for n, gap in runs)
    assert has_long_run(text) == (re.search(r"\S{1000,}", text) is not None)
