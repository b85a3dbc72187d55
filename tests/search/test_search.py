"""Searching the seed briefing: sections, fields, scripts, phrases, hits and filtering."""

import dataclasses

import pytest
from conftest import SEED_ARTICLE, SEED_BRIEFING

from desktop.core.fields import SEARCH_SECTIONS
from desktop.core.load import load_briefing
from desktop.core.model import (
    Briefing,
    CooperationArea,
    Header,
    Leader,
    NativeName,
    Place,
    Statement,
)
from desktop.core.search import QueryError, SearchIndex, filter_briefing


@pytest.fixture(scope="module")
def briefing() -> Briefing:
    return load_briefing(SEED_BRIEFING)


@pytest.fixture(scope="module")
def index(briefing) -> SearchIndex:
    return SearchIndex.build(briefing)


def labels(index: SearchIndex, query: str, section: str, **options) -> list[str]:
    result = index.search(query, **options)
    entries = index.entries[section]
    return [getattr(entries[i], "name", None) or getattr(entries[i], "title", None)
            or getattr(entries[i], "metric", None) or entries[i].area
            for i in result.indices(section)]


def test_empty_query_matches_everything(index, briefing):
    result = index.search("")
    assert list(result.indices("leaders")) == [0, 1]
    assert result.count("trade_statistics") == len(briefing.trade_statistics)
    assert result.total == 1 + sum(len(getattr(briefing, s)) for s in SEARCH_SECTIONS[1:-1])


def test_words_are_anded_across_fields_of_one_entry(index):
    # "Belarus" is Lukashenko's country, "culture" is in one of his statements.
    assert labels(index, "belarus culture", "leaders") == ["Alexander Lukashenko"]
    assert labels(index, "belarus nonexistentword", "leaders") == []


def test_latin_query_finds_cyrillic_and_back(index):
    # Only a native name holds the Cyrillic spelling; the Latin one is in many places.
    result = index.search("Назарбаев")
    assert list(result.indices("leaders")) == [0, 1]  # Lukashenko's statement names him
    assert result.hits("leaders", 0)[0].path == "name"
    hits = index.search("Лукашенко").hits("leaders", 1)
    assert [h.path for h in hits][:1] == ["name"]
    # Latin to Cyrillic: the Belarusian spelling exists only in Cyrillic.
    found = index.search("Lukashenka").hits("leaders", 1)
    assert [h.path for h in found] == ["native_names[0].name"]
    assert found[0].text == "Аляксандр Лукашэнка"


def test_native_names_field_finds_the_kazakh_spelling(index):
    hits = index.search("native_names:nursultan").hits("leaders", 0)
    assert [h.text for h in hits] == ["Нұрсұлтан Назарбаев", "Нурсултан Назарбаев"]


def test_numbers_match_as_written(index):
    assert labels(index, "441.4", "trade_statistics") == ["Bilateral trade turnover"] * 2
    assert labels(index, "275.9", "trade_statistics") == ["Bilateral trade turnover"]
    assert "Belarusian enterprises in Kazakhstan" in labels(index, "260", "trade_statistics")
    # 441 alone is a different number ...
    assert labels(index, "441", "trade_statistics") == []
    # ... but it is a prefix of 441.4 while typing.
    assert len(labels(index, "441", "trade_statistics", typing=True)) == 2


def test_field_limits_matches_to_that_field(index):
    assert labels(index, "country:belarus", "leaders") == ["Alexander Lukashenko"]
    # Nazarbayev's entry mentions Belarus, but not as his country.
    assert "Nursultan Nazarbayev" in labels(index, "belarus", "leaders")
    assert labels(index, "status:considered", "agreements") == [
        "Draft decision “On the plan for the implementation of the CSTO collective security "
        "strategy for the period until 2025”"]
    assert labels(index, "kind:declaration", "agreements") == [
        "Declaration in connection with the CSTO's anniversary"]
    # A field of nested entries: the place's country, the products made there.
    assert labels(index, "products:harvesters", "cooperation_areas") == [
        "Industrial assembly"]
    assert labels(index, "places:karaganda", "cooperation_areas") == ["Industrial assembly"]


