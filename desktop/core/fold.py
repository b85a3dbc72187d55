"""The text fold shared by the search index and the query: one spelling per word.

Both sides go through the same steps, so a query matches whenever its fold equals the
indexed fold:

1. Unicode NFKD, combining marks dropped, casefold: accents and case vanish in every
   script ("Ǵ" -> "g", "й" -> "и", "ў" -> "у").
2. Cyrillic to Latin (Russian, Kazakh, Belarusian, Ukrainian, Serbian letters), so
   "Назарбаев" and "Nazarbayev" meet.
3. A Latin skeleton that merges the spellings transliterations disagree on: y/j -> i,
   kh -> h, ts -> c, x -> ks, ie/ye/je -> e, ii -> i (so ai/ay, Dmitriy/Dmitry agree).

The fold works on whole strings with C-speed string methods; only runs of non-ASCII
characters go through Python, and those are cached because names repeat.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
    "и": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    # Kazakh
    "ә": "a", "ғ": "g", "қ": "k", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    # Belarusian and Ukrainian (ў, й, ё, ї lose their marks in step 1)
    "і": "i", "є": "ye", "ґ": "g",
    # Serbian and Macedonian
    "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѕ": "dz",
}
_TRANSLIT = str.maketrans(_CYRILLIC)

# Order matters: y/j become i before ii and ie collapse, so "ye", "je" and "ie" all end
# as "e", and "iy", "ii" as "i".
SKELETON = (("x", "ks"), ("kh", "h"), ("ts", "c"), ("y", "i"), ("j", "i"), ("ii", "i"),
             ("ie", "e"))

_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_run_cache: dict[str, str] = {}
_RUN_CACHE_LIMIT = 50_000

# A token is a run of letters and digits; a number keeps its decimal point or thousands
# separator ("441.4", "1,500"), but a sentence's full stop after a number does not stick.
TOKEN = re.compile(r"\d+(?:[.,]\d+)+|[^\W_]+")


def _fold_run(match: re.Match[str]) -> str:
    run = match.group()
    folded = _run_cache.get(run)
    if folded is None:
        decomposed = unicodedata.normalize("NFKD", run)
        bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
        folded = bare.casefold().translate(_TRANSLIT)
        # Casefolding may produce new decomposable letters (rare); normalise again.
        if not folded.isascii():
            folded = "".join(c for c in unicodedata.normalize("NFKD", folded)
                             if unicodedata.category(c) != "Mn")
        if len(_run_cache) >= _RUN_CACHE_LIMIT:
            _run_cache.clear()
        _run_cache[run] = folded
    return folded


def fold_letters(text: str) -> str:
    """Steps 1 and 2: accents, case and Cyrillic folded, Latin spellings untouched."""
    if not text.isascii():
        text = _NON_ASCII.sub(_fold_run, text)
    return text.lower()


def skeleton(text: str) -> str:
    """Step 3 on text that has been through fold_letters."""
    for old, new in SKELETON:
        if old in text:
            text = text.replace(old, new)
    while "ii" in text:  # "iii" (from "iyi", "iji") ends as "i" too
        text = text.replace("ii", "i")
    return text


def fold(text: str) -> str:
    """The full fold, for index and query alike."""
    return skeleton(fold_letters(text))


def tokens(folded: str) -> list[str]:
    """The words and numbers of folded text."""
    return TOKEN.findall(folded)


def prefix_forms(word: str) -> tuple[str, ...]:
    """Folded forms a word being typed may start with.

    The skeleton of a prefix is not always a prefix of the skeleton: "Kazak" folds to
    "kazak" but "Kazakhstan" to "kazahstan". When the last letter may be the start of a
    pair the skeleton rewrites (k of kh, t of ts, y/i of ie), the other reading is tried too.
    """
    base = fold_letters(word)
    forms = [skeleton(base)]
    last = base[-1:]
    if last == "k":
        forms.append(skeleton(base + "h"))
    elif last == "t":
        forms.append(skeleton(base + "s"))
    elif last in ("i", "y", "j") and len(base) > 1:
        forms.append(skeleton(base[:-1]))
    return tuple(dict.fromkeys(f for f in forms if f))


# For highlighting: words of the ORIGINAL text (marks kept with their letter), so spans
# point into the string the user sees.
WORD = re.compile(r"\d+(?:[.,]\d+)+|(?:[^\W_]|[\u0300-\u036f\u1ab0-\u1aff"
                            r"\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])+")


def word_spans(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for each word of ``text``, positions in ``text``."""
    for match in WORD.finditer(text):
        yield match.start(), match.end(), fold(match.group())
