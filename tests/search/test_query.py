"""The query language: words, phrases, exclusions, fields, and errors with their column."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.fold import fold
from desktop.core.query import QueryError, parse_query


def test_words_are_separate_terms_all_required():
    query = parse_query("Kazakhstan  trade 441.4")
    assert [t.words for t in query.terms] == [(fold("kazakhstan"),), ("trade",), ("441.4",)]
    assert all(not t.negated and not t.phrase and t.field is None for t in query.terms)


def test_quoted_phrase_is_one_term_with_its_words_in_order():
    (term,) = parse_query('"Trade Turnover"').terms
    assert term.phrase and term.words == ("trade", "turnover")
    assert term.column == 1


def test_minus_excludes_a_word_or_a_phrase():
    query = parse_query('belarus -draft -"joint plants"')
    assert [(t.words, t.negated, t.phrase) for t in query.terms] == [
        ((fold("belarus"),), False, False), (("draft",), True, False),
        ((fold("joint"), fold("plants")), True, True)]
    assert [t.column for t in query.terms] == [1, 9, 16]


def test_field_limits_a_word_or_a_phrase():
    query = parse_query('country:Belarus title:"socio-economic agreement" -status:signed')
    assert [(t.field, t.words, t.negated) for t in query.terms] == [
        ("country", (fold("belarus"),), False),
        ("title", ("socio", "economic", "agreement"), False),
        ("status", ("signed",), True)]


def test_field_names_are_case_insensitive_and_include_nested_and_section():
    query = parse_query("COUNTRY:x native_names:y section:leaders products:tractors")
    assert [t.field for t in query.terms] == ["country", "native_names", "section", "products"]


def test_a_word_of_several_parts_is_a_phrase():
    (term,) = parse_query("2017-11-29").terms
    assert term.phrase and term.words == ("2017", "11", "29")


def test_punctuation_only_words_are_ignored():
    assert parse_query("$ & —").is_empty
    assert parse_query("").is_empty and parse_query("   ").is_empty


def test_last_word_is_a_prefix_only_while_typing():
    assert not parse_query("kaz").terms[0].is_prefix
    typing = parse_query("trade kaz", typing=True)
    assert [t.is_prefix for t in typing.terms] == [False, True]
    assert "kaz" in typing.terms[1].prefixes
    # A space after the last word means the word is finished.
    assert not parse_query("kaz ", typing=True).terms[0].is_prefix
    # A closed phrase is never a prefix.
    assert not parse_query('"trade tur"', typing=True).terms[0].is_prefix


def test_a_single_letter_being_typed_filters_nothing_yet():
    assert parse_query("L", typing=True).is_empty
    assert parse_query("Н", typing=True).is_empty  # Cyrillic folds to one letter too
    assert [t.words for t in parse_query("kazakhstan t", typing=True).terms] == [
        (fold("kazakhstan"),)]
    # Finished, starred, or limited to a field, a single letter is a real term.
    assert parse_query("L ", typing=True).terms[0].words == ("l",)
    assert parse_query("l*", typing=True).terms[0].is_prefix
    assert parse_query("country:b", typing=True).terms[0].is_prefix
    assert parse_query("Lu", typing=True).terms[0].is_prefix


def test_star_makes_a_prefix_anywhere():
    query = parse_query("nazarb* trade")
    assert query.terms[0].is_prefix and not query.terms[1].is_prefix


@pytest.mark.parametrize(("text", "column", "says"), [
    ('"trade turnover', 1, "unclosed quote"),
    ('belarus "trade', 9, "unclosed quote"),
    ('country:"Bela', 9, "unclosed quote"),
    ("country:", 1, "needs a value"),
    ("trade status: signed", 7, "needs a value"),
    ("-", 1, "'-' must be followed"),
    ("belarus - trade", 9, "'-' must be followed"),
    ("colour:red", 1, "unknown field 'colour'"),
    ("trade Planet:mars", 7, "unknown field 'Planet'"),
    ('""', 1, "empty phrase"),
])
def test_mistakes_raise_query_error_with_column(text, column, says):
    with pytest.raises(QueryError) as caught:
        parse_query(text)
    assert caught.value.column == column
    assert says in caught.value.message
    assert str(caught.value).startswith(f"column {column}: ")


def test_unknown_field_error_lists_the_valid_fields():
    with pytest.raises(QueryError) as caught:
        parse_query("colour:red")
    for name in ("country", "status", "kind", "role", "metric", "area", "title", "name",
                 "section"):
        assert name in caught.value.message


@settings(max_examples=300, deadline=None)  # a shared machine: no per-example deadline
@given(st.text(alphabet=st.sampled_from('ab -:"*\'.,1 \tЖўé' + "country:" + "section:"),
               max_size=30) | st.text(max_size=30))
def test_every_string_parses_or_raises_query_error(text):
    for typing in (False, True):
        try:
            query = parse_query(text, typing=typing)
        except QueryError as exc:
            assert 1 <= exc.column <= len(text) + 1
        else:
            assert all(t.words for t in query.terms)