def test_section_field_limits_to_a_section(index):
    result = index.search("section:organisations eurasian")
    assert [s for s in SEARCH_SECTIONS if result.indices(s)] == ["organisations"]
    result = index.search("eurasian -section:organisations")
    assert not result.indices("organisations") and result.indices("cooperation_areas")


def test_phrase_needs_the_words_together_and_in_order(index):
    assert labels(index, '"trade turnover"', "trade_statistics") == [
        "Bilateral trade turnover"] * 2
    assert labels(index, '"turnover trade"', "trade_statistics") == []
    assert labels(index, '"Days of Culture"', "leaders") == ["Alexander Lukashenko"]
    # Across an apostrophe and across scripts.
    assert labels(index, '"Nazarbayev’s visit"', "leaders") == ["Alexander Lukashenko"]
    assert labels(index, '"Нурсултан Назарбаев"', "leaders") == ["Nursultan Nazarbayev"]


def test_exclusions_remove_entries(index):
    both = labels(index, "president", "leaders")
    assert both == ["Nursultan Nazarbayev", "Alexander Lukashenko"]
    assert labels(index, "president -belarus", "leaders") == []
    assert labels(index, "president -country:belarus", "leaders") == ["Nursultan Nazarbayev"]
    assert labels(index, 'president -"Days of Culture"', "leaders") == [
        "Nursultan Nazarbayev"]


def test_typing_a_name_letter_by_letter_keeps_finding_it(index):
    for name in ("Nazarbayev", "Назарбаев", "Kazakhstan"):
        for end in range(2, len(name) + 1):
            found = labels(index, name[:end], "leaders", typing=True)
            assert "Nursultan Nazarbayev" in found, name[:end]


def test_hits_give_field_path_and_one_line_snippet(index):
    hits = index.search("enterprises").hits("leaders", 0)
    assert [h.path for h in hits] == ["statements[2].text", "statements[2].source[0]"]
    assert hits[0].key == "statements.text"
    assert hits[0].label == "Nursultan Nazarbayev"
    assert "260 Belarusian enterprises" in hits[0].snippet
    assert "\n" not in hits[0].snippet and "\t" not in hits[0].snippet
    start, end = hits[0].spans[0]
    assert hits[0].text[start:end] == "enterprises"


def test_header_is_searchable(index):
    result = index.search("dateline:astana")
    assert list(result.indices("briefing")) == [0]
    assert result.hits("briefing", 0)[0].path == "dateline"


def test_article_is_searched_line_by_line_when_given(briefing):
    index = SearchIndex.build(briefing, article=SEED_ARTICLE.read_text("utf-8"))
    result = index.search("Gumilev")
    lines = [index.entries["article"][i] for i in result.indices("article")]
    assert lines and all("Gumilev" in line.text for line in lines)
    line = lines[0]
    assert SEED_ARTICLE.read_text("utf-8")[line.start:line.end] == line.text
    assert result.hits("article", result.indices("article")[0])[0].label == f"line {line.number}"
    assert not SearchIndex.build(briefing).search("Gumilev").indices("article")


def test_iter_hits_walks_sections_in_display_order(index):
    sections = [hit.section for hit in index.search("Nazarbayev").iter_hits()]
    order = [SEARCH_SECTIONS.index(s) for s in sections]
    assert order == sorted(order) and sections[0] == "briefing"


def test_bad_query_raises_query_error(index):
    with pytest.raises(QueryError):
        index.search('"unclosed')


def test_repeated_queries_give_the_same_answer(index):
    first = [list(index.search("kazak", typing=True).indices(s)) for s in SEARCH_SECTIONS]
    for _ in range(3):
        again = [list(index.search("kazak", typing=True).indices(s)) for s in SEARCH_SECTIONS]
        assert again == first


