"""Fields of any length in every view: one long word (or a long run of another shape) put
into a field of the seed briefing, and the time each view takes to show it.

    python benchmarks/bench_long_text.py                    # 20k, 100k, 1M characters
    python benchmarks/bench_long_text.py --lengths 100000 --shapes word cjk

For each field, shape and length: opening the window on the tab that shows the field
(load, first paint, the first entry selected in the detail pane), selecting the entry that
holds the field, the Results panel for a query that hits it, `briefing search`, and the PDF
export. A view that lays out a long unbreakable run in quadratic time shows here first
(a 100,000-character word kept the Leaders tab busy for over a minute).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SEED = ROOT / "seeds" / "kazakhstan-belarus-state-visit-2017-11.yaml"
ARTICLE = SEED.with_suffix(".txt")

# field -> (the line of the seed it replaces, the tab that lists it, a query word start)
FIELDS = {
    "statement": ("        text: Positively assessed 2017 economic relations and cooperation "
                  "within the Eurasian Economic Union.\n", "leaders"),
    "leader name": ("  - name: Nursultan Nazarbayev\n", "leaders"),
    "agreement title": ("  - title: Bilateral socio-economic agreement until 2026\n",
                        "agreements"),
    "summary": (None, "overview"),
    "metric": ("  - metric: Bilateral trade turnover\n", "trade"),
}
SHAPES = {
    "word": "x",
    "cjk": "中",
    "arabic": "ب",
    "combining": "e\u0301",
    "emoji": "\U0001F44D\U0001F3FD",
    "words": "word ",
}


def make_text(shape: str, length: int) -> str:
    unit = SHAPES[shape]
    return (unit * (length // len(unit) + 1))[:length].strip() or unit


def write_briefing(folder: Path, field: str, text: str) -> Path:
    seed = SEED.read_text(encoding="utf-8")
    line, _tab = FIELDS[field]
    quoted = '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if line is None:  # the summary: a folded block in the seed, up to the next key
        start = seed.index("  summary: ")
        end = re.compile(r"\n  [a-z_]+:").search(seed, start + 10).start()
        seed = seed[:start] + f"  summary: {quoted}" + seed[end:]
    else:
        assert line in seed, line
        indent = line[:len(line) - len(line.lstrip())]
        seed = seed.replace(line, f"{indent}{line.strip().split(':')[0]}: {quoted}\n", 1)
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(ARTICLE, folder / ARTICLE.name)
    path = folder / "briefing.yaml"
    path.write_text(seed, encoding="utf-8")
    return path


def window_times(path: Path, tab: str, query: str) -> dict[str, float]:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.ui.fonts import register_bundled_fonts
    from desktop.ui.mainwindow import MainWindow

    app = QApplication.instance() or QApplication([])
    register_bundled_fonts()
    settings = QSettings(str(path.with_suffix(".ini")), QSettings.Format.IniFormat)
    times: dict[str, float] = {}
    started = time.perf_counter()
    window = MainWindow(settings)
    window.resize(1200, 800)
    window.select_tab(tab)
    window.open_file(path)
    window.show()
    while window.is_busy():
        app.processEvents()
    window.grab()
    times["open + paint"] = time.perf_counter() - started
    entry_tab = window.entry_tab(tab) if tab != "overview" else None
    if entry_tab is not None:
        for row in range(min(entry_tab.model.rowCount(), 3)):
            started = time.perf_counter()
            entry_tab.select_row(row)
            app.processEvents()
            window.grab()
            times["select"] = max(times.get("select", 0.0), time.perf_counter() - started)
    started = time.perf_counter()
    window.results_panel.show()
    window.apply_query(query)
    while window.is_busy():
        app.processEvents()
    app.processEvents()
    window.grab()
    times["query + results"] = time.perf_counter() - started
    window.close()
    window.deleteLater()
    app.processEvents()
    return times


def cli_time(*args: str) -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-m", "desktop", *args], cwd=ROOT, capture_output=True,
                   check=False, timeout=600)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lengths", type=int, nargs="+", default=[20_000, 100_000, 1_000_000])
    parser.add_argument("--shapes", nargs="+", default=list(SHAPES), choices=list(SHAPES))
    parser.add_argument("--fields", nargs="+", default=list(FIELDS), choices=list(FIELDS))
    parser.add_argument("--no-cli", action="store_true", help="skip search and export")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        baseline = window_times(write_briefing(Path(tmp) / "base", "statement", "short"),
                                "leaders", "short")
        print("seed as it is: " + ", ".join(f"{k} {v * 1000:.0f} ms"
                                             for k, v in baseline.items()))
        for field in args.fields:
            tab = FIELDS[field][1]
            for shape in args.shapes:
                for length in args.lengths:
                    text = make_text(shape, length)
                    folder = Path(tmp) / f"{field}-{shape}-{length}".replace(" ", "_")
                    path = write_briefing(folder, field, text)
                    query = text.split()[0][:6]
                    times = window_times(path, tab, query)
                    if not args.no_cli:
                        times["search (cli)"] = cli_time("search", str(path), query)
                        times["export (cli)"] = cli_time("export", str(path), "-o",
                                                         str(folder / "out.pdf"))
                    shown = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in times.items())
                    print(f"{field:16} {shape:9} {length:>9,}: {shown}", flush=True)


if __name__ == "__main__":
    main()
