"""Where source excerpts sit in the article, matching runs of whitespace loosely (Qt-free).

An excerpt may differ from the article only in whitespace (see core's normalize_space),
so a plain find is tried first and a pattern of the excerpt's words joined by ``\\s+``
second. Positions are returned as Python string indices; the Source view converts them
to Qt's UTF-16 positions.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable


def find_excerpt(article: str, excerpt: str) -> tuple[int, int] | None:
    """(start, end) of the first place the excerpt occurs, or None."""
    words = excerpt.split()
    if not words:
        return None
    exact = " ".join(words)
    at = article.find(exact)
    if at >= 0:
        return at, at + len(exact)
    match = re.search(r"\s+".join(re.escape(word) for word in words), article)
    return (match.start(), match.end()) if match else None


def find_excerpts(article: str, excerpts: Iterable[str]) -> list[tuple[int, int]]:
    """Spans of every excerpt found, in article order, without duplicates."""
    spans = {span for excerpt in excerpts if (span := find_excerpt(article, excerpt))}
    return sorted(spans)


class Utf16Offsets:
    """Python string index -> UTF-16 position, as QTextDocument counts characters.

    Only characters outside the Basic Multilingual Plane (emoji, rare scripts) take two
    UTF-16 units; an article without them needs no conversion at all.
    """

    def __init__(self, text: str) -> None:
        self._astral = ([i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
                        if _has_astral(text) else [])

    def __call__(self, index: int) -> int:
        if not self._astral:
            return index
        return index + bisect_left(self._astral, index)


def utf16_spans(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Python string positions in ``text`` -> the UTF-16 positions Qt counts in."""
    at = Utf16Offsets(text)
    return [(at(start), at(end)) for start, end in spans]


def _has_astral(text: str) -> bool:
    # encode is done in C and is much faster than a Python loop over 4 MB of text
    return len(text.encode("utf-16-le")) != 2 * len(text)
