"""Figures: money, percentages, counts, rankings and qualitative trends, with periods.

Each pattern is anchored on something unambiguous (a currency, a digit, "percent", a
trend word next to a year), scanned once per sentence, so time grows with the text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..gazetteer import (
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    DECREASE_WORDS,
    INCREASE_WORDS,
    ORDINAL_COUNTS,
    SCALES,
)
from ..model import Change, Derived, TradeStatistic
from ..numeric import arithmetic_fault, decimal_places, number_fault, plain
from ..supported import numbers_in_text
from . import date_phrases
from .sentences import Sentence, sentence_case

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_SCALE = r"thousand|million|billion|trillion|mln|bln|bn|trln|tn"
_SYMBOL = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
_CURRENCY = "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True))
MONEY = re.compile(
    rf"(?:(?P<sym>{_SYMBOL})\s?|(?P<code>\b[A-Z]{{3}})\s)(?P<n1>{_NUM})(?:[\s-](?P<s1>{_SCALE})\b)?"
    rf"|(?<![\w.,])(?P<n2>{_NUM})[\s-](?:(?P<s2>{_SCALE})\s)?(?P<word>{_CURRENCY})\b")
PERCENT = re.compile(rf"(?<![\w.,])(?P<n>{_NUM})\s?(?:%|percent\b|per\s+cent\b)")
_QUALIFIERS = (
    (r"more than|over|above|in excess of|exceeding", "more than"),
    (r"about|around|approximately|nearly|almost|some|roughly|an estimated", "about"),
    (r"less than|under|below|fewer than", "less than"),
    (r"at least", "at least"), (r"up to|at most", "at most"),
)
_QUALIFIER = re.compile(
    r"(?:^|\s)(?P<q>" + "|".join(p for p, _ in _QUALIFIERS) + r")\s*$", re.IGNORECASE)
_UP = "|".join(INCREASE_WORDS)
_DOWN = "|".join(DECREASE_WORDS)
_TREND = re.compile(rf"\b(?P<w>{_UP}|{_DOWN})\b", re.IGNORECASE)
_VALUE_VERBS = re.compile(
    rf"\b(?:amounted|reached|totall?ed|stood|exceeded|surpassed|hit|was|were|is|are|"
    rf"began|has|have|had|will|would|{_UP}|{_DOWN})\b")
# A count: a digit followed by what is counted, ending at the first plural noun.
COUNT = re.compile(
    rf"(?<![\w.,$€£¥-])(?P<n>{_NUM})\s+(?P<what>(?:(?:[A-Za-z][a-z-]*)\s+){{0,5}}?"
    r"(?:[a-z][a-z-]*[a-rt-z]s|people|staff|personnel|children|men|women|tonnes|tons|"
    r"hectares|cattle))\b"
    r"(?P<tail>\s+(?:of|in|at|from|with)\s+(?:[A-Z][\w’'-]*\s?)+(?:[a-z]+s\b)?)?")
_NOT_COUNTED = frozenset({"years", "months", "weeks", "days", "hours", "times", "percent",
                          "decades", "minutes"})
RANK = re.compile(
    rf"(?P<subject>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*){{0,4}})\s+(?:is|was|are|were|remains|ranks?(?:\s+as)?|ranked)"
    rf"\s+(?:one\s+of|among)\s+the\s+(?:top\s+)?(?P<n>{'|'.join(ORDINAL_COUNTS)})\s+"
    r"(?P<sup>largest|biggest|leading|top|main|major)\s+(?P<what>[a-z][a-z ]*?[a-z])"
    r"(?=\s+(?:for|of|in|among|with)\b|[.,;])(?P<rest>[^.;]*)")
# Words that make the figure after them a goal: "aim to raise trade to $2 billion".
_TARGET = re.compile(r"\b(?:aims?|aimed|aiming|targets?|targeted|goal|plans?|planned|"
                     r"intends?|ready|wants?|hopes?|expects?|expected|seeks?|projected|"
                     r"will|would|could)\b[^.;]*$", re.IGNORECASE)
_TARGET_YEAR = re.compile(r"\s+(?:by|in|until)\s+(?:the\s+end\s+of\s+)?((?:19|20)\d{2})\b")
_PERIOD_YEAR = re.compile(r"\b(?:in|for|during)\s+((?:19|20)\d{2})\b(?![-–]\d)")


@dataclass(frozen=True, slots=True)
class _Money:
    value: float | int
    currency: str
    scale: str | None
    start: int
    end: int
    text: str


def _number(text: str) -> int | float:
    value = float(text.replace(",", ""))
    return int(value) if value.is_integer() and "." not in text else value


def money(sentence: str) -> list[_Money]:
    out = []
    for m in MONEY.finditer(sentence):
        if m.group("code") and m.group("code") not in CURRENCY_WORDS:
            continue
        currency = (CURRENCY_SYMBOLS.get(m.group("sym") or "") or
                    CURRENCY_WORDS.get(m.group("code") or m.group("word") or ""))
        if currency is None:
            continue
        number, scale = (m.group("n1"), m.group("s1")) if m.group("n1") else \
            (m.group("n2"), m.group("s2"))
        out.append(_Money(_number(number), currency, SCALES.get(scale or ""), m.start(),
                          m.end(), m.group()))
    return out


# No sentence in a real article holds more figures than this; a "sentence" that does is
# not prose (a table, a list of numbers), and bounding it keeps the scan linear.
MAX_PER_SENTENCE = 16
_LOOK_BACK = 160


def _before(text: str, at: int) -> str:
    """The text just before a figure: subjects and hedges are near it, and a bounded
    window keeps long sentences linear."""
    return text[max(0, at - _LOOK_BACK):at]


def _qualifier(before: str) -> str | None:
    m = _QUALIFIER.search(before[-30:])
    if m is None:
        return None
    word = m.group("q").lower()
    for pattern, label in _QUALIFIERS:
        if re.fullmatch(pattern, word):
            return label
    return None


def _direction(word: str) -> str:
    return "increase" if word.lower() in INCREASE_WORDS else "decrease"


def subject(text: str) -> str | None:
    """The noun phrase a figure is about: the words before the clause's verb."""
    clause = text
    if "," in clause:  # the figure's own clause, not an opening phrase before it
        parts = [p for p in clause.split(",") if p.strip()]
        clause = parts[-1] if parts else clause
    clause = re.sub(r"^\s*(?:and|but|while|whereas)\s+", "", clause)
    verb = _VALUE_VERBS.search(clause)
    head = clause[:verb.start()] if verb else clause
    head = re.split(r"\s+(?:for|in|during|over|of the first|between)\s+(?:the\s+)?"
                    r"(?:first|last|past|\d|January|February|March|April|May|June|July|"
                    r"August|September|October|November|December)", head)[0]
    head = re.sub(r"^\s*(?:the|The|a|A|an|An|its|Its|their|Their)\s+", "", head.strip())
    words = head.split()
    if not words or len(words) > 8:
        return None
    return sentence_case(" ".join(words).strip(" “”\"'"))


