"""Starting the viewer: `briefing [FILE] [--tab NAME] [--query Q] [--screenshot OUT.png]`."""

from __future__ import annotations

import os
import sys
import time
from argparse import Namespace
from pathlib import Path
from typing import TYPE_CHECKING

from ..core import gcpause
from ..paths import resources_dir, seed_briefing

# dates, numbers and marks, the Overview's Qt-free helpers, are imported here, before
# `start` imports Qt: once PySide6 is imported, it reads the source of each module that an
# import statement run after it names for the first time (html.entities and datetime,
# which these helpers import).
from ..present import dates, numbers  # noqa: F401
from . import briefing_file, marks  # noqa: F401
from .display import display_problem

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from .mainwindow import MainWindow

ORGANISATION = "briefing-viewer"
APPLICATION = "briefing-viewer"
EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
LOAD_TIMEOUT_S = 120.0


def run(args: Namespace) -> int:
    """Open the window (or render it to a PNG) and return the exit code."""
    screenshot = Path(args.screenshot) if args.screenshot else None
    if screenshot is not None:
        # A screenshot never needs a screen: render offscreen, the same on every machine.
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        if not screenshot.parent.absolute().is_dir():
            print(f"briefing: cannot write {screenshot}: folder {screenshot.parent} does not "
                  "exist", file=sys.stderr)
            return EXIT_USAGE
    else:
        problem = display_problem(os.environ)
        if problem is not None:
            print(problem, file=sys.stderr)
            return EXIT_USAGE
    preloaded = preload(args)
    from PySide6.QtCore import QSettings

    settings = None if screenshot else QSettings(ORGANISATION, APPLICATION)
    if screenshot is not None:
        _quiet_offscreen_noise()
    app, window = start(args, settings, preloaded)
    if screenshot is not None:
        return save_screenshot(app, window, screenshot)
    return app.exec()


def preload(args: Namespace) -> briefing_file.Loaded | briefing_file.Failed | None:
    """Read a small file before Qt is imported (see briefing_file.py); None for a big one,
    which loads in a thread once the window is up."""
    path = Path(args.file).absolute() if args.file else seed_briefing()
    return None if briefing_file.is_big(path) else briefing_file.load_or_fail(path)


def _quiet_offscreen_noise() -> None:
    """The offscreen platform warns that it cannot size windows; that is no news here."""
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind, _context, message: str) -> None:
        if "does not support propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def start(args: Namespace, settings: QSettings | None = None,
          preloaded: briefing_file.Loaded | briefing_file.Failed | None = None,
          ) -> tuple[QApplication, MainWindow]:
    """The application and its shown main window, with the file of ``args`` opening
    (``preloaded``: that file already read, a briefing_file.Loaded or briefing_file.Failed)."""
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from . import excepthook
    from .fonts import WINDOW_FONTS, register_bundled_fonts
    from .mainwindow import APP_NAME, MainWindow
    from .widgets import after_first_paint

    app = QApplication.instance() or QApplication([sys.argv[0]])
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationDisplayName(APP_NAME)
    app.setDesktopFileName("briefing-viewer")
    app.setWindowIcon(QIcon(str(resources_dir() / "icons" / "briefing-viewer.svg")))
    register_bundled_fonts(WINDOW_FONTS)
    excepthook.install()
    window = MainWindow(settings)
    if args.tab:
        window.select_tab(args.tab)
    window.open_file(Path(args.file) if args.file else seed_briefing(), preloaded)
    if args.query:
        window.apply_query(args.query)
    window.show()
    after_first_paint(window, _after_first_paint)
    return app, window


def _after_first_paint() -> None:
    """What the first paint does not wait for: the fonts for PDFs (see fonts.py), and the
    cyclic GC, which `briefing` turns off while it starts (see cli.cmd_window)."""
    from .fonts import register_bundled_fonts

    register_bundled_fonts()
    gcpause.back_on()


def wait_until_loaded(app, window, timeout: float = LOAD_TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout
    while window.is_busy():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        time.sleep(0.005)
    app.processEvents()
    return True


def save_screenshot(app, window, out: Path) -> int:
    """Render the window to ``out`` (written whole or not at all)."""
    if not wait_until_loaded(app, window):
        print(f"briefing: gave up waiting for {window.current_path()} to load",
              file=sys.stderr)
        return EXIT_PROBLEMS
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    from ..core.savefile import SaveError, save

    png = QByteArray()
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not window.grab().toImage().save(buffer, "PNG"):
        print(f"briefing: cannot write {out}: the window could not be encoded as PNG",
              file=sys.stderr)
        return EXIT_USAGE
    try:
        save(out, bytes(png.data()))
    except SaveError as exc:
        print(f"briefing: {exc}", file=sys.stderr)
        return EXIT_USAGE
    problems = window.problem_lines()
    for line in problems:
        print(line, file=sys.stderr)
    return EXIT_PROBLEMS if problems else EXIT_OK
