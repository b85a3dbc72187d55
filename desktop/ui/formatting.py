"""Briefing values as the short text a table cell or a copied entry shows (Qt-free)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from ..core.model import Change, TradeStatistic
from ..core.provenance import evaluate_arithmetic

_CURRENCY_SIGNS = {"USD": "$", "EUR": "€", "GBP": "£", "RUB": "₽", "KZT": "₸", "CNY": "¥"}


def number(value: int | float) -> str:
    """441.4 stays 441.4, 1500 becomes 1,500, 60.0 becomes 60, 1e-07 becomes 0.0000001.

    A float's repr has the digits the file wrote (a briefing's numbers have at most 15
    significant digits, see core/numeric.py); Decimal writes them out without an exponent.
    """
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, int):
        return f"{value:,}"
    return f"{Decimal(repr(value)):,f}"


def amount(stat: TradeStatistic) -> str:
    """The figure with its qualifier, currency and scale: 'more than 150 participants'."""
    if stat.value is None:
        return {"increase": "↑ increase", "decrease": "↓ decrease",
                "unchanged": "→ unchanged"}.get(stat.direction or "", "—")
    if stat.unit == "currency" and stat.currency:
        sign = _CURRENCY_SIGNS.get(stat.currency)
        text = f"{sign}{number(stat.value)}" if sign else f"{number(stat.value)} {stat.currency}"
        if stat.scale:
            text += f" {stat.scale}"
    else:
        text = number(stat.value)
        if stat.scale:
            text += f" {stat.scale}"
        if stat.unit:
            text += f" {stat.unit}"
    if stat.qualifier and stat.qualifier != "exactly":
        text = f"{stat.qualifier} {text}"
    return text


def change(value: Change | None) -> str:
    if value is None:
        return ""
    sign = "+" if value.value > 0 else ""
    unit = " %" if value.unit == "percent" else f" {value.unit}"
    text = f"{sign}{number(value.value)}{unit}"
    if value.compared_with:
        text += f" vs {value.compared_with}"
    return text


def joined(values: Iterable[str], limit: int = 6) -> str:
    """Comma-joined, and shortened past ``limit`` items so a cell stays one line."""
    items = list(dict.fromkeys(values))
    if len(items) > limit:
        return ", ".join(items[:limit]) + f", … (+{len(items) - limit})"
    return ", ".join(items)


def derived_arithmetic(stat: TradeStatistic) -> str | None:
    """'441.4 / (1 + 60 / 100) = 275.875 ≈ 275.9' for a derived figure."""
    if stat.derived is None:
        return None
    text = stat.derived.arithmetic
    try:
        result = evaluate_arithmetic(text)
    except ValueError:
        return text
    shown = f"{result:.6g}"
    if stat.value is not None and float(shown) != float(stat.value):
        return f"{text} = {shown} ≈ {number(stat.value)}"
    return f"{text} = {shown}"
