"""The pieces: sentences, dates, money, and the scorer's matching."""

from __future__ import annotations

from conftest import SEED_BRIEFING

from desktop.core.extract import date_phrases, figures
from desktop.core.extract.score import assignment, score
from desktop.core.extract.sentences import dateline, sentences
from desktop.core.load import load_briefing


def test_sentences_keep_quotes_and_abbreviations_whole():
    text = ("PARIS – On Nov. 3 the U.S. President spoke. “We agree. We sign,” he said. "
            "Then Mr. Lee left.")
    city, start = dateline(text)
    assert city == "PARIS"
    assert [s.text for s in sentences(text, start)] == [
        "On Nov. 3 the U.S. President spoke.", "“We agree. We sign,” he said.",
        "Then Mr. Lee left."]


def test_dates_and_periods():
    assert [f.iso for f in date_phrases.day_dates("on Nov. 29-30 and March 6, 2024", 2017)] == [
        "2017-11-29/2017-11-30", "2024-03-06"]
    assert [f.iso for f in date_phrases.day_dates("from 29-30 November", 2017)] == [
        "2017-11-29/2017-11-30"]
    part = date_phrases.part_of_year("in the first half of 2018")
    assert part is not None and date_phrases.period_label(part.iso) == "January-June 2018"
    assert [f.iso for f in date_phrases.year_dates("In 2015-2016 and since 2010")] == [
        "2015/2016", "2010"]


def test_year_inference_skips_plans_and_targets():
    text = ("Talks were held on May 3. Trade grew in 2018. A forum will be held in 2021. "
            "The programme runs until 2030 and the chair for 2018-2019.")
    assert date_phrases.infer_year(text) == 2018


def test_money_forms():
    found = figures.money("$441.4 million, 2.5 billion yuan, €300 million, USD 12 billion "
                          "and 350 billion tenge")
    assert [(m.value, m.currency, m.scale) for m in found] == [
        (441.4, "USD", "million"), (2.5, "CNY", "billion"), (300, "EUR", "million"),
        (12, "USD", "billion"), (350, "KZT", "billion")]


def test_assignment_is_optimal_not_greedy():
    # greedy would take (0, 0) = 0.9 and leave row 1 unmatched; best total is 0.8 + 0.8
    weights = [[0.9, 0.8], [0.8, 0.0]]
    assert sorted(assignment(weights)) == [(0, 1), (1, 0)]


def test_reference_scores_full_marks_against_itself():
    reference = load_briefing(SEED_BRIEFING)
    for result in score(reference, reference).values():
        assert (result.precision, result.recall) == (1.0, 1.0), result.section
