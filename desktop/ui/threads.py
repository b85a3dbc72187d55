"""Work in a Python thread, its result handed back in the GUI thread, safely.

A worker must not emit a signal of an object the GUI thread may delete meanwhile (a
window closed while its briefing was still loading or indexing): the emit then reads a
freed C++ object and the process dies, as it did, rarely, in the live-reload tests.
Workers hand their results to one relay that lives as long as the application instead;
the relay passes each result on in the GUI thread, and only if its receiver still exists.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, Signal


class _Relay(QObject):
    delivered = Signal(object)  # (receiver, deliver, result)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._deliver)

    @staticmethod
    def _deliver(item: tuple[QObject, Callable[[Any], None], Any]) -> None:
        receiver, deliver, result = item
        if shiboken6.isValid(receiver):
            deliver(result)


_relay: _Relay | None = None


def start(work: Callable[[], Any], receiver: QObject, deliver: Callable[[Any], None],
          name: str) -> None:
    """Run ``work()`` in a daemon thread, then ``deliver(result)`` in the GUI thread
    unless ``receiver`` (whose method ``deliver`` usually is) has been deleted. Call from
    the GUI thread."""
    global _relay
    if _relay is None:
        _relay = _Relay()  # made here, so it lives in the GUI thread
    relay = _relay

    def run() -> None:
        relay.delivered.emit((receiver, deliver, work()))

    threading.Thread(target=run, name=name, daemon=True).start()
