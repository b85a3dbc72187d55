"""An article written after the rules were frozen, scored without tuning on it first.

Its first score showed where the rules stop generalising: fields of cooperation that no
enumeration cue introduces ("gas exports would rise", "a new power line", "the refinery
in <town>") are not found, so cooperation-area recall is below the issue's 80 % here
(57 % after generic fixes; 29 % at first). Everything else is held to the thresholds.
"""

from __future__ import annotations

from pathlib import Path

from desktop.core.article import Article
from desktop.core.extract import build_draft, read_article
from desktop.core.extract.score import score
from desktop.core.extract.yamlout import dump
from desktop.core.load import load_briefing, parse_document
from desktop.core.provenance import check_document

HERE = Path(__file__).resolve().parent / "heldout"
ARTICLE = HERE / "azerbaijan-turkey-energy-2022-10.txt"


def test_heldout_article_meets_thresholds_except_area_recall():
    read = read_article(ARTICLE)
    text, sha256 = read.text, read.sha256
    draft = build_draft(text, ARTICLE.name, sha256)
    document = parse_document(dump(draft), HERE / "draft.yaml")
    assert check_document(document, Article(ARTICLE, text, sha256)) == []
    scores = score(draft, load_briefing(ARTICLE.with_suffix(".yaml")))
    assert scores["leaders"].recall == 1.0
    assert scores["trade_statistics"].recall >= 0.9
    assert scores["agreements"].recall >= 0.8
    for result in scores.values():
        assert result.precision >= 0.8, result.section
