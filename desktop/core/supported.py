"""Whether an entry's excerpts state a value: a name, a country, a role, a date, a period,
a currency. Each answers with what is missing, in words, so the message can say it.

Matching is by word, after case and accents are folded (not scripts: a name in Cyrillic
is stated only where the excerpt writes it in Cyrillic). A word of the value is stated
when the excerpts hold it, or a word it begins or that begins it (at least four letters:
Belarus and Belarusian, Kazakh and Kazakhstan, plurals, possessives). Countries are also
stated by their demonyms and usual short names (Kazakh President; UK), roles by their
usual variants (Premier, Prime Minister), months by periods spelled out ("the first nine
months of 2017" states January to September 2017).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from functools import cached_property

from .gazetteer import (
    COUNTRIES,
    COUNTRY_ALIASES,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MONTHS,
    ORDINAL_COUNTS,
)
from .numeric import plain

_WORD = re.compile(r"\w+")
_SMALL_WORDS = frozenset({"the", "of", "and", "for", "on", "in", "at", "to", "a", "an"})
_MIN_STEM = 4
_YEAR = re.compile(r"(?<!\d)((?:1[89]|20)\d\d)(?:\s*[-–/]\s*(\d{2,4}))?(?!\d)")
_ISO_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_FIRST_PART = re.compile(r"\bfirst\s+(?:(\w+)\s+months|(half)|(quarter))\b", re.IGNORECASE)
_QUARTERS = {"first": (1, 3), "second": (4, 6), "third": (7, 9), "fourth": (10, 12),
             "q1": (1, 3), "q2": (4, 6), "q3": (7, 9), "q4": (10, 12)}
_QUARTER = re.compile(r"\b(first|second|third|fourth)\s+quarter\b|\b(q[1-4])\b",
                      re.IGNORECASE)
_HALF = re.compile(r"\b(first|second)\s+half\b|\b(h[12])\b", re.IGNORECASE)
# Month names as articles write them, capitalised ("may" is mostly a verb).
# Anything that may state a month: its name, or a part of a year ("first half", "Q3").
_MONTH_HINT = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|first|second|"
                         r"third|fourth|[QqHh][1-4])", re.IGNORECASE)
_RANGE_WORD = re.compile(r"[-–]|\b(?:to|through|until)\b", re.IGNORECASE)
_DAY = re.compile(r"(?<!\d)(\d{1,2})(?:st|nd|rd|th)?(?!\d)")
_NUMERIC_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)|(?<!\d)(\d{1,2})[./](\d{1,2})"
                           r"[./](\d{4})(?!\d)")
# A comparison with the year before, spelled: the year before each stated year is stated.
_YEAR_ON_YEAR = re.compile(
    r"\byear[- ]on[- ]year\b|\byear[- ]over[- ]year\b|\b(?:from|than|on) a year (?:earlier|ago|"
    r"before)\b|\b(?:compared (?:with|to)|over|from) (?:the previous|the prior|last) year\b|"
    r"\bthe same period (?:of |in )?(?:the previous|last) year\b", re.IGNORECASE)
_MONTH_WORD = re.compile(r"\b(" + "|".join(
    sorted((re.escape(m.rstrip(".").capitalize()) for m in MONTHS), key=len, reverse=True))
    + r")\b\.?")
# Roles written more than one way.
_ROLE_VARIANTS = (
    frozenset({"prime minister", "premier", "pm", "head of government"}),
    frozenset({"foreign minister", "minister of foreign affairs"}),
    frozenset({"president", "head of state"}),
    frozenset({"secretary general", "secretary-general"}),
)


# Combining marks NFKD leaves after a letter (accents, cedillas, the Cyrillic breve).
_COMBINING = re.compile("[\u0300-\u036f\u0483-\u0489\u1ab0-\u1aff\u1dc0-\u1dff"
                        "\u20d0-\u20ff\ufe20-\ufe2f]")


def fold(text: str) -> str:
    """Case and accents folded, typographic apostrophes made plain; scripts kept."""
    if text.isascii():
        return text.lower()
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return _COMBINING.sub("", text).casefold()


def words(text: str) -> list[str]:
    return _WORD.findall(fold(text))


class Excerpts:
    """The excerpts an entry's values may rest on, read once for every question."""

    def __init__(self, texts: tuple[str, ...] | list[str]) -> None:
        self._raw = " ".join(" ".join(t.split()) for t in texts)
        self.text = fold(self._raw)

    # What is read of the text, each only when a question needs it: most entries are
    # asked about a name or two, a few about dates.
    @cached_property
    def words(self) -> set[str]:
        return set(_WORD.findall(self.text))

    @cached_property
    def _stems(self) -> set[str]:
        return {w for w in self.words if len(w) >= _MIN_STEM and not w.isdigit()}

    @cached_property
    def _calendar(self) -> tuple[set[int], set[int], set[int]]:
        return _calendar(unicodedata.normalize("NFKC", self._raw))

    @property
    def years(self) -> set[int]:
        return self._calendar[0]

    @property
    def months(self) -> set[int]:
        return self._calendar[1]

    @property
    def days(self) -> set[int]:
        return self._calendar[2]

    @cached_property
    def _numbers(self) -> set[float]:
        return numbers_in_text(self.text)

    # --- names -----------------------------------------------------------------------

    def has_word(self, word: str) -> bool:
        if word in self.words:
            return True
        if len(word) < _MIN_STEM or word.isdigit():
            return False
        return any(w.startswith(word) or word.startswith(w) for w in self._stems)

    def missing_words(self, value: str) -> list[str]:
        """The words of ``value`` (as it writes them) the excerpts do not hold, small
        words aside."""
        return [repr(w) for w in dict.fromkeys(_WORD.findall(value))
                if fold(w) not in _SMALL_WORDS and not self.has_word(fold(w))]

    def has_phrase(self, phrase: str) -> bool:
        pattern = r"(?<!\w)" + re.escape(fold(phrase)) + r"(?:s|es|'s)?(?!\w)"
        return re.search(pattern, self.text) is not None

    def name(self, value: str) -> list[str]:
        """What of a name the excerpts lack (nothing: it is stated). A comma separates
        places that are each checked ("Minsk, Belarus"); a country among them may be
        named by its demonym."""
        return [w for part in value.split(",") if part.strip()
                for w in (self.country(part.strip()) and self.missing_words(part))]

    def country(self, value: str) -> list[str]:
        """A country (or any party) is stated by its name, demonym or short name."""
        forms = country_forms(value)
        if forms and any(self.has_phrase(form) for form in forms):
            return []
        missing = self.missing_words(value)
        if missing and forms:
            return [repr(f) for f in sorted(forms, key=lambda f: (f != value, f))]
        return missing

    def role(self, value: str) -> list[str]:
        folded = " ".join(words(value))
        for variants in _ROLE_VARIANTS:
            if folded in variants and any(self.has_phrase(v) for v in variants):
                return []
        return self.missing_words(value)

    def currency(self, code: str) -> list[str]:
        spellings = [c for c, target in CURRENCY_SYMBOLS.items() if target == code]
        names = [w for w, target in CURRENCY_WORDS.items() if target == code]
        if any(fold(symbol) in self.text for symbol in spellings) or any(
                self.has_phrase(name) for name in [code, *names]):
            return []
        return [repr(code), *(repr(x) for x in spellings + names if x != code)]

    def number(self, value: float) -> list[str]:
        return [] if value in self._numbers else [plain(value)]

    # --- dates -----------------------------------------------------------------------

    def date(self, value: str) -> list[str]:
        """An ISO date or interval: each year, month and day it names must be stated."""
        missing: list[str] = []
        for side in value.split("/"):
            m = _ISO_DATE.match(side)
            if m is None:
                continue
            year, month, day = m.group(1), m.group(2), m.group(3)
            if int(year) not in self.years:
                missing.append(f"year {year}")
            if month is not None and int(month) not in self.months:
                missing.append(f"month {_MONTH_NAMES[int(month) - 1]}")
            if day is not None and int(day) not in self.days:
                missing.append(f"day {int(day)}")
        return list(dict.fromkeys(missing))

    def period(self, value: str) -> list[str]:
        """A period in words ("January-September 2017", "2015-2016", "until 2026"): each
        year and month it names must be stated."""
        years, months, _days = _calendar(unicodedata.normalize("NFKC", value))
        return ([f"year {y}" for y in sorted(years) if y not in self.years]
                + [f"month {_MONTH_NAMES[m - 1]}" for m in sorted(months)
                   if m not in self.months])


