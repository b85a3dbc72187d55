"""One searchable field across all entries: folded word -> entry ids, built in bulk.

Speed comes from never looping in Python per word of text. The values of a field are
joined into one UTF-8 byte string, lowercased and stripped of punctuation by one
bytes.translate, split, and the postings filled by ``map`` over C callables (bytes split
and hash faster than str here). The rest of the fold (accents, Cyrillic,
the Latin skeleton, a full stop after a word) is applied per *distinct* word, far fewer
than the words of the text, and the postings of words that fold alike merged.

Words are kept as UTF-8 bytes; the methods taking words take str and encode them.
"""

from __future__ import annotations

import re
import string
from bisect import bisect_left, bisect_right
from collections import defaultdict, deque
from collections.abc import Iterable, Sequence
from itertools import accumulate, chain, compress, filterfalse, repeat, tee

from .fold import SKELETON, fold, tokens

SEP = b"\x00"  # between values in a column's text; never inside a word
_MARK = b"\x01"  # stands in for a phrase found, when checking phrases
_BUT_SEP_AND_MARK = bytes(range(2, 256))  # what _marked_values deletes
_SAMPLE = 256  # values looked at to decide whether a field repeats a few values
# ASCII letters lowercased, y and j made i as the skeleton does, punctuation but . and ,
# made spaces. ASCII bytes never occur inside a multi-byte character, so the rest of the
# text is untouched.
_PUNCTUATION = bytes(c for c in (string.punctuation + "\t\n\r\v\f").encode() if c not in b".,")
_ONE_BYTE = {old: new for old, new in SKELETON if len(old) == len(new) == 1}
_LETTERS = string.ascii_letters
_BYTES_TABLE = bytes.maketrans(
    _PUNCTUATION + _LETTERS.encode(),
    b" " * len(_PUNCTUATION)
    + "".join(_ONE_BYTE.get(c.lower(), c.lower()) for c in _LETTERS).encode())
# Characters that join words without an ASCII space ("Kazakhstan’s", "2015–2016", a
# no-break space); other quotes and marks sit at word edges and are split off per word.
_JOINERS = ((b"\xe2\x80", tuple(c.encode() for c in "\u2019\u2013\u2014\u2009\u202f")),
            (b"\xc2\xa0", (b"\xc2\xa0",)))
# Pairs of letters the skeleton rewrites, for finding the distinct words it would change.
_PAIRS = tuple(re.compile(re.escape(old.encode())) for old, _new in SKELETON
               if old not in _ONE_BYTE)
# Numbers (441.4, 1,500) are folded already; one per line, to find them all in one scan.
_NUMBER_LINE = re.compile(rb"^\d+(?:[.,]\d+)+$", re.MULTILINE)


def _clean_text(values: list[str]) -> tuple[bytes, list[bytes]]:
    """The values joined by SEP and cleaned for splitting, and the cleaned values."""
    data = "\x00".join(values).encode().translate(_BYTES_TABLE)
    parts = data.split(SEP)
    if len(parts) != len(values):  # a value held the separator itself
        data = "\x00".join(v.replace("\x00", " ") for v in values).encode() \
            .translate(_BYTES_TABLE)
        parts = data.split(SEP)
    if data.isascii():
        return data, parts
    replaced = False
    for lead, joiners in _JOINERS:
        # A one-byte search is a memchr, many times faster than looking for the pair:
        # most non-ASCII text (Cyrillic, accents) has no lead byte at all.
        if lead[:1] in data and lead in data:
            for joiner in joiners:
                if joiner in data:
                    data = data.replace(joiner, b" ")
                    replaced = True
    return data, data.split(SEP) if replaced else parts


