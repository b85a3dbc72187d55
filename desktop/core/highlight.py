"""Where a query matches inside a displayed string, in that string's own positions.

The index works on folded text, whose positions differ from the original (accents
dropped, "х" -> "kh", "ß" -> "ss"). Highlighting instead walks the words of the original
string and folds each on its own, so every span is a slice of the text as shown.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from .fold import WORD, fold, tokens
from .query import Query, Term

Span = tuple[int, int]
_Word = tuple[int, int, str]  # start, end in the original, one folded token


class Highlighter:
    """Highlight spans of one query's positive terms; reuse it for many strings."""

    def __init__(self, query: Query) -> None:
        self.terms = tuple(t for t in query.positive if t.field != "section")

    def spans(self, text: str, key: str | None = None) -> list[Span]:
        """Sorted, non-overlapping (start, end) spans of ``text`` to highlight.

        ``key``: the field key the text belongs to (``statements.text``), so that a
        ``field:`` term lights up only in its field; None lights up only plain terms.
        """
        names = key.split(".") if key else ()
        terms = [t for t in self.terms if t.field is None or t.field in names]
        if not terms or not text:
            return []
        words = _words(text)
        found: list[Span] = []
        for term in terms:
            found.extend(_term_spans(term, words, text))
        return _merge(found)


# Words repeat (an article says "Kazakhstan" a hundred times): fold each spelling once.
_folded: dict[str, tuple[str, ...]] = {}
_FOLDED_LIMIT = 100_000


def _words(text: str) -> list[_Word]:
    words: list[_Word] = []
    cache = _folded
    for match in WORD.finditer(text):
        word = match.group()
        folded = cache.get(word)
        if folded is None:
            if len(cache) >= _FOLDED_LIMIT:
                cache.clear()
            folded = cache[word] = tuple(tokens(fold(word)))
        start, end = match.span()
        if len(folded) == 1:
            words.append((start, end, folded[0]))
        else:
            words.extend((start, end, token) for token in folded)
    return words


def _term_spans(term: Term, words: Sequence[_Word], text: str) -> list[Span]:
    if term.phrase:
        first, rest = term.words[0], term.words[1:]
        n = len(term.words)
        return [(words[i][0], words[i + n - 1][1]) for i in range(len(words) - n + 1)
                if words[i][2] == first
                and all(words[i + 1 + j][2] == word for j, word in enumerate(rest))]
    exact = set(term.words[:-1] if term.prefixes else term.words)
    spans = [(start, end) for start, end, token in words if token in exact]
    forms = term.prefixes
    for start, end, token in words:
        if token.startswith(forms):
            spans.append((start, _prefix_end(text, start, end, forms)))
    return spans


def _prefix_end(text: str, start: int, end: int, forms: tuple[str, ...]) -> int:
    """Where in the original word the typed prefix ends ("Kazak|hstan", "Назарба|ев").

    The typed word's own fold comes first among ``forms``: "country" typed reads "countri"
    or, were its "y" the start of "ye", "countr"; the mark covers "Country", not "Countr".
    Letters the fold swallows go with the mark ("emoji" folds as "emoj" does: "emoji").
    """
    for form in forms:
        for stop in range(start + 1, end + 1):
            folded = fold(text[start:stop])
            if folded.startswith(form):
                while stop < end and (unicodedata.combining(text[stop])
                                      or fold(text[start:stop + 1]) == folded):
                    stop += 1
                return stop
    return end


def _merge(spans: list[Span]) -> list[Span]:
    merged: list[Span] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, spans: Sequence[Span] = (), width: int = 110) -> str:
    """One line of context around the first span, whitespace (tabs, newlines) as spaces."""
    first, last = spans[0] if spans else (0, 0)
    start = max(0, first - width // 3)
    if start > 0:  # begin at a word
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    # A hit can be a whole field (a phrase over a 100,000-character word): the line shows
    # its start, never more than about two widths, whatever the text.
    end = min(len(text), max(min(last, first + width), start + width))
    if end < len(text):
        space = text.rfind(" ", max(last, start + 1), end)
        end = space if space > 0 else end
    line = " ".join(text[start:end].split())
    return ("…" if start > 0 else "") + line + ("…" if end < len(text) else "")
