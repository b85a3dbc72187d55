"""One searchable field across all entries: folded word -> entry ids, built in bulk.

Speed comes from never looping in Python per word. The values of a field are joined into
one string, lowercased and stripped of punctuation by C string methods, split, and the
postings filled by ``map`` over C callables. The fold proper (accents, Cyrillic, Latin
skeleton) is then applied per *distinct* word of the vocabulary, which is far smaller than
the text, and postings of words that fold alike are merged.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain, repeat

from .fold import fold, tokens

SEP = "\x00"  # between values in a column's text; never inside a word
_PUNCT = str.maketrans({c: " " for c in string.punctuation + "\t\n\r\v\f" if c not in ".,"})
# Punctuation outside ASCII that articles use; anything rarer is split off by the fold.
_WIDE_PUNCT = ("\u2019", "\u2018", "\u201c", "\u201d", "\u201e", "\u00ab", "\u00bb",
               "\u2013", "\u2014", "\u2026", "\u2032", "\u00b7", "\u2022")
# A vocabulary word that the fold may change: anything but plain a-z0-9 words and numbers
# with a decimal point, or one holding a pair the Latin skeleton rewrites.
_DIRTY = re.compile(r"^(?!\d+(?:[.,]\d+)+$)[^\n]*?(?:[^a-z0-9\n]|x|kh|ts|y|j|ii|ie)[^\n]*$",
                    re.M)


def _clean_text(values: list[str]) -> str:
    text = SEP.join(values)
    if text.count(SEP) != len(values) - 1:  # a value held the separator itself
        text = SEP.join(v.replace(SEP, " ") for v in values)
    text = text.lower()
    if not text.isascii():
        for char in _WIDE_PUNCT:
            if char in text:
                text = text.replace(char, " ")
    text = text.translate(_PUNCT)
    # Full stops and commas end words unless they sit inside a number (441.4, 1,500);
    # the common cases go here, the rest are split off in the vocabulary.
    return (text.replace(". ", "  ").replace(", ", "  ").replace("." + SEP, " " + SEP)
            .replace("," + SEP, " " + SEP))


class Column:
    """Postings of one field key (e.g. ``statements.text``) over every entry that has it."""

    __slots__ = ("_starts", "eids", "forms", "key", "names", "postings", "text", "vocab")

    def __init__(self, key: str, values: list[str], eids: Sequence[int]) -> None:
        self.key = key
        self.names = frozenset(key.split("."))
        self.eids = eids  # value index -> entry id, ascending
        self.text = _clean_text(values)
        self._starts: list[int] | None = None
        words = list(map(str.split, self.text.split(SEP)))
        postings: defaultdict[str, list[int]] = defaultdict(list)
        deque(map(list.append, map(postings.__getitem__, chain.from_iterable(words)),
                  chain.from_iterable(map(repeat, eids, map(len, words)))), 0)
        self.forms: dict[str, list[str]] = {}  # folded word -> its spellings in `text`
        for match in _DIRTY.finditer("\n".join(postings)):
            raw = match.group()
            folded = tokens(fold(raw))
            if folded == [raw]:
                continue
            ids = postings.pop(raw)
            for word in folded:
                postings[word].extend(ids)
            if len(folded) == 1:
                self.forms.setdefault(folded[0], []).append(raw)
        self.postings = postings
        self.vocab = sorted(postings)

    def exact(self, word: str) -> list[int]:
        return self.postings.get(word) or []

    def prefixed(self, prefix: str) -> Iterable[list[int]]:
        """Postings of every word starting with ``prefix``."""
        vocab = self.vocab
        lo = bisect_left(vocab, prefix)
        hi = bisect_left(vocab, prefix + "\U0010ffff", lo)
        get = self.postings.__getitem__
        return map(get, vocab[lo:hi])

    def phrase(self, words: Sequence[str]) -> set[int]:
        """Entry ids where the words stand next to each other, in order."""
        candidates = set(self.exact(words[0]))
        for word in words[1:]:
            if not candidates:
                return candidates
            candidates.intersection_update(self.exact(word))
        if not candidates:
            return candidates
        pattern = self._phrase_pattern(words)
        starts = self._value_starts()
        found: set[int] = set()
        if len(candidates) * 8 < len(self.eids):
            for eid in candidates:
                lo = bisect_left(self.eids, eid)
                hi = bisect_right(self.eids, eid, lo)
                if pattern.search(self.text, starts[lo], starts[hi] - 1):
                    found.add(eid)
        else:
            for match in pattern.finditer(self.text):
                found.add(self.eids[bisect_right(starts, match.start()) - 1])
        return found

    def _phrase_pattern(self, words: Sequence[str]) -> re.Pattern[str]:
        parts = []
        for word in words:
            spellings = sorted({word, *self.forms.get(word, ())}, key=len, reverse=True)
            parts.append("(?:" + "|".join(map(re.escape, spellings)) + ")")
        return re.compile(r"(?<![^\s\x00])" + r"\s+".join(parts) + r"(?![^\s\x00])")

    def _value_starts(self) -> list[int]:
        """Offset of each value in ``text``, plus one past the end."""
        if self._starts is None:
            lengths = map(len, self.text.split(SEP))
            self._starts = list(accumulate(map((1).__add__, lengths), initial=0))
        return self._starts
