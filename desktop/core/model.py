"""The briefing model: typed, immutable, and the one source of truth for the format.

Every class here is a frozen dataclass whose fields carry their documentation and
constraints as metadata. The validator (``validate.py``), the JSON Schema written to
``resources/`` and the field reference in ``docs/format.md`` are all derived from these
classes, so the format is described in exactly one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = 1

# An ISO 8601 calendar date of reduced precision (2017, 2017-11, 2017-11-29), or an
# interval of two such dates separated by a slash (2017-11-29/2017-11-30).
DATE_PATTERN = (
    r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?(/[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?)?$"
)

Number = int | float

# Bounds on every number a briefing holds (values, changes, and each number written in a
# derived figure's arithmetic). A double holds any decimal of at most 15 significant
# digits exactly enough to give it back as written (DBL_DIG), and integers below 10^15 are
# below 2^53, so every check compares the figure the author wrote. 10^15 is a quadrillion:
# no figure an article states, even in trillions, comes near it. Refusing sizes below
# 10^-15 keeps underflow (1.0e-400 reads as 0.0) from passing as a different figure.
NUMBER_MAX_DIGITS = 15
NUMBER_MAX_EXPONENT = 15  # a number's size is below 10^15 ...
NUMBER_MIN_EXPONENT = -15  # ... and, unless it is 0, at least 10^-15
# A derived figure's arithmetic: real ones are a few terms ("441.4 / (1 + 60 / 100)" is
# 22 characters, a year's months summed ~120); the bounds keep every message one line
# long and every evaluation small.
ARITHMETIC_MAX_CHARS = 500
ARITHMETIC_MAX_DEPTH = 20  # parentheses and signs open at once
ARITHMETIC_PATTERN = r"^[0-9.eE+\-*/()\s]+$"
Status = Literal[
    "signed", "adopted", "considered", "proposed", "issued", "planned", "in_force"
]
AgreementKind = Literal[
    "agreement", "declaration", "decision", "statement", "documents",
    "memorandum", "treaty", "protocol", "programme", "contract",
]
Direction = Literal["increase", "decrease", "unchanged"]
Scale = Literal["thousand", "million", "billion", "trillion"]
Qualifier = Literal[
    "exactly", "about", "more than", "less than", "at least", "at most", "one of the top"
]
StatementKind = Literal["quote", "reported"]


def spec(doc: str, *, default: Any = ..., example: Any = None, **constraints: Any) -> Any:
    """A dataclass field with its documentation and validation constraints.

    ``default=...`` (the default) makes the field required. Constraints understood by the
    validator and the JSON Schema writer: ``min_items``, ``pattern``, ``min_length``,
    ``arithmetic`` (the text is a derived figure's arithmetic, evaluated when read),
    ``searchable=False`` (the search leaves it out: it names fields, it says nothing).
    """
    metadata = {"doc": doc, "example": example, **constraints}
    if default is ...:
        return field(metadata=metadata)
    return field(default=default, metadata=metadata)


SOURCE_DOC = (
    "One or more excerpts copied verbatim from the article (whitespace may differ). "
    "`briefing check` proves each one occurs in the article."
)


def source_field() -> Any:
    return spec(SOURCE_DOC, min_items=1, min_length=1,
                example=["The two leaders discussed strengthening cooperation ..."])


# A value's place inside an entry, as problem messages write it: `date`, `parties[1]`,
# `places[0].country`, `change.compared_with`.
FIELD_PATH_PATTERN = r"^[a-z_]+(\[[0-9]+\])?(\.[a-z_]+(\[[0-9]+\])?)*$"


@dataclass(frozen=True, slots=True, kw_only=True)
class Marking:
    """Values an entry holds that its excerpts do not state, and why they are there.

    Under `inferred`: a reading of the article (a year it implies, a party it suggests),
    with the reading. Under `added`: knowledge from outside the article (a name in its
    native script, a place's country), with where it comes from. A value neither stated
    in the entry's excerpts, derived nor marked is a problem for `briefing check`.
    """

    fields: tuple[str, ...] = spec(
        "The values it covers, as paths within the entry, the way problem messages write "
        "them: `date`, `parties` (the whole list) or `parties[1]` (one item), "
        "`places[0].country`, `change.compared_with`. In the `briefing` section a path may "
        "also start at a list section, to cover any entry's value: `events[3].date`. In a "
        "flow list, quote a path with brackets: `[date, \"parties[1]\"]`.",
        min_items=1, min_length=1, pattern=FIELD_PATH_PATTERN,
        pattern_doc="a field path such as date, parties[1] or places[0].country",
        example=["date"], searchable=False)
    reason: str = spec(
        "For `inferred`, how the article implies it; for `added`, where it comes from.",
        min_length=1,
        example="The article dates the visit \"Nov. 29-30\" without a year; 2017 follows "
                "from its figures for the first nine months of 2017.")


def inferred_field() -> Any:
    return spec("Values inferred from the article rather than stated in it, each with the "
                "reading that gives it (see Marking).", default=())


def added_field() -> Any:
    return spec("Values added from outside the article, each with where it comes from "
                "(see Marking).", default=())


@dataclass(frozen=True, slots=True, kw_only=True)
class Derived:
    """A value the article implies but does not state, with the arithmetic behind it."""

    arithmetic: str = spec(
        "An expression of numbers and + - * / ( ) whose result, rounded to the precision "
        "of `value`, is `value`; `briefing check` proves it. At most "
        f"{ARITHMETIC_MAX_CHARS} characters and {ARITHMETIC_MAX_DEPTH} parentheses and "
        "signs deep, every step finite, no division by zero (see Numbers and arithmetic "
        "in docs/format.md).",
        example="441.4 / (1 + 60 / 100)", min_length=1, arithmetic=True,
        pattern=ARITHMETIC_PATTERN,
        pattern_doc="arithmetic: numbers with + - * / and parentheses",
    )
    explanation: str | None = spec(
        "In words, how the value follows from the article.", default=None,
        example="Turnover rose 60 percent to $441.4 million, so it was 441.4 / 1.6 before.",
    )


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleRef:
    """The article the briefing was built from."""

    path: str = spec("Path of the article's plain-text file, relative to the YAML file.",
                     min_length=1, example="kazakhstan-belarus-state-visit-2017-11.txt")
    sha256: str = spec("SHA-256 of the article file's bytes, lowercase hex.",
                       pattern=r"^[0-9a-f]{64}$",
                       pattern_doc="a SHA-256 in lowercase hex (64 characters)")
    title: str | None = spec("The article's headline, if it has one.", default=None)
    publisher: str | None = spec("Publisher, only if the article names it.", default=None)
    url: str | None = spec("Address of the article, only if known.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class Header:
    """What the briefing is about: the `briefing` section."""

    title: str = spec("Title of the briefing note.", min_length=1)
    date: str = spec("Date or period covered: an ISO date (2017-11-29), a reduced date "
                     "(2017-11, 2017) or an interval (2017-11-29/2017-11-30).",
                     pattern=DATE_PATTERN, example="2017-11-29/2017-11-30")
    place: str = spec("Where it happened.", min_length=1, example="Minsk, Belarus")
    summary: str = spec("A few sentences a reader can take in at a glance.", min_length=1)
    dateline: str | None = spec("The article's dateline (the city it was filed from).",
                                default=None, example="ASTANA")
    draft: bool = spec("True for a machine-made draft that a person has not reviewed.",
                       default=False)
    note: str | None = spec("Anything a reader should know about how the briefing was made.",
                            default=None)
    article: ArticleRef = spec("The source article.")
    inferred: tuple[Marking, ...] = inferred_field()
    added: tuple[Marking, ...] = added_field()
    source: tuple[str, ...] = source_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class NativeName:
    """A name as written in another script or language."""

    name: str = spec("The name in that script.", min_length=1, example="Нұрсұлтан Назарбаев")
    language: str = spec("BCP 47 language tag of the spelling.", min_length=2,
                         pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]+)*$", example="kk",
                         pattern_doc="a language tag such as kk, ru or be")


@dataclass(frozen=True, slots=True, kw_only=True)
class Statement:
    """Something a leader said: a direct quote or reported speech."""

    text: str = spec("The quote verbatim, or what was reported.", min_length=1)
    kind: StatementKind = spec("`quote` for words in quotation marks, `reported` otherwise.")
    topic: str | None = spec("What the statement is about, in a few words.", default=None)
    source: tuple[str, ...] = source_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class Leader:
    """A person who took part: head of state, minister, official."""

    name: str = spec("Full name as the article spells it.", min_length=1,
                     example="Nursultan Nazarbayev")
    native_names: tuple[NativeName, ...] = spec(
        "The name in native scripts, where the article or common usage gives one.",
        default=())
    role: str = spec("Title or office.", min_length=1, example="President")
    country: str = spec("Country or organisation the person represents.", min_length=1,
                        example="Kazakhstan")
    statements: tuple[Statement, ...] = spec("What the person said.", default=())
    note: str | None = spec("Anything else a reader needs.", default=None)
    inferred: tuple[Marking, ...] = inferred_field()
    added: tuple[Marking, ...] = added_field()
    source: tuple[str, ...] = source_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class Agreement:
    """A document signed, adopted, considered or proposed."""

    title: str = spec("The document's name, or a description if it has none.",
                      min_length=1)
    kind: AgreementKind = spec("What sort of document it is.")
    parties: tuple[str, ...] = spec("Who signed, adopted or considered it.", default=())
    status: Status = spec("Where the document stands according to the article.")
    date: str | None = spec("When, as an ISO date or interval.", default=None,
                            pattern=DATE_PATTERN)
    validity: str | None = spec("How long it runs, as the article says it.", default=None,
                                example="until 2026")
    note: str | None = spec("Anything else a reader needs.", default=None)
    inferred: tuple[Marking, ...] = inferred_field()
    added: tuple[Marking, ...] = added_field()
    source: tuple[str, ...] = source_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class Change:
    """How a figure moved."""

    value: Number = spec("Size of the change.", example=60)
    unit: str = spec("`percent`, or the unit of the figure itself.", min_length=1,
                     example="percent")
    compared_with: str | None = spec("The period or figure compared against.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class TradeStatistic:
    """A figure: money, a count, a percentage, a ranking or a qualitative trend."""

    metric: str = spec("What is measured.", min_length=1, example="Bilateral trade turnover")
    value: Number | None = spec("The number, as the article gives it; absent for a "
                                "qualitative trend.", default=None, example=441.4)
    qualifier: Qualifier | None = spec("How exact `value` is, when the article hedges it.",
                                       default=None)
    unit: str | None = spec("What is counted, or `currency` for money.", default=None,
                            example="currency")
    currency: str | None = spec("ISO 4217 code for money.", default=None,
                                pattern=r"^[A-Z]{3}$", example="USD",
                                pattern_doc="an ISO 4217 currency code such as USD or EUR")
    scale: Scale | None = spec("Multiplier of `value`.", default=None, example="million")
    period: str | None = spec("The period the figure covers, in words.", default=None,
                              example="January-September 2017")
    change: Change | None = spec("How the figure moved.", default=None)
    direction: Direction | None = spec("Which way it moved.", default=None)
    derived: Derived | None = spec("Present when the article implies the value but does "
                                   "not state it.", default=None)
    note: str | None = spec("Anything else a reader needs.", default=None)
    inferred: tuple[Marking, ...] = inferred_field()
    added: tuple[Marking, ...] = added_field()
    source: tuple[str, ...] = source_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place where cooperation happens, and what is made or done there."""

    name: str = spec("Town, region or institution.", min_length=1, example="Karaganda")
    country: str | None = spec("Country the place is in.", default=None)
    products: tuple[str, ...] = spec("What is made or assembled there.", default=())
    established: str | None = spec("When it was opened or founded (ISO date or year).",
                                   default=None, pattern=DATE_PATTERN)
    note: str | None = spec("Anything else a reader needs.", default=None)


@dataclass(frozen=True, slots=True, kw_only=True)
class CooperationArea:
    """A field the countries work together in."""

    area: str = spec("The field of cooperation.", min_length=1, example="Transport and transit")
    details: str | None = spec("What the article says about it.", default=None)
    places: tuple[Place, ...] = spec("Where it happens and what is made there.", default=())
    inferred: tuple[Marking, ...] = inferred_field()
    added: tuple[Marking, ...] = added_field()
    source: tuple[str, ...] = source_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class Organisation:
    """An organisation, institution or body the article names."""

    name: str = spec("Full name.", min_length=1,
                     example="Collective Security Treaty Organisation")
    acronym: str | None = spec("Short form, as the article uses it.", default=None,
                               example="CSTO")
    note: str | None = spec("What the article says about it.", default=None)
    inferred: tuple[Marking, ...] = inferred_field()
    added: tuple[Marking, ...] = added_field()
    source: tuple[str, ...] = source_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """Something that happened at a date, for the timeline."""

    date: str = spec("When, as an ISO date, reduced date or interval.",
                     pattern=DATE_PATTERN, example="2017-11-30")
    title: str = spec("What happened, in a line.", min_length=1)
    place: str | None = spec("Where.", default=None)
    note: str | None = spec("Anything else a reader needs, such as how the date is known.",
                            default=None)
    inferred: tuple[Marking, ...] = inferred_field()
    added: tuple[Marking, ...] = added_field()
    source: tuple[str, ...] = source_field()


@dataclass(frozen=True, slots=True, kw_only=True)
class Briefing:
    """A briefing note: the whole file."""

    schema_version: Literal[1] = spec("Version of this format; always 1.")
    briefing: Header = spec("What the briefing is about, and its article.")
    leaders: tuple[Leader, ...] = spec("People who took part.", default=())
    agreements: tuple[Agreement, ...] = spec("Documents signed, adopted or considered.",
                                             default=())
    trade_statistics: tuple[TradeStatistic, ...] = spec("Figures and trends.", default=())
    cooperation_areas: tuple[CooperationArea, ...] = spec("Fields of cooperation.",
                                                          default=())
    organisations: tuple[Organisation, ...] = spec("Organisations the article names.",
                                                   default=())
    events: tuple[Event, ...] = spec("Dated events, for the timeline.", default=())


# The list sections, in display order, with the entry class each holds.
SECTIONS: tuple[tuple[str, type], ...] = (
    ("leaders", Leader),
    ("agreements", Agreement),
    ("trade_statistics", TradeStatistic),
    ("cooperation_areas", CooperationArea),
    ("organisations", Organisation),
    ("events", Event),
)

Entry = Leader | Agreement | TradeStatistic | CooperationArea | Organisation | Event


def entry_label(entry: object) -> str:
    """The short name a person would use for an entry (its first identifying field)."""
    for name in ("name", "title", "metric", "area"):
        value = getattr(entry, name, None)
        if isinstance(value, str):
            return value
    return type(entry).__name__
