"""The presentation layer imports neither Qt nor the window or the export."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT


def test_present_never_imports_qt_ui_or_export():
    code = ("import sys, pkgutil, importlib, desktop.present as p; "
            "[importlib.import_module(m.name) for m in pkgutil.walk_packages(p.__path__, "
            "'desktop.present.')]; "
            "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken', "
            "'desktop.ui', 'desktop.export'))))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"
