"""The bundled fonts, registered at start so every machine draws the same letters."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

from ..paths import fonts_dir

UI_FAMILY = "DejaVu Sans"


def register_bundled_fonts() -> list[str]:
    """Register every font file shipped in resources/fonts; returns the families added."""
    families: list[str] = []
    folder = fonts_dir()
    if not folder.is_dir():
        return families
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".ttf", ".otf"):
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families.extend(QFontDatabase.applicationFontFamilies(font_id))
    if UI_FAMILY in families:
        font = QFont(QGuiApplication.font())
        font.setFamilies([UI_FAMILY])
        QGuiApplication.setFont(font)
    return sorted(set(families))
