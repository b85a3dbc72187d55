"""Start-up to the first painted window: `briefing` (seed briefing) vs a bare PySide6 label.

    python benchmarks/bench_startup.py [--runs 9]

Each run starts a fresh Python process that exits (os._exit) as soon as its window has
been painted once; the wall time of the whole process is measured, so interpreter start,
imports, fonts, loading the seed and building the window all count. The two kinds run
alternately, side by side in one session, and the medians are compared. Offscreen Qt.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_EXIT_AFTER_PAINT = """
import os
from PySide6.QtCore import QEvent, QObject, QTimer
class _Painted(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, lambda: os._exit(0))
        return False
_painted = _Painted()
"""

BARE = _EXIT_AFTER_PAINT + """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Hello")
label.installEventFilter(_painted)
label.show()
app.exec()
"""

VIEWER = _EXIT_AFTER_PAINT + """
from desktop.cli import _window_parser
args = _window_parser().parse_args([])
from desktop.ui import app as ui
application, window = ui.start(args, None, ui.preload(args))  # as ui.run() does
assert window.briefing() is not None, "the seed briefing did not load"
window.installEventFilter(_painted)
application.exec()
"""


def run_once(code: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen",
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=60)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(f"child failed ({result.returncode}): {result.stderr.strip()}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    args = parser.parse_args()
    run_once(BARE), run_once(VIEWER)  # warm the file cache for both
    bare, viewer = [], []
    for _ in range(args.runs):
        bare.append(run_once(BARE))
        viewer.append(run_once(VIEWER))
    b, v = statistics.median(bare), statistics.median(viewer)
    print(f"bare PySide6 label window: median {b * 1000:.0f} ms "
          f"(min {min(bare) * 1000:.0f}, max {max(bare) * 1000:.0f}) over {args.runs} runs")
    print(f"briefing with the seed:    median {v * 1000:.0f} ms "
          f"(min {min(viewer) * 1000:.0f}, max {max(viewer) * 1000:.0f}) over {args.runs} runs")
    print(f"ratio: {v / b:.2f}x (target: at most 1.5x)")


if __name__ == "__main__":
    main()
