"""Fixtures for the viewer tests: an isolated settings file and a window over a file."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from PySide6.QtCore import QSettings

from desktop.ui.fonts import register_bundled_fonts
from desktop.ui.mainwindow import MainWindow

if TYPE_CHECKING:
    from desktop.ui.pages import PageMaker


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    """Settings in a temporary file: tests never touch the user's real settings."""
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def make_window(qtbot, settings):
    register_bundled_fonts()

    def make(path: Path | None = None, *, tab: str | None = None,
             pages: Sequence[PageMaker] | None = None) -> MainWindow:
        """A shown window over ``path``; ``pages``: its pages (the registry's, unless
        given)."""
        window = MainWindow(settings, pages=pages)
        qtbot.addWidget(window)
        if tab:
            window.select_tab(tab)
        if path is not None:
            window.open_file(path)
            qtbot.waitUntil(lambda: not window.loader.is_busy(), timeout=10_000)
        window.show()
        qtbot.waitExposed(window)
        # Search indexes a small briefing once the window has been painted.
        qtbot.waitUntil(lambda: not window.is_busy(), timeout=10_000)
        return window

    return make
