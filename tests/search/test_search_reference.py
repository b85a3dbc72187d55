"""The index answers exactly as a plain scan of every text would (property test).

The index folds text in bulk over bytes and fixes distinct words afterwards; the query is
folded word by word. This checks the two agree on random texts full of the cases that
differ between them: capitals, accents, Cyrillic, skeleton pairs, numbers, punctuation.
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.fields import walk
from desktop.core.fold import fold, tokens
from desktop.core.model import ArticleRef, Briefing, Header, Leader, Statement
from desktop.core.search import SearchIndex

WORDS = ["Kazakhstan", "KAZAKHSTAN", "Қазақстан", "Казахстан", "Назарбаев", "Nazarbayev",
         "café", "Cafe\u0301", "441.4", "441", "60", "1,500", "U.S.", "trade", "Trade,",
         "turnover.", "Jam", "YEAR", "yak", "Yerlan", "Ерлан", "Tsar", "Царь", "x-ray",
         "Łódź", "Straße", "Ёлка", "11.txt", "2015–2016", "Lukashenko’s", "«Минск»"]
SEPARATORS = [" ", "  ", ", ", "-", "’", ". ", "\n", " — ", "/"]

parts = st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SEPARATORS)),
                 min_size=1, max_size=6)

def _briefing(names: list[str], statements: list[str]) -> Briefing:
    header = Header(title="T", date="2020", place="P", summary="S", source=("x",),
                    article=ArticleRef(path="a.txt", sha256="0" * 64))
    leaders = tuple(
        Leader(name=name, role="r", country="c", source=("s",),
               statements=(Statement(text=text, kind="quote", source=("q",)),))
        for name, text in zip(names, statements, strict=False))
    return Briefing(schema_version=1, briefing=header, leaders=leaders)


def _reference(briefing: Briefing, words: list[str]) -> list[int]:
    """Leaders where some text holds the words as a run (one word: anywhere)."""
    found = []
    for number, leader in enumerate(briefing.leaders):
        for _path, _key, text in walk(leader):
            have = tokens(fold(text))
            n = len(words)
            if any(have[i:i + n] == words for i in range(len(have) - n + 1)):
                found.append(number)
                break
    return found


@settings(max_examples=200, deadline=None)
@given(names=st.lists(parts, min_size=1, max_size=4),
       statements=st.lists(parts, min_size=1, max_size=4), data=st.data())
def test_index_agrees_with_a_plain_scan(names, statements, data):
    def text(words: list[tuple[str, str]]) -> str:
        return "".join(word + separator for word, separator in words)

    briefing = _briefing([text(n) for n in names], [text(s) for s in statements])
    index = SearchIndex.build(briefing)
    # Mostly words that are in the texts, so that most queries have something to find.
    used = [word for words in names + statements for word, _separator in words]
    pick = st.sampled_from(used) | st.sampled_from(WORDS)
    query, second = data.draw(pick), data.draw(pick)
    words = tokens(fold(query))
    if words:
        result = index.search(query)
        assert list(result.indices("leaders")) == _reference(briefing, words), query
    phrase = tokens(fold(f"{query} {second}"))
    if phrase:
        result = index.search(f'"{query} {second}"')
        assert list(result.indices("leaders")) == _reference(briefing, phrase), (query,
                                                                                  second)


@settings(max_examples=100, deadline=None)
@given(names=st.lists(parts, min_size=1, max_size=4), data=st.data())
def test_typing_a_word_keeps_finding_its_entries_at_every_keystroke(names, data):
    briefing = _briefing(["".join(w + s for w, s in n) for n in names], ["-"] * len(names))
    index = SearchIndex.build(briefing)
    word = data.draw(st.sampled_from([w for n in names for w, _s in n]))
    words = tokens(fold(word))
    if len(words) != 1:
        return
    wanted = set(_reference(briefing, words))
    for end in range(2, len(word) + 1):
        typed = word[:end]
        found = set(index.search(typed, typing=True).indices("leaders"))
        assert wanted <= found, typed
