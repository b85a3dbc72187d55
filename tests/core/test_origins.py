"""Where values come from: `briefing check` finds a value that is neither in its entry's
excerpts nor marked inferred, added or derived, at that value; marking it makes it pass."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_ARTICLE, SEED_BRIEFING

from desktop.cli import main
from desktop.core.extract import build_draft
from desktop.core.origins import covering, markings, parse_path, unstated
from desktop.core.supported import Excerpts

ARTICLES = sorted((SEED_BRIEFING.parents[1] / "tests" / "extract" / "articles").glob("*.txt"))


def _check(path: Path, capsys) -> tuple[int, list[str]]:  # type: ignore[no-untyped-def]
    code = main(["check", "-q", str(path)])
    return code, capsys.readouterr().out.splitlines()


def _edit(seed_copy: Path, old: str, new: str) -> None:
    text = seed_copy.read_text(encoding="utf-8")
    assert text.count(old) == 1, old
    seed_copy.write_text(text.replace(old, new), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(n for n, line in enumerate(path.read_text("utf-8").splitlines(), 1)
                if needle in line)


def test_the_seed_states_or_marks_every_value(capsys):
    assert _check(SEED_BRIEFING, capsys) == (0, [])


# Each case: a change that puts an unstated value in the seed (old, new), the text on the
# value's line, the problem, and the change that marks it (old, new).
UNMARKED = {
    "an added native name": (
        ("      - fields: [native_names]\n        reason: >-\n          The usual Kazakh",
         "      - fields: [\"native_names[0]\"]\n        reason: >-\n          The usual Kazakh"),
        "{name: Нурсултан Назарбаев",
        "leaders[0].native_names[1].name: 'Нурсултан Назарбаев' is not stated in this "
        "entry's source excerpts (no 'Нурсултан' or 'Назарбаев' there)",
        ("      - fields: [\"native_names[0]\"]",
         "      - fields: [\"native_names[0]\", \"native_names[1].name\"]")),
    "an inferred year": (
        ("  - date: \"2012\"\n    title: Centre for Kazakh",
         "  - date: \"2011\"\n    title: Centre for Kazakh"),
        "  - date: \"2011\"",
        "events[0].date: '2011' is not stated in this entry's source excerpts (no year 2011 "
        "there)",
        ("    place: Belarusian National Technical University\n",
         "    place: Belarusian National Technical University\n    inferred:\n"
         "      - {fields: [date], reason: The year before the opening the article gives.}\n")),
    "an invented party": (
        ("    parties: [Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan]",
         "    parties: [Armenia, Belarus, Kazakhstan, Kyrgyzstan, Russia, Tajikistan, "
         "Uzbekistan]"),
        "Uzbekistan]",
        "agreements[4].parties[6]: 'Uzbekistan' is not stated in this entry's source "
        "excerpts (no 'Uzbekistan' or 'Uzbek' there)",
        ("      - fields: [date]\n        reason: The session concluded with it",
         "      - fields: [date, \"parties[6]\"]\n        reason: The session concluded with it")),
}


@pytest.mark.parametrize("case", list(UNMARKED))
def test_an_unmarked_value_is_found_at_its_place_and_marking_it_passes(case, seed_copy,
                                                                       capsys):
    change, needle, message, marking = UNMARKED[case]
    _edit(seed_copy, *change)
    code, lines = _check(seed_copy, capsys)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"{seed_copy}:{_line_of(seed_copy, needle)}:"), lines
    assert message in lines[0]
    assert "list it under inferred or added with a reason" in lines[0]
    _edit(seed_copy, *marking)
    assert _check(seed_copy, capsys) == (0, [])


def test_a_marking_must_name_a_value_the_entry_holds(seed_copy, capsys):
    _edit(seed_copy, "      - fields: [native_names]\n        reason: >-\n"
                     "          The usual Kazakh",
          "      - fields: [native_names, \"statements[9]\", date]\n        reason: >-\n"
          "          The usual Kazakh")
    code, lines = _check(seed_copy, capsys)
    assert code == 1
    assert [line.split(": ", 1)[1] for line in lines] == [
        "leaders[0].added[0].fields[1]: 'statements[9]' names no field of this entry",
        "leaders[0].added[0].fields[2]: 'date' names no field of this entry"]


def test_the_briefing_section_may_mark_any_entry_but_only_values_there(seed_copy, capsys):
    _edit(seed_copy, "    - fields: [date, \"events[5].date\"]",
          "    - fields: [date, \"events[5].date\", \"events[5].note\", \"events[99].date\"]")
    code, lines = _check(seed_copy, capsys)
    assert code == 1
    assert [line.split(": ", 1)[1] for line in lines] == [
        "briefing.inferred[0].fields[2]: 'events[5].note' holds no value to mark",
        "briefing.inferred[0].fields[3]: 'events[99].date' names no field of the briefing "
        "section or of an entry"]


def test_a_dateline_is_the_articles_own(seed_copy, capsys):
    _edit(seed_copy, "  dateline: ASTANA", "  dateline: ALMATY")
    code, lines = _check(seed_copy, capsys)
    assert code == 1 and len(lines) == 1
    assert "briefing.dateline: 'ALMATY' is not the article's dateline" in lines[0]


def test_a_derived_value_is_covered_by_its_arithmetic_and_a_marking_by_its_path():
    from desktop.core.load import load_briefing

    seed = load_briefing(SEED_BRIEFING)
    marks = markings(seed)
    assert covering(marks, ("trade_statistics", 1, "value")).kind == "derived"
    assert covering(marks, ("leaders", 0, "native_names", 1, "name")).kind == "added"
    assert covering(marks, ("events", 5, "date")).kind == "inferred"  # from the header
    assert covering(marks, ("leaders", 0, "name")) is None
    assert list(unstated(seed)) == []


@pytest.mark.parametrize(("excerpt", "value", "sort", "missing"), [
    # countries by their demonyms and short names, both ways
    ("Kazakh President Nursultan Nazarbayev", "Kazakhstan", "country", []),
    ("the Kazakh-Belarusian business forum", "Belarus", "country", []),
    ("talks in the UK", "United Kingdom", "country", []),
    ("talks in Minsk", "Belarus", "country", ["'Belarus'", "'Belarusian'", "'Belarussian'"]),
    # roles and their variants
    ("Premier Li Keqiang", "Prime Minister", "role", []),
    ("the minister of foreign affairs", "Foreign Minister", "role", []),
    # periods spelled out
    ("the turnover for the first nine months of 2017", "January-September 2017", "period",
     []),
    ("in the first half of 2018", "January-June 2018", "period", []),
    ("rose 12 percent year on year in 2023", "2022", "period", []),
    ("rose 12 percent in 2023", "2022", "period", ["year 2022"]),
    ("$4.6 billion in January-August 2022, up 31 per cent on the same period last year",
     "January-August 2021", "period", []),
    ("for 2016-17", "2017", "period", []),
    # dates: each year, month and day
    ("during a Nov. 29-30 visit", "2017-11-29/2017-11-30", "date", ["year 2017"]),
    ("on November 29, 2017", "2017-11-29", "date", []),
    ("on 29 November 2017", "2017-11-30", "date", ["day 30"]),
    ("you may well go in 2017", "2017-05", "date", ["month May"]),
    # names: every word, small ones aside; scripts are not transliterated
    ("the Eurasian National University named after Lev Gumilev",
     "Eurasian National University named after Lev Gumilev", "name", []),
    ("Nursultan Nazarbayev", "Нурсултан Назарбаев", "name", ["'Нурсултан'", "'Назарбаев'"]),
    ("a visit to Minsk", "Minsk, Belarus", "name", ["'Belarus'"]),
    # currencies by symbol, code or name
    ("to $441.4 million", "USD", "currency", []),
    ("1.5 billion tenge", "KZT", "currency", []),
    ("to $441.4 million", "EUR", "currency", ["'EUR'", "'€'", "'euros'", "'euro'"]),
    ("earned Sh3.2 billion from tea", "KES", "currency", []),
    ("reached US$9-billion", "USD", "currency", []),
])
def test_what_excerpts_state(excerpt, value, sort, missing):
    assert getattr(Excerpts([excerpt]), sort)(value) == missing


@pytest.mark.parametrize("article", [SEED_ARTICLE, *ARTICLES], ids=lambda p: p.stem)
def test_a_draft_marks_every_reading_and_passes_the_check(article):
    draft = build_draft(article.read_text(encoding="utf-8"), article.name, "0" * 64)
    assert list(unstated(draft)) == []
    assert draft.briefing.inferred or any(e.inferred for e in draft.events)


def test_paths_read_as_problem_messages_write_them():
    assert parse_path("places[0].country") == ("places", 0, "country")
    assert parse_path("change.compared_with") == ("change", "compared_with")
    with pytest.raises(ValueError):
        parse_path("places[x]")
