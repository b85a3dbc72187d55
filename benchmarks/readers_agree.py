"""Do the fast reader and the exact reader agree? The YAML test suite and generated documents.

    git clone -b data https://github.com/yaml/yaml-test-suite /tmp/yts
    python benchmarks/readers_agree.py /tmp/yts       # the suite and 990,000 generated
    python benchmarks/readers_agree.py --values 1000000 --briefings 200000 --mutated 100000

Every ``in.yaml`` under the suite's folder (its ``data`` branch: one folder per test) is
read by both readers at the level of values (benchmarks/agreement.py); then documents
from benchmarks/scalar_docs.py, seed by seed: documents of values, small briefings with
one generated value (read as the viewer reads them), ordinary ones of either with a
few structural edits; and every character and pair of characters as a scalar in each
style and place (770,000 documents, --no-pairs to leave them out). For each group:
how many documents, how many each reader took, and every disagreement (a document the
fast reader read otherwise than the exact one, or read where the exact one refuses).
Exit status 1 if there was any.

The suite is not part of this project (its text is not ours to copy): give its folder.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from agreement import Outcome, compare_briefing, compare_values  # noqa: E402
from scalar_docs import briefing, document, mutated, pairs  # noqa: E402


def run(label: str, documents: Iterable[tuple[str, bytes]],
        compare: Callable[[bytes], Outcome]) -> int:
    """Compare each (name, data); print the tally and each disagreement; return how
    many there were."""
    count = fast = exact = 0
    differences = []
    start = time.perf_counter()
    for name, data in documents:
        outcome = compare(data)
        count += 1
        fast += outcome.fast
        exact += outcome.exact
        if outcome.difference:
            differences.append((name, outcome.difference, data))
    print(f"{label}: {count:,} documents in {time.perf_counter() - start:.0f} s; the exact "
          f"reader accepted {exact:,} (refused {count - exact:,}), the fast reader read "
          f"{fast:,} (stepped aside from {count - fast:,}); disagreements: "
          f"{len(differences)}")
    for name, difference, data in differences[:50]:
        print(f"  {name}: {difference}\n    {data[:300]!r}")
    return len(differences)


def suite_documents(folder: Path) -> Iterable[tuple[str, bytes]]:
    for path in sorted(folder.rglob("in.yaml")):
        yield str(path.parent.relative_to(folder)), path.read_bytes()


def generated(make: Callable[[random.Random], bytes], first: int,
              count: int) -> Iterable[tuple[str, bytes]]:
    for seed in range(first, first + count):
        yield f"{make.__name__} seed {seed}", make(random.Random(seed))


def compare_mutated(data: bytes) -> Outcome:
    """A mutated briefing is compared as values and as a briefing."""
    outcome = compare_values(data)
    if outcome.difference or not data.startswith(b"schema_version"):
        return outcome
    as_briefing = compare_briefing(data)
    return as_briefing if as_briefing.difference else outcome


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("suite", type=Path, nargs="?",
                        help="the yaml-test-suite's data folder (its 'data' branch)")
    parser.add_argument("--values", type=int, default=150_000,
                        help="generated documents of values (default 150,000)")
    parser.add_argument("--briefings", type=int, default=50_000,
                        help="generated briefings (default 50,000)")
    parser.add_argument("--mutated", type=int, default=20_000,
                        help="ordinary documents with structural edits (default 20,000)")
    parser.add_argument("--first-seed", type=int, default=0)
    parser.add_argument("--no-pairs", action="store_true",
                        help="leave out the 770,000 documents of every character pair")
    args = parser.parse_args()

    found = 0
    if args.suite is not None:
        if not any(args.suite.rglob("in.yaml")):
            parser.error(f"no in.yaml under {args.suite}: give the suite's 'data' branch")
        found += run(f"YAML test suite ({args.suite})", suite_documents(args.suite),
                     compare_values)
    found += run("generated documents of values",
                 generated(document, args.first_seed, args.values), compare_values)
    found += run("generated briefings", generated(briefing, args.first_seed, args.briefings),
                 compare_briefing)
    found += run("ordinary documents with structural edits",
                 generated(mutated, args.first_seed, args.mutated), compare_mutated)
    if not args.no_pairs:
        found += run("every character and pair of characters in 11 places", pairs(),
                     compare_values)
    sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
