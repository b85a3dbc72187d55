"""Article text -> draft briefing: the sections put together, with a header."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import TypeVar

from ..gazetteer import capital_index, capital_pattern
from ..model import (
    DATE_PATTERN,
    SECTIONS,
    Agreement,
    ArticleRef,
    Briefing,
    Event,
    Header,
    Marking,
    TradeStatistic,
)
from ..origins import ADDED, DATE, INFERRED, unstated
from ..problems import NodePath, format_path
from ..textfile import MAX_BYTES_ENV, max_bytes, megabytes
from . import date_phrases
from .areas import Areas
from .documents import agreements
from .events import events
from .figures import statistics
from .orgs import Organisations
from .people import People
from .sentences import Sentence, clip, dateline, sentences

_E = TypeVar("_E")
_CAPITALS = capital_index()
_CAPITAL = capital_pattern()
DRAFT_NOTE = (
    "Drafted by `briefing build` from the article alone; every entry quotes the sentence it "
    "came from. Check names, statuses, periods and parties, fill in what is missing, then "
    "set draft to false.")


class DraftError(ValueError):
    """No draft can be made; the message says why and what to do."""


class DraftCancelled(DraftError):
    """The caller asked the builder to stop (File > New from Article's Cancel)."""


class EmptyArticleError(DraftError):
    """The article has no words to draft from."""


class UndatedArticleError(DraftError):
    """The article names no year, and no date was given: the draft cannot be dated."""


def _headline(text: str) -> tuple[str | None, int]:
    """A first line that reads as a headline (short, no full stop, more text below)."""
    first, _, rest = text.lstrip().partition("\n")
    first = first.strip()
    if rest.strip() and first and len(first.split()) <= 20 and \
            not first.endswith((".", "!", "?", "”", '"')) and dateline(first)[0] is None:
        return first, text.find(first) + len(first)
    return None, 0


def build_draft(article_text: str, article_path_rel: str, sha256: str, *,
                date: str | None = None, stop: Callable[[], bool] | None = None) -> Briefing:
    """A draft briefing (``draft: true``) for the article.

    Deterministic: the same text gives the same briefing. ``article_path_rel`` is the
    article's path relative to where the briefing will be written. ``date`` (ISO, as in
    the format) dates the briefing when the article gives no year; a date is never made
    up. Raises EmptyArticleError, UndatedArticleError or DraftError (a bad ``date``), or
    DraftCancelled soon after ``stop()`` turns true (it is asked every few sentences).
    """
    if not re.search(r"\w", article_text):
        raise EmptyArticleError("the article has no text to draft from")
    if date is not None and not re.fullmatch(DATE_PATTERN, date):
        raise DraftError(f"'{date}' is not a date such as 2017, 2017-11 or 2017-11-30")
    headline, body_at = _headline(article_text)
    body = article_text[body_at:]
    city, skip = dateline(body.lstrip())
    skip += len(body) - len(body.lstrip())
    all_sentences = sentences(body, skip)
    text_year = date_phrases.infer_year(article_text)
    year = text_year or (int(date[:4]) if date else None)
    year_in_text = text_year is not None
    city_country = _CAPITALS.get(city.title()) if city else None

    people = People(city_country)
    orgs = Organisations()
    areas = Areas()
    stats: list[TradeStatistic] = []
    docs: list[Agreement] = []
    timeline: list[Event] = []
    for index, sentence in enumerate(all_sentences):
        _unless_stopped(stop, index)
        people.introduce(sentence)
    subject = None
    size = _SizeFloor(max_bytes())
    for index, sentence in enumerate(all_sentences):
        _unless_stopped(stop, index)
        people.attribute(sentence)
        spans = orgs.scan(sentence)
        areas.scan(sentence, index)
        found = statistics(sentence, subject)
        if found:
            subject = subject or found[0].metric
        stats.extend(found)
        docs.extend(agreements(sentence, people.countries(), spans))
        timeline.extend(events(sentence, year))
        size.add(stats, docs, timeline, sentence)

    lead = all_sentences[0] if all_sentences else Sentence(article_text.strip(), 0, 0)
    header = _header(lead, all_sentences, headline, city, year, timeline, article_path_rel,
                     sha256, date)
    return mark_readings(Briefing(
        schema_version=1, briefing=header, leaders=people.leaders(),
        agreements=_unique(docs, lambda a: a.title.lower()),
        trade_statistics=_unique(stats, lambda s: (s.metric, s.value, s.period,
                                                   s.direction, s.source)),
        cooperation_areas=tuple(areas.areas), organisations=orgs.organisations(),
        events=tuple(sorted(_unique(timeline, lambda e: (e.date, e.title)),
                            key=lambda e: e.date))), given_date=date, year=year,
        year_in_text=year_in_text)


# Why the builder wrote a value its entry's sentence does not state, by the field it is
# in: the rules that put it there. The draft never leaves such a value unmarked: a reader
# must be able to tell the article's words from the builder's readings.
_A_YEAR_BEFORE = ("The sentence does not name the base of the change; the draft reads it as "
                  "the same period a year before.")
_READINGS: dict[tuple[str, str], tuple[str, str]] = {
    ("briefing", "date"): (INFERRED, "The lead sentence does not give the whole date; the "
                           "draft dates the briefing by the article's other dates."),
    ("briefing", "place"): (INFERRED, "The lead sentence does not name it; the draft takes "
                            "it from the article's dateline or the capital it names, with "
                            "that capital's country."),
    ("agreements", "parties"): (INFERRED, "The sentence does not name the parties (\"the two "
                                "countries\", \"bilateral\"); the draft takes the countries "
                                "of the article's leaders."),
    ("agreements", "date"): (INFERRED, "The sentence does not give the whole date; the "
                             "draft takes the year from the article's other dates."),
    ("trade_statistics", "period"): (INFERRED, _A_YEAR_BEFORE),
    ("trade_statistics", "change"): (INFERRED, _A_YEAR_BEFORE),
    ("events", "date"): (INFERRED, "The sentence gives no year (or not the whole date); the "
                         "draft takes it from the article's other dates."),
    ("organisations", "name"): (ADDED, "The full name of the acronym the article writes, "
                                "from the builder's list of organisations."),
    ("cooperation_areas", "places"): (ADDED, "The country of a capital the article names, "
                                      "from the builder's list of capitals."),
    ("leaders", "country"): (INFERRED, "The sentence does not name the country; the draft "
                             "takes it from the article's dateline or the leader's title."),
}
_READ_ELSEWHERE = (INFERRED, "Not in this entry's sentence: the draft's reading of the rest "
                   "of the article.")


def mark_readings(briefing: Briefing, *, given_date: str | None = None,
                  year: int | None = None, year_in_text: bool = False) -> Briefing:
    """The briefing with every value its entry's excerpts do not state marked inferred or
    added, with the rule's reason: a date given with --date says so, and a year the
    sentence lacks says where it came from (``year``, read from the article's text when
    ``year_in_text``, else from --date)."""
    wanted: dict[NodePath, dict[tuple[str, str], list[str]]] = {}
    for found in unstated(briefing):
        kind, reason = _READINGS.get((found.entry[0], str(found.path[0])), _READ_ELSEWHERE)
        if found.entry == ("briefing",) and found.path == ("date",) and given_date:
            reason = "Given by hand when the draft was built (briefing build --date)."
        elif found.sort == DATE and year is not None and f"year {year}" in found.missing:
            reason = (f"The sentence gives no year; {year} is "
                      + ("the year of the article's full dates, or the latest year it "
                         "reports on: check it against when the article appeared."
                         if year_in_text else "the year of the date given with --date."))
        wanted.setdefault(found.entry, {}).setdefault((kind, reason), []).append(
            format_path(found.path))
    if not wanted:
        return briefing
    header = _marked(briefing.briefing, wanted.get(("briefing",), {}))
    sections = {section: tuple(_marked(entry, wanted.get((section, index), {}))
                               for index, entry in enumerate(getattr(briefing, section)))
                for section, _cls in SECTIONS}
    return dataclasses.replace(briefing, briefing=header, **sections)


def _whole_lists(entry: object, paths: list[str]) -> tuple[str, ...]:
    """``parties[0], parties[1]`` as ``parties`` when they are all of the list."""
    out: list[str] = []
    for path in paths:
        name, bracket, _rest = path.partition("[")
        items = getattr(entry, name, None) if bracket and "." not in path else None
        if isinstance(items, tuple) and all(f"{name}[{i}]" in paths for i in range(len(items))):
            if name not in out:
                out.append(name)
        else:
            out.append(path)
    return tuple(out)


def _marked(entry: _E, marks: dict[tuple[str, str], list[str]]) -> _E:
    if not marks:
        return entry
    new = {kind: [*getattr(entry, kind)] for kind in (INFERRED, ADDED)}
    for (kind, reason), paths in marks.items():
        new[kind].append(Marking(fields=_whole_lists(entry, paths), reason=reason))
    return dataclasses.replace(entry, inferred=tuple(new[INFERRED]),  # type: ignore[type-var]
                               added=tuple(new[ADDED]))


def _unless_stopped(stop: Callable[[], bool] | None, index: int) -> None:
    if stop is not None and index % 64 == 0 and stop():
        raise DraftCancelled("drafting was cancelled")


class _SizeFloor:
    """A running lower bound of the draft's size, from the entries found so far: each
    distinct entry's text alone (YAML only adds to it). Past the size cap the draft
    cannot be written, so building stops there rather than run to the end of an article
    of thousands of figures and then refuse."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.total = 0
        self.seen: set[object] = set()
        self.counted = [0, 0, 0]  # how far into each list entries were counted

    def add(self, *lists_and_sentence: object) -> None:
        *lists, sentence = lists_and_sentence
        for which, entries in enumerate(lists):
            assert isinstance(entries, list)
            for entry in entries[self.counted[which]:]:
                if entry not in self.seen:
                    self.seen.add(entry)
                    self.total += _text_size(entry)
            self.counted[which] = len(entries)
        if self.total > self.limit:
            assert isinstance(sentence, Sentence)
            raise DraftError(
                f"the draft would be over the {megabytes(self.limit)} limit that `briefing "
                f"check` and the viewer apply: the entries found up to character "
                f"{sentence.start:,} of the article already hold {megabytes(self.total)} of "
                f"text (set {MAX_BYTES_ENV} to a larger number of bytes, or draft from a "
                "shorter article)")


def _text_size(value: object) -> int:
    """Characters a model value takes in YAML at the least: its text and numbers, each
    field's "name: " and each list item's "- " (indentation and quotes come on top)."""
    if isinstance(value, str):
        return len(value)
    if isinstance(value, (int, float)):
        return len(str(value))
    if isinstance(value, tuple):
        return sum(2 + _text_size(item) for item in value)
    total = 0
    for name in getattr(type(value), "__slots__", ()):
        field = getattr(value, name)
        if field is not None and field != ():
            total += len(name) + 2 + _text_size(field)
    return total


def _title_from(lead: str) -> str:
    """The lead's first clause, cut before its date or purpose ("... met in X on May 3 to
    review ...") so it reads as a title."""
    clause = re.split(r",\s+and\s+|,\s+|;\s+", lead)[0]
    cut = re.search(r"\s+(?:on|during|to|for|after|in order to)\s+(?=(?:[a-z]|"
                    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|\d))", clause[30:])
    if cut is not None:
        clause = clause[:30 + cut.start()]
    title = clip(clause.rstrip(" ."), 120)
    # A first clause of punctuation alone (": , the") would give an empty title, which
    # the format refuses: the whole lead reads better than nothing.
    return title if re.search(r"\w", title) else clip(lead, 120)