def _period(sentence: str) -> tuple[str | None, str | None]:
    """The period a figure covers, and the period before it (for "up 60 percent")."""
    part = date_phrases.part_of_year(sentence)
    if part is not None:
        before = date_phrases.shift_year(part.iso, -1)
        return date_phrases.period_label(part.iso), date_phrases.period_label(before)
    m = _PERIOD_YEAR.search(sentence)
    if m is not None:
        return m.group(1), str(int(m.group(1)) - 1)
    return None, None


def statistics(sentence: Sentence, article_subject: str | None) -> list[TradeStatistic]:
    text = sentence.text
    src = (text,)
    out: list[TradeStatistic] = []
    period, before_period = _period(text)
    taken: list[tuple[int, int]] = []
    percents = list(itertools.islice(PERCENT.finditer(text), MAX_PER_SENTENCE))
    used_percents: set[int] = set()
    for item in money(text)[:MAX_PER_SENTENCE]:
        taken.append((item.start, item.end))
        metric = _money_metric(text, item) or article_subject or "Value"
        change = direction = derived = None
        compared = before_period
        # "increased 25 percent to $80.5 million" / "$2.1 billion, up 12 percent"
        for p in percents:
            if p.end() < item.start - 60 or p.start() > item.end + 40:
                continue  # too far apart to be one statement
            between_before = text[p.end():item.start]
            between_after = text[item.end:p.start()]
            trend = _TREND.search(text[max(0, p.start() - 25):p.start()])
            linked = (re.fullmatch(r"\s+(?:\w+\s+){0,4}?(?:to|at)\s+", between_before)
                      or re.fullmatch(r"[\s,]+(?:[\w-]+[\s,]+){0,6}", between_after))
            if trend and linked:
                pct = _number(p.group("n"))
                direction = _direction(trend.group("w"))
                change = Change(value=pct, unit="percent", compared_with=compared)
                used_percents.add(p.start())
                taken.append((p.start(), p.end()))
                factor = f"(1 + {plain(pct)} / 100)" if direction == "increase" else \
                    f"(1 - {plain(pct)} / 100)"
                divisor = 1 + pct / 100 if direction == "increase" else 1 - pct / 100
                if divisor == 0 or not _in_bounds(item.value) or not _in_bounds(pct):
                    break  # "fell 100 percent to $5 million": nothing to derive it from
                multiplier = round(divisor, 6)
                previous = item.value / divisor  # finite: both bounded, divisor not 0
                prev_value = _as_precise_as(previous, item.value)
                scale_words = f" {item.scale}" if item.scale else ""
                derived = TradeStatistic(
                    metric=metric, value=prev_value, unit="currency",
                    currency=item.currency, scale=item.scale, period=compared,
                    derived=Derived(
                        arithmetic=f"{plain(item.value)} / {factor}",
                        explanation=(f"The figure {'rose' if direction == 'increase' else 'fell'}"
                                     f" {plain(pct)} percent to {plain(item.value)}"
                                     f"{scale_words} {item.currency}, so before it was "
                                     f"{plain(item.value)} / {multiplier:g} = "
                                     f"{previous:.4g}.")),
                    source=src)
                break
        if direction is None:
            trend = _TREND.search(text[max(0, item.start - 40):item.start])
            direction = _direction(trend.group("w")) if trend else None
        if _TARGET.search(text[max(0, item.start - 80):item.start]):
            # "we aim to increase this to $2 billion": a goal, not a figure reached
            # the thing aimed at is what the sentence measured before ("Trade reached ...,
            # and we aim to increase this to ..."), else the article's subject
            aimed = next((s.metric for s in reversed(out) if s.unit == "currency"),
                         article_subject)
            metric = "Target" if not aimed else f"Target: {aimed[0].lower()}{aimed[1:]}" \
                if aimed[:1].isupper() and not aimed[1:2].isupper() else f"Target: {aimed}"
            by = _TARGET_YEAR.match(text, item.end)
            period = by.group(1) if by else None  # the year aimed at, not the sentence's
            change = direction = derived = None
        out.append(TradeStatistic(
            metric=metric, value=item.value, qualifier=_qualifier(_before(text, item.start)),
            unit="currency", currency=item.currency, scale=item.scale, period=period,
            change=change, direction=direction, source=src))
        if derived is not None:
            out.append(derived)
    for p in percents:
        if p.start() in used_percents:
            continue
        taken.append((p.start(), p.end()))
        trend = _TREND.search(text[max(0, p.start() - 30):p.end() + 15])
        out.append(TradeStatistic(
            metric=subject(_before(text, p.start())) or article_subject or "Share",
            value=_number(p.group("n")), qualifier=_qualifier(_before(text, p.start())),
            unit="percent", period=period,
            direction=_direction(trend.group("w")) if trend else None, source=src))
    out.extend(_counts(text, taken))
    out.extend(_rankings(text))
    if not out:
        out.extend(_trends(text, article_subject))
    return [s for s in out if _written(s) and _figures_in_bounds(s)]