def test_kept_word_matches_stay_within_their_bound_most_recent_first(briefing, monkeypatch):
    """Each word's matches are kept for the next keystrokes, bounded by the ids they hold
    (the GC walks them all at every full collection), the least recently used dropped."""
    import desktop.core.search as search

    words = ["kazakhstan", "belarus", "president", "trade", "minsk", "agreement"]
    sizes = {word: SearchIndex.build(briefing).search(word).total for word in words}
    bound = sizes["minsk"] + sizes["agreement"] + 1
    monkeypatch.setattr(search, "_CACHE_IDS", bound)
    index = SearchIndex.build(briefing)
    answers = {word: index.search(word).total for word in words}
    assert index._terms_ids <= bound
    assert index._terms_ids == sum(map(len, index._terms.values()))
    kept = [key[1][0] for key in index._terms]
    assert 2 <= len(kept) < len(words)
    assert kept == words[len(words) - len(kept):]  # the latest words, oldest first
    index.search(kept[0])  # used again: now the most recent
    assert [key[1][0] for key in index._terms][-1] == kept[0]
    # What was dropped is worked out again, the same.
    assert {word: index.search(word).total for word in words} == answers


def test_filter_briefing_keeps_matching_entries_and_header(briefing):
    filtered = filter_briefing(briefing, "status:signed")
    assert filtered.briefing == briefing.briefing
    assert [a.title for a in filtered.agreements] == [
        a.title for a in briefing.agreements if a.status == "signed"]
    assert filtered.leaders == () and filtered.events == ()
    assert filter_briefing(briefing, "") == briefing
    everything_about_minsk = filter_briefing(briefing, "Минск")
    assert everything_about_minsk.events and all(
        "Minsk" in str(e) for e in everything_about_minsk.events)


def test_filter_briefing_refuses_a_bad_query(briefing):
    with pytest.raises(QueryError):
        filter_briefing(briefing, "colour:red")


def _tiny_briefing(**sections) -> Briefing:
    header = Header(title="T", date="2020", place="P", summary="S",
                    article=dataclasses.replace(load_briefing(SEED_BRIEFING).briefing.article),
                    source=("x",))
    return Briefing(schema_version=1, briefing=header, **sections)


def test_accented_and_odd_texts_are_found():
    leader = Leader(name="José Müller-Łukasz", role="Mayor", country="Ísland",
                    native_names=(NativeName(name="Жозе", language="ru"),),
                    statements=(Statement(text="Ça\x00va", kind="reported", source=("s",)),),
                    source=("He said: it's 1,500.",))
    index = SearchIndex.build(_tiny_briefing(leaders=(leader,)))
    for query in ("jose", "MULLER", "łukasz", "island", "country:island", "1,500", "ca",
                  "va", "it"):
        assert list(index.search(query).indices("leaders")) == [0], query


def test_places_without_products_and_empty_sections_are_fine():
    area = CooperationArea(area="Space", places=(Place(name="Baikonur"),), source=("s",))
    index = SearchIndex.build(_tiny_briefing(cooperation_areas=(area,)))
    assert list(index.search("baikonur").indices("cooperation_areas")) == [0]
    assert index.search("baikonur").count("leaders") == 0


def test_every_text_of_every_entry_is_found_in_its_own_field(index, briefing):
    from desktop.core.fields import walk
    from desktop.core.fold import fold, tokens

    checked = 0
    for section in SEARCH_SECTIONS[:-1]:
        for number, entry in enumerate(index.entries[section]):
            for path, key, text in walk(entry):
                words = tokens(fold(text))[:6]
                if not words:
                    continue
                leaf = key.split(".")[-1]
                query = f'{leaf}:"{" ".join(words)}"'
                assert number in index.search(query).indices(section), (section, path, query)
                checked += 1
    assert checked > 250


