"""Proof that a briefing is faithful to its article.

``briefing check`` runs these after the file has loaded: the article's hash, every source
excerpt found verbatim in the article (whitespace aside), every stated figure present in
its own excerpts, and every derived figure's arithmetic recomputed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from .load import Document
from .model import SECTIONS, Briefing, TradeStatistic
from .numeric import evaluate_arithmetic
from .problems import BriefingError, NodePath, Problem, UnreadableFileError, format_path
from .textfile import decode, read_bytes

if TYPE_CHECKING:
    import yaml


class Article(NamedTuple):  # not a frozen dataclass: making one takes ~1 ms, every start
    """The article's text and where it was read from."""

    path: Path
    text: str
    sha256: str

    @property
    def normalized(self) -> str:
        return normalize_space(self.text)


def normalize_space(text: str) -> str:
    """Runs of whitespace as one space: the only difference an excerpt may have."""
    return " ".join(text.split())


def article_path(briefing_path: Path, briefing: Briefing) -> Path:
    """Where the article is: its path in the briefing is relative to the briefing file."""
    return Path(briefing_path).parent / briefing.briefing.article.path


def read_article(path: Path) -> Article:
    """The article as UTF-8 text (raises UnreadableFileError or BriefingError)."""
    data = read_bytes(path)
    return Article(path=path, text=decode(data, str(path)),
                   sha256=hashlib.sha256(data).hexdigest())


def check_document(document: Document, article: Article | None = None) -> list[Problem]:
    """Every way the briefing strays from its article, in file order."""
    problems: list[Problem] = []
    ref = document.briefing.briefing.article
    if article is None:
        try:
            article = read_article(article_path(document.path, document.briefing))
        except UnreadableFileError as exc:
            problems.append(_problem(document, ("briefing", "article", "path"),
                                     f"cannot read the article '{ref.path}': {exc.reason}"))
        except BriefingError as exc:
            problems.extend(_problem(document, ("briefing", "article", "path"),
                                     f"the article is not usable: {p.message}")
                            for p in exc.problems)
    if article is not None:
        if article.sha256 != ref.sha256:
            problems.append(_problem(
                document, ("briefing", "article", "sha256"),
                f"the article's sha256 is {article.sha256}, not {ref.sha256} (the article "
                "changed, or the briefing names the wrong file)"))
        problems.extend(_excerpt_problems(document, article.normalized))
    problems.extend(_figure_problems(document))
    problems.sort(key=lambda p: (p.line, p.column))
    return problems


def _excerpt_problems(document: Document, article: str) -> Iterator[Problem]:
    finder = ExcerptFinder(article)
    for path, excerpt in iter_excerpts(document):
        wanted = normalize_space(excerpt)
        if not finder.contains(wanted):
            yield _problem(document, path, explain_missing(wanted, article))


class ExcerptFinder:
    """Substring tests against one article, fast for many excerpts.

    A plain ``in`` scans the whole article per excerpt (20 s for 50,000 excerpts over a
    4 MB article). Most excerpts start at a word, so word starts are indexed by their
    first characters and only those candidates are compared; anything else falls back
    to the plain scan, so the answer is always exactly ``excerpt in article``.
    """

    KEY = 32

    def __init__(self, article: str) -> None:
        self.article = article
        self._starts: dict[str, list[int]] | None = None

    def _index(self) -> dict[str, list[int]]:
        if self._starts is None:
            starts: dict[str, list[int]] = {}
            for match in re.finditer(r"(?<!\w)\w|(?<=\s)\S", self.article):
                at = match.start()
                starts.setdefault(self.article[at:at + self.KEY], []).append(at)
            self._starts = starts
        return self._starts

    def contains(self, excerpt: str) -> bool:
        if len(self.article) < 100_000 or len(excerpt) < self.KEY:
            return excerpt in self.article
        for at in self._index().get(excerpt[:self.KEY], ()):
            if self.article.startswith(excerpt, at):
                return True
        return excerpt in self.article


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


