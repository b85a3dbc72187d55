"""The search query language.

    kazakhstan trade      both words (AND)
    "trade turnover"      the words next to each other, in this order
    -draft  -"joint plant"  leaves out entries that match
    country:belarus       the word in that field only (also field:"a phrase")
    section:leaders       only entries of that section
    nazarb*               a word starting with "nazarb"

While typing (``parse_query(text, typing=True)``) the last word also matches as a prefix,
once it has two letters: a single letter being typed filters nothing yet.
Every string either parses or raises QueryError, whose ``column`` (1-based) says where.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .fields import SEARCH_SECTIONS, SECTION_ALIASES, field_names, sections_matching
from .fold import fold, prefix_forms, tokens


class QueryError(ValueError):
    """A query that cannot be understood, with the 1-based column of the mistake."""

    def __init__(self, message: str, column: int) -> None:
        super().__init__(f"column {column}: {message}")
        self.message = message
        self.column = column


@dataclass(frozen=True, slots=True)
class Term:
    """One condition of a query.

    ``words`` are folded tokens. A phrase (or a typed word that folds to several tokens,
    like "2017-11-29") needs them adjacent and in order. ``prefixes`` is non-empty when the
    last word matches as a prefix: it lists the folded forms it may start with; the other
    words must then all be there, adjacent or not.
    """

    text: str
    words: tuple[str, ...]
    field: str | None = None
    negated: bool = False
    phrase: bool = False
    prefixes: tuple[str, ...] = ()
    column: int = 1

    @property
    def is_prefix(self) -> bool:
        return bool(self.prefixes)


@dataclass(frozen=True, slots=True)
class Query:
    """A parsed query: every positive term must match, no negated one may."""

    text: str
    terms: tuple[Term, ...] = ()

    @property
    def is_empty(self) -> bool:
        return not self.terms

    @property
    def positive(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if not t.negated)

    @property
    def negative(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.negated)


# Each word costs a posting-list walk or a phrase scan: 64 words stay at typing speed on
# a big briefing, while ten thousand took seconds (benchmarks/bench_search.py). No one
# types more; a pasted paragraph is refused with the column where it went over.
MAX_WORDS = 64

_FIELD = re.compile(r"([A-Za-z_][A-Za-z0-9_]*):")
_SPACE = frozenset(" \t\n\r\f\v\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007"
                   "\u2008\u2009\u200a\u202f\u205f\u3000")


def parse_query(text: str, *, typing: bool = False) -> Query:
    """Parse a query (see the module doc). ``typing``: the last word is a prefix."""
    terms: list[Term] = []
    at, end = 0, len(text)
    words = 0
    while at < end:
        if text[at] in _SPACE or text[at].isspace():
            at += 1
            continue
        term, at = _item(text, at, typing)
        if term is not None:
            words += len(term.words)
            if words > MAX_WORDS:
                raise QueryError(f"too many words: a query may hold {MAX_WORDS}, phrases "
                                 "included; search for fewer", term.column)
            terms.append(term)
    return Query(text=text, terms=tuple(terms))


def _item(text: str, start: int, typing: bool) -> tuple[Term | None, int]:
    at = start
    negated = text[at] == "-"
    if negated:
        at += 1
        if at == len(text) or _is_space(text[at]):
            raise QueryError("'-' must be followed by a word or a \"phrase\" to leave out",
                             start + 1)
    field = None
    match = _FIELD.match(text, at)
    if match:
        field = match.group(1).lower()
        if field not in field_names():
            raise QueryError(f"unknown field '{match.group(1)}' (fields: "
                             f"{', '.join(field_names())})", at + 1)
        at = match.end()
        if at == len(text) or _is_space(text[at]):
            raise QueryError(f"'{match.group(0)}' needs a value, as in {field}:word or "
                             f"{field}:\"a phrase\"", start + 1)
    if text[at] == '"':
        close = text.find('"', at + 1)
        if close < 0:
            raise QueryError("unclosed quote: add the closing \"", at + 1)
        phrase = text[at + 1:close]
        if not phrase.strip():
            raise QueryError("empty phrase: put words between the quotes", at + 1)
        words = tuple(tokens(fold(phrase)))
        if field == "section" and words and not sections_matching(words):
            raise QueryError(f"no section '{phrase}' (sections: "
                             f"{', '.join(_section_names())})", at + 1)
        term = Term(phrase, words, field, negated, phrase=True, column=start + 1)
        return (term if words else None), close + 1
    stop = at
    while stop < len(text) and not _is_space(text[stop]) and text[stop] != '"':
        stop += 1
    word = text[at:stop]
    starred = word.endswith("*")
    word = word.rstrip("*")
    words = tuple(tokens(fold(word)))
    if not words:  # only punctuation: nothing to look for
        return None, stop
    last_typed = typing and stop == len(text)
    if last_typed and field is None and not starred and len(words) == 1 and len(words[0]) < 2:
        # One letter being typed would match most of the briefing and be replaced by the
        # next keystroke: it filters nothing yet.
        return None, stop
    prefixes: tuple[str, ...] = ()
    if starred or last_typed:
        last_raw = tokens(word.lower())[-1:] or [word]
        prefixes = prefix_forms(last_raw[0]) or (words[-1],)
    if field == "section" and not sections_matching(words, prefix=bool(prefixes)):
        raise QueryError(f"no section '{word}' (sections: {', '.join(_section_names())})",
                         at + 1)
    term = Term(word, words, field, negated, phrase=len(words) > 1 and not prefixes,
                prefixes=prefixes,
                column=start + 1)
    return term, stop


def _is_space(char: str) -> bool:
    return char in _SPACE or char.isspace()


def _section_names() -> list[str]:
    return [*SEARCH_SECTIONS, *SECTION_ALIASES]
