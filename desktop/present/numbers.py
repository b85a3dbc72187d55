"""Figures as a reader reads them: the one formatter of numbers, amounts and changes.

Every view (table cells, the detail pane, the Overview, both charts, the PDF) writes a
figure through here, so each value has one answer:

- A number keeps the digits the file wrote, grouped by thousands: 1,500, 441.4,
  1.23456789, 0.0000001 (never rounded to a fixed number of places, never an exponent).
- Money: a symbol only where every reader takes it for one currency, ``$`` for USD,
  ``€`` for EUR and ``£`` for GBP; every other currency by its ISO 4217 code, before the
  number like the symbol would be: "KZT 1,500 billion", "RUB 2.5 million". ``¥`` is both
  the yuan and the yen, and ₸ or ₽ are unknown to many readers (and missing from many
  fonts); the code the briefing holds is never wrong.
- A change is the direction's arrow and the size of the change: "↑ 60% on
  January-September 2016", "↓ 20%"; a change with no direction given carries its sign
  ("+5 plants"). The model's change is a size and its direction a separate field, so
  "+20 %" for a fall (what a sign-only cell showed) is never written.
- A trend without a figure shows the trend where the figure would be: "↓ decrease".
- A derived figure's arithmetic is shown with its result, and the figure it was rounded
  to when they differ: "441.4 / (1 + 60 / 100) = 275.875 ≈ 275.9".
"""

from __future__ import annotations

from collections.abc import Iterable

from ..core.model import TradeStatistic
from ..core.numeric import evaluate_arithmetic

# Currencies whose sign names one currency for every reader (see the module doc).
CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£"}
TRENDS = {"increase": "↑ increase", "decrease": "↓ decrease", "unchanged": "→ unchanged"}
ARROWS = {"increase": "↑", "decrease": "↓", "unchanged": "→"}
NO_FIGURE = "—"
# Significant digits of a derived figure's result: enough for any figure a briefing
# rounds to, few enough to hide a float's last-place noise (275.87500000000003).
RESULT_DIGITS = 10


def number(value: int | float) -> str:
    """441.4 stays 441.4, 1500 becomes 1,500, 60.0 becomes 60, 1e-07 becomes 0.0000001.

    A float's repr has the digits the file wrote (a briefing's numbers have at most 15
    significant digits, see core/numeric.py); Decimal writes them out without an exponent.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    text = repr(value)
    if "e" in text or "n" in text:  # an exponent (1e-07), or inf and nan, which no file holds
        from decimal import Decimal  # only here: importing decimal delays the first paint

        return f"{Decimal(text):,f}"
    sign = "-" if text.startswith("-") else ""
    whole, _, fraction = text.lstrip("-").partition(".")
    return f"{sign}{int(whole):,}.{fraction}"


def amount(stat: TradeStatistic) -> str:
    """The figure with its qualifier, currency and scale: 'more than 150 participants',
    '$441.4 million', 'KZT 1,500 billion'; a trend without a figure: '↓ decrease'."""
    if stat.value is None:
        return TRENDS.get(stat.direction or "", NO_FIGURE)
    words = [number(stat.value)]
    if stat.unit == "currency" and stat.currency:
        sign = CURRENCY_SIGNS.get(stat.currency)
        words = [f"{sign}{words[0]}"] if sign else [stat.currency, words[0]]
        if stat.scale:
            words.append(stat.scale)
    else:
        if stat.scale:
            words.append(stat.scale)
        if stat.unit:
            words.append(stat.unit)
    if stat.qualifier == "one of the top" and stat.unit:
        # "one of the 3 largest partners", as articles word it; "one of the top 3
        # largest" would read as a rank they do not give
        words.insert(0, "one of the")
    elif stat.qualifier and stat.qualifier != "exactly":
        words.insert(0, stat.qualifier)
    return " ".join(words)


def change_size(stat: TradeStatistic) -> str:
    """How far and which way the figure moved, without what it is compared with: '↑ 60%';
    the direction alone ('↑ increase') for a figure that has no change but a direction."""
    change = stat.change
    if change is None:
        return TRENDS.get(stat.direction or "", "") if stat.value is not None else ""
    size = number(change.value) + ("%" if change.unit == "percent" else f" {change.unit}")
    arrow = ARROWS.get(stat.direction or "")
    if arrow:
        return f"{arrow} {size}"
    return f"+{size}" if change.value > 0 else size


def change(stat: TradeStatistic) -> str:
    """'↑ 60% on January-September 2016'; '' when the figure says nothing of a change (a
    trend without a figure shows its direction as its figure, see ``amount``)."""
    text = change_size(stat)
    if stat.change is not None and stat.change.compared_with:
        text += f" on {stat.change.compared_with}"
    return text


def derived_arithmetic(stat: TradeStatistic) -> str | None:
    """'441.4 / (1 + 60 / 100) = 275.875 ≈ 275.9' for a derived figure, None otherwise."""
    if stat.derived is None:
        return None
    text = stat.derived.arithmetic
    try:
        result = float(f"{evaluate_arithmetic(text):.{RESULT_DIGITS}g}")
    except ValueError:  # the readers refuse such arithmetic; a made-up model may hold it
        return text
    shown = number(result)
    if stat.value is not None and result != float(stat.value):
        return f"{text} = {shown} ≈ {number(stat.value)}"
    return f"{text} = {shown}"


def unit_text(stat: TradeStatistic) -> str:
    """What a figure is counted in, for a chart's title: 'USD million', 'enterprises'."""
    if stat.unit == "currency":
        return " ".join(p for p in (stat.currency, stat.scale) if p)
    return " ".join(p for p in (stat.scale, stat.unit) if p)


def joined(values: Iterable[str], limit: int = 6) -> str:
    """Comma-joined, and shortened past ``limit`` items so a cell stays one line."""
    items = list(dict.fromkeys(values))
    if len(items) > limit:
        return ", ".join(items[:limit]) + f", … (+{len(items) - limit})"
    return ", ".join(items)
