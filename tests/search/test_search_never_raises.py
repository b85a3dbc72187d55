"""Whatever is typed, search answers or says the query is malformed; it never raises
anything else, and highlighting never fails (issue 7)."""

from __future__ import annotations

from conftest import SEED_ARTICLE, SEED_BRIEFING
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.load import load_briefing
from desktop.core.search import QueryError, SearchIndex, highlight_spans

SEED = load_briefing(SEED_BRIEFING)
ARTICLE = SEED_ARTICLE.read_text(encoding="utf-8")
INDEX = SearchIndex.build(SEED, ARTICLE)
PIECES = [*'"-:*\'., \t\n\\()[]', "status:", "name:", "section:", "Лукашенко", "441.4", "é",
          "\u0301"]
SPECIAL = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=40), SPECIAL), typing=st.booleans())
def test_any_query_gives_a_result_or_a_query_error(text, typing):
    try:
        result = INDEX.search(text, typing=typing)
    except QueryError as exc:
        assert exc.message and 1 <= exc.column <= len(text) + 1
        return
    for section, index in list(result.matches())[:20]:
        for hit in result.hits(section, index):
            assert all(0 <= a < b <= len(hit.text) for a, b in hit.spans)
    spans = result.highlighter.spans(ARTICLE)
    assert all(0 <= a < b <= len(ARTICLE) for a, b in spans)


@settings(max_examples=200, deadline=None)
@given(text=st.text(max_size=60), query=st.one_of(st.text(max_size=20), SPECIAL))
def test_highlighting_any_text_with_any_query_never_fails(text, query):
    try:
        spans = highlight_spans(text, query)
    except QueryError:
        return
    assert spans == sorted(spans)
    assert all(0 <= a < b <= len(text) for a, b in spans)
