"""Whether a window can be opened here, checked before Qt would abort (Qt-free).

Without a display Qt prints a long plugin error and aborts the process; this says in one
line what is missing and what to do instead.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping

XCB_LIBRARIES = {  # Debian package -> library Qt's xcb plugin loads
    "libxcb-icccm4": "libxcb-icccm.so.4",
    "libxcb-keysyms1": "libxcb-keysyms.so.1",
    "libxcb-cursor0": "libxcb-cursor.so.0",
}
HINT = "or use --screenshot OUT.png, or `briefing export FILE -o OUT.pdf`, which need no display"


def missing_xcb_packages() -> list[str]:
    import ctypes  # only here: an offscreen or Wayland start does not need it

    missing = []
    for package, library in XCB_LIBRARIES.items():
        try:
            ctypes.CDLL(library)
        except OSError:
            missing.append(package)
    return missing


def display_problem(env: Mapping[str, str], platform: str = sys.platform) -> str | None:
    """One line saying why no window can open, or None when one can (or we cannot tell)."""
    if not platform.startswith("linux"):
        return None
    chosen = env.get("QT_QPA_PLATFORM", "")
    if chosen and not chosen.startswith("xcb"):
        return None  # offscreen, wayland, vnc...: the user asked for it
    if env.get("WAYLAND_DISPLAY") and not chosen:
        return None
    if not env.get("DISPLAY"):
        return ("briefing: no display to open a window on (DISPLAY and WAYLAND_DISPLAY are "
                f"unset); run it in a desktop session, {HINT}")
    missing = missing_xcb_packages()
    if missing:
        return (f"briefing: cannot open an X11 window: install {' '.join(missing)} "
                f"(Debian/Ubuntu: apt install {' '.join(XCB_LIBRARIES)}), {HINT}")
    return None