def _money_metric(text: str, item: _Money) -> str | None:
    before = _before(text, item.start)
    m = re.search(r"((?:[\w’'-]+\s+){1,5}?)(?:worth|valued at|totall?ing|of|amounting to)\s+"
                  r"(?:about\s+|around\s+|more than\s+|over\s+|nearly\s+)?$", before)
    if m is not None:
        phrase = re.sub(r"^(?:.*\b(?:the|a|an|with|signed|and|of)\s+)", "", m.group(1).strip())
        if phrase and len(phrase.split()) <= 5:
            return sentence_case(phrase)
    return subject(before)


def _counts(text: str, taken: list[tuple[int, int]]) -> list[TradeStatistic]:
    out: list[TradeStatistic] = []
    for m in COUNT.finditer(text):
        if len(out) >= MAX_PER_SENTENCE:
            break
        if any(a <= m.start("n") < b for a, b in taken):
            continue
        number = m.group("n")
        value = _number(number)
        if re.fullmatch(r"(?:19|20)\d{2}", number):
            continue  # a year ("2017 economic relations")
        before = text[max(0, m.start() - 12):m.start()]
        if re.search(r"(?:[A-Z][a-z]{2}\.?|[-–])\s*$", before):
            continue  # a day of a month ("Nov. 29") or the end of a range
        what = m.group("what").strip()
        unit = what.split()[-1]
        if unit.lower() in _NOT_COUNTED:
            continue
        tail = (m.group("tail") or "").strip()
        metric = sentence_case(what + (" " + tail if tail else ""))
        out.append(TradeStatistic(metric=metric, value=value,
                                  qualifier=_qualifier(_before(text, m.start())), unit=unit,
                                  source=(text,)))
    return out


