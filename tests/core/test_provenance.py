"""The faithfulness checks: excerpts, stated figures and derived arithmetic."""

from __future__ import annotations

import time

import pytest

from desktop.core.provenance import (
    ExcerptFinder,
    evaluate_arithmetic,
    explain_missing,
    normalize_space,
)
from desktop.core.supported import numbers_in_text


def test_whitespace_is_the_only_tolerated_difference():
    article = normalize_space("The turnover\n  increased 60 percent.")
    assert normalize_space("turnover increased\t60") in article
    assert normalize_space("Turnover increased 60") not in article  # case matters


def test_explanation_points_at_the_first_difference():
    article = "Lukashenko said Nazarbayev’s visit would strengthen cooperation."
    assert explain_missing("Lukashenko said Nazarbayev's visit", article) == (
        "excerpt not found in the article: after \"...Lukashenko said Nazarbayev\" the "
        "article has \"’s visit wou\" where the excerpt has \"'s visit\"")
    assert explain_missing("Something else entirely", article) == (
        "excerpt not found in the article: \"Something else entirely\"")


def test_excerpt_finder_agrees_with_plain_substring_on_a_large_article():
    sentences = [f"Sentence {i} says trade grew {i % 7} percent in region {i % 13}."
                 for i in range(5000)]
    article = " ".join(sentences)
    finder = ExcerptFinder(article)
    probes = [sentences[10], sentences[4999], "grew 3 percent in region 5. Sentence",
              "entence 42 says", "Sentence 5000 says", "percent in region 13."]
    assert [finder.contains(p) for p in probes] == [p in article for p in probes]


def _near_duplicates(n: int) -> list[str]:
    """Sentences that share their first 60 characters and differ in a figure after."""
    return [f"The turnover for the first nine months of 2017 increased {i % 97} percent to "
            f"${i}.4 million." for i in range(n)]


def _finder_cpu_time(n: int) -> float:
    sentences = _near_duplicates(n)
    article = " ".join(sentences)
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        finder = ExcerptFinder(article)
        assert all(finder.contains(s) for s in sentences)
        best = min(best, time.process_time() - started)
    return best


def test_excerpt_finder_stays_linear_on_sentences_that_share_their_start():
    # Keyed by 32 characters, 8,000 sentences with the same start were 8,000 candidates
    # for each excerpt: checking the draft of such an article was quadratic. Eight times
    # the sentences must take about eight times as long (quadratic would be 64 times).
    small, large = _finder_cpu_time(2_000), _finder_cpu_time(16_000)
    assert large < max(small, 0.005) * 8 * 3, (small, large)


def test_excerpt_finder_is_exact_among_near_duplicates():
    sentences = _near_duplicates(3_000)
    article = " ".join(sentences)
    finder = ExcerptFinder(article)
    probes = [sentences[0], sentences[2999], sentences[1500][:70], sentences[7][5:],
              sentences[5].replace("5.4", "5.5"), sentences[42] + " The",
              "The turnover for the first nine months of 2017 increased 3 percent to $9999.4"]
    assert [finder.contains(p) for p in probes] == [p in article for p in probes]


@pytest.mark.parametrize(("text", "numbers"), [
    ("increased 60 percent to $441.4 million", {60, 441.4}),
    ("one of the three largest partners", {1, 3}),
    ("1,500 and 2 300 people", {1500, 2300, 500, 300, 2}),
    ("in 2015-2016", {2015, 2016}),
    ("version 1.2.3 and 4x4", set()),
])
def test_numbers_written_in_text(text, numbers):
    assert numbers_in_text(text) >= {float(n) for n in numbers}
    if not numbers:
        assert numbers_in_text(text) == set()


def test_arithmetic_is_evaluated_safely():
    assert evaluate_arithmetic("441.4 / (1 + 60 / 100)") == pytest.approx(275.875)
    assert evaluate_arithmetic("-2 * (3 - 1)") == -4
    for bad in ("__import__('os')", "2 ** 1000", "x + 1", "1 / 0", ""):
        with pytest.raises(ValueError):
            evaluate_arithmetic(bad)


def _random_text(rng, alphabet: str, size: int) -> str:
    return "".join(rng.choice(alphabet) for _ in range(size))


def _probes(rng, article: str, alphabet: str, count: int) -> list[str]:
    probes = []
    for _ in range(count):
        at, length = rng.randrange(len(article)), rng.randrange(1, 120)
        probe = article[at:at + length]
        if rng.random() < 0.5 and probe:  # a near miss: one character changed
            where = rng.randrange(len(probe))
            probe = probe[:where] + rng.choice(alphabet) + probe[where + 1:]
        probes.append(probe)
    return probes


@pytest.mark.parametrize("budget", [ExcerptFinder.EXACT_BUDGET, 0])
@pytest.mark.parametrize("kind", ["random", "repeated"])
def test_excerpt_finder_finds_exactly_what_find_finds(kind, budget, monkeypatch):
    # Text over a few letters, spaces, punctuation and a non-Latin script, so that word
    # starts and near misses abound; or one passage repeated with small changes, so that
    # thousands of positions share every key. Probes are cut anywhere, mid-word included.
    import random

    monkeypatch.setattr(ExcerptFinder, "EXACT_BUDGET", budget)
    rng = random.Random(12)
    alphabet = "ab a, b. Жж\n-1 "
    if kind == "random":
        article = _random_text(rng, alphabet, 150_000)
    else:
        passage = "Lorem ipsum dolor sit amet, consectetur adipiscing elit 2017. "
        article = "".join(passage.replace("2017", str(2000 + rng.randrange(30)))
                          for _ in range(2_500))
    finder = ExcerptFinder(article)
    probes = _probes(rng, article, alphabet + "Lorem", 3_000)
    assert [finder.find(p) for p in probes] == [article.find(p) for p in probes]


@pytest.mark.parametrize("repeated", [False, True], ids=["varied", "repeated"])
def test_explaining_thousands_of_missing_excerpts_stays_fast(repeated):
    # A received briefing whose excerpts are all absent from a large article: each used to
    # cost a dozen scans of the whole article (2,000 took 18 s over 4 MB); over an article
    # of one sentence repeated, every key is shared by every sentence.
    article = " ".join(f"Sentence {0 if repeated else i} of a long article about trade."
                       for i in range(60_000))
    finder = ExcerptFinder(article)
    started = time.process_time()
    for i in range(2_000):
        number = 0 if repeated else i * 7
        wanted = f"Sentence {number} of a long article about trade and more XX{i}"
        assert finder.find(wanted) == -1
        assert explain_missing(wanted, article, finder).startswith(
            "excerpt not found in the article: after \"")
    assert time.process_time() - started < 5
