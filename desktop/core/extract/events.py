"""Dated events for the timeline, with the year of a bare "Nov. 30" inferred and said so."""

from __future__ import annotations

import re

from ..gazetteer import capital_pattern
from ..model import Event
from . import date_phrases
from .sentences import Sentence, clip, sentence_case

_CLAUSE = re.compile(r",\s+and\s+|;\s+|\s+after\s+|\s+while\s+|\s+whereas\s+|,\s+but\s+")
_CAPITAL = capital_pattern()
MAX_PER_SENTENCE = 8  # real sentences carry a date or two; more is a list, not news


def _clauses(text: str) -> list[tuple[int, str]]:
    out, begin = [], 0
    for m in _CLAUSE.finditer(text):
        out.append((begin, text[begin:m.start()]))
        begin = m.end()
    out.append((begin, text[begin:]))
    return out


def _comma_part(clause: str, at: int) -> str:
    start = clause.rfind(", ", 0, at)
    end = clause.find(", ", at)
    return clause[start + 2 if start >= 0 else 0:end if end >= 0 else len(clause)]


def _title(clause: str, date_text: str) -> str:
    if re.search(r"\b(?:a|an)\s+$", clause[:max(0, clause.find(date_text))]):
        title = clause.replace(date_text, " ", 1)  # "during a Nov. 3 visit": keep "during a"
    else:
        title = re.sub(r"(?:\b(?:[Ii]n|[Oo]n|[Ff]or|[Dd]uring|[Ss]ince|[Aa]t|[Ff]rom|[Oo]f)\s+)?"
                       r"(?:(?:a|the)\s+)?" + re.escape(date_text), " ", clause, count=1)
    title = " ".join(title.split())
    title = re.sub(r"\b(?:in|on|during|since|at|for)\s+(?:the\s+)?(?=[,.]|$)", " ", title)
    title = re.sub(r"^\s*(?:,\s*)?(?:and\s+)?(?:accordingly\s+)?", "", title)
    title = re.sub(r"\s+([,.])", r"\1", " ".join(title.split())).strip(" ,.")
    title = re.sub(r"^(?:[Aa]|[Tt]he)\s+(?=\w+\s+\w)", "", title) if title.startswith(
        ("a ", "A ")) else title
    return sentence_case(clip(title, 140))


def events(sentence: Sentence, year: int | None) -> list[Event]:
    text = sentence.text
    found: list[date_phrases.Found] = []
    part = date_phrases.part_of_year(text)
    if part is not None:
        found.append(part)
    phrases = date_phrases.day_dates(text, year) + date_phrases.year_dates(text)
    for item in phrases[:MAX_PER_SENTENCE]:
        if any(f.start <= item.start < f.start + len(f.text) or
               item.start <= f.start < item.start + len(item.text) for f in found):
            continue
        found.append(item)
    out: list[Event] = []
    clauses = _clauses(text)
    capital = _CAPITAL.search(text)
    place = capital.group() if capital else None
    for item in sorted(found, key=lambda f: f.start):
        begin, clause = next(((b, c) for b, c in reversed(clauses) if b <= item.start),
                             (0, text))
        if sum(begin <= f.start < begin + len(clause) for f in found) > 1:
            # two dates in one clause ("arrived on March 5, the first visit since 2016"):
            # the comma-separated part around this date says what happened then
            narrow = _comma_part(clause, item.start - begin)
            if len(_title(narrow, item.text).split()) >= 3:
                clause = narrow
        title = _title(clause, item.text)
        if len(title.split()) < 2:
            title = _title(text, item.text)
        if not re.search(r"\w", title):
            continue  # a bare date ("November 29, 2017."): nothing said to happen then
        # A year inferred (item.inferred) is marked as such by draft.mark_readings, with
        # every other value its sentence does not state.
        note = ("Planned or proposed, not yet done, as the article tells it."
                if date_phrases.PLANS.search(clause) else None)
        out.append(Event(date=item.iso, title=title, place=place, note=note, source=(text,)))
    return out