def _as_precise_as(value: float, given: int | float) -> int | float:
    """``value`` (worked out from ``given``) to as many significant digits as ``given``
    was written with, and at least two: 7 / 1.1 is 6.4, not 6, and 123.4 / 1.5 is 82.27.
    A figure's trailing zeros count (250 is three digits)."""
    digits = max(2, sum(c.isdigit() for c in plain(given).lstrip("-0.")))
    rounded = float(f"{value:.{digits}g}")
    return int(rounded) if rounded.is_integer() and decimal_places(given) == 0 and \
        abs(rounded) >= 10 ** (digits - 1) else rounded


def _rankings(text: str) -> list[TradeStatistic]:
    out = []
    for m in itertools.islice(RANK.finditer(text), MAX_PER_SENTENCE):
        n = ORDINAL_COUNTS[m.group("n").lower()]
        what = m.group("what")
        rest = " ".join(m.group("rest").split())
        metric = f"{m.group('subject')} among the {m.group('n')} {m.group('sup')} {what}"
        if rest:
            metric += " " + rest
        out.append(TradeStatistic(
            metric=sentence_case(metric), value=n, qualifier="one of the top",
            unit=f"{m.group('sup')} {what.split()[-1]}", source=(text,)))
    return out


def _trends(text: str, article_subject: str | None) -> list[TradeStatistic]:
    """"began to recover in 2017 after a significant decline in 2015-2016": two trends."""
    out: list[TradeStatistic] = []
    for m in _TREND.finditer(text):
        if len(out) >= MAX_PER_SENTENCE:
            break
        after = re.match(r"\s+(?:[\w-]+\s+){0,3}?in\s+(?P<y>(?:19|20)\d{2})"
                         r"(?:\s*[-–]\s*(?P<y2>(?:19|20)\d{2}))?\b", text[m.end():])
        if after is None:
            continue
        period = after.group("y") + (f"-{after.group('y2')}" if after.group("y2") else "")
        adjective = re.search(r"\b(?:a|an)\s+(\w+)\s+$", _before(text, m.start()))
        note = (sentence_case(f"a {adjective.group(1)} {m.group('w').lower()}.")
                if adjective else None)
        metric = subject(_before(text, m.start())) or article_subject or "Trend"
        out.append(TradeStatistic(metric=metric, period=period,
                                  direction=_direction(m.group("w")), note=note,
                                  source=(text,)))
    return out


def _in_bounds(value: float | int) -> bool:
    return number_fault(value) is None


def _figures_in_bounds(stat: TradeStatistic) -> bool:
    """Figures a briefing cannot hold (numeric.py) are left out of the draft: a
    400-digit sum of money, 0.000000000000000001, a 20-digit decimal."""
    return ((stat.value is None or _in_bounds(stat.value))
            and (stat.change is None or _in_bounds(stat.change.value))
            and (stat.derived is None or arithmetic_fault(stat.derived.arithmetic) is None))


def _written(stat: TradeStatistic) -> bool:
    """A stated figure must be in its own excerpt, as `briefing check` demands."""
    written = numbers_in_text(" ".join(stat.source))
    if stat.derived is None and stat.value is not None and float(stat.value) not in written:
        return False
    return stat.change is None or float(stat.change.value) in written
