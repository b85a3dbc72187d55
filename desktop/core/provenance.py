"""Proof that a briefing is faithful to its article.

``briefing check`` runs these after the file has loaded: the article's hash, every source
excerpt found verbatim in the article (whitespace aside), every value a reader would take
for the article's own (names, countries, roles, dates, periods, figures: origins.CHECKED)
stated in its entry's excerpts or marked inferred, added or derived, every marking naming
a value the entry holds, and every derived figure's arithmetic recomputed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from . import origins
from .article import Article, ArticleRefused, open_verified
from .load import Document
from .model import SECTIONS, TradeStatistic
from .numeric import decimal_places, evaluate_arithmetic, plain
from .problems import NodePath, Problem, format_path
from .supported import Excerpts

if TYPE_CHECKING:
    import yaml


def normalize_space(text: str) -> str:
    """Runs of whitespace as one space: the only difference an excerpt may have."""
    return " ".join(text.split())


def check_document(document: Document, article: Article | None = None) -> list[Problem]:
    """Every way the briefing strays from its article, in file order.

    Excerpts are compared only with a verified article (see article.py): a changed or
    misplaced article gives one problem, at the field to fix, and nothing of its text.
    """
    problems: list[Problem] = []
    ref = document.briefing.briefing.article
    try:
        if article is None:
            article = open_verified(document.path, ref.path, ref.sha256)
        elif article.sha256 != ref.sha256:
            raise ArticleRefused("sha256", f"the article's sha256 is {article.sha256}, "
                                 f"not {ref.sha256}")
    except ArticleRefused as exc:
        article = None
        problems.append(_problem(document, ("briefing", "article", exc.field), exc.reason))
    if article is not None:
        problems.extend(_excerpt_problems(document, article.normalized))
        problems.extend(_dateline_problems(document, article.normalized))
    problems.extend(_figure_problems(document))
    problems.extend(_origin_problems(document))
    problems.sort(key=lambda p: (p.line, p.column))
    return problems


def _excerpt_problems(document: Document, article: str) -> Iterator[Problem]:
    finder = ExcerptFinder(article)
    for path, excerpt in iter_excerpts(document):
        wanted = normalize_space(excerpt)
        if finder.find(wanted) < 0:
            yield _problem(document, path, explain_missing(wanted, article, finder))


class ExcerptFinder:
    """Substring search in one article, fast for many excerpts, found or not.

    A plain ``find`` scans the whole article per excerpt (excerpts times article length,
    and as much again to explain each one missing). Instead, every word
    start of the article is indexed by the text that follows it, a KEY-character chunk at
    a time; positions that share a chunk are told apart by the next one when there are
    many of them (an article of one sentence repeated with other figures had thousands
    per key, and checking its draft was quadratic).

    An excerpt is looked up by its first word start after its first character: whether
    a position starts a word depends only on that character and the one before, so
    where the excerpt occurs, that position is a word start of the article too, and the
    index holds it. The answer is exactly ``article.find(excerpt)``; only excerpts too
    short for that, or without a word start, are searched the plain way.
    """

    KEY = 32
    SPLIT = 16  # a group of more positions is told apart by its next chunk
    EXACT_BUDGET = 1_000_000  # positions kept by shape (~200 MB at most)
    _WORD_START = re.compile(r"(?<!\w)\w|(?<=\s)\S")

    def __init__(self, article: str) -> None:
        self.article = article
        self._groups: dict[str, dict[str, list[int]]] = {}
        self._exact: dict[tuple[str, int, int], dict[tuple[str, str], int]] = {}
        self._exact_kept = 0

    def _group(self, prefix: str, positions: list[int] | None) -> dict[str, list[int]]:
        """Positions after ``prefix`` (one of ``positions``), keyed by the next chunk."""
        group = self._groups.get(prefix)
        if group is None:
            group = {}
            if positions is None:  # the first chunk of every word start
                found = (m.start() for m in self._WORD_START.finditer(self.article))
                offset = 0
            else:
                found, offset = iter(positions), len(prefix)
            text, key = self.article, self.KEY
            for at in found:
                group.setdefault(text[at + offset:at + offset + key], []).append(at)
            self._groups[prefix] = group
        return group

    def find(self, excerpt: str) -> int:
        """The first position of ``excerpt`` in the article, or -1."""
        start = self._WORD_START.search(excerpt, 1) if len(self.article) >= 100_000 else None
        if start is None or len(excerpt) - start.start() < self.KEY:
            return self.article.find(excerpt)
        skip = start.start()
        tail, key = excerpt[skip:], self.KEY
        candidates = self._group("", None).get(tail[:key], [])
        depth = key
        while len(candidates) > self.SPLIT and len(tail) >= depth + key:
            candidates = self._group(tail[:depth], candidates).get(tail[depth:depth + key], [])
            depth += key
        if len(candidates) > self.SPLIT:  # a text repeated: many share the whole key
            exact = self._exactly(tail[:depth], candidates, skip, len(tail) - depth)
            if exact is None:
                return self.article.find(excerpt)
            return exact.get((excerpt[:skip], tail[depth:]), -1)
        found = [at - skip for at in candidates
                 if at >= skip and self.article.startswith(excerpt, at - skip)]
        return min(found, default=-1)

    def _exactly(self, prefix: str, positions: list[int], skip: int,
                 rest: int) -> dict[tuple[str, str], int] | None:
        """Where each text of ``skip`` characters, then ``prefix``, then ``rest`` more
        first occurs, among ``positions`` (where ``prefix`` is): one pass over them per
        shape of excerpt, however many excerpts of that shape there are. None once the
        shapes kept hold EXACT_BUDGET positions (the caller then scans the article): a
        briefing of excerpts in a thousand shapes must not fill the memory."""
        shape = (prefix, skip, rest)
        first = self._exact.get(shape)
        if first is None:
            if self._exact_kept + len(positions) > self.EXACT_BUDGET:
                return None
            self._exact_kept += len(positions)
            first = {}
            text, end = self.article, len(prefix) + rest
            for at in positions:
                if at >= skip:
                    first.setdefault((text[at - skip:at], text[at + len(prefix):at + end]),
                                     at - skip)
            self._exact[shape] = first
        return first

    def contains(self, excerpt: str) -> bool:
        return self.find(excerpt) >= 0


def iter_excerpts(document: Document) -> Iterator[tuple[NodePath, str]]:
    """Every source excerpt in the briefing with its path."""
    b = document.briefing
    for index, excerpt in enumerate(b.briefing.source):
        yield ("briefing", "source", index), excerpt
    for section, _cls in SECTIONS:
        for entry_index, entry in enumerate(getattr(b, section)):
            base: NodePath = (section, entry_index)
            for index, excerpt in enumerate(entry.source):
                yield base + ("source", index), excerpt
            for s_index, statement in enumerate(getattr(entry, "statements", ())):
                for index, excerpt in enumerate(statement.source):
                    yield base + ("statements", s_index, "source", index), excerpt


def explain_missing(excerpt: str, article: str, finder: ExcerptFinder | None = None) -> str:
    """Say where an excerpt first departs from the article, to make the fix obvious."""
    find = (finder or ExcerptFinder(article)).find
    low, high = 0, len(excerpt)
    while low < high:  # longest prefix that occurs: occurrence is monotone in length
        mid = (low + high + 1) // 2
        if find(excerpt[:mid]) >= 0:
            low = mid
        else:
            high = mid - 1
    if low < 8:
        return f"excerpt not found in the article: \"{_clip(excerpt, 60)}\""
    at = find(excerpt[:low]) + low
    context = excerpt[max(0, low - 30):low]
    expected = article[at:at + 12] or "(end of article)"
    return (f"excerpt not found in the article: after \"...{context}\" the article has "
            f"\"{expected}\" where the excerpt has \"{excerpt[low:low + 12]}\"")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


# --- figures ----------------------------------------------------------------------------

def _figure_problems(document: Document) -> Iterator[Problem]:
    for index, stat in enumerate(document.briefing.trade_statistics):
        if stat.derived is not None:
            yield from _derived_problems(document, ("trade_statistics", index), stat)


# --- where values come from ---------------------------------------------------------------

def _origin_problems(document: Document) -> Iterator[Problem]:
    """Values neither stated in their entry's excerpts nor marked, and markings that name
    no value of their entry."""
    for base, entry in origins.entries(document.briefing):
        yield from _marking_problems(document, base, entry)
    for found in origins.unstated(document.briefing):
        yield _problem(document, found.entry + found.path, _unstated_message(found))


# Where an article's dateline is written: its first line, or the first words of its text.
DATELINE_CHARS = 300


def _dateline_problems(document: Document, article: str) -> Iterator[Problem]:
    dateline = document.briefing.briefing.dateline
    if dateline is None:
        return
    missing = Excerpts([article[:DATELINE_CHARS]]).name(dateline)
    if missing:
        yield _problem(document, ("briefing", "dateline"), (
            f"{_clip(dateline, 80)!r} is not the article's dateline (no {_one_of(missing)} "
            f"in its first {DATELINE_CHARS} characters); write the city the article gives "
            "at its start, or leave dateline out"))


def _unstated_message(found: origins.Unstated) -> str:
    number = found.sort == origins.NUMBER
    shown = plain(found.value) if number else repr(_clip(str(found.value), 80))
    lacking = "" if number else f" (no {_one_of(found.missing)} there)"
    derived = "mark it derived with its arithmetic, or " if found.path == ("value",) else ""
    return (f"{shown} is not stated in this entry's source excerpts{lacking}; quote the "
            f"sentence that states it, or {derived}list it under inferred or added with a "
            f"reason: {{fields: [{_flow(format_path(found.path))}], reason: ...}}")


def _flow(path: str) -> str:
    """A path as a YAML flow sequence takes it: brackets would open a nested one."""
    return f'"{path}"' if "[" in path else path


def _one_of(items: list[str]) -> str:
    items = items[:6] + (["..."] if len(items) > 6 else [])
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]


def _marking_problems(document: Document, base: NodePath, entry: object) -> Iterator[Problem]:
    header = base == ("briefing",)
    for kind in origins.MARKED:
        for m_index, marking in enumerate(getattr(entry, kind, ())):
            for f_index, text in enumerate(marking.fields):
                path = origins.parse_path(text)
                if header and path[0] in origins.SECTION_NAMES:
                    target = origins.value_at(document.briefing, path)
                else:
                    target = origins.value_at(entry, path)
                if origins.holds_value(target):
                    continue
                where = base + (kind, m_index, "fields", f_index)
                if origins.is_missing(target):
                    reason = (f"{text!r} names no field of this entry" if not header
                              else f"{text!r} names no field of the briefing section or of "
                                   "an entry")
                else:
                    reason = f"{text!r} holds no value to mark"
                yield _problem(document, where, reason)


def _derived_problems(document: Document, base: NodePath,
                      stat: TradeStatistic) -> Iterator[Problem]:
    assert stat.derived is not None
    where = base + ("derived", "arithmetic")
    if stat.value is None:
        yield _problem(document, base + ("derived",), "a derived entry needs a value")
        return
    try:
        result = evaluate_arithmetic(stat.derived.arithmetic)
    except ValueError as exc:
        yield _problem(document, where, str(exc))
        return
    decimals = decimal_places(stat.value)
    # Half a unit of the value's last place, widened by a billionth of itself for the
    # float error of the steps (an absolute slack would swallow a 1e-09's last place).
    if abs(result - stat.value) > 0.5 * 10 ** -decimals * (1 + 1e-9):
        yield _problem(document, where, (
            f"'{stat.derived.arithmetic}' gives {round(result, decimals + 3):g}, which does not "
            f"round to the value {plain(stat.value)}"))


# --- positions --------------------------------------------------------------------------

def locate(root: yaml.Node, path: NodePath) -> tuple[int, int]:
    """1-based line and column of the node at ``path`` (the deepest one that exists)."""
    import yaml

    node = root
    for part in path:
        child = None
        if isinstance(part, int) and isinstance(node, yaml.SequenceNode):
            child = node.value[part] if part < len(node.value) else None
        elif isinstance(part, str) and isinstance(node, yaml.MappingNode):
            child = next((v for k, v in node.value if getattr(k, "value", None) == part),
                         None)
        if child is None:
            break
        node = child
    return node.start_mark.line + 1, node.start_mark.column + 1


def _problem(document: Document, path: NodePath, message: str) -> Problem:
    line, column = locate(document.root, path)
    return Problem(str(document.path), line, column, f"{format_path(path)}: {message}")
