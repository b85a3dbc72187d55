"""The bundled fonts are registered once per process, whoever asks first: the window at
start, or an export made from it (which registered them all again, doubling every face in
Qt's font database)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

REGISTER_AS_THE_WINDOW_THEN_EXPORT = """
import sys
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication
from desktop.paths import fonts_dir
from desktop.ui.fonts import WINDOW_FONTS, register_bundled_fonts
from desktop.export.qtapp import ensure_gui_app
app = QApplication(sys.argv[:1])
register_bundled_fonts(WINDOW_FONTS)  # before the first paint
register_bundled_fonts()  # after it
ensure_gui_app()  # File > Export PDF
bundled = sorted(fonts_dir().glob("*.ttf"))
# Qt numbers application fonts from 0 in the order they are added: one more font now
# gets the number after the bundled ones only if none was added twice.
print(len(bundled), QFontDatabase.addApplicationFont(str(bundled[0])))
"""


def test_an_export_from_the_window_adds_no_font_twice() -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-c", REGISTER_AS_THE_WINDOW_THEN_EXPORT], env=env,
                         capture_output=True, text=True, timeout=60, check=True).stdout
    bundled, next_id = map(int, out.split())
    assert bundled == 7
    assert next_id == bundled
