"""Work in a Python thread, its result handed back in the GUI thread, safely.

A worker must not emit a signal of an object the GUI thread may delete meanwhile (a
window closed while its briefing was still loading or indexing): the emit then reads a
freed C++ object and the process dies, as it did, rarely, in the live-reload tests.
Workers hand their results to one relay that lives as long as the application instead;
the relay passes each result on in the GUI thread, and only if its receiver still exists.

While a worker runs, the interpreter switches threads ten times as often as usual. Each
Qt call lets go of the interpreter, and getting it back from a busy worker waited up to a
whole switch interval every time: painting a big briefing while its search index was
being built took many times as long as painting it alone (benchmarks/bench_open_large.py
measures both).
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

T = TypeVar("T")
# What a worker hands back: its receiver, the callback to run and what to run it with
# (a result, or the exception); the relay carries outcomes of every type.
_Outcome = tuple[QObject, Callable[[Any], None], Any]

class _Relay(QObject):
    delivered = Signal(object)  # (receiver, deliver, result)

    def __init__(self) -> None:
        super().__init__()
        self.delivered.connect(self._deliver)

    @staticmethod
    def _deliver(item: _Outcome) -> None:
        receiver, deliver, result = item
        if shiboken6.isValid(receiver):
            deliver(result)


_relay: _Relay | None = None
WORKER_SWITCH_INTERVAL_S = 0.0005
_running = 0
_normal_interval = sys.getswitchinterval()
_lock = threading.Lock()


def _worker_started() -> None:
    global _running, _normal_interval
    with _lock:
        if _running == 0:
            _normal_interval = sys.getswitchinterval()
            sys.setswitchinterval(min(_normal_interval, WORKER_SWITCH_INTERVAL_S))
        _running += 1


def _worker_ended() -> None:
    global _running
    with _lock:
        _running -= 1
        if _running == 0:
            sys.setswitchinterval(_normal_interval)


def start(work: Callable[[], T], receiver: QObject, deliver: Callable[[T], None],
          name: str, failed: Callable[[Exception], None]) -> threading.Thread:
    """Run ``work()`` in a daemon thread, then, in the GUI thread, ``deliver(result)`` or,
    if it raised, ``failed(exception)``: one of them always, unless ``receiver`` (whose
    methods they usually are) has been deleted meanwhile. A worker that failed silently
    left the window busy forever ("Indexing…"). Call from the GUI thread; the thread is
    returned for callers (tests) that must know it is over."""
    global _relay
    if _relay is None:
        _relay = _Relay()  # made here, so it lives in the GUI thread
    relay = _relay

    def run() -> None:
        try:
            result = work()
        except Exception as exc:  # handed to the GUI thread, which says what went wrong
            outcome: _Outcome = (receiver, failed, exc)
        else:
            outcome = (receiver, deliver, result)
        finally:
            _worker_ended()
        relay.delivered.emit(outcome)

    _worker_started()
    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()
    return thread
