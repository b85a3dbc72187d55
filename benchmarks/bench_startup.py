"""Start-up to the first painted window: `briefing` (seed briefing) vs a bare PySide6 label.

    python benchmarks/bench_startup.py [--runs 9]

Each run starts a fresh Python process that exits (os._exit) as soon as its window has
been painted once; the wall time of the whole process is measured, so interpreter start,
imports, fonts, loading the seed and building the window all count. The two kinds run
alternately, side by side in one session, and the medians are compared. Offscreen Qt
unless --platform says otherwise (xvfb-run ... --platform xcb for a real X11 window).
"""

from __future__ import annotations

import argparse
import compileall
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

# The bare window plus what any viewer of this project must do before painting: parse the
# command line, import and run the core loader on the seed, touch Qt's enum namespace.
# The viewer minus this floor is the UI's own start-up cost.
FLOOR = _EXIT_AFTER_PAINT + """
from desktop.cli import _window_parser
args = _window_parser().parse_args([])
from desktop.ui.document import load
from desktop.paths import seed_briefing
loaded = load(seed_briefing())
import sys
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel(loaded.briefing.briefing.title)
label.setTextFormat(Qt.TextFormat.PlainText)
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


def run_once(code: str, platform: str) -> float:
    env = {**os.environ, "QT_QPA_PLATFORM": platform,
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
    parser.add_argument("--platform", default="offscreen",
                        help="Qt platform plugin (xcb under xvfb-run for a real X11 window)")
    args = parser.parse_args()
    kinds = {"bare PySide6 label window": BARE, "floor (cli + core load + label)": FLOOR,
             "briefing with the seed": VIEWER}
    # An installed wheel has its bytecode compiled by pip; a checkout run with
    # PYTHONDONTWRITEBYTECODE (as here) would recompile every module on every start.
    compileall.compile_dir(str(ROOT / "desktop"), quiet=1)
    for code in kinds.values():
        run_once(code, args.platform)  # warm the file cache (and the briefing cache)
    times: dict[str, list[float]] = {name: [] for name in kinds}
    for _ in range(args.runs):
        for name, code in kinds.items():
            times[name].append(run_once(code, args.platform))
    for name, values in times.items():
        print(f"{name:<32} median {statistics.median(values) * 1000:4.0f} ms (min "
              f"{min(values) * 1000:.0f}, max {max(values) * 1000:.0f}) over {args.runs} runs")
    b, f, v = (statistics.median(t) for t in times.values())
    print(f"ratio viewer/bare: {v / b:.2f}x (target: at most 1.5x); floor/bare {f / b:.2f}x; "
          f"the UI's own cost (viewer - floor): {(v - f) * 1000:.0f} ms; "
          f"platform {args.platform}")


if __name__ == "__main__":
    main()
