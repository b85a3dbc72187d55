"""Start-up to the first painted window: `briefing` (seed briefing) vs a bare PySide6 label.

    python benchmarks/bench_startup.py [--runs 9]

Each run starts a fresh Python process that exits (os._exit) as soon as its window has
been painted once. The time measured runs from just before the process is started to
just after that first paint (the child reports the moment on the same system-wide clock),
so interpreter start, imports, settings, fonts, loading the seed and building the window
all count; the viewer runs through `briefing`'s own entry point. The process's teardown
after the paint is not start-up and is left out of the ratio (closing the window's file
watcher alone, an inotify instance, takes the kernel 12-14 ms at exit here); the whole
process time is printed too. The kinds run alternately, side by side in one session,
and the medians are compared. Offscreen Qt unless --platform says otherwise (xvfb-run ...
--platform xcb for a real X11 window).
"""

from __future__ import annotations

import argparse
import compileall
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Qt is imported when the window is handed over, not first: `briefing` reads the briefing
# before it imports Qt (see desktop/ui/briefing_file.py), and once imported PySide6 reads the
# source of each module an import statement names, so importing it first here would cost
# the viewer what the real command does not pay.
_EXIT_AFTER_PAINT = """
import os
def exit_after_paint(widget, close=False):
    from PySide6.QtCore import QEvent, QObject, QTimer
    global _painted
    def painted():
        import time
        os.write(1, b"\\n" + repr(time.perf_counter()).encode())
        if close:  # as a user closes it: the window stores what it keeps between starts
            widget.close()
        os._exit(0)
    class _Painted(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, painted)
            return False
    _painted = _Painted()
    widget.installEventFilter(_painted)
"""

BARE = _EXIT_AFTER_PAINT + """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel("Hello")
exit_after_paint(label)
label.show()
app.exec()
"""

# The bare window plus what any viewer of this project must do before painting: parse the
# command line, import and run the core loader on the seed, show its title as plain text.
# The viewer minus this floor is the UI's own start-up cost.
FLOOR = _EXIT_AFTER_PAINT + """
from desktop.cli import _window_parser
args = _window_parser().parse_args([])
from desktop.ui.briefing_file import load
from desktop.paths import seed_briefing
loaded = load(seed_briefing())
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv[:1])
label = QLabel()
label.setProperty("textFormat", "PlainText")
label.setText(loaded.briefing.briefing.title)
exit_after_paint(label)
label.show()
app.exec()
"""

# `briefing` itself, through its entry point (desktop.cli.main, as the installed command
# runs it): the display check, the settings (in a folder of this benchmark's, see main),
# the seed read before Qt, the window. Only ui.start is wrapped, to watch its window, and
# from an import hook, so that desktop.ui.app is imported where main imports it (after
# main has turned the cyclic GC off), not ahead of it.
VIEWER = _EXIT_AFTER_PAINT + """
import sys
from importlib.machinery import PathFinder
class _WrapStart:
    @staticmethod
    def find_spec(name, path=None, target=None):
        if name != "desktop.ui.app":
            return None
        sys.meta_path.remove(_WrapStart)
        spec = PathFinder.find_spec(name, path)
        exec_module = spec.loader.exec_module
        def exec_and_wrap(module):
            exec_module(module)
            _start = module.start
            def start(*args, **kwargs):
                application, window = _start(*args, **kwargs)
                assert window.briefing() is not None, "the seed briefing did not load"
                exit_after_paint(window, close=CLOSE)
                return application, window
            module.start = start
        spec.loader.exec_module = exec_and_wrap
        return spec
sys.meta_path.insert(0, _WrapStart)
from desktop.cli import main
main([])
raise SystemExit("the window closed before it was painted")
"""


def run_once(code: str, platform: str, config: str) -> tuple[float, float]:
    """Seconds from starting the process to just after its first paint, and to its end."""
    env = {**os.environ, "QT_QPA_PLATFORM": platform, "XDG_CONFIG_HOME": config,
           "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    start = time.perf_counter()
    # From ROOT: `python -c` puts the working folder first on sys.path.
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                            text=True, timeout=60, cwd=ROOT)
    ended = time.perf_counter()
    if result.returncode != 0:
        raise SystemExit(f"child failed ({result.returncode}): {result.stderr.strip()}")
    # perf_counter is the system's monotonic clock (CLOCK_MONOTONIC on Linux), the same
    # in the child as here.
    return float(result.stdout.split()[-1]) - start, ended - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", default="offscreen",
                        help="Qt platform plugin (xcb under xvfb-run for a real X11 window)")
    args = parser.parse_args()
    kinds = {"bare PySide6 label window": BARE, "floor (cli + core load + label)": FLOOR,
             "briefing with the seed": VIEWER.replace("close=CLOSE", "close=False")}
    # An installed wheel has its bytecode compiled by pip; a checkout run with
    # PYTHONDONTWRITEBYTECODE (as here) would recompile every module on every start.
    compileall.compile_dir(str(ROOT / "desktop"), quiet=1)
    # The viewer's settings (recent files, window geometry) go to a folder of ours, never
    # the user's; the warm-up runs leave them as a returning user has them (the window
    # closed once), and warm the file cache and the briefing cache.
    with tempfile.TemporaryDirectory(prefix="bench-startup-") as config:
        run_once(VIEWER.replace("close=CLOSE", "close=True"), args.platform, config)
        for code in kinds.values():
            run_once(code, args.platform, config)
        times: dict[str, list[float]] = {name: [] for name in kinds}
        whole: dict[str, list[float]] = {name: [] for name in kinds}
        for _ in range(args.runs):
            for name, code in kinds.items():
                to_paint, to_end = run_once(code, args.platform, config)
                times[name].append(to_paint)
                whole[name].append(to_end)
    for name, values in times.items():
        print(f"{name:<32} median {statistics.median(values) * 1000:4.0f} ms (min "
              f"{min(values) * 1000:.0f}, max {max(values) * 1000:.0f}) to the first paint; "
              f"whole process {statistics.median(whole[name]) * 1000:4.0f} ms; "
              f"{args.runs} runs")
    b, f, v = (statistics.median(t) for t in times.values())
    print(f"ratio viewer/bare: {v / b:.2f}x (target: at most 1.5x); floor/bare {f / b:.2f}x; "
          f"the UI's own cost (viewer - floor): {(v - f) * 1000:.0f} ms; "
          f"platform {args.platform}")
    wb, _wf, wv = (statistics.median(t) for t in whole.values())
    print(f"whole processes, teardown included: viewer/bare {wv / wb:.2f}x")


if __name__ == "__main__":
    main()
