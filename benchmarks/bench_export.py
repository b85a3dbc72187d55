"""How long `briefing export` takes, start-up included, and how it grows with size.

    python benchmarks/bench_export.py                 # seed, 1k, 10k, 50k entries
    python benchmarks/bench_export.py --sizes 1000 10000 --repeat 3

Each export is a fresh `python -m desktop export` process, timed from outside (wall clock)
and by the CPU time it used (user + system), since a shared machine inflates wall time.
Generated briefings come from generate_briefing.py. Targets (issue 5): the seed under
1 s, 10,000 entries under 5 s.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "kazakhstan-belarus-state-visit-2017-11.yaml"


def export_once(briefing: Path, out: Path) -> tuple[float, float, str]:
    """(wall seconds, CPU seconds, the command's output line) for one export process."""
    # No validated-briefing cache: each export parses its YAML, as a first export does.
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen",
           "BRIEFING_CACHE_DIR": "off"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "desktop", "export", str(briefing), "-o",
                             str(out)], cwd=ROOT, env=env, capture_output=True, text=True,
                            check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"export of {briefing} failed: {result.stderr.strip()}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, result.stdout.strip()


def measure(name: str, briefing: Path, out: Path, repeat: int,
            entries: int | None) -> None:
    runs = [export_once(briefing, out) for _ in range(repeat)]
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    pages = runs[0][2].split(": ", 1)[-1].split(",")[0]
    line = f"{name:>14}  wall {wall:6.2f} s  cpu {cpu:6.2f} s  {pages:>11}"
    if entries:
        line += f"  per 1,000 entries: wall {wall * 1000 / entries:5.2f} s, " \
                f"cpu {cpu * 1000 / entries:5.2f} s"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000, 50000])
    parser.add_argument("--repeat", type=int, default=3, help="runs per size (median)")
    args = parser.parse_args()
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average "
          f"{os.getloadavg()[0]:.2f}; median of {args.repeat} runs", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        measure("seed", SEED, folder / "seed.pdf", args.repeat, None)
        for size in args.sizes:
            briefing = folder / str(size) / "briefing.yaml"
            subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate_briefing.py"),
                            str(size), "-o", str(briefing)], check=True,
                           capture_output=True)
            repeat = args.repeat if size <= 10000 else 1
            measure(f"{size:,} entries", briefing, folder / f"{size}.pdf", repeat, size)


if __name__ == "__main__":
    main()