def _unique(items: list, key) -> tuple:  # type: ignore[no-untyped-def, type-arg]
    seen, out = set(), []
    for item in items:
        k = key(item)
        if k not in seen:
            seen.add(k)
            out.append(item)
    return tuple(out)


def _header(lead: Sentence, all_sentences: list[Sentence], headline: str | None,
            city: str | None, year: int | None, timeline: list[Event], path: str,
            sha256: str, given_date: str | None) -> Header:
    lead_events = [e for e in timeline if e.source == (lead.text,) and "-" in e.date]
    dated = lead_events or [e for e in timeline if len(e.date) >= 10] or timeline
    notes = [DRAFT_NOTE]
    if given_date is not None:
        date = given_date
        notes.append("The briefing date was given by hand (briefing build --date).")
    elif dated:
        date = dated[0].date
        if dated[0].note:
            notes.append(f"The briefing date: {dated[0].note[0].lower()}{dated[0].note[1:]}")
    elif year is not None:
        date = str(year)
    else:
        raise UndatedArticleError(
            "the article names no year, so the draft cannot be dated; give one with "
            "--date (e.g. --date 2017-11-30)")
    capital = _CAPITAL.search(lead.text)
    place = f"{capital.group()}, {_CAPITALS[capital.group()]}" if capital else None
    if place is None:
        m = re.search(r"\b(?:visit to|in|arrived in|held in)\s+([A-Z][\w’'-]+(?:\s[A-Z][\w’'-]+)?)",
                      lead.text)
        place = m.group(1) if m else None
    if place is None and city is not None:
        place = city.title()
        if place in _CAPITALS:
            place = f"{place}, {_CAPITALS[place]}"
    place = place or "Not stated"
    title = headline or _title_from(lead.text)
    summary = " ".join(s.text for s in all_sentences[:2]) or lead.text
    return Header(
        title=title, date=date, place=place, summary=summary, dateline=city, draft=True,
        note=" ".join(notes),
        article=ArticleRef(path=path, sha256=sha256, title=headline), source=(lead.text,))
