"""Where an excerpt sits in the article, and in Qt's UTF-16 positions."""

from __future__ import annotations

from desktop.present.excerpts import Utf16Offsets, find_excerpt, find_excerpts, utf16_spans


def test_excerpt_found_exactly_and_across_different_whitespace():
    article = "One line.\nThe turnover  rose\n 60 percent. End."
    assert find_excerpt(article, "One line.") == (0, 9)
    start, end = find_excerpt(article, "The turnover rose 60 percent.")
    assert article[start:end] == "The turnover  rose\n 60 percent."
    assert find_excerpt(article, "not there") is None
    assert find_excerpts(article, ["End.", "One line.", "End."]) == [(0, 9), (42, 46)]


def test_utf16_offsets_count_astral_characters_twice():
    text = "a😀b😀c"
    offsets = Utf16Offsets(text)
    assert [offsets(i) for i in range(6)] == [0, 1, 3, 4, 6, 7]
    assert Utf16Offsets("plain Кириллица")(5) == 5
    assert utf16_spans(text, [(1, 3)]) == [(1, 4)]
