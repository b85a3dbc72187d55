"""Colours that follow the system's light or dark scheme.

Everything else uses the palette as it is; only the few colours the viewer adds itself
(excerpt highlight, chart bars, banner) are picked here, from the palette's lightness.
"""

from __future__ import annotations

import copy
from collections.abc import Callable

from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QWidget


def is_dark(palette: QPalette | None = None) -> bool:
    palette = palette or QGuiApplication.palette()
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def excerpt_background(palette: QPalette | None = None) -> QColor:
    return QColor("#6b5a00") if is_dark(palette) else QColor("#ffe680")


def stated_bar(palette: QPalette | None = None) -> QColor:
    return QColor("#5b9bd5") if is_dark(palette) else QColor("#2f6fb0")


def derived_bar(palette: QPalette | None = None) -> QColor:
    return QColor("#e0a040") if is_dark(palette) else QColor("#c07010")


def banner_background(palette: QPalette | None = None) -> QColor:
    return QColor("#5a1e1e") if is_dark(palette) else QColor("#fde2e1")


def banner_text(palette: QPalette | None = None) -> QColor:
    return QColor("#ffd9d6") if is_dark(palette) else QColor("#5c0f0b")


def search_background(palette: QPalette | None = None) -> QColor:
    """Search hits: green, apart from the yellow of an entry's excerpts."""
    return QColor("#2f6b3a") if is_dark(palette) else QColor("#a6e3a1")


def draft_background(palette: QPalette | None = None) -> QColor:
    return QColor("#4a3b00") if is_dark(palette) else QColor("#fff1c2")


def draft_foreground(palette: QPalette | None = None) -> QColor:
    return QColor("#ffe9a8") if is_dark(palette) else QColor("#4d3a00")


def strip_palette(widget: QWidget, background: Callable[[QPalette], QColor],
                  text: Callable[[QPalette], QColor]) -> QPalette:
    """The palette of a coloured strip (a banner), light or dark as its surroundings are:
    judged by the parent's palette, since the strip's own Window colour is ours."""
    parent = widget.parentWidget()
    base = parent.palette() if parent is not None else QGuiApplication.palette()
    palette = copy.copy(base)  # QPalette(base) would resolve its overloads through ``Qt``
    palette.setColor(QPalette.ColorRole.Window, background(base))
    palette.setColor(QPalette.ColorRole.WindowText, text(base))
    return palette
