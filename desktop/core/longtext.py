"""Text of any length, made fit for a view that wraps it (Qt-free).

A briefing's field can be one word of 100,000 characters (a hash, a pasted blob, a
hostile sender's file). Qt wraps a line "at a word boundary, or anywhere if it must" by
trying the word whole and then backing off, so an unbreakable run costs time that grows
with the square of its length: a 100,000-character word kept the detail pane busy for
over a minute. Views that wrap briefing text pass it through here first:

- :func:`shortened` keeps the first PANE_CHARS characters of a value (a pane is read, not
  scrolled through for a megabyte); the rest stays in the briefing, in the PDF and in
  what Copy copies;
- :func:`breakable` puts a zero-width space (U+200B: a line-break opportunity that shows
  nothing) after every RUN characters of a run without spaces, never inside a grapheme
  cluster (before a combining mark, around a zero-width joiner, between the two halves of
  a flag), so Qt always finds a break near the end of a line and lays out in linear time.
  Its result says where the breaks went, so marks found in the text can be moved onto it.

Both are linear in the text: one regular-expression pass, and Python work per break, not
per character.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from typing import NamedTuple

PANE_CHARS = 10_000
# A run of up to SHORT_RUN characters is left whole: a file name, a SHA-256 in hex, most
# addresses (Qt wraps those itself, cheaply). A longer one gets a break opportunity every
# RUN characters: often enough that it fills its lines to within a few characters (every
# 80 left a ragged edge). The breaks show nothing, are dropped when a pane is copied from,
# and Qt writes no glyph for them in a PDF.
SHORT_RUN = 64
RUN = 24
LINE_CHARS = 1_000  # what a one-line view (a cell, a chart label) can ever show
ZWSP = "\u200b"
_LONG_RUN = re.compile(rf"[^\s\u200b]{{{SHORT_RUN + 1},}}")
_ZWJ = "\u200d"


class Broken(NamedTuple):
    """A text with break opportunities: ``text`` as shown, and ``inserted``, the positions
    of the original text a zero-width space was put before (ascending)."""

    text: str
    inserted: tuple[int, ...]

    def shown(self, position: int, *, end: bool = False) -> int:
        """Where ``position`` of the original text is in ``text``: a start goes after a
        break put there, an ``end`` before it."""
        if not self.inserted:
            return position
        count = bisect_left if end else bisect_right
        return position + count(self.inserted, position)


def breakable(text: str, run: int = RUN) -> Broken:
    """``text`` with a break opportunity after every ``run`` characters of a run of more
    than SHORT_RUN without whitespace (see the module doc); unchanged, and cheaply, when
    it has no such run."""
    if len(text) <= SHORT_RUN:
        return Broken(text, ())
    pattern = _LONG_RUN
    pieces: list[str] = []
    inserted: list[int] = []
    done = 0
    for match in pattern.finditer(text):
        start, end = match.span()
        at = start + run
        while at < end:
            at = _cluster_boundary(text, at, end, done)
            if at >= end:
                break
            pieces.append(text[done:at])
            pieces.append(ZWSP)
            inserted.append(at)
            done = at
            at += run
    if not inserted:
        return Broken(text, ())
    pieces.append(text[done:])
    return Broken("".join(pieces), tuple(inserted))


LONG_RUN_CHARS = 1_000
_VERY_LONG_RUN = re.compile(rf"\S{{{LONG_RUN_CHARS},}}")
_SPACE = re.compile(r"\s")


def has_long_run(text: str) -> bool:
    """Whether ``text`` holds a run of LONG_RUN_CHARS characters without whitespace:
    where a view that cannot insert breaks (the article, whose positions the marks use)
    must wrap anywhere instead.

    Such a run covers a whole block of half its length at a multiple of that length, so
    only blocks with no whitespace at all are looked at closely; finding the first space
    of every other block takes a few characters each, where one scan for the run would
    try every position of the text."""
    step = LONG_RUN_CHARS // 2
    space = _SPACE.search
    for start in range(0, len(text) - step + 1, step):
        if space(text, start, start + step) is None and _VERY_LONG_RUN.search(
                text, max(0, start - LONG_RUN_CHARS), start + step + LONG_RUN_CHARS):
            return True
    return False


def shortened(text: str, limit: int = PANE_CHARS) -> tuple[str, int]:
    """The first ``limit`` characters of ``text`` (cut between grapheme clusters), and
    how many characters were left out (0: the text is whole)."""
    if len(text) <= limit:
        return text, 0
    cut = _cluster_boundary(text, limit, len(text), 0)
    if cut >= len(text):
        return text, 0
    return text[:cut], len(text) - cut


def clipped(text: str, limit: int = LINE_CHARS) -> str:
    """``text`` for a one-line view that elides it: Qt measures the whole string to
    elide it, at every paint (a 100,000-character name made each repaint of a table
    visibly slow), so it gets at most ``limit`` characters, the start and the end kept (an
    elision in the middle still shows both)."""
    if len(text) <= limit:
        return text
    half = limit // 2
    return text[:half] + "…" + text[-(limit - half - 1):]


def left_out(count: int) -> str:
    """What a view says after a shortened value."""
    return f"… ({count:,} more characters: Copy copies the whole entry)"


def _cluster_boundary(text: str, at: int, end: int, since: int) -> int:
    """The first position from ``at`` (up to ``end``) that does not split a grapheme
    cluster: not before a combining mark, a joiner, a variation selector or an emoji
    modifier, not after a joiner, not inside a flag (a pair of regional indicators,
    counted from ``since``, a position known not to be inside one). Text that is nothing
    but such characters (a hostile run of a million accents) is cut after RUN more
    characters anyway: it shows as garbage either way, and the cut keeps this linear."""
    give_up = at + RUN
    while at < end and at < give_up:
        before, after = text[at - 1], text[at]
        if _is_flag_half(before) and _is_flag_half(after):
            if _flag_halves_before(text, since, at) % 2 == 0:
                return at
        elif _may_break(before, after):
            return at
        at += 1
    return at


def _may_break(before: str, after: str) -> bool:
    if after == _ZWJ or before == _ZWJ:
        return False
    if "\u1160" <= after <= "\u11ff":
        return False  # Hangul vowel and final jamo join the syllable before them
    return unicodedata.category(after) not in ("Mn", "Mc", "Me", "Sk")


def _is_flag_half(char: str) -> bool:
    return "\U0001F1E6" <= char <= "\U0001F1FF"


def _flag_halves_before(text: str, since: int, at: int) -> int:
    """How many regional indicators stand in a row just before ``at``, back to ``since``
    at most (RUN or so characters: linear overall)."""
    count = 0
    while at - count - 1 >= since and _is_flag_half(text[at - count - 1]):
        count += 1
    return count
