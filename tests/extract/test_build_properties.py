"""Property tests for `briefing build`: whatever the article holds, the builder gives a
draft that passes `briefing check`, or refuses with one clear line; never another
exception."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from conftest import SEED_ARTICLE
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from desktop.core.extract import ArticleError, DraftError, draft_text, write_draft
from desktop.core.load import parse_document
from desktop.core.provenance import check_document
from desktop.core.textfile import MAX_BYTES_ENV

PROPERTY_SETTINGS = settings(max_examples=150, deadline=None,
                             suppress_health_check=[HealthCheck.too_slow])

WORDS = ["the", "talks", "signed", "agreement", "on", "trade", "increased", "percent", "to",
         "million", "said", "President", "visit", "and", "of", "between", "in", "met",
         "cooperation", "memorandum", "turnover", "declared", "decision", "until", "billion",
         "Mr.", "Nov.", "U.S.", "e.g.", "he", "would", "strengthen", "€", "tonnes", "—", "–"]
NAMES = ["Nursultan Nazarbayev", "Alexander Lukashenko", "Kazakhstan", "Belarus", "Minsk",
         "Astana", "CSTO", "Eurasian Economic Union", "Ministry of Trade", "Abai Kunanbayev",
         "Назарбаев", "Қазақстан", "Беларусь", "مرحبا", "Zhang Wei", "O'Neill", "Jean-Luc"]
DATES = ["2017", "Nov. 29-30", "November 29, 2017", "29 November 2017", "2015-2016",
         "2017-11-30", "January-September 2017", "first nine months of 2017", "May 3",
         "1999/2000", "0", "12/31/2020", "31.12.2020", "year 10000", "2017-02-30"]
FIGURES = ["$441.4 million", "60 percent", "60 %", "+60%", "1,234.5", "-3", "260",
           "$1.2bn", "€5 billion", "1e309", "9" * 40, "0.0", "3/4", "½", "٣"]
QUOTES = ["“", "”", "‘", "’", '"', "'", "«", "»", "(", ")", "[", "]"]
PUNCTUATION = [".", ". ", "! ", "? ", ", ", "; ", ": ", " . . ", "\n", "\n\n", "  ", "\t",
               "...", " – ", "ASTANA – ", "MINSK (Reuters) - "]

prose_token = st.one_of(
    st.sampled_from(WORDS), st.sampled_from(NAMES), st.sampled_from(DATES),
    st.sampled_from(FIGURES), st.sampled_from(QUOTES), st.sampled_from(PUNCTUATION),
    st.integers(-10**6, 10**12).map(str),
    st.from_regex(r"[A-Z][a-z]{1,9}( [A-Z][a-z]{1,9})?", fullmatch=True),
    st.text(min_size=1, max_size=12),
)
prose = st.lists(prose_token, max_size=120).map(" ".join)


def assert_drafts_or_refuses(data: bytes, date: str | None = None) -> None:
    """A draft that checks, or an ArticleError/DraftError of one line; nothing else."""
    with tempfile.TemporaryDirectory() as folder:
        article = Path(folder) / "article.txt"
        article.write_bytes(data)
        try:
            text = draft_text(article, Path(folder), date=date)
        except (ArticleError, DraftError) as exc:
            message = str(exc)
            assert message.strip() and "\n" not in message and "\r" not in message, message
            return
        document = parse_document(text, Path(folder) / "draft.yaml")
        assert document.briefing.briefing.draft is True
        assert check_document(document) == []


@PROPERTY_SETTINGS
@given(prose)
@example("")
@example("2017")
@example("November 29, 2017")
@example("“Unclosed quotation in 2017. And more.")
@example("ASTANA – \n\n2017")
def test_prose_like_text_drafts_or_refuses(text: str):
    assert_drafts_or_refuses(text.encode("utf-8"))


@PROPERTY_SETTINGS
@given(prose, st.sampled_from(["2020", "2020-02", "2020-02-29", "1999/2000"]))
@example("331 Nov. 29-30", "2020")  # was 2020-11-31: "31 Nov" read inside "331"
@example("The summit on Feb. 29 and 31 November.", "2021")
@example(":  ,  the", "2020")  # was an empty title: a first clause of punctuation alone
def test_prose_with_a_given_date_drafts_or_refuses(text: str, date: str):
    assert_drafts_or_refuses(text.encode("utf-8"), date)


@PROPERTY_SETTINGS
@given(st.text(max_size=400), st.sampled_from([None, "2020"]))
@example("\ufeff", None)
@example("\u2028\u2029\x85\x0b\x0c", "2020")
@example("\ud7ff\U0010ffff 2017.", None)
def test_any_unicode_text_drafts_or_refuses(text: str, date: str | None):
    # Lone surrogates become invalid UTF-8 bytes, which the builder must refuse.
    assert_drafts_or_refuses(text.encode("utf-8", errors="surrogatepass"), date)


@PROPERTY_SETTINGS
@given(st.lists(st.tuples(st.integers(0, 4000), st.one_of(prose_token, st.text(max_size=30))),
                min_size=1, max_size=6))
def test_seed_with_text_spliced_in_drafts_or_refuses(splices: list[tuple[int, str]]):
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    for where, piece in sorted(splices, reverse=True):
        text = text[:where] + piece + text[where:]
    assert_drafts_or_refuses(text.encode("utf-8", errors="surrogatepass"))


@PROPERTY_SETTINGS
@given(st.binary(max_size=400))
@example(b"")
@example(b"\xef\xbb\xbf")
@example(b"\xff\xfe2\x000\x001\x007\x00")
@example("ASTANA – talks in 2017.".encode() + b"\xc3")
def test_any_bytes_draft_or_refuse(data: bytes):
    assert_drafts_or_refuses(data)


@PROPERTY_SETTINGS
@given(st.binary(min_size=1, max_size=40), st.integers(0, 2000))
def test_seed_with_bytes_spliced_in_drafts_or_refuses(junk: bytes, where: int):
    seed = SEED_ARTICLE.read_bytes()
    assert_drafts_or_refuses(seed[:where] + junk + seed[where:])


def test_article_over_the_size_cap_is_refused_naming_the_limit(monkeypatch, tmp_path):
    monkeypatch.setenv(MAX_BYTES_ENV, "1000")
    article = tmp_path / "article.txt"
    article.write_bytes(SEED_ARTICLE.read_bytes())
    with pytest.raises(ArticleError) as refused:
        draft_text(article, tmp_path)
    message = str(refused.value)
    assert "over the 1000 bytes limit" in message and MAX_BYTES_ENV in message
    assert "\n" not in message


def test_draft_over_the_size_cap_is_refused_rather_than_written(monkeypatch, tmp_path):
    article = tmp_path / "article.txt"
    article.write_bytes(SEED_ARTICLE.read_bytes())
    draft_size = len(draft_text(article, tmp_path).encode())
    limit = len(SEED_ARTICLE.read_bytes()) + 100  # the article fits, its draft does not
    assert draft_size > limit
    monkeypatch.setenv(MAX_BYTES_ENV, str(limit))
    out = tmp_path / "draft.yaml"
    with pytest.raises(DraftError) as refused:
        write_draft(article, out)
    message = str(refused.value)
    assert f"over the {limit / 1024:.1f} KiB limit" in message and MAX_BYTES_ENV in message
    assert not out.exists()


def _figures(sentences: int) -> str:
    return "ASTANA – Nov. 30, 2017\n" + "".join(
        f"The turnover for the first nine months of 2017 increased {i % 97 + 1} percent to "
        f"${i}.4 million. " for i in range(sentences))


def test_a_draft_bound_for_the_size_cap_is_refused_as_soon_as_it_passes_it(monkeypatch,
                                                                           tmp_path):
    # Every sentence a figure: the draft is ten times the article. Building stops where
    # the entries found so far already pass the cap, not at the end of the article.
    article = tmp_path / "article.txt"
    article.write_text(_figures(12_000), encoding="utf-8")
    limit = 2_000_000  # the article (1 MB) fits
    monkeypatch.setenv(MAX_BYTES_ENV, str(limit))
    with pytest.raises(DraftError) as refused:
        draft_text(article, tmp_path)
    message = str(refused.value)
    stopped_at = int(message.split("up to character ")[1].split()[0].replace(",", ""))
    assert stopped_at < article.stat().st_size / 4, message
    assert f"over the {limit / 1024 / 1024:.1f} MiB limit" in message


def test_the_size_floor_never_refuses_a_draft_that_fits(monkeypatch, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(_figures(600), encoding="utf-8")
    size = len(draft_text(article, tmp_path).encode("utf-8"))
    monkeypatch.setenv(MAX_BYTES_ENV, str(size))  # exactly the draft's size: it fits
    assert len(draft_text(article, tmp_path).encode("utf-8")) == size
