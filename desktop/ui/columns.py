"""The columns each list shows: header, cell text and sort key per entry (Qt-free).

Cell text is computed when a cell is painted, never for every row up front, so a list of
50,000 entries costs only the rows on screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..core.model import Agreement, CooperationArea, Event, Leader, Organisation, TradeStatistic
from ..present import dates, numbers
from ..present.readings import ANY
from ..present.words import term


@dataclass(frozen=True, slots=True)
class Column:
    header: str
    # Any: each list's columns read its own entry class (a leader's name, a figure's
    # value), which one Callable type cannot say for the six lists at once.
    text: Callable[[Any], str]
    sort_key: Callable[[Any], Any] | None = None  # None: sort by text, case-insensitively
    width: int = 160  # initial width in pixels; the last column stretches
    field: str = ""  # the field key the cell shows, for `field:` search highlights
    # Where in the entry the values the cell shows are (readings.ANY: every item of a
    # list), so an inferred or added one gets its sign; () for a cell of the author's words.
    marked: tuple[str | int, ...] = ()

    def key(self, entry: Any) -> Any:
        """The value to sort by; None for an empty cell, which sorts last either way."""
        if self.sort_key:
            return self.sort_key(entry)
        return self.text(entry).casefold() or None


def _optional_number(value: float | None) -> float | None:
    return None if value is None else float(value)


def _places(area: CooperationArea) -> str:
    return numbers.joined(place.name for place in area.places)


def _products(area: CooperationArea) -> str:
    return numbers.joined(p for place in area.places for p in place.products)


def _derived_mark(stat: TradeStatistic) -> str:
    return numbers.derived_arithmetic(stat) or ""


LEADERS = (
    Column("Name", lambda e: e.name, width=220, field="name", marked=("name",)),
    Column("Role", lambda e: e.role, field="role", marked=("role",)),
    Column("Country", lambda e: e.country, width=120, field="country", marked=("country",)),
    Column("Statements", lambda e: str(len(e.statements)) if e.statements else "",
           lambda e: len(e.statements) or None, width=90),
)

AGREEMENTS = (
    Column("Title", lambda e: e.title, width=290, field="title"),
    Column("Kind", lambda e: term(e.kind), width=95, field="kind"),
    Column("Status", lambda e: term(e.status), width=95, field="status"),
    Column("Date", lambda e: dates.readable(e.date) if e.date else "",
           lambda e: dates.sort_key(e.date) if e.date else None, width=160, field="date",
           marked=("date",)),
    Column("Parties", lambda e: numbers.joined(e.parties), field="parties",
           marked=("parties",)),
)

TRADE = (
    Column("Metric", lambda e: e.metric, width=220, field="metric"),
    Column("Figure", numbers.amount, lambda e: _optional_number(e.value), width=140,
           field="value", marked=("value",)),
    Column("Period", lambda e: e.period or "", width=140, field="period", marked=("period",)),
    Column("Change", numbers.change,
           lambda e: _optional_number(e.change.value if e.change else None), width=120,
           field="change.value", marked=("change",)),
    Column("Derived", _derived_mark, width=80, field="derived.arithmetic"),
)

COOPERATION = (
    Column("Area", lambda e: e.area, width=230, field="area"),
    Column("Places", _places, width=170, field="places.name", marked=("places", ANY, "name")),
    Column("Products", _products, width=170, field="places.products"),
    Column("Details", lambda e: e.details or "", field="details"),
)

ORGANISATIONS = (
    Column("Name", lambda e: e.name, width=360, field="name", marked=("name",)),
    Column("Acronym", lambda e: e.acronym or "", width=90, field="acronym",
           marked=("acronym",)),
    Column("Note", lambda e: e.note or "", field="note"),
)

EVENTS = (
    Column("Date", lambda e: dates.readable(e.date), lambda e: dates.sort_key(e.date),
           width=160, field="date", marked=("date",)),
    Column("Event", lambda e: e.title, width=380, field="title"),
    Column("Place", lambda e: e.place or "", field="place", marked=("place",)),
)


# The columns of each kind of entry, for the page that lists them (ui/pages.py).
BY_CLASS: dict[type, tuple[Column, ...]] = {
    Leader: LEADERS, Agreement: AGREEMENTS, TradeStatistic: TRADE,
    CooperationArea: COOPERATION, Organisation: ORGANISATIONS, Event: EVENTS,
}
