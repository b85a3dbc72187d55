"""Time `briefing build` on the bundled articles and on a large article made from them.

    python benchmarks/build_speed.py            # the seed, and a 5 MB article
    python benchmarks/build_speed.py --mb 1     # a 1 MB article instead

The large article repeats the seed and the test articles; the time should grow in step
with the size (the extractor scans each sentence a fixed number of times).
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from desktop.core.extract import build_draft
from desktop.core.extract.yamlout import dump

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = [ROOT / "seeds" / "kazakhstan-belarus-state-visit-2017-11.txt",
            *sorted((ROOT / "tests" / "extract" / "articles").glob("*.txt"))]


def timed(text: str) -> tuple[float, int]:
    started = time.perf_counter()
    briefing = build_draft(text, "article.txt", hashlib.sha256(text.encode()).hexdigest())
    out = dump(briefing)
    return time.perf_counter() - started, len(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=5.0, help="size of the large article")
    args = parser.parse_args()
    seed = ARTICLES[0].read_text(encoding="utf-8")
    timed(seed)  # compile the patterns once, as a long-running window would have
    seconds, size = timed(seed)
    print(f"seed article ({len(seed.encode()):,} bytes): {seconds * 1000:.1f} ms, "
          f"{size:,} bytes of YAML")
    base = "\n".join(p.read_text(encoding="utf-8") for p in ARTICLES)
    target = int(args.mb * 1_000_000)
    big = "\n".join([base] * (target // len(base.encode()) + 1))
    seconds, size = timed(big)
    print(f"large article ({len(big.encode()):,} bytes): {seconds:.2f} s, "
          f"{size:,} bytes of YAML")


if __name__ == "__main__":
    main()
