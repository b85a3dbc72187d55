"""The Qt binding itself must not drop references on slot calls.

PySide6 6.12.0 released a reference to None on every Python slot call it made and to
True/False on every emit of a bool: None's count (a few thousand) ran out after a few
thousand clicks, timer ticks or reloads, and the viewer aborted with "Fatal Python
error: none_dealloc" (200 opens in one window were enough). pyproject.toml excludes it;
this test fails, rather than aborts, on any binding with the same fault.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, QTimer, Signal

CALLS = 1000
# Other tests' widgets being deleted while this one runs free their own references to None;
# the fault loses one per call, so a loss under half the calls is that noise, not it.
TOLERATED = CALLS // 2


class _Emitter(QObject):
    flag = Signal(bool)
    thing = Signal(object)


def _settle(qapp) -> None:
    """Run pending deletions and a full collection first, so they do not count as losses."""
    from PySide6.QtCore import QCoreApplication, QEvent

    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()
    gc.collect()


def test_slot_calls_and_emits_keep_singleton_references(qapp, qtbot):
    _settle(qapp)
    ticks: list[int] = []
    timer = QTimer()
    timer.setInterval(0)
    timer.timeout.connect(lambda: ticks.append(1))
    emitter = _Emitter()
    received: list[object] = []
    emitter.flag.connect(received.append)
    emitter.thing.connect(received.append)
    before = {name: sys.getrefcount(value)
              for name, value in (("None", None), ("True", True), ("False", False))}
    timer.start()
    qtbot.waitUntil(lambda: len(ticks) >= CALLS, timeout=5000)
    timer.stop()
    for number in range(CALLS):
        emitter.flag.emit(number % 2 == 0)
        emitter.thing.emit(None)
    received.clear()
    after = {name: sys.getrefcount(value)
             for name, value in (("None", None), ("True", True), ("False", False))}
    lost = {name: before[name] - after[name] for name in before}
    assert all(count < TOLERATED for count in lost.values()), lost


def test_void_method_calls_keep_none_references(qapp):
    """6.12.0 also dropped None on most void methods (QPainter.save/restore, setPen, ...):
    a 1,000-page PDF export aborted the interpreter."""
    from PySide6.QtGui import QImage, QPainter

    _settle(qapp)
    image = QImage(8, 8, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        painter.save()
        painter.restore()
    lost = before - sys.getrefcount(None)
    painter.end()
    assert lost < TOLERATED, lost
