"""Briefing dates (2017, 2017-11, 2017-11-29, or an interval a/b): read, sorted, written.

``readable`` is the one way a date is written, in every view (tables, the detail pane,
the Overview, the timeline chart, the PDF): "29–30 November 2017", "January–September
2017", "2015–2016", "31 December 2016 – 2 January 2017". Month names are written out:
a table column is wide enough for them, and one form everywhere means the window and
the printed briefing never disagree. A range of numbers takes an en dash without spaces
(29–30, 2015–2016), a range of phrases one with spaces. What is not a briefing date
(the readers refuse it; a made-up model may hold it) is written as given.
"""

from __future__ import annotations

import datetime
import functools

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def _bounds(part: str) -> tuple[datetime.date, datetime.date]:
    pieces = [int(p) for p in part.split("-")]
    year = pieces[0]
    if len(pieces) == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = pieces[1]
    if len(pieces) == 2:
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return datetime.date(year, month, 1), following - datetime.timedelta(days=1)
    if len(pieces) > 3:
        raise ValueError(part)
    day = datetime.date(year, month, pieces[2])
    return day, day


@functools.lru_cache(maxsize=4096)  # a timeline repeats its dates; parse each once
def date_range(text: str) -> tuple[datetime.date, datetime.date] | None:
    """First and last day the date covers; None when it is not a briefing date."""
    try:
        if "/" in text:
            start, end = text.split("/", 1)
            return _bounds(start)[0], _bounds(end)[1]
        return _bounds(text)
    except (ValueError, IndexError):
        return None


def sort_key(text: str | None) -> tuple[int, str]:
    """Earliest first, then the shorter span first; missing dates last."""
    if not text:
        return (1, "")
    span = date_range(text)
    if span is None:
        return (1, text)
    return (0, f"{span[0].isoformat()}|{span[1].isoformat()}")


@functools.lru_cache(maxsize=4096)  # list cells ask again at every paint
def readable(text: str) -> str:
    """2017-11-29/2017-11-30 -> 29–30 November 2017; 2015/2016 -> 2015–2016."""
    if date_range(text) is None:
        return text
    start, _, end = text.partition("/")
    a = tuple(int(p) for p in start.split("-"))
    b = tuple(int(p) for p in end.split("-")) if end else a
    if a == b:
        return _one(a)
    if len(a) == len(b):
        if len(a) == 1:
            return f"{a[0]}–{b[0]}"
        if a[0] == b[0] and len(a) == 2:
            return f"{MONTHS[a[1] - 1]}–{_one(b)}"
        if a[:2] == b[:2]:
            return f"{a[2]}–{_one(b)}"
        if a[0] == b[0]:
            return f"{a[2]} {MONTHS[a[1] - 1]} – {_one(b)}"
    return f"{_one(a)} – {_one(b)}"


def _one(parts: tuple[int, ...]) -> str:
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {MONTHS[parts[1] - 1]} {parts[0]}"
