"""The fonts shipped in resources/fonts, registered with Qt once per process.

Shared by the window (desktop/ui/fonts.py registers its two faces before the first paint,
the rest after it) and the PDF export (desktop/export/qtapp.py), which registered them
all again when run from the window: every face twice in Qt's font database. A module of
its own, so that neither Qt layer imports the other to reach it.
"""

from __future__ import annotations

from collections.abc import Collection

from PySide6.QtGui import QFontDatabase

from .paths import fonts_dir

_families: dict[str, list[str]] = {}  # each font file registered -> its families


def register_font_files(names: Collection[str] | None = None) -> list[str]:
    """Register the bundled font files (``names``: only those), each once; the families
    registered so far."""
    folder = fonts_dir()
    for path in sorted(folder.iterdir()) if folder.is_dir() else ():
        if path.suffix.lower() not in (".ttf", ".otf") or path.name in _families:
            continue
        if names is not None and path.name not in names:
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        _families[path.name] = (QFontDatabase.applicationFontFamilies(font_id)
                                if font_id >= 0 else [])
    return sorted({family for found in _families.values() for family in found})


def font_families() -> dict[str, list[str]]:
    """Each bundled file registered so far -> its families (empty: Qt refused it)."""
    return dict(_families)