_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
                "September", "October", "November", "December")


def _calendar(text: str) -> tuple[set[int], set[int], set[int]]:
    """The years, months and days a text states: years as written (2015-2016 and
    2016-17 give both; "year on year" the year before each), months by name or spelled
    as part of a year ("first nine months", "second quarter", "first half"), ranges of
    months filled in, days as the numbers 1-31 written beside a month."""
    years: set[int] = set()
    for m in _YEAR.finditer(text):
        years.add(int(m.group(1)))
        end = m.group(2)
        if end is not None:
            if len(end) == 2:
                years.add(int(m.group(1)[:2] + end))
            elif len(end) == 4 and end[:2] in ("18", "19", "20"):
                years.add(int(end))
    if _YEAR_ON_YEAR.search(text):
        years.update({year - 1 for year in years})
    months: set[int] = set()
    days: set[int] = set()
    if _MONTH_HINT.search(text) is not None:  # most texts name no month: one scan
        named = [(m.start(), _month_number(m.group(1))) for m in _MONTH_WORD.finditer(text)]
        months.update(month for _at, month in named)
        # "January-September", "January to September": the months between are stated
        for (at1, first), (at2, last) in itertools.pairwise(named):
            between = text[at1:at2]
            if first < last and len(between) < 20 and _RANGE_WORD.search(between):
                months.update(range(first, last + 1))
        for m in _FIRST_PART.finditer(text):
            count = 6 if m.group(2) else 3 if m.group(3) else ORDINAL_COUNTS.get(
                m.group(1).lower(), 0)
            months.update(range(1, count + 1))
        for m in _QUARTER.finditer(text):
            low, high = _QUARTERS[(m.group(1) or m.group(2)).lower()]
            months.update(range(low, high + 1))
        for m in _HALF.finditer(text):
            half = (m.group(1) or m.group(2)).lower()
            months.update(range(1, 7) if half in ("first", "h1") else range(7, 13))
        for at, _month in named:
            near = text[max(0, at - 12):at + 24]
            days.update(int(d) for d in _DAY.findall(near) if 1 <= int(d) <= 31)
    for m in _NUMERIC_DATE.finditer(text):
        if m.group(1):
            years.add(int(m.group(1)))
            months.add(int(m.group(2)))
            days.add(int(m.group(3)))
        else:
            years.add(int(m.group(6)))
            months.add(int(m.group(5)))
            days.add(int(m.group(4)))
    return years, months, days


