"""One searchable field across all entries: folded word -> entry ids, built in bulk.

Speed comes from never looping in Python per word. The values of a field are joined into
one string, lowercased and stripped of punctuation by C string methods, split, and the
postings filled by ``map`` over C callables. The fold proper (accents, Cyrillic, Latin
skeleton) is then applied per *distinct* word of the vocabulary, which is far smaller than
the text, and postings of words that fold alike are merged.
"""

from __future__ import annotations

import operator
import re
import string
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain, compress, repeat

from .fold import SKELETON, fold, tokens

SEP = "\x00"  # between values in a column's text; never inside a word
# The bulk of the fold, on UTF-8 bytes (where translate and replace stay fast whatever the
# script): ASCII letters lowercased, punctuation but . and , made spaces, the Latin
# skeleton applied (ASCII bytes never occur inside a multi-byte character).
_PUNCTUATION = bytes(c for c in (string.punctuation + "\t\n\r\v\f").encode() if c not in b".,")
_ONE_BYTE = {old: new for old, new in SKELETON if len(old) == len(new) == 1}  # y, j -> i
_BYTES_TABLE = bytes.maketrans(
    _PUNCTUATION + string.ascii_uppercase.encode() + "".join(_ONE_BYTE).encode(),
    b" " * len(_PUNCTUATION) + string.ascii_lowercase.encode()
    + "".join(_ONE_BYTE.values()).encode())
_BYTES_SKELETON = tuple((old.encode(), new.encode()) for old, new in SKELETON
                        if old not in _ONE_BYTE)
_APOSTROPHE = "\u2019".encode()  # inside words ("Kazakhstan’s"), unlike other quotes
_NUMBER = re.compile(r"\d+(?:[.,]\d+)+")


def _clean_text(values: list[str]) -> str:
    text = SEP.join(values)
    if text.count(SEP) != len(values) - 1:  # a value held the separator itself
        text = SEP.join(v.replace(SEP, " ") for v in values)
    data = text.encode().translate(_BYTES_TABLE)
    # Full stops and commas end words unless they sit inside a number (441.4, 1,500);
    # the common cases go here, the rest are split off in the vocabulary.
    data = (data.replace(b". ", b"  ").replace(b", ", b"  ").replace(b".\0", b" \0")
            .replace(b",\0", b" \0"))
    if _APOSTROPHE in data:
        data = data.replace(_APOSTROPHE, b" ")
    for old, new in _BYTES_SKELETON:  # as fold.skeleton does
        data = data.replace(old, new)
    while b"ii" in data:
        data = data.replace(b"ii", b"i")
    return data.decode()


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
        # Words the bytes pass could not finish: non-ASCII ones (accents, Cyrillic) and
        # ones holding a stop or comma that is not a decimal point.
        keys = list(postings)
        plain = map(operator.and_, map(str.isascii, keys), map(str.isalnum, keys))
        for raw in list(compress(keys, map(operator.not_, plain))):
            if _NUMBER.fullmatch(raw):
                continue
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
