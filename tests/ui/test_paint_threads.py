"""Painting stays on the GUI thread: Qt's raster fills do not go to a thread pool.

Handing a fill to the pool and waiting for it cost more than the fill on a 2-core
machine (see desktop/ui/__init__.py). Run in a fresh interpreter: Qt reads the switch once
per process, and the test session's own painting must not decide the answer.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

PAINT_TALL_SCROLL_BAR = """
import os, sys
import desktop.ui  # what the window, the tests and the benchmarks all import first
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QScrollBar
app = QApplication(sys.argv[:1])
def threads():
    return len(os.listdir("/proc/self/task"))
before = threads()
bar = QScrollBar(Qt.Orientation.Vertical)
bar.resize(16, 900)  # a fill of 900 lines: Qt would split it over the pool
bar.grab()
print(before, threads())
"""


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(),
                    reason="counts threads through Linux's /proc")
@pytest.mark.parametrize("control", [False, True], ids=["viewer", "qt-default"])
def test_painting_a_tall_widget_starts_no_thread(control: bool) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    env.pop("QT_NO_GUI_THREADPOOL", None)
    script = PAINT_TALL_SCROLL_BAR
    if control:  # the same paint with Qt's pool left on: threads start, so the count sees
        script = script.replace("import desktop.ui  #", "import desktop.ui; "
                                "del os.environ['QT_NO_GUI_THREADPOOL']  #")
    out = subprocess.run([sys.executable, "-c", script], env=env, capture_output=True,
                         text=True, timeout=60, check=True).stdout.split()
    before, after = int(out[0]), int(out[1])
    assert (after > before) is control, (before, after)
