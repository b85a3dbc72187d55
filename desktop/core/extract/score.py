"""How close a draft is to a hand-made reference: precision and recall per section.

Run ``python -m desktop.core.extract.score DRAFT.yaml|ARTICLE.txt REFERENCE.yaml`` (an
article is drafted first). Matching rule, section by section:

- every (draft entry, reference entry) pair gets a similarity in [0, 1] (below);
- pairs under the section's threshold cannot match;
- the one-to-one assignment with the largest total similarity is taken (Hungarian
  method), so one draft entry never counts for two reference entries;
- precision = matched / draft entries, recall = matched / reference entries (an empty
  side counts as 1.0: nothing wrong was said, or nothing was there to find).

Similarities, on word stems without stop words ("dice" is 2|A∩B| / (|A|+|B|)):
- leaders: 1 when the surnames (last words of the names) are equal, else 0;
- agreements: dice of the titles, only when the statuses are equal;
- trade_statistics: values equal (or both qualitative with equal direction and period),
  then 0.5 + 0.5 * dice of the metrics; else 0;
- cooperation_areas: dice of the area names when above 0.5; at least 0.5 when the two
  quote the same sentence (one excerpt contains the other) and share a word; else 0;
- organisations: 1 when both give the same acronym, else dice of the names;
- events: dates equal, then the larger of the title dice and 0.5 when they quote the same
  sentence; else 0.
Thresholds: 0.5 everywhere except agreements, 0.4 (document titles are long, and a
draft's title keeps a few words of the sentence around the name).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import SECTIONS, Briefing

THRESHOLDS = {"agreements": 0.4}
DEFAULT_THRESHOLD = 0.5
_STOP = frozenset({"the", "a", "an", "of", "in", "on", "for", "and", "with", "to", "by",
                   "at", "as", "its", "their", "between", "from", "during", "this", "that",
                   "is", "are", "was", "were", "be", "s"})


def _stem(word: str) -> str:
    for suffix, replace in (("ations", ""), ("ation", ""), ("ies", "y"), ("ing", ""),
                            ("es", ""), ("s", ""), ("al", ""), ("ic", ""), ("e", "")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[:len(word) - len(suffix)] + replace
    return word


def tokens(text: str | None) -> frozenset[str]:
    words = re.findall(r"[a-z0-9]+", (text or "").lower().replace("’s", "").replace("'s", ""))
    return frozenset(_stem(w) for w in words if w not in _STOP)


def dice(a: str | None, b: str | None) -> float:
    x, y = tokens(a), tokens(b)
    return 2 * len(x & y) / (len(x) + len(y)) if x and y else 0.0


def _norm(text: str) -> str:
    return " ".join(text.split())


def same_sentence(d: Any, r: Any) -> bool:
    """Whether an excerpt of one entry contains an excerpt of the other."""
    return any(x in y or y in x for a in d.source for b in r.source
               for x, y in [(_norm(a), _norm(b))])


def _leaders(d: Any, r: Any) -> float:
    return 1.0 if d.name.split()[-1].lower() == r.name.split()[-1].lower() else 0.0


def _agreements(d: Any, r: Any) -> float:
    return dice(d.title, r.title) if d.status == r.status else 0.0


def _statistics(d: Any, r: Any) -> float:
    if d.value is not None and r.value is not None:
        same = abs(float(d.value) - float(r.value)) <= 1e-9 * max(1.0, abs(float(r.value)))
    elif d.value is None and r.value is None:
        same = d.direction == r.direction and \
            (d.period or "").replace("–", "-") == (r.period or "").replace("–", "-")
    else:
        same = False
    return 0.5 + 0.5 * dice(d.metric, r.metric) if same else 0.0


def _areas(d: Any, r: Any) -> float:
    score = dice(d.area, r.area)
    if same_sentence(d, r) and tokens(d.area) & tokens(r.area):
        return max(score, 0.5)
    return score if score > 0.5 else 0.0  # one shared word of two is not enough alone


def _organisations(d: Any, r: Any) -> float:
    if d.acronym and r.acronym and d.acronym == r.acronym:
        return 1.0
    return dice(d.name, r.name)


def _events(d: Any, r: Any) -> float:
    if d.date != r.date:
        return 0.0
    return max(dice(d.title, r.title), 0.5 if same_sentence(d, r) else 0.0)


SIMILARITY: dict[str, Callable[[Any, Any], float]] = {
    "leaders": _leaders, "agreements": _agreements, "trade_statistics": _statistics,
    "cooperation_areas": _areas, "organisations": _organisations, "events": _events,
}


@dataclass(frozen=True, slots=True)
class SectionScore:
    section: str
    drafted: int
    reference: int
    matched: int
    pairs: tuple[tuple[int, int, float], ...]

    @property
    def precision(self) -> float:
        return self.matched / self.drafted if self.drafted else 1.0

    @property
    def recall(self) -> float:
        return self.matched / self.reference if self.reference else 1.0


def assignment(weights: list[list[float]]) -> list[tuple[int, int]]:
    """Rows matched to columns with the largest total weight (Hungarian method, O(n³))."""
    rows, cols = len(weights), len(weights[0]) if weights else 0
    n = max(rows, cols)
    if n == 0:
        return []
    cost = [[-(weights[i][j]) if i < rows and j < cols else 0.0 for j in range(n)]
            for i in range(n)]
    inf = float("inf")
    u, v, p, way = [0.0] * (n + 1), [0.0] * (n + 1), [0] * (n + 1), [0] * (n + 1)
    for i in range(1, n + 1):
        p[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = p[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[p[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if p[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            p[j0] = p[j1]
            j0 = j1
    return [(p[j] - 1, j - 1) for j in range(1, n + 1)
            if p[j] and p[j] - 1 < rows and j - 1 < cols]


def score_section(section: str, drafted: Sequence[Any],
                  reference: Sequence[Any]) -> SectionScore:
    similarity = SIMILARITY[section]
    threshold = THRESHOLDS.get(section, DEFAULT_THRESHOLD)
    weights = [[s if (s := similarity(d, r)) >= threshold else 0.0 for r in reference]
               for d in drafted]
    pairs = tuple((i, j, weights[i][j]) for i, j in assignment(weights) if weights[i][j] > 0)
    return SectionScore(section, len(drafted), len(reference), len(pairs), pairs)


def score(draft: Briefing, reference: Briefing) -> dict[str, SectionScore]:
    return {name: score_section(name, getattr(draft, name), getattr(reference, name))
            for name, _cls in SECTIONS}


def report(scores: dict[str, SectionScore]) -> str:
    lines = [f"{'section':<18} {'draft':>5} {'ref':>5} {'match':>5} {'precision':>9} "
             f"{'recall':>7}"]
    for s in scores.values():
        lines.append(f"{s.section:<18} {s.drafted:>5} {s.reference:>5} {s.matched:>5} "
                     f"{s.precision:>9.1%} {s.recall:>7.1%}")
    return "\n".join(lines)


def _draft_for(path: Path) -> Briefing:
    from .draft import build_draft
    from .files import read_article, relative_path

    if path.suffix.lower() == ".txt":
        article = read_article(path)
        return build_draft(article.text, relative_path(path, path.parent), article.sha256)
    from ..load import load_briefing

    return load_briefing(path)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m desktop.core.extract.score",
        description="Precision and recall of a draft against a reference briefing, per "
        "section (the matching rule is in this module's docstring).")
    parser.add_argument("draft", help="a draft briefing .yaml, or an article .txt to draft")
    parser.add_argument("reference", help="the hand-made reference briefing .yaml")
    parser.add_argument("-v", "--verbose", action="store_true",
                        help="also list unmatched entries")
    args = parser.parse_args(argv)
    from ..load import load_briefing
    from ..problems import BriefingError, UnreadableFileError
    from .files import ArticleError

    try:
        draft = _draft_for(Path(args.draft))
        reference = load_briefing(args.reference)
    except (ArticleError, BriefingError, UnreadableFileError) as exc:
        print(f"score: {exc}", file=sys.stderr)
        return 2
    scores = score(draft, reference)
    print(report(scores))
    if args.verbose:
        from ..model import entry_label

        for name, s in scores.items():
            matched_d = {i for i, _j, _w in s.pairs}
            matched_r = {j for _i, j, _w in s.pairs}
            for i, entry in enumerate(getattr(draft, name)):
                if i not in matched_d:
                    print(f"  {name}: extra in draft: {entry_label(entry)}")
            for j, entry in enumerate(getattr(reference, name)):
                if j not in matched_r:
                    print(f"  {name}: missed: {entry_label(entry)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