class FieldPostings:
    """Postings of one field key (e.g. ``statements.text``) over every entry that has it."""

    __slots__ = ("_starts", "eids", "forms", "groups", "key", "names", "postings",
                 "split_words", "text", "vocab")

    def __init__(self, key: str, values: list[str], eids: Sequence[int]) -> None:
        self.key = key
        self.names = frozenset(key.split("."))
        self.eids = eids  # value index -> entry id, ascending
        # Fields like status, unit or country repeat a few values: index each value once
        # and remember the entries that have it.
        self.groups: list[list[int]] | None = None
        owners: Sequence[int] = eids
        if len(set(values[:_SAMPLE])) * 4 <= min(len(values), _SAMPLE):
            grouped: defaultdict[str, list[int]] = defaultdict(list)
            deque(map(list.append, map(grouped.__getitem__, values), eids), 0)
            values, self.groups = list(grouped), list(grouped.values())
            owners = range(len(values))
        self.text, parts = _clean_text(values)
        self._starts: list[int] | None = None
        # Each value's words are split, filed and freed in one stream (tee keeps the two
        # readers of a value's word list in step): made all at once, the million words
        # were out of the CPU cache by the time they were filed, and again when freed.
        words, counted = tee(map(bytes.split, parts))
        postings: defaultdict[bytes, list[int]] = defaultdict(list)
        deque(map(list.append, map(postings.__getitem__, chain.from_iterable(words)),
                  chain.from_iterable(map(repeat, owners, map(len, counted)))), 0)
        del parts, words, counted
        if self.groups is not None:
            group = self.groups.__getitem__
            for word, ids in postings.items():
                postings[word] = list(chain.from_iterable(map(group, ids)))
        self.forms: dict[bytes, list[bytes]] = {}  # folded word -> its spellings in text
        self.split_words: set[bytes] = set()  # parts of spellings like "11.txt"
        for raw in _unfinished(list(postings)):
            folded = [word.encode() for word in tokens(fold(raw.decode()))]
            if folded == [raw]:
                continue
            ids = postings.pop(raw)
            for word in folded:
                postings[word].extend(ids)
            if len(folded) == 1:
                self.forms.setdefault(folded[0], []).append(raw)
            else:  # the phrase pattern cannot see these words apart
                self.split_words.update(folded)
        # Most words occur once (names, numbers), and their one-item lists are kept as they
        # are: turning them into ints cost a Python loop over every word for ~10 MB at
        # 50,000 entries. The garbage collector, which made that worth it, no
        # longer scans the index: SearchIndex.build freezes it.
        self.postings: dict[bytes, list[int]] = postings
        self.vocab = sorted(postings)

    def exact(self, word: str) -> Sequence[int]:
        return self.postings.get(word.encode(), ())

    def prefixed(self, prefix: str) -> Iterable[Sequence[int]]:
        """Postings of every word starting with ``prefix``."""
        vocab = self.vocab
        start = prefix.encode()
        lo = bisect_left(vocab, start)
        hi = bisect_left(vocab, start + b"\xff", lo)  # 0xff never occurs in UTF-8
        return map(self.postings.__getitem__, vocab[lo:hi])

    def phrase(self, words: Sequence[str]) -> set[int]:
        """Entry ids where the words stand next to each other, in order."""
        candidates = set(self.exact(words[0]))
        for word in words[1:]:
            if not candidates:
                return candidates
            candidates.intersection_update(self.exact(word))
        if not candidates:
            return candidates
        encoded = [word.encode() for word in words]
        if not self.split_words.isdisjoint(encoded):
            return self._phrase_by_words(words, candidates)
        pattern = self._phrase_pattern(encoded)
        found: set[int] = set()
        if self.groups is not None:  # few distinct values: check them all
            found.update(chain.from_iterable(compress(self.groups, self._marked_values(pattern))))
            return found
        if len(candidates) * 8 < len(self.eids):
            starts = self._value_starts()
            for eid in candidates:
                lo = bisect_left(self.eids, eid)
                hi = bisect_right(self.eids, eid, lo)
                if pattern.search(self.text, starts[lo], starts[hi] - 1):
                    found.add(eid)
        else:  # most values match: mark the matches and split, all in C
            found.update(compress(self.eids, self._marked_values(pattern)))
        return found

    def _marked_values(self, pattern: re.Pattern[bytes]) -> list[bytes]:
        """One item per value of the column, true where ``pattern`` matches in it.

        Every match becomes a mark, everything but the marks and the separators goes, and
        the rest splits into b"" (no match) and runs of marks, all in C, rather than
        asking each value in Python whether it holds a mark."""
        marked = pattern.sub(_MARK, self.text)
        return marked.translate(None, _BUT_SEP_AND_MARK).split(SEP)

    def _phrase_by_words(self, words: Sequence[str], candidates: set[int]) -> set[int]:
        """The slow, exact check: fold each candidate value and look for the words."""
        wanted = list(words)
        starts = self._value_starts()

        def has_phrase(value: int) -> bool:
            text = self.text[starts[value]:starts[value + 1] - 1].decode()
            return _has_run(tokens(fold(text)), wanted)

        found: set[int] = set()
        if self.groups is not None:
            for value, group in enumerate(self.groups):
                if has_phrase(value):
                    found.update(candidates.intersection(group))
            return found
        for eid in candidates:
            lo = bisect_left(self.eids, eid)
            hi = bisect_right(self.eids, eid, lo)
            if any(has_phrase(value) for value in range(lo, hi)):
                found.add(eid)
        return found

    def _phrase_pattern(self, words: Sequence[bytes]) -> re.Pattern[bytes]:
        parts = []
        for at, word in enumerate(words):
            spellings = sorted({word, *self.forms.get(word, ())}, key=len, reverse=True)
            escaped = [re.escape(s) for s in spellings]
            if at == 0:
                # The start-of-word check comes after the word, so the pattern begins with
                # plain text and the regex engine can skip ahead to it.
                escaped = [e + rb"(?<![^\s\x00]" + e + rb")" for e in escaped]
            parts.append(b"(?:" + b"|".join(escaped) + b")")
        return re.compile(rb"\s+".join(parts) + rb"(?![^\s\x00])")

    def _value_starts(self) -> list[int]:
        """Offset of each value in ``text``, plus one past the end."""
        if self._starts is None:
            lengths = map(len, self.text.split(SEP))
            self._starts = list(accumulate(map((1).__add__, lengths), initial=0))
        return self._starts


def _unfinished(keys: list[bytes]) -> list[bytes]:
    """The words among ``keys`` the full fold may change (numbers like 441.4 aside).

    bytes.isalnum is false for anything but ASCII letters and digits, so it finds words
    with accents, other scripts, stops and commas in one pass; each pair the skeleton
    rewrites is then looked for as plain text in all words at once.
    """
    found = set(filterfalse(bytes.isalnum, keys))
    joined = b"\n".join(keys) + b"\n"
    for pattern in _PAIRS:
        # Matches are far fewer than words: find the word of each by the line ends
        # around it rather than by an offset table over every word, and go on after
        # that word (a 100,000-letter word holds as many matches, each of which copied
        # the whole word: quadratic).
        at = 0
        while (match := pattern.search(joined, at)) is not None:
            end = joined.find(b"\n", match.end())
            found.add(joined[joined.rfind(b"\n", 0, match.start()) + 1:end])
            at = end + 1
    if found:
        found.difference_update(_NUMBER_LINE.findall(b"\n".join(found)))
    return list(found)


def _has_run(words: list[str], run: list[str]) -> bool:
    n = len(run)
    return any(words[i:i + n] == run for i in range(len(words) - n + 1))
