"""The bundled fonts, registered at start so every machine draws the same letters."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtGui import QFont, QGuiApplication

from ..bundled_fonts import register_font_files

UI_FAMILY = "DejaVu Sans"
# The faces the window draws with. The other bundled ones (oblique, mono, serif) are for
# PDFs, so `briefing` registers them once its window is painted: the first paint need not
# wait for fontconfig to read five more fonts.
WINDOW_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")


def register_bundled_fonts(only: Collection[str] | None = None) -> list[str]:
    """Register the font files shipped in resources/fonts (``only``: those of these names),
    each once per process (exports from the window share them); returns the families
    registered so far."""
    families = register_font_files(only)
    # Set once: setting the application font again would lay every widget out again.
    if UI_FAMILY in families and QGuiApplication.font().family() != UI_FAMILY:
        font = QFont(QGuiApplication.font())
        font.setFamilies([UI_FAMILY])
        QGuiApplication.setFont(font)
    return families
