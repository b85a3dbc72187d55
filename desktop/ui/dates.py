"""Briefing dates (2017, 2017-11, 2017-11-29, or an interval a/b) as sortable values."""

from __future__ import annotations

import datetime
import functools


def _bounds(part: str) -> tuple[datetime.date, datetime.date]:
    pieces = [int(p) for p in part.split("-")]
    year = pieces[0]
    if len(pieces) == 1:
        return datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    month = pieces[1]
    if len(pieces) == 2:
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        return datetime.date(year, month, 1), following - datetime.timedelta(days=1)
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


def readable(text: str) -> str:
    """2017-11-29/2017-11-30 -> 29–30 Nov 2017; 2015/2016 -> 2015–2016."""
    span = date_range(text)
    if span is None:
        return text
    if "/" not in text:
        return _one(text)
    start, end = text.split("/", 1)
    if span[0].year == span[1].year and start.count("-") == 2 and end.count("-") == 2:
        if span[0].month == span[1].month:
            return f"{span[0].day}–{span[1].day} {span[1]:%b %Y}"
        return f"{span[0].day} {span[0]:%b} – {span[1].day} {span[1]:%b %Y}"
    return f"{_one(start)} – {_one(end)}" if "-" in start + end else f"{start}–{end}"


def _one(text: str) -> str:
    span = _bounds(text)[0]
    if text.count("-") == 2:
        return f"{span.day} {span:%b %Y}"
    if text.count("-") == 1:
        return f"{span:%b %Y}"
    return text
