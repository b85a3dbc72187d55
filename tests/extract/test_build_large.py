"""`briefing build` on a 5 MiB article: a draft that passes `briefing check` (kept apart
from the property tests, which run in seconds)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_ARTICLE

from desktop.core.extract import draft_text
from desktop.core.load import parse_document
from desktop.core.provenance import check_document

ARTICLES = [SEED_ARTICLE, *sorted((Path(__file__).parent / "articles").glob("*.txt"))]


def _five_megabyte_article() -> bytes:
    """The seed and the test articles (realistic news prose) repeated to 5 MiB."""
    base = "\n".join(a.read_text(encoding="utf-8") for a in ARTICLES).encode()
    copies = 5 * 1024 * 1024 // len(base) + 1
    return b"\n".join([base] * copies)


@pytest.mark.slow
def test_five_megabyte_article_drafts_a_draft_that_checks(tmp_path: Path):
    """Linear time is pinned by test_draft's scaling tests and timed by
    benchmarks/build_speed.py; this holds the result of a large article to the promise."""
    article = tmp_path / "article.txt"
    article.write_bytes(_five_megabyte_article())
    assert article.stat().st_size >= 5 * 1024 * 1024
    text = draft_text(article, tmp_path)
    document = parse_document(text, tmp_path / "draft.yaml")
    assert document.briefing.briefing.draft is True
    assert document.briefing.agreements and document.briefing.trade_statistics
    assert check_document(document) == []
