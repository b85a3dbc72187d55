"""Plain-text formatting of briefing values for print: dates, figures, escaping."""

from __future__ import annotations

import html
from decimal import Decimal

from ..core.longtext import breakable, shortened
from ..core.model import TradeStatistic

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}


# A value is printed whole up to here (about six pages; the longest statement of a real
# briefing is a tenth of it); past it, the rest is left out with a note saying how much.
# A field of a million characters took 5-20 s to lay out, and the 32 MiB a briefing may
# hold would take minutes before being refused as too many pages.
PRINT_CHARS = 20_000


def esc(text: str) -> str:
    """A briefing value as inert HTML: every string from a briefing goes through here.
    Runs too long to wrap at a space get break opportunities (core/longtext.py): Qt lays
    out an unbreakable run in time that grows with the square of its length."""
    text, more = shortened(text, PRINT_CHARS)
    out = esc_text(text)
    return out + f" [… {more:,} more characters in the briefing file]" if more else out


def esc_text(text: str) -> str:
    """Text as inert HTML with break opportunities, never cut (the article appendix)."""
    return html.escape(breakable(text).text, quote=True)


def format_date(value: str) -> str:
    """'2017-11-29/2017-11-30' as '29–30 November 2017'; anything unexpected as given."""
    start, _, end = value.partition("/")
    a, b = _parts(start), _parts(end) if end else None
    if a is None or (end and b is None):
        return value
    if b is None:
        return _join(a)
    if len(a) == len(b) == 3 and a[:2] == b[:2]:
        return f"{a[2]}–{_join(b)}"
    if len(a) == len(b) == 3 and a[0] == b[0]:
        return f"{a[2]} {_MONTHS[a[1] - 1]} – {_join(b)}"
    if len(a) == len(b) == 2 and a[0] == b[0]:
        return f"{_MONTHS[a[1] - 1]}–{_join(b)}"
    return f"{_join(a)} – {_join(b)}"


def _parts(text: str) -> tuple[int, ...] | None:
    try:
        parts = tuple(int(p) for p in text.split("-"))
    except ValueError:
        return None
    if len(parts) >= 2 and not 1 <= parts[1] <= 12:
        return None
    return parts


def _join(parts: tuple[int, ...]) -> str:
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{_MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{parts[2]} {_MONTHS[parts[1] - 1]} {parts[0]}"


def format_number(value: float | int) -> str:
    """The figure with its own decimal places, grouped: 1,500, 441.4, 0.0000001.

    repr gives a float's shortest digits, which for any number a briefing may hold (at
    most 15 significant digits, see core/numeric.py) are the digits written in the file;
    Decimal prints them in full where repr would use an exponent (1e-07), and a fixed
    number of places would print such a figure as 0.00.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{Decimal(repr(value)):,f}"


def format_value(stat: TradeStatistic) -> str:
    """The figure as a reader says it: 'more than 150 participants', '$441.4 million'."""
    if stat.value is None:
        return ""
    number = format_number(stat.value)
    if stat.unit == "currency" and stat.currency:
        sign = _CURRENCY_SIGNS.get(stat.currency)
        amount = f"{sign}{number}" if sign else f"{number}"
        words = [amount] + ([stat.scale] if stat.scale else [])
        if not sign:
            words.append(stat.currency)
    else:
        words = [number] + ([stat.scale] if stat.scale else [])
        if stat.unit:
            words.append(stat.unit)
    if stat.qualifier and stat.qualifier != "exactly":
        words.insert(0, stat.qualifier)
    return " ".join(words)


def format_change(stat: TradeStatistic) -> str:
    arrow = {"increase": "▲ up", "decrease": "▼ down", "unchanged": "unchanged"}
    words = [arrow[stat.direction]] if stat.direction else []
    if stat.change is not None:
        unit = "%" if stat.change.unit == "percent" else f" {stat.change.unit}"
        words.append(f"{format_number(stat.change.value)}{unit}")
        if stat.change.compared_with:
            words.append(f"on {stat.change.compared_with}")
    return " ".join(words)


def chart_unit(stat: TradeStatistic) -> str:
    """What the numbers of a chart group are counted in: 'USD million', 'enterprises'."""
    if stat.unit == "currency" and stat.currency:
        return " ".join(w for w in (stat.currency, stat.scale) if w)
    return " ".join(w for w in (stat.scale, stat.unit) if w) or "value"
