"""A Qt GUI application and the bundled fonts, for rendering with or without a display."""

from __future__ import annotations

import os

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QFont, QGuiApplication, QPainter

from ..bundled_fonts import font_families, register_font_files
from ..paths import fonts_dir

BODY_FAMILY = "DejaVu Sans"
# Every device is laid out at this resolution and painted scaled (render.py): one layout,
# so the PDF, the printer and the preview break lines and pages alike.
LAYOUT_DPI = 72
TITLE_FAMILY = "DejaVu Serif"


def ensure_gui_app() -> QCoreApplication:
    """The running Qt application, or a new QGuiApplication (offscreen with no display).

    Text layout and QPdfWriter need a GUI application; the window already has one, the CLI
    and tests may not.
    """
    app = QCoreApplication.instance()
    if app is None:
        headless = not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))
        if headless:
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QGuiApplication(["briefing"])
    register_fonts()
    return app


def register_fonts() -> None:
    """Register the bundled DejaVu fonts once, so every machine lays out the same glyphs
    (Cyrillic included) and the PDF embeds them rather than whatever the system has."""
    register_font_files()
    missing = [name for name, families in font_families().items() if not families]
    if missing:
        raise RuntimeError(f"cannot load the bundled font {fonts_dir() / missing[0]}")


def print_font(points: float, family: str = BODY_FAMILY) -> QFont:
    """A font for print without ligatures: a PDF reader copies and searches the text layer,
    where a ligature glyph is one character (U+FB01 for "fi"), so "first" would not be
    found or pasted as written."""
    font = QFont(family)
    font.setPointSizeF(points)
    for tag in ("liga", "clig", "dlig", "hlig"):
        font.setFeature(QFont.Tag(tag), 0)
    return font


def painter_font(painter: QPainter, points: float, family: str = BODY_FAMILY) -> QFont:
    """print_font for a painter that works in layout units (scaled from LAYOUT_DPI to its
    device's resolution): a painter sizes a font in points by its device's resolution,
    and the scale would then apply twice."""
    return print_font(points * LAYOUT_DPI / painter.device().logicalDpiY(), family)
