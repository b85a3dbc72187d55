"""The builder against hand-made references: the thresholds issue 6 sets, on every article."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEED_ARTICLE, SEED_BRIEFING

from desktop.core.extract import build_draft, read_article
from desktop.core.extract.score import score
from desktop.core.load import load_briefing

HERE = Path(__file__).resolve().parent
ARTICLES = HERE / "articles"
CASES = [
    (SEED_ARTICLE, SEED_BRIEFING),
    *((txt, txt.with_suffix(".yaml")) for txt in sorted(ARTICLES.glob("*.txt"))),
]
RECALL_AT_LEAST = {"leaders": 1.0, "trade_statistics": 0.9, "agreements": 0.8,
                   "cooperation_areas": 0.8}
PRECISION_AT_LEAST = 0.8


def test_there_are_at_least_two_articles_besides_the_seed():
    assert len(CASES) >= 3


@pytest.mark.parametrize(("article", "reference"), CASES, ids=[c[0].stem for c in CASES])
def test_draft_meets_the_thresholds(article: Path, reference: Path):
    read = read_article(article)
    text, sha256 = read.text, read.sha256
    draft = build_draft(text, article.name, sha256)
    scores = score(draft, load_briefing(reference))
    failures = []
    for name, result in scores.items():
        if result.precision < PRECISION_AT_LEAST:
            failures.append(f"{name} precision {result.precision:.0%}")
        if result.recall < RECALL_AT_LEAST.get(name, 0.0):
            failures.append(f"{name} recall {result.recall:.0%}")
    assert not failures, f"{article.name}: " + ", ".join(failures)
