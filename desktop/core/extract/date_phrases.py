"""Dates and periods as articles write them, turned into ISO dates and period labels."""

from __future__ import annotations

import datetime
import re
from collections import Counter
from dataclasses import dataclass

from ..gazetteer import MONTH_NAMES, MONTHS

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|"
          r"Dec\.?)")
# "Nov. 29-30", "on Nov. 30", "November 3, 2019", "29-30 November 2017"
DAY_DATE = re.compile(
    _MONTH + r"\s+(?P<day>\d{1,2})(?:\s*[-–]\s*(?P<day2>\d{1,2}))?(?!\d)"
    r"(?:,?\s+(?P<year>(?:19|20)\d{2}))?"
    r"|(?<![\d.,])(?P<dday>\d{1,2})(?:\s*[-–]\s*(?P<dday2>\d{1,2}))?\s+"
    + _MONTH.replace("month", "dmonth")
    + r"(?:,?\s+(?P<dyear>(?:19|20)\d{2}))?")
# "in 2012", "In 2015-2016", "since 2010", "opened in 2013"
YEAR_DATE = re.compile(
    r"\b(?P<prep>[Ii]n|[Ss]ince|[Dd]uring)\s+(?P<year>(?:19|20)\d{2})"
    r"(?:\s*[-–]\s*(?P<year2>(?:19|20)\d{2}))?(?![\d-])")
# "the first eight months of 2021", "the first half of 2018", "the first quarter of 2019"
PART_OF_YEAR = re.compile(
    r"\b(?:the\s+)?first\s+(?:(?P<n>\w+)\s+months|(?P<part>half|quarter))\s+of\s+"
    r"(?P<year>(?:19|20)\d{2})\b")
MONTH_SPAN = re.compile(
    r"\b(?P<m1>January|February|March|April|May|June|July|August|September|October|"
    r"November|December)\s*[-–]\s*(?P<m2>January|February|March|April|May|June|July|August|"
    r"September|October|November|December),?\s+(?P<year>(?:19|20)\d{2})\b")
YEAR = re.compile(r"(?<![\w.$€£-])(?:19|20)\d{2}(?![\w%]|[.,]\d)")
PLANS = re.compile(r"\b(?:will|would|plans?|planned|next|propos\w*|intends?|aims?)\b",
                    re.IGNORECASE)
_FUTURE = re.compile(r"\b(?:until|till|to|by|through)\s+$", re.IGNORECASE)
_COUNT = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
          "nine": 9, "ten": 10, "eleven": 11}


@dataclass(frozen=True, slots=True)
class Found:
    """A date in a sentence: its ISO form, the words, and whether its year was inferred."""

    iso: str
    text: str
    start: int
    inferred: bool = False


def infer_year(text: str) -> int | None:
    """The year an undated "Nov. 29-30" most likely belongs to.

    The latest year the article reports on: years after "until"/"by" are targets, not
    news, and the second year of a range such as 2017-2018 is a plan's end.
    """
    for match in DAY_DATE.finditer(text):  # a full date elsewhere ("March 6, 2024") wins
        if match.group("year") or match.group("dyear"):
            return int(match.group("year") or match.group("dyear"))
    seen: Counter[int] = Counter()
    for match in YEAR.finditer(text):
        window = max(0, match.start() - 300)  # bounded look-back: linear on any text
        line_start = max(text.rfind(".", window, match.start()),
                         text.rfind("\n", window, match.start()), window - 1)
        if PLANS.search(text[line_start + 1:match.start()]):
            continue  # "will be held in 2020", "proposed ... in 2020": plans, not news
        before = text[max(0, match.start() - 12):match.start()]
        if _FUTURE.search(before) or before.endswith(("-", "–")):
            continue
        seen[int(match.group())] += 1
    return max(seen) if seen else None


def _month(word: str) -> int:
    return MONTHS[word.lower()]


def _real_date(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def day_dates(sentence: str, year: int | None) -> list[Found]:
    out: list[Found] = []
    for m in DAY_DATE.finditer(sentence):
        if m.group("month"):
            month, day, day2, y = _month(m.group("month")), m.group("day"), m.group("day2"), \
                m.group("year")
        else:
            month, day, day2, y = _month(m.group("dmonth")), m.group("dday"), \
                m.group("dday2"), m.group("dyear")
        inferred = y is None
        year_value = int(y) if y else year
        if year_value is None or not _real_date(year_value, month, int(day)):
            continue  # "Nov. 31" is a typo or not a date: nothing to put on a timeline
        iso = f"{year_value:04d}-{month:02d}-{int(day):02d}"
        if day2 and int(day) < int(day2) and _real_date(year_value, month, int(day2)):
            iso += f"/{year_value:04d}-{month:02d}-{int(day2):02d}"
        out.append(Found(iso, m.group(), m.start(), inferred))
    return out


def year_dates(sentence: str) -> list[Found]:
    out: list[Found] = []
    for m in YEAR_DATE.finditer(sentence):
        if m.group("year2") and int(m.group("year2")) > int(m.group("year")):
            iso = f"{m.group('year')}/{m.group('year2')}"
        else:
            iso = m.group("year")
        out.append(Found(iso, m.group(), m.start()))
    return out


def part_of_year(sentence: str) -> Found | None:
    """"the first eight months of 2021" -> 2021-01/2021-08 (label: January-August 2021)."""
    m = PART_OF_YEAR.search(sentence)
    if m is not None:
        months = _COUNT.get((m.group("n") or "").lower())
        if m.group("part") == "half":
            months = 6
        elif m.group("part") == "quarter":
            months = 3
        if months:
            year = m.group("year")
            return Found(f"{year}-01/{year}-{months:02d}", m.group(), m.start())
    m = MONTH_SPAN.search(sentence)
    if m is not None:
        a, b = _month(m.group("m1")), _month(m.group("m2"))
        if a < b:
            year = m.group("year")
            return Found(f"{year}-{a:02d}/{year}-{b:02d}", m.group(), m.start())
    return None


def period_label(iso: str) -> str:
    """2017-01/2017-09 -> "January-September 2017"; 2015/2016 -> "2015-2016"."""
    if "/" not in iso:
        return iso
    first, last = iso.split("/")
    if len(first) == 7 and first[:4] == last[:4]:
        return (f"{MONTH_NAMES[int(first[5:7]) - 1]}-{MONTH_NAMES[int(last[5:7]) - 1]} "
                f"{first[:4]}")
    return f"{first}-{last}"


def shift_year(iso: str, by: int) -> str:
    return re.sub(r"(?:19|20)\d{2}", lambda m: str(int(m.group()) + by), iso)
