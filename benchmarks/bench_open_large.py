"""Opening and scrolling a generated 50,000-entry briefing in the window.

    python benchmarks/bench_open_large.py [--entries 50000] [--runs 3]

Reports the whole open as the user sees it (File > Open until the briefing is painted),
cold (YAML read and validated) and again; the live reload of a saved edit and the longest
the window went unresponsive meanwhile; then,
separately, the core's load (YAML + validation + article read, the part `desktop/core`
owns) and the UI's own cost to show a loaded briefing and paint it; each list
tab's first paint, scrolling every list top to bottom, the first excerpt highlight in the
4 MB article, and the number of widgets before and after (to show no widget per row).
Offscreen Qt; medians over runs.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Each run starts with a fresh validated-briefing cache (desktop/core/cache.py): its first
# load is cold (YAML read and validated), the next reopens the same bytes from the cache.
def _fresh_cache() -> None:
    os.environ["BRIEFING_CACHE_DIR"] = tempfile.mkdtemp(prefix="briefing-bench-cache-")


ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--entries", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    from generate_briefing import write
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.briefing_file import load
    from desktop.ui.fonts import register_bundled_fonts
    from desktop.ui.mainwindow import MainWindow

    folder = Path(tempfile.gettempdir()) / f"briefing-bench-{args.entries}"
    path = folder / "briefing.yaml"
    if not path.exists():
        write(args.entries, path)
    print(f"{path}: {path.stat().st_size / 1e6:.1f} MB, article "
          f"{(folder / 'article.txt').stat().st_size / 1e6:.1f} MB")

    app = QApplication.instance() or QApplication([])
    register_bundled_fonts()
    core_cold, core, ui_show, tabs_first, scroll_frames, highlight = [], [], [], {}, {}, []
    whole_cold, whole, widgets, sort_times = [], [], [], []

    def settle(window: MainWindow, *, index: bool = True) -> None:
        """Run the event loop until the window's file is loaded (and, with ``index``, its
        search index built)."""
        while window.loader.is_busy() or (index and window.is_busy()):
            app.processEvents()
            time.sleep(0.002)

    def open_in_window() -> float:
        """File > Open as a user sees it: the loader's thread, then the first paint."""
        window = MainWindow(None)
        window.show()
        app.processEvents()
        start = time.perf_counter()
        window.open_file(path)
        settle(window, index=False)
        window.repaint()
        app.processEvents()
        took = time.perf_counter() - start
        assert window.briefing() is not None
        settle(window)  # let its search index finish: no thread left behind
        window.close()
        window.deleteLater()
        app.processEvents()
        return took

    def live_reload_gap() -> tuple[float, float]:
        """(seconds from the save to the new title on screen, the longest stretch the
        event loop went without running a 2 ms timer meanwhile) for a save of a new title
        into the open file: the file is read again in the loader's thread."""
        window = MainWindow(None)
        window.show()
        window.open_file(path)
        settle(window)
        text = path.read_text(encoding="utf-8")
        title = f"Reloaded {time.monotonic_ns()}"
        longest, last = 0.0, time.perf_counter()

        def tick() -> None:
            nonlocal longest, last
            now = time.perf_counter()
            longest, last = max(longest, now - last), now

        timer = QTimer()
        timer.setTimerType(Qt.TimerType.PreciseTimer)
        timer.setInterval(2)
        timer.timeout.connect(tick)
        timer.start()
        start = last = time.perf_counter()
        path.write_text(text.replace("  title: ", f"  title: {title} #", 1), encoding="utf-8")
        while window.windowTitle().find(title) < 0 and time.perf_counter() - start < 30:
            app.processEvents()
            time.sleep(0.001)
        took = time.perf_counter() - start
        timer.stop()
        settle(window)
        path.write_text(text, encoding="utf-8")
        window.close()
        window.deleteLater()
        app.processEvents()
        return took, longest

    reloads = []
    for _run in range(args.runs):
        _fresh_cache()
        whole_cold.append(open_in_window())
        whole.append(open_in_window())
        reloads.append(live_reload_gap())
        _fresh_cache()
        start = time.perf_counter()
        load(path)
        core_cold.append(time.perf_counter() - start)
        start = time.perf_counter()
        loaded = load(path)
        core.append(time.perf_counter() - start)

        window = MainWindow(None)
        window.show()
        app.processEvents()
        before = len(QApplication.allWidgets())
        start = time.perf_counter()
        window._path = loaded.path
        window._on_loaded(loaded, "open")
        window.repaint()
        app.processEvents()
        ui_show.append(time.perf_counter() - start)
        # The search index is built in a thread after that first paint; the tabs' own
        # costs are measured once it is done (while it runs, each first paint competes
        # with it for the interpreter: about 0.3-0.6 s for the Leaders tab).
        settle(window)

        for name in ("leaders", "agreements", "trade", "cooperation", "timeline"):
            start = time.perf_counter()
            window.select_tab(name)
            window.repaint()
            app.processEvents()
            tabs_first.setdefault(name, []).append(time.perf_counter() - start)
            table = window.entry_tab(name).table
            bar = table.verticalScrollBar()
            frames = []
            for step in range(0, 101):
                start = time.perf_counter()
                bar.setValue(bar.maximum() * step // 100)
                table.viewport().repaint()
                frames.append(time.perf_counter() - start)
            scroll_frames.setdefault(name, []).extend(frames)
        tab = window.entry_tab("trade")
        start = time.perf_counter()
        tab.table.sortByColumn(1, Qt.SortOrder.DescendingOrder)  # by figure
        window.repaint()
        app.processEvents()
        sort_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        tab.select_row(tab.model.rowCount() // 2)
        window.show_in_article()
        window.repaint()
        app.processEvents()
        highlight.append(time.perf_counter() - start)
        widgets.append((before, len(QApplication.allWidgets()),
                        window.entry_tab("trade").model.rowCount()))
        window.close()
        window.deleteLater()
        app.processEvents()


    med = statistics.median
    print(f"whole open, cold (File > Open to painted: YAML read and validated in the loader's "
          f"thread, article read): median {_ms(med(whole_cold))} "
          f"(runs: {', '.join(_ms(t) for t in whole_cold)})")
    print(f"whole open, again (the same bytes; from the validated-briefing cache only if the "
          f"fast reader could not take them): median {_ms(med(whole))}")
    print(f"core load alone: cold median {_ms(med(core_cold))}, again median "
          f"{_ms(med(core))}")
    print(f"UI: show the loaded briefing + first paint: median {_ms(med(ui_show))}")
    print(f"live reload of a saved edit (new title on screen): median "
          f"{_ms(med(t for t, _g in reloads))}; longest UI gap meanwhile: median "
          f"{_ms(med(g for _t, g in reloads))}, worst {_ms(max(g for _t, g in reloads))}")
    for name, times in tabs_first.items():
        frames = scroll_frames[name]
        print(f"  {name:<12} first paint {_ms(med(times)):>7}; scrolling top to bottom: "
              f"{len(frames)} frames, median {med(frames) * 1000:.1f} ms, "
              f"max {max(frames) * 1000:.1f} ms")
    print(f"sort the trade list by figure (15k rows) + repaint: median {_ms(med(sort_times))}")
    print(f"select a figure + Show in Article (first highlight in the article): "
          f"median {_ms(med(highlight))}")
    before, after, rows = widgets[-1]
    print(f"widgets before open {before}, after opening and scrolling every tab {after} "
          f"(trade tab alone lists {rows:,} rows)")


if __name__ == "__main__":
    main()
