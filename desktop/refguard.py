"""A guard against a reference-count bug in PySide6 6.12 on CPython 3.11.

Nearly every void method (QPainter.save/restore/setPen/translate/drawRect, QTextDocument.
setTextWidth/setHtml, QPdfWriter.setTitle, QAbstractTextDocumentLayout.draw, ...) returns
None without taking a reference to it, so each call drops one reference from None.
CPython 3.12 made None immortal and nobody notices there; on 3.11 None starts with about
ten thousand references, so a 1,000-page export (or a long session of repaints) takes its
count to zero and the interpreter aborts with "Fatal Python error: none_dealloc".

``immortalize_none`` does what 3.12 does: it gives None a reference count no program can
use up (2**40, a trillion leaked calls). Extra references to None are harmless, since
None is never freed anyway. Call it once before using Qt; calling it again is a no-op.
"""

from __future__ import annotations

import ctypes
import sys

_NEEDED = sys.implementation.name == "cpython" and sys.version_info < (3, 12)
_FLOOR = 1 << 40


def immortalize_none() -> None:
    if _NEEDED and sys.getrefcount(None) < _FLOOR // 2:
        # ob_refcnt is the first field of every CPython object, at id(obj).
        ctypes.c_ssize_t.from_address(id(None)).value += _FLOOR