def _month_number(word: str) -> int:
    word = word.lower()
    return MONTHS[word] if word in MONTHS else MONTHS[word + "."]


def country_forms(value: str) -> set[str]:
    """The ways a country is written: its name, demonyms and short names; empty for what
    is not a country the gazetteer knows."""
    name = COUNTRY_ALIASES.get(value, value)
    if name not in COUNTRIES:
        return set()
    demonyms, _capital = COUNTRIES[name]
    return {name, *demonyms, *(alias for alias, target in COUNTRY_ALIASES.items()
                               if target == name)}


# --- figures --------------------------------------------------------------------------

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
_LOWER_WORD = re.compile(r"[a-z]+")


# Currency symbols made of letters ("Sh3.2 billion", "Rs500"), set apart from the number
# they stand against so it reads as a number of its own.
_LETTER_SYMBOL = re.compile(
    r"(?<![A-Za-z])(" + "|".join(sorted((re.escape(s) for s in CURRENCY_SYMBOLS
                                          if s[:1].isalpha()), key=len, reverse=True))
    + r")(?=\d)", re.IGNORECASE)


def numbers_in_text(text: str) -> set[float]:
    """Every number written in the text: 441.4, 1,500, 1 500, 260, Sh3.2, or a word like
    'three'."""
    text = _LETTER_SYMBOL.sub(r"\1 ", text)
    found = {float(m.group().replace(",", "").replace("\u00a0", "").replace(" ", ""))
             for m in _GROUPED.finditer(text)}
    found.update(float(m.group()) for m in _PLAIN.finditer(text))
    found.update(float(_WORD_VALUES[w]) for w in _LOWER_WORD.findall(text.lower())
                 if w in _WORD_VALUES)
    return found
