"""The bundled fonts, registered at start so every machine draws the same letters."""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from ..paths import fonts_dir

UI_FAMILY = "DejaVu Sans"
# The faces the window draws with. The other bundled ones (oblique, mono, serif) are for
# PDFs, so `briefing` registers them once its window is painted: the first paint need not
# wait for fontconfig to read five more fonts (~1 ms).
WINDOW_FONTS = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf")

_families: dict[str, list[str]] = {}  # each font file registered -> its families


def register_bundled_fonts(only: Collection[str] | None = None) -> list[str]:
    """Register the font files shipped in resources/fonts (``only``: those of these names),
    each once; returns the families registered so far."""
    folder = fonts_dir()
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.suffix.lower() not in (".ttf", ".otf") or path.name in _families:
            continue
        if only is not None and path.name not in only:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        _families[path.name] = (QFontDatabase.applicationFontFamilies(font_id)
                                if font_id >= 0 else [])
    families = sorted({family for found in _families.values() for family in found})
    # Set once: setting the application font again would lay every widget out again.
    if UI_FAMILY in families and QGuiApplication.font().family() != UI_FAMILY:
        font = QFont(QGuiApplication.font())
        font.setFamilies([UI_FAMILY])
        QGuiApplication.setFont(font)
    return families