def test_phrase_respects_word_boundaries_and_value_boundaries():
    from desktop.core.postings import FieldPostings

    column = FieldPostings("x", ["the trade turnover", "xtrade turnover", "trade turnovers",
                          "Trade,  turnover.", "a trade", "turnover b"], [0, 1, 2, 3, 4, 4])
    assert column.phrase(["trade", "turnover"]) == {0, 3}
    # "a trade" and "turnover b" are two values of entry 4: no phrase across them.
    assert column.phrase(["trade", "turnover"]) == {0, 3}
    # Few distinct values: the grouped path gives the same answer.
    grouped = FieldPostings("y", ["trade turnover", "turnover trade"] * 300, list(range(600)))
    assert grouped.groups is not None
    assert grouped.phrase(["trade", "turnover"]) == set(range(0, 600, 2))
    assert sorted(set(grouped.exact("turnover"))) == list(range(600))


def test_words_the_fold_changes_are_found_first_last_and_beside_numbers():
    from desktop.core.fold import fold, tokens
    from desktop.core.postings import FieldPostings

    # The first and the last distinct word need the skeleton (kh, ts); numbers keep their
    # stops and commas; "U.S." and a stop after a word are split off.
    values = ["Khan 441.4", "a 1,500 U.S.", "end. Tsar"]
    column = FieldPostings("x", values, [3, 5, 9])
    for eid, value in zip([3, 5, 9], values, strict=True):
        for word in tokens(fold(value)):
            assert eid in column.exact(word), (value, word)
    assert list(column.exact("441.4")) == [3] and list(column.exact("1,500")) == [5]
    assert sorted(column.exact("car")) == [9] and column.exact("tsar") == ()


def test_entries_with_one_or_several_excerpts_keep_their_own_words():
    leaders = (
        Leader(name="A", role="r", country="c", source=("alpha one",)),
        Leader(name="B", role="r", country="c", source=("beta one", "gamma two")),
        Leader(name="C", role="r", country="c", source=("delta",), note="gamma"),
        Leader(name="D", role="r", country="c", source=("epsilon",)),
    )
    index = SearchIndex.build(_tiny_briefing(leaders=leaders))
    assert list(index.search("one").indices("leaders")) == [0, 1]
    assert list(index.search("source:gamma").indices("leaders")) == [1]
    assert list(index.search("gamma").indices("leaders")) == [1, 2]
    assert list(index.search("epsilon").indices("leaders")) == [3]
    assert list(index.search("note:gamma").indices("leaders")) == [2]


@pytest.mark.parametrize("enabled", [True, False])
def test_building_leaves_the_garbage_collector_as_it_found_it(enabled):
    import gc

    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        SearchIndex.build(_tiny_briefing())
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_capital_letters_fold_like_small_ones_in_the_index():
    # The index lowercases and applies the skeleton in one pass over bytes: capital J and Y
    # must end as i just like small ones.
    area = CooperationArea(area="JOINT YEAR Jam yak", source=("s",))
    index = SearchIndex.build(_tiny_briefing(cooperation_areas=(area,)))
    for query in ("joint", "year", "jam", "yak", "JOINT", "Year", "area:iam"):
        assert list(index.search(query).indices("cooperation_areas")) == [0], query


def test_section_accepts_tab_names_and_refuses_unknown_ones(index):
    def sections(query: str, **options) -> list[str]:
        result = index.search(query, **options)
        return [s for s in SEARCH_SECTIONS if result.indices(s)]

    assert sections("section:timeline minsk") == ["events"]
    assert sections("section:overview minsk") == ["briefing"]
    assert sections('section:"trade statistics" 441.4') == ["trade_statistics"]
    assert sections("section:trade 441.4") == ["trade_statistics"]
    assert sections("section:coop", typing=True) == ["cooperation_areas"]
    with pytest.raises(QueryError) as caught:
        index.search("minsk section:people")
    assert caught.value.column == 15 and "no section 'people'" in caught.value.message
    assert "leaders" in caught.value.message and "timeline" in caught.value.message


def test_matches_step_through_sections_in_display_order(index):
    result = index.search("Lukashenko")
    matches = list(result.matches())
    assert matches[0] == ("briefing", 0)
    assert ("leaders", 1) in matches
    assert len(matches) == result.total
    assert [s for s, _ in matches] == sorted((s for s, _ in matches),
                                             key=SEARCH_SECTIONS.index)