def explain_missing(excerpt: str, article: str) -> str:
    """Say where an excerpt first departs from the article, to make the fix obvious."""
    low, high = 0, len(excerpt)
    while low < high:  # longest prefix that occurs: occurrence is monotone in length
        mid = (low + high + 1) // 2
        if excerpt[:mid] in article:
            low = mid
        else:
            high = mid - 1
    if low < 8:
        return f"excerpt not found in the article: \"{_clip(excerpt, 60)}\""
    at = article.find(excerpt[:low]) + low
    context = excerpt[max(0, low - 30):low]
    expected = article[at:at + 12] or "(end of article)"
    return (f"excerpt not found in the article: after \"...{context}\" the article has "
            f"\"{expected}\" where the excerpt has \"{excerpt[low:low + 12]}\"")


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit - 3] + "..."


# --- figures ----------------------------------------------------------------------------

_NUMBER_WORDS = {
    0: "zero", 1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven",
    8: "eight", 9: "nine", 10: "ten", 11: "eleven", 12: "twelve", 13: "thirteen",
    14: "fourteen", 15: "fifteen", 16: "sixteen", 17: "seventeen", 18: "eighteen",
    19: "nineteen", 20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty",
    70: "seventy", 80: "eighty", 90: "ninety", 100: "hundred",
}


_WORD_VALUES = {word: value for value, word in _NUMBER_WORDS.items()}
_GROUPED = re.compile(r"(?<![\w.])\d{1,3}(?:[,\u00a0 ]\d{3})+(?:\.\d+)?(?![\w]|[.,]\d)")
_PLAIN = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w]|[.,]\d)")
_WORD = re.compile(r"[a-z]+")


def numbers_in_text(text: str) -> set[float]:
    """Every number written in the text: 441.4, 1,500, 1 500, 260, or a word like 'three'."""
    found = {float(m.group().replace(",", "").replace("\u00a0", "").replace(" ", ""))
             for m in _GROUPED.finditer(text)}
    found.update(float(m.group()) for m in _PLAIN.finditer(text))
    found.update(float(_WORD_VALUES[w]) for w in _WORD.findall(text.lower())
                 if w in _WORD_VALUES)
    return found


def figure_in_text(value: int | float, text: str) -> bool:
    """Whether the number is written in the text, as digits or as a word."""
    return float(value) in numbers_in_text(text)


def _figure_problems(document: Document) -> Iterator[Problem]:
    for index, stat in enumerate(document.briefing.trade_statistics):
        base: NodePath = ("trade_statistics", index)
        written = numbers_in_text(" ".join(normalize_space(s) for s in stat.source))
        if stat.derived is not None:
            yield from _derived_problems(document, base, stat)
        elif stat.value is not None and float(stat.value) not in written:
            yield _problem(document, base + ("value",), (
                f"{_show(stat.value)} is not written in this entry's source excerpts; quote "
                "the sentence that states it, or mark it derived with its arithmetic"))
        if stat.change is not None and float(stat.change.value) not in written:
            yield _problem(document, base + ("change", "value"), (
                f"{_show(stat.change.value)} is not written in this entry's source "
                "excerpts"))


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
    decimals = _decimals(stat.value)
    # Half a unit of the value's last place, widened by a billionth of itself for the
    # float error of the steps (an absolute slack would swallow a 1e-09's last place).
    if abs(result - stat.value) > 0.5 * 10 ** -decimals * (1 + 1e-9):
        yield _problem(document, where, (
            f"'{stat.derived.arithmetic}' gives {round(result, decimals + 3):g}, which does not "
            f"round to the value {_show(stat.value)}"))


def _decimals(value: int | float) -> int:
    """Decimal places the value is written to: 441.4 has 1, 1e-07 has 7."""
    if isinstance(value, int) or float(value).is_integer():
        return 0
    return max(0, -int(Decimal(repr(value)).as_tuple().exponent))


def _show(value: int | float) -> str:
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


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
