"""Results of worker threads come back in the GUI thread, and never to a deleted object."""

from __future__ import annotations

import sys
import threading

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QThread

from desktop.ui import threads


def _unexpected(outcome: object) -> None:
    raise AssertionError(f"unexpected delivery: {outcome!r}")


def test_a_result_is_delivered_in_the_gui_thread(qtbot):
    receiver = QObject()
    got: list[tuple[object, bool]] = []
    worker_threads: list[threading.Thread] = []

    def work() -> str:
        worker_threads.append(threading.current_thread())
        return "index"

    threads.start(work, receiver, lambda result: got.append(
        (result, QThread.currentThread() is receiver.thread())), "test-worker",
        _unexpected)
    qtbot.waitUntil(lambda: bool(got), timeout=5_000)
    assert got == [("index", True)]
    assert worker_threads[0] is not threading.main_thread()


def test_a_receiver_deleted_meanwhile_gets_nothing_and_nothing_breaks(qtbot):
    # Two workers finish at the same moment; one's receiver was deleted meanwhile (as a
    # window closed while its briefing was indexing). Once both threads are over and the
    # queued deliveries have run, the live one has its result and the other nothing.
    gone, alive = QObject(), QObject()
    release = threading.Event()
    got: dict[str, list[object]] = {"gone": [], "alive": []}

    def work() -> str:
        release.wait(5)
        return "late"

    workers = [threads.start(work, gone, got["gone"].append, "test-worker", _unexpected),
               threads.start(work, alive, got["alive"].append, "test-worker", _unexpected)]
    gone.deleteLater()
    qtbot.waitUntil(lambda: not shiboken6.isValid(gone), timeout=5_000)
    release.set()
    for worker in workers:
        worker.join(5)
        assert not worker.is_alive()
    QCoreApplication.processEvents()  # the relay's queued deliveries
    assert got == {"gone": [], "alive": ["late"]}


def test_a_worker_that_raises_is_heard_of_in_the_gui_thread(qtbot):
    receiver = QObject()
    failures: list[tuple[Exception, bool]] = []

    def work() -> str:
        raise MemoryError("out of memory while indexing")

    worker = threads.start(work, receiver, _unexpected, "test-worker",
                           lambda exc: failures.append(
                               (exc, QThread.currentThread() is receiver.thread())))
    worker.join(5)
    qtbot.waitUntil(lambda: bool(failures), timeout=5_000)
    assert isinstance(failures[0][0], MemoryError) and failures[0][1]
    assert sys.getswitchinterval() == threads._normal_interval


def test_threads_switch_often_while_a_worker_runs_and_as_before_after(qtbot):
    normal = sys.getswitchinterval()
    release = threading.Event()
    seen: list[float] = []

    def work() -> None:
        seen.append(sys.getswitchinterval())
        release.wait(5)

    receiver = QObject()
    done: list[object] = []
    threads.start(work, receiver, done.append, "test-worker", _unexpected)
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen[0] == min(normal, threads.WORKER_SWITCH_INTERVAL_S)
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert sys.getswitchinterval() == normal
