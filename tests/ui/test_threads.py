"""Results of worker threads come back in the GUI thread, and never to a deleted object."""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, QThread

from desktop.ui import threads


def test_a_result_is_delivered_in_the_gui_thread(qtbot):
    receiver = QObject()
    got: list[tuple[object, bool]] = []
    worker_threads: list[threading.Thread] = []

    def work() -> str:
        worker_threads.append(threading.current_thread())
        return "index"

    threads.start(work, receiver, lambda result: got.append(
        (result, QThread.currentThread() is receiver.thread())), "test-worker")
    qtbot.waitUntil(lambda: bool(got), timeout=5_000)
    assert got == [("index", True)]
    assert worker_threads[0] is not threading.main_thread()


def test_a_receiver_deleted_meanwhile_gets_nothing_and_nothing_breaks(qtbot):
    receiver = QObject()
    release = threading.Event()
    finished = threading.Event()
    got: list[object] = []

    def work() -> str:
        release.wait(5)
        finished.set()
        return "late"

    threads.start(work, receiver, got.append, "test-worker")
    receiver.deleteLater()  # as a window closed while its briefing was indexing
    qtbot.wait(20)
    release.set()
    assert finished.wait(5)
    qtbot.wait(50)  # the relay's queued delivery has run by now
    assert got == []


def test_threads_switch_often_while_a_worker_runs_and_as_before_after(qtbot):
    normal = sys.getswitchinterval()
    release = threading.Event()
    seen: list[float] = []

    def work() -> None:
        seen.append(sys.getswitchinterval())
        release.wait(5)

    receiver = QObject()
    done: list[object] = []
    threads.start(work, receiver, done.append, "test-worker")
    qtbot.waitUntil(lambda: bool(seen), timeout=5_000)
    assert seen[0] == min(normal, threads.WORKER_SWITCH_INTERVAL_S)
    release.set()
    qtbot.waitUntil(lambda: bool(done), timeout=5_000)
    assert sys.getswitchinterval() == normal
