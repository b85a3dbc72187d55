"""Highlight spans are positions in the string as displayed, whatever the fold did."""

from desktop.core.highlight import snippet
from desktop.core.search import highlight_spans, parse_query


def shown(text: str, query: str, key: str | None = None) -> list[str]:
    return [text[s:e] for s, e in highlight_spans(text, query, key)]


def test_spans_on_cyrillic_for_a_latin_query():
    text = "Нұрсұлтан Назарбаев"
    assert shown(text, "nursultan nazarbayev ") == ["Нұрсұлтан", "Назарбаев"]
    assert highlight_spans(text, "nazarbayev ") == [(10, 19)]


def test_spans_on_latin_for_a_cyrillic_query():
    text = "Lukashenko said Nazarbayev’s visit would strengthen cooperation."
    assert shown(text, "Лукашенко Назарбаев ") == ["Lukashenko", "Nazarbayev"]


def test_spans_on_accented_text_keep_the_accents():
    text = "Le café de Müller à Zürich"
    assert shown(text, "cafe muller zurich ") == ["café", "Müller", "Zürich"]
    decomposed = "Cafe\u0301 noir"
    assert highlight_spans(decomposed, "cafe ") == [(0, 5)]  # the mark included


def test_prefix_being_typed_highlights_only_the_typed_part():
    assert shown("Kazakhstan and Kazakh stores", "kazak") == ["Kazak", "Kazak"]
    assert shown("Нурсултан Назарбаев", "Назарба") == ["Назарба"]
    assert shown("Nazarbayev", "Назарба") == ["Nazarba"]
    assert shown("$441.4 million", "441") == ["441"]


def test_a_whole_word_being_typed_is_marked_whole():
    # "country" reads "countri" (its own fold) before "countr" (were y the start of "ye"),
    # and letters the fold swallows ("ji" -> "i") belong to the mark.
    assert shown("Country of origin", "country") == ["Country"]
    assert shown("an emoji here", "emoji") == ["emoji"]
    assert shown("Kazakhstan", "kazakh") == ["Kazakh"]


def test_phrase_highlights_the_whole_run_and_only_in_order():
    text = "Bilateral trade turnover rose; turnover of trade fell"
    assert shown(text, '"trade turnover"') == ["trade turnover"]
    assert shown(text, '"trade turnover" fell') == ["trade turnover", "fell"]


def test_numbers_highlight_as_written():
    text = "increased 60 percent to $441.4 million, not 441 or 600"
    assert shown(text, "441.4 60 ") == ["60", "441.4"]


def test_overlapping_matches_merge():
    assert highlight_spans("Kazakhstan", "kazakhstan kazak") == [(0, 10)]


def test_field_terms_highlight_only_in_their_field():
    text = "Belarus"
    assert shown(text, "country:belarus ", "country") == ["Belarus"]
    assert shown(text, "country:belarus ", "places.country") == ["Belarus"]
    assert shown(text, "country:belarus ", "source") == []
    assert shown(text, "country:belarus ") == []  # the article: no field
    assert shown(text, "belarus ", "source") == ["Belarus"]


def test_exclusions_and_sections_do_not_highlight():
    assert shown("Belarus and Kazakhstan", "kazakhstan -belarus section:leaders ") == [
        "Kazakhstan"]


def test_empty_query_and_empty_text_have_no_spans():
    assert highlight_spans("anything", "") == []
    assert highlight_spans("", "kazakhstan") == []


def test_a_parsed_query_can_be_reused():
    query = parse_query("minsk", typing=True)
    assert shown("Minsk, Мінск, Минск", query) == ["Minsk", "Мінск", "Минск"]


def test_snippet_is_one_line_around_the_match():
    text = ("word " * 60) + "Kazakhstan\tand\nBelarus " + ("tail " * 60)
    start = text.index("Kazakhstan")
    line = snippet(text, [(start, start + 10)])
    assert "Kazakhstan and Belarus" in line
    assert line.startswith("…") and line.endswith("…")
    assert "\n" not in line and "\t" not in line and len(line) < 130
    assert snippet("short text", [(0, 5)]) == "short text"


def test_a_snippet_is_short_even_when_the_hit_is_a_whole_long_word():
    # A phrase that matches a 1,000,000-character word made a snippet (a cell of the
    # Results panel, a line of `briefing search`) of the whole word.
    word = "x" * 1_000_000
    text = f"Before {word} after."
    spans = highlight_spans(text, parse_query(f"\"{word}\""))
    assert spans == [(7, 7 + len(word))]
    line = snippet(text, spans)
    assert line.startswith("Before xxx") and len(line) <= 2 * 110 + 2
