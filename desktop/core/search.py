"""Search a briefing: an index built once, then queries at typing speed.

    index = SearchIndex.build(briefing)            # optionally article=text
    result = index.search("kazakhstan trade 441", typing=True)
    result.indices("leaders")      # matching entry indices, in order
    result.count("leaders")        # for a tab's title
    result.hits("leaders", 0)      # where in that entry: field paths and snippets
    highlight_spans(text, result.query, key)   # what to highlight in a shown string
    filter_briefing(briefing, "status:signed")  # a Briefing of the matching entries

Every entry gets an id: the header is 0, then each section's entries in display order,
then the article's lines. Term results are cached, so typing a query re-evaluates only
the word being typed.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property
from itertools import chain, compress, repeat
from operator import attrgetter, is_, is_not, itemgetter
from typing import Any, NamedTuple

from . import gcpause
from .fields import (
    ARTICLE_SECTION,
    NUMBER,
    SEARCH_SECTIONS,
    TEXT,
    TEXTS,
    Leaf,
    leaves,
    section_classes,
    section_entries,
    sections_matching,
    show_number,
)
from .highlight import Highlighter, snippet
from .model import SECTIONS, Briefing, entry_label
from .postings import FieldPostings
from .query import Query, QueryError, Term, parse_query

__all__ = ["ArticleLine", "Hit", "Query", "QueryError", "SearchIndex", "SearchResult",
           "filter_briefing", "highlight_spans", "parse_query"]

# Each word's matches are kept for the next keystrokes ("kazakhstan" while "trade" is
# typed after it), the most recently used first, up to this many entry ids in all. The
# bound is in ids, not words: the cyclic GC walks every id of every kept set at each full
# collection, and a day's searching kept up to 512 sets of up to 60,000 ids each (a
# full collection could then stop the window noticeably).
_CACHE_IDS = 300_000


class ArticleLine(NamedTuple):
    """A line of the article, indexed as an entry of the ``article`` section.

    A named tuple rather than a dataclass: an article can have tens of thousands of lines
    and a tuple is made far faster.
    """

    number: int  # 1-based
    start: int  # offsets in the article text
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Hit:
    """One field of one entry where the query matched.

    ``path`` is the dotted field path with indices (``statements[0].text``), ``key`` the
    same without indices (for highlight_spans), ``spans`` the matches in ``text``.
    """

    section: str
    index: int
    label: str
    path: str
    key: str
    text: str
    spans: tuple[tuple[int, int], ...]

    @property
    def snippet(self) -> str:
        return snippet(self.text, self.spans)


class SearchIndex:
    """The folded words of every searchable text of a briefing, with the entries they are in."""

    def __init__(self, briefing: Briefing, entries: dict[str, Sequence[object]],
                 columns: list[FieldPostings]) -> None:
        self.briefing = briefing
        self.entries = entries
        self.columns = columns
        self.starts: list[int] = []  # first entry id of each section in SEARCH_SECTIONS
        total = 0
        for section in SEARCH_SECTIONS:
            self.starts.append(total)
            total += len(entries[section])
        self.size = total
        self._terms: dict[tuple[object, ...], frozenset[int]] = {}  # oldest use first
        self._terms_ids = 0  # how many ids _terms holds
        self._columns_for: dict[str | None, list[FieldPostings]] = {}

    @classmethod
    def build(cls, briefing: Briefing, article: str | None = None) -> SearchIndex:
        """Index the header, every entry and, if given, the article text (line by line)."""
        entries: dict[str, Sequence[object]] = {
            section: section_entries(briefing, section) for section in SEARCH_SECTIONS
            if section != ARTICLE_SECTION}
        # A million small objects, none cyclic, kept as long as the briefing: see gcpause.
        with gcpause.paused():
            entries[ARTICLE_SECTION] = _article_lines(article) if article else ()
            # Where each field key is: the items of a section, their entry ids, the leaf,
            # and the nested objects already reached in that section (see _gather).
            places: dict[str, list[tuple[Sequence[object], list[int], Leaf, dict[Any, Any]]]] = {}
            # One int object per entry id, shared by every column: iterating a range made
            # a new one for each field of each entry, and kept them all in the postings.
            numbers = list(range(sum(map(len, entries.values()))))
            first = 0
            for section in SEARCH_SECTIONS:
                items = entries[section]
                if items:
                    eids = numbers[first:first + len(items)]
                    nested: dict[tuple[str, ...], tuple[list[Any], Sequence[int]]] = {}
                    for leaf in _section_leaves(section):
                        places.setdefault(leaf.key, []).append((items, eids, leaf, nested))
                first += len(items)
            # A field's values are gathered right before its column is built, while they
            # are still in the CPU cache: gathering every field first made the columns
            # read them all back from memory.
            columns = []
            for key, where in places.items():
                chunks = [chunk for chunk in (_gather(*place) for place in where) if chunk[0]]
                if chunks:
                    columns.append(FieldPostings(key, *_concatenate(chunks)))
            del places  # the nested objects reached: freed now, not frozen with the index
            index = cls(briefing, entries, columns)
        return index

    # --- queries ------------------------------------------------------------------------

    def search(self, query: str | Query, *, typing: bool = False) -> SearchResult:
        """Entries matching the query (raises QueryError for a malformed query string).

        ``typing``: the query is being typed, so its last word matches as a prefix.
        """
        if isinstance(query, str):
            query = parse_query(query, typing=typing)
        if query.is_empty:
            return SearchResult(self, query, None)
        positive = sorted((self._term_ids(t) for t in query.positive), key=len)
        matched: set[int] | range
        if positive:
            matched = set(positive[0])
            for ids in positive[1:]:
                matched.intersection_update(ids)
        else:
            matched = range(self.size)
        for term in query.negative:
            if matched:
                matched = set(matched).difference(self._term_ids(term))
        return SearchResult(self, query, sorted(matched))

    def locate(self, eid: int) -> tuple[str, int]:
        """(section, index in section) of an entry id."""
        at = bisect_right(self.starts, eid) - 1
        return SEARCH_SECTIONS[at], eid - self.starts[at]

    def entry(self, section: str, index: int) -> object:
        return self.entries[section][index]

    def _term_ids(self, term: Term) -> frozenset[int]:
        key = (term.field, term.words, term.phrase, term.prefixes)
        terms = self._terms
        found = terms.pop(key, None)
        if found is None:
            found = self._evaluate(term)
            self._terms_ids += len(found)
        terms[key] = found  # the most recent, last
        while self._terms_ids > _CACHE_IDS:  # the oldest go first (a set over the bound
            self._terms_ids -= len(terms.pop(next(iter(terms))))  # alone goes too)
        return found

    def _evaluate(self, term: Term) -> frozenset[int]:
        if term.field == "section":
            return self._section_ids(term)
        columns = self._columns(term.field)
        if term.phrase:
            return frozenset().union(*(c.phrase(term.words) for c in columns))
        exact = term.words[:-1] if term.prefixes else term.words
        result: frozenset[int] | None = None
        for word in exact:
            ids = frozenset().union(*(c.exact(word) for c in columns))
            result = ids if result is None else result & ids
        if term.prefixes:
            lists = chain.from_iterable(c.prefixed(p) for c in columns for p in term.prefixes)
            ids = frozenset(chain.from_iterable(lists))
            result = ids if result is None else result & ids
        return result or frozenset()

    def _columns(self, field: str | None) -> list[FieldPostings]:
        found = self._columns_for.get(field)
        if found is None:
            found = [c for c in self.columns if field is None or field in c.names]
            self._columns_for[field] = found
        return found

    def _section_ids(self, term: Term) -> frozenset[int]:
        ids: list[range] = []
        for section in sections_matching(term.words, prefix=term.is_prefix):
            at = SEARCH_SECTIONS.index(section)
            end = self.starts[at + 1] if at + 1 < len(self.starts) else self.size
            ids.append(range(self.starts[at], end))
        return frozenset(chain.from_iterable(ids))


def _article_lines(article: str) -> tuple[ArticleLine, ...]:
    lines = []
    start = 0
    for number, line in enumerate(article.splitlines(keepends=True), 1):
        text = line.rstrip("\r\n")
        if text.strip():
            lines.append(ArticleLine(number, start, start + len(text), text))
        start += len(line)
    return tuple(lines)


def _section_leaves(section: str) -> tuple[Leaf, ...]:
    if section == ARTICLE_SECTION:
        return (Leaf(("text",), TEXT, (False,)),)
    return leaves(section_classes()[section])


def _concatenate(chunks: list[tuple[list[str], Sequence[int]]]
                 ) -> tuple[list[str], Sequence[int]]:
    """One field's values and entry ids over all sections (a single section's as they are)."""
    if len(chunks) == 1:
        return chunks[0]
    return (list(chain.from_iterable(v for v, _ids in chunks)),
            list(chain.from_iterable(ids for _v, ids in chunks)))


def _gather(items: Sequence[object], eids: Sequence[int], leaf: Leaf,
            nested: dict[tuple[str, ...], tuple[list[Any], Sequence[int]]]
            ) -> tuple[list[str], Sequence[int]]:
    """The leaf's values over all items, flattened, each with the entry id it belongs to.

    Everything is ``map`` over attrgetters: nested tuples are flattened with their owner's
    id repeated, missing (None) values dropped. ``nested`` keeps the nested objects already
    reached (the places of every area, say) for the next leaf under them.
    """
    objects: Any = items  # the items, then lists of what is under them
    ids: Sequence[int] = eids
    last = len(leaf.path) - 1
    for step, (name, optional) in enumerate(zip(leaf.path, leaf.optional, strict=True)):
        known = nested.get(leaf.path[:step + 1]) if step < last else None
        if known is not None:
            objects, ids = known
            continue
        objects, ids = _descend(list(map(attrgetter(name), objects)), ids, optional,
                                flatten=leaf.kind == TEXTS if step == last else None)
        if step < last:
            nested[leaf.path[:step + 1]] = (objects, ids)
    if leaf.kind == NUMBER:
        objects = list(map(show_number, objects))
    return objects, ids


def _descend(values: list[Any], ids: Sequence[int], optional: bool,
             flatten: bool | None = None) -> tuple[list[Any], Sequence[int]]:
    """Drop None values; flatten tuples (each item keeps its owner's id)."""
    if optional and any(map(is_, values, repeat(None))):  # only then: a test per value costs
        if not any(map(is_not, values, repeat(None))):  # a field nobody filled in (a note)
            return [], []
        present = list(map(is_not, values, repeat(None)))
        values = list(compress(values, present))
        ids = list(compress(ids, present))
    if flatten is None:
        flatten = bool(values) and isinstance(values[0], tuple)
    if flatten:
        lengths = list(map(len, values))
        if lengths.count(1) == len(lengths):
            # Most entries cite one excerpt: every owner's id stays as it is, and taking
            # each first item is faster than chaining one-item tuples.
            return list(map(itemgetter(0), values)), ids
        ids = list(chain.from_iterable(map(repeat, ids, lengths)))
        values = list(chain.from_iterable(values))
    return values, ids


class SearchResult:
    """The entries a query matched, per section, and (computed on demand) where."""

    def __init__(self, index: SearchIndex, query: Query, matched: list[int] | None) -> None:
        self.index = index
        self.query = query
        self._matched = matched  # sorted entry ids; None: everything

    def indices(self, section: str) -> Sequence[int]:
        """Indices (within the section) of the matching entries, in order."""
        at = SEARCH_SECTIONS.index(section)
        start = self.index.starts[at]
        end = self.index.starts[at + 1] if at + 1 < len(SEARCH_SECTIONS) else self.index.size
        if self._matched is None:
            return range(end - start)
        lo = bisect_right(self._matched, start - 1)
        hi = bisect_right(self._matched, end - 1, lo)
        return list(map((-start).__add__, self._matched[lo:hi]))

    @cached_property
    def sections(self) -> dict[str, Sequence[int]]:
        """Every section with its matching entry indices (empty sections included)."""
        return {section: self.indices(section) for section in SEARCH_SECTIONS}

    def count(self, section: str) -> int:
        return len(self.sections[section])

    @property
    def total(self) -> int:
        return self.index.size if self._matched is None else len(self._matched)

    def __bool__(self) -> bool:
        return self.total > 0

    @cached_property
    def highlighter(self) -> Highlighter:
        return Highlighter(self.query)

    def hits(self, section: str, index: int) -> list[Hit]:
        """The fields of one matching entry where the query's words are, in field order.

        An entry matched only through `section:` or negations has no word to show; it
        gets one hit on its label.
        """
        entry = self.index.entry(section, index)
        label = _label(entry)
        hits = []
        for path, key, text in _texts(entry):
            spans = self.highlighter.spans(text, key)
            if spans:
                hits.append(Hit(section, index, label, path, key, text, tuple(spans)))
        if not hits:
            path, key, text = next(iter(_texts(entry)), ("", "", label))
            hits.append(Hit(section, index, label, path, key, text, ()))
        return hits

    def matches(self) -> Iterator[tuple[str, int]]:
        """(section, index) of every matching entry in display order: what Enter / F3 and
        Shift+F3 step through across tabs."""
        for section in SEARCH_SECTIONS:
            for index in self.indices(section):
                yield section, index

    def iter_hits(self) -> Iterator[Hit]:
        """Every hit, section by section, entry by entry."""
        for section, index in self.matches():
            yield from self.hits(section, index)


def _label(entry: object) -> str:
    if isinstance(entry, ArticleLine):
        return f"line {entry.number}"
    return entry_label(entry)


def _texts(entry: object) -> Iterator[tuple[str, str, str]]:
    if isinstance(entry, ArticleLine):
        yield "text", "text", entry.text
        return
    from .fields import walk

    yield from walk(entry)


def highlight_spans(text: str, query: str | Query, key: str | None = None
                    ) -> list[tuple[int, int]]:
    """(start, end) positions in ``text`` of what the query matches there.

    ``key`` is the field key the text is shown for (``statements.text``; see Hit.key):
    terms limited to a field highlight only in that field. With no key (the article, a
    title bar) only unlimited terms highlight. A str query is parsed as being typed.
    """
    if isinstance(query, str):
        query = parse_query(query, typing=True)
    return Highlighter(query).spans(text, key)


def filter_briefing(briefing: Briefing, query: str | Query,
                    index: SearchIndex | None = None) -> Briefing:
    """The briefing with only the entries the query matches (the header is kept)."""
    index = index or SearchIndex.build(briefing)
    return restrict_briefing(briefing, index, index.search(query))


def restrict_briefing(briefing: Briefing, index: SearchIndex, result: SearchResult) -> Briefing:
    """The briefing with only the entries of ``result`` (a search on ``index``, which was
    built from ``briefing``): what the window shows is what gets exported."""
    changes = {section: tuple(index.entries[section][i] for i in result.indices(section))
               for section, _cls in SECTIONS}
    return dataclasses.replace(briefing, **changes)
